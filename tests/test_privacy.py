"""Personal data in a response is masked before it is published; an authority's public contacts stay."""
from __future__ import annotations

from conftest import ROOT
from foi import privacy
from foi.pipeline import process

FIXTURES = ROOT / "tests" / "fixtures" / "readers"

THREAD = """Dear Cleveland Police,
Please tell me how many cars you own.
You can reach me on 07700 900123 or jane.smith@example.org.
Yours faithfully,

Jane Smith
-------
Request sent via WhatDoTheyKnow: request-123456-abcdef12@whatdotheyknow.com
Dear Jane Smith,
Thank you Ms Smith. The force owns 12 cars.
Contact foi@cleveland.police.uk or our switchboard on 01642 326326.
Direct dial: 01642 301234. ICO helpline: 0303 123 1113.
Our reference 201900009848, dated 01/04/2017. Cost £1,234,567.
Yours sincerely
Paul Clerk
Freedom of Information Officer"""


def test_thread_masks_requester_and_their_contacts():
    text, count = privacy.mask(THREAD)
    assert "Jane" not in text and "Smith" not in text
    assert "07700" not in text and "jane.smith@" not in text and "request-123456" not in text
    assert "Dear [name removed]," in text and "Thank you [name removed]." in text
    assert "Yours faithfully,\n\n[name removed]\n" in text
    assert "Direct dial: [phone number removed]." in text
    assert count == 7


def test_public_contacts_and_numbers_that_are_not_phones_stay():
    text, _ = privacy.mask(THREAD)
    for kept in ["Dear Cleveland Police,", "foi@cleveland.police.uk", "switchboard on 01642 326326",
                 "0303 123 1113", "201900009848", "01/04/2017", "£1,234,567", "Paul Clerk"]:
        assert kept in text


def test_salutations_to_no_one_in_particular_stay():
    text = "Dear Sir/Madam,\nDear Belfast City Council,\nDear Requester\nDear FOI Team,"
    assert privacy.mask(text) == (text, 0)


def test_name_with_title_masks_surname_forms_but_not_other_words():
    text, count = privacy.mask("Mr D Rowe\n1 High Street\nDear Mr Rowe\nAs Mr Rowe asked. Rowe Street stays.")
    assert text == ("[name removed]\n1 High Street\nDear [name removed]\nAs [name removed] asked. "
                    "Rowe Street stays.")
    assert count == 3


def test_first_name_salutation_masks_the_full_name_elsewhere():
    assert privacy.mask("Dave Rowe | My Ref: 12\nDear Dave,\nThanks")[0] == (
        "[name removed] | My Ref: 12\nDear [name removed],\nThanks")


def test_international_and_bracketed_numbers():
    text, count = privacy.mask("Tel +44 (0)1642 301234, (01226) 787743 or +447700900123.")
    assert text == "Tel [phone number removed], [phone number removed] or [phone number removed]."
    assert count == 3


def test_already_redacted_addresses_are_not_counted():
    assert privacy.mask("Email: xxxx.xxxxx@xxxxxx.xxx.xx") == ("Email: xxxx.xxxxx@xxxxxx.xxx.xx", 0)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pipeline_masks_and_counts(tmp_path):
    result = process(write(tmp_path, "r.txt", THREAD))
    assert result.error is None
    assert "jane.smith@example.org" not in result.record["text"]
    assert result.record["source"]["masked"] == 7


def test_sidecar_can_show_personal_data(tmp_path):
    write(tmp_path, "r.yml", "personal_data: show\n")
    result = process(write(tmp_path, "r.txt", THREAD))
    assert "jane.smith@example.org" in result.record["text"]
    assert result.record["source"]["masked"] == 0


def test_thread_known_by_its_url_masks_the_request_sign_off():
    text = "Dear Borsetshire Police,\nHow many cars?\nYours faithfully,\nJane Example\nDear Requester,\nTwelve."
    assert "Jane Example" in privacy.mask(text)[0]      # an ordinary letter's sign-off is its writer's
    masked, count = privacy.mask(text, about="https://www.whatdotheyknow.com/request/cars")
    assert "Yours faithfully,\n[name removed]\n" in masked and count == 1


def test_whatdotheyknow_page():
    """A saved thread page: site furniture gone, the requester's name masked, the authority's contacts kept."""
    result = process(FIXTURES / "wdtk-thread.html")
    text = result.record["text"]
    for gone in ["Jane", "Example", "Skip to content", "cookies", "Follow this request", "Link to this",
                 "partially successful", "Browse requests", "What best describes"]:
        assert gone not in text
    for kept in ["Dear Borsetshire Police,", "1. How many police cars does the force own?",
                 "Dear [name removed],", "Yours faithfully,\n[name removed]",
                 "2. Section 31(1)(a) applies to this question.", "switchboard on 01632 960000",
                 "foi@borsetshire.police.example"]:
        assert kept in text
    assert result.record["source"]["masked"] == 2


def test_salutation_ending_the_line_or_followed_by_the_letter():
    assert privacy.mask("Dear Mr. Roberts\nMr. Roberts asked.")[0] == "Dear [name removed]\n[name removed] asked."
    assert privacy.mask("Dear Ms Berry, thank you. Mr Jones wrote too.")[0] == (
        "Dear [name removed], thank you. Mr Jones wrote too.")
    assert privacy.mask("Dear Mr,\nMr Jones") == ("Dear Mr,\nMr Jones", 0)


def test_salutation_to_an_organisation_known_by_its_domain_or_the_page_title():
    text = "Dear Ofsted,\nHow many inspections?\nYours faithfully,\nJane Example\nReply to foi@ofsted.gov.uk"
    masked, _ = privacy.mask(text, about="https://www.whatdotheyknow.com/request/inspections")
    assert masked.startswith("Dear Ofsted,") and "Jane Example" not in masked
    title = "Inspections - a Freedom of Information request to Network Rail - WhatDoTheyKnow"
    assert privacy.mask("Dear Network Rail,\nHow many trains?", about=title)[0].startswith("Dear Network Rail,")


def test_a_name_in_the_subject_is_still_a_name():
    masked, _ = privacy.mask("Dear Jane Example,\nTwelve.", about="FOI request from Jane Example")
    assert masked == "Dear [name removed],\nTwelve."
