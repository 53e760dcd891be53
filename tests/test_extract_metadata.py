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
    ("Date: 09/04/24\nEnquiry Reference: 731- 24\n", "731-24"),
    ("Reference:\n\n2093\n\nRequest detail:\n", "2093"),
    ("Date of request: 3 March 2023\nReference: 218-23\n", "218-23"),
    ("Speed cameras (4411/19)\nRequest\n1. How many?\n", "4411/19"),
    ("Our Ref: EX/AB/FOI/412 & 419/21\n", "EX/AB/FOI/412 & 419/21"),
    ("m/r7310582Direct Dial 020 7946 0123\n", "7310582"),
    ("Thank you for your letter.\n", None),
])
def test_reference(text, reference):
    assert metadata.reference(text) == reference


@pytest.mark.parametrize("text, date", [
    ("Date: 09/04/24\n", "2024-04-09"),
    ("Date received: 4 May 2019\nDate responded: 28 June 2019\n", "2019-06-28"),
    ("Dated: 12 Sep 2014\nDate of request: 20/01/2016\nDate of response: 08/02/2016\n", "2016-02-08"),
    ("Mr A Person\n9 November 2020\nDear Mr Person,\n", "2020-11-09"),
    ("March 14, 2024 | Request\n", "2024-03-14"),
    ("Received: \n\nTuesday, 14 March, 2023\n", None),
    ("Publication date: \nWednesday 10 January 2024\n", None),
    ("We acknowledge your request dated 14th October 2022.\n", None),
    ("1st April 2019 to 31st March 2020 – 212 claims\n", None),
    ("Our Ref: E417/2016 Date: 29th February 2016\n", "2016-02-29"),
])
def test_date(text, date):
    assert metadata.response_date(text) == date


@pytest.mark.parametrize("text, url, name", [
    ("Dear Example Borough Council,\nI request a schedule of requests.\n", None, "Example Borough Council"),
    ("We hold the information.\n", "https://www.cleveland.police.uk/foi-ai/disclosure/x/", "Cleveland Police"),
    ("Website: www.homeoffice.gov.uk\nDate: 5 June 2015\n", None, "Home Office"),
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
    # known names: several words in any case, short forms, the longest of those starting alike
    ("Thank you. The department for transport does not hold the data.\n", None, "Department for Transport"),
    ("The records are held by the DWP.\n", None, "Department for Work and Pensions"),
    ("Police Service of Scotland does not hold this list.\n", None, "Police Scotland"),
    ("Dear HM Revenue & Customs,\nPlease send the list.\n", None, "HM Revenue and Customs"),
    ("Figures provided by the ministry of defence show 4 cases. The MoD will publish more.\n", None,
     "Ministry of Defence"),
])
def test_authority(text, url, name):
    assert metadata.authority(text, url) == name


@pytest.mark.parametrize("title, name", [
    ("Request NBC/25/7: gritting | Northdale Borough Council", "Northdale Borough Council"),
    ("Gritting routes - Northdale Borough Council - Disclosure log", "Northdale Borough Council"),
    ("Gritting routes | Disclosure log", None),
    ("Complaints | Information Commissioner's Office", None),    # the regulator, named in every refusal, is no site
])
def test_authority_from_the_web_page_title(title, name):
    assert metadata.authority("Reference: NBC/25/7\nWe hold 41 grit bins.\n", None, title) == name
    text = "Eastwick Borough Council holds 41 grit bins.\n"
    assert metadata.authority(text, None, title) == "Eastwick Borough Council"   # the name it uses of itself wins


@pytest.mark.parametrize("text, scottish, regimes", [
    ("made using the Freedom of Information (Scotland) Act 2002", False, ["FOISA"]),
    ("handled under the Environmental Information Regulations 2004 (EIR)", False, ["EIR"]),
    ("the Environmental Information (Scotland) Regulations 2004 and FOISA", False, ["EISR", "FOISA"]),
    ("Disclosure log entry", True, ["FOISA"]),
    ("Disclosure log entry", False, ["FOIA"]),
    ("FOI-DPA-EIR Requests Team\nRequest made via the Freedom of Information Act 2000", False, ["FOIA"]),
    ("Handled under FOIA. The regulator, which is responsible for overseeing both the FOI Act and the "
     "Environmental Information Regulations 2004, can review it.", False, ["FOIA"]),
    ("Handled under the FOI/EIR regimes: the Environmental Information Regulations apply.", False, ["EIR"]),
])
def test_regimes(text, scottish, regimes):
    assert metadata.regimes(text, scottish) == regimes


def test_title_prefers_the_subject_to_a_generic_title():
    assert metadata.find("Firearms licensing\nReference: 12/25\n", title="Freedom of Information")["title"] \
        == "Firearms licensing"


def test_title_from_a_request_page_address_keeps_the_acronyms_the_text_uses():
    text = "We asked about ANPR cameras and CCTV.\nAnswer\nNo\n"
    url = "https://www.whatdotheyknow.com/request/anpr-cameras-and-cctv-footage"
    assert metadata.find(text, url=url)["title"] == "ANPR cameras and CCTV footage"


def test_a_web_page_title_loses_the_site_name_it_ends_with():
    found = metadata.find("We hold 41 grit bins.\n", title="Gritting routes | Northdale Borough Council")
    assert found["title"] == "Gritting routes" and found["authority"]["name"] == "Northdale Borough Council"
    assert metadata.find("Text.\n", title="Gritting - winter 2025")["title"] == "Gritting - winter 2025"
