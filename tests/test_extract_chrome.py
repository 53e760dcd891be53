"""Site chrome is dropped line by line; every sentence of the response stays."""
from __future__ import annotations

from foi.extract import chrome


def test_banners_dropped_response_kept():
    page = ("Leave this site\n"
            "Your cookie preferences have been saved. Change them whenever you like.\n"
            "Rydym yn defnyddio rhai cwcis hanfodol ar y dudalen.\n"
            "Download original attachment\n"
            "Skip to main content\n"
            "Date: 01/02/25\n"
            "We use cookies in our investigations only where the law allows.\n")
    assert chrome.strip(page) == "Date: 01/02/25\nWe use cookies in our investigations only where the law allows."
