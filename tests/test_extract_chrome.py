"""Site chrome is dropped line by line; every sentence of the response stays."""
from __future__ import annotations

from foi.extract import chrome


def test_banners_dropped_response_kept():
    page = ("Quickly exit this site by pressing the Escape key Leave this site\n"
            "We use some essential cookies to make our website work. We'd like to set additional cookies.\n"
            "Rydym yn defnyddio rhai cwcis hanfodol i wneud i'n gwefan weithio.\n"
            "This is an HTML version of an attachment to the Freedom of Information request 'Dogs'.\n"
            "Skip to main content\n"
            "Date: 01/02/25\n"
            "We use cookies in our investigations only where the law allows.\n")
    assert chrome.strip(page) == "Date: 01/02/25\nWe use cookies in our investigations only where the law allows."
