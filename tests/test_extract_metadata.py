"""Metadata of a response: authority, reference, date, regimes, title; input text -> expected fields."""
from __future__ import annotations

import pytest

from foi.extract import metadata

LETTER = """Example Constabulary
Information Rights Unit
www.example.police.uk
Our Ref: FOI 346/25
Your Ref: request-9999
Date: 3rd March 2025
Dear Applicant,
Thank you for your request received on 12 February 2025 under the Freedom of Information Act 2000.
Example Constabulary can confirm that the information is held.
"""


def assert_fields(text, expected, url=None, title=None):
    got = metadata.find(text, title=title, url=url)
    assert {k: got[k] for k in expected} == expected


def test_letter():
    assert_fields(LETTER, {"authority": {"name": "Example Constabulary", "slug": "example-constabulary"},
                           "reference": "FOI 346/25", "date": "2025-03-03", "regimes": ["FOIA"]})


@pytest.mark.parametrize("text, reference", [
    ("Date: 17/07/25\nEnquiry Reference: 512- 25\n", "512-25"),
    ("Reference:\n\n1181\n\nRequest detail:\n", "1181"),
    ("Date of request: 11 January 2022\nReference: 045-22\n", "045-22"),
    ("Drones (3300/18)\nRequest\n1. How many?\n", "3300/18"),
    ("Our Ref: SRT/DC/FOI/695 & 758/15\n", "SRT/DC/FOI/695 & 758/15"),
    ("m/r4567496Direct Dial 020 3045 4562\n", "4567496"),
    ("Thank you for your letter.\n", None),
])
def test_reference(text, reference):
    assert metadata.reference(text) == reference


@pytest.mark.parametrize("text, date", [
    ("Date: 17/07/25\n", "2025-07-17"),
    ("Date received: 21 August 2017\nDate responded: 31 October 2017\n", "2017-10-31"),
    ("Dated: 07 Jun 2011\nDate of request: 15/02/2012\nDate of response: 01/03/2012\n", "2012-03-01"),
    ("Mr A Person\n15 January 2021\nDear Mr Person,\n", "2021-01-15"),
    ("January 22, 2025 | Request\n", "2025-01-22"),
    ("Received: \n\nFriday, 29 April, 2022\n", None),
    ("Publication date: \nMonday 26 February 2024\n", None),
    ("Thank you for your request dated 22nd September 2023.\n", None),
    ("1st June 2021 to 31st May 2022 – 765 claims\n", None),
    ("Our Ref: F203/2012 Date: 29th February 2012\n", "2012-02-29"),
])
def test_date(text, date):
    assert metadata.response_date(text) == date


@pytest.mark.parametrize("text, url, name", [
    ("Dear Example Borough Council,\nI request a schedule of requests.\n", None, "Example Borough Council"),
    ("We hold the information.\n", "https://www.cleveland.police.uk/foi-ai/disclosure/x/", "Cleveland Police"),
    ("Website: www.homeoffice.gov.uk\nDate: 23 February 2012\n", None, "Home Office"),
    ("The information is held by Example City Council. You may complain to the Information Commissioner.\n",
     None, "Example City Council"),
    ("You may complain to the Information Commissioner's Office.\n", None, None),
    ("Example District Council will consider any complaint. The ICO cannot decide until you have used it; the "
     "Information Commissioner can be contacted at Wilmslow.\n", None, "Example District Council"),
    ("Subject: ICO response to request [Ref. X123456]\nDear Sir,\nWe refuse your request.\n", None,
     "Information Commissioner's Office"),
    ("Subject: Example Police response to your request\nDear Sir,\n", None, "Example Police"),
    ("Example Council no longer completes the return.\nThe Information Commissioner can be contacted at "
     "www.ico.org.uk\n", None, "Example Council"),
])
def test_authority(text, url, name):
    assert metadata.authority(text, url) == name


@pytest.mark.parametrize("text, scottish, regimes", [
    ("made under the Freedom of Information (Scotland) Act 2002", False, ["FOISA"]),
    ("handled under the Environmental Information Regulations 2004 (EIR)", False, ["EIR"]),
    ("the Environmental Information (Scotland) Regulations 2004 and FOISA", False, ["EISR", "FOISA"]),
    ("Disclosure log entry", True, ["FOISA"]),
    ("Disclosure log entry", False, ["FOIA"]),
    ("FOI-DPA-EIR Requests Team\nRequest under the Freedom of Information Act 2000", False, ["FOIA"]),
    ("Handled under FOIA. The ICO is responsible for overseeing the Freedom of Information Act 2000 and the "
     "Environmental Information Regulations 2004.", False, ["FOIA"]),
    ("Handled under the FOI/EIR regimes: the Environmental Information Regulations apply.", False, ["EIR"]),
])
def test_regimes(text, scottish, regimes):
    assert metadata.regimes(text, scottish) == regimes


def test_title_prefers_the_subject_to_a_generic_title():
    assert metadata.find("Firearms licensing\nReference: 12/25\n", title="Freedom of Information")["title"] \
        == "Firearms licensing"


def test_title_from_a_request_page_address_keeps_the_acronyms_the_text_uses():
    text = "We asked about RASSO cases and CCTV.\nAnswer\nNo\n"
    url = "https://www.whatdotheyknow.com/request/rasso-cases-and-cctv-footage"
    assert metadata.find(text, url=url)["title"] == "RASSO cases and CCTV footage"
