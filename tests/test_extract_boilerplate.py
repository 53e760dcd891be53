"""Boilerplate passages a page can fold: text -> [(kind, passage)]."""
from __future__ import annotations

from foi.extract import boilerplate

LETTER = """Answer
We looked at each part of the request.
Section 1 of the Freedom of Information (Scotland) Act places two duties on every authority like ours.
Example Constabulary can neither confirm nor deny holding such records.
Factors favouring disclosure:
Transparency.
Factors favouring non-disclosure:
Harm to law enforcement.
Balancing test:
The balance lies in neither confirming nor denying.
No inference should be drawn from this about whether any records exist.
Answer
No
Please note that data supplied here is a snapshot and may change.
If you are unhappy with how we dealt with this, you may ask for an internal review.
After that you can go to the Information Commissioner.
Yours sincerely
"""


def test_kinds_and_passages():
    spans = boilerplate.find(LETTER)
    got = [(s.kind, LETTER[s.start:s.end]) for s in spans]
    assert got == [
        ("duties_explained", "Section 1 of the Freedom of Information (Scotland) Act places two duties on every authority like ours."),
        ("public_interest_test", "Factors favouring disclosure:\nTransparency.\nFactors favouring non-disclosure:\n"
                                 "Harm to law enforcement.\nBalancing test:\nThe balance lies in neither confirming nor "
                                 "denying."),
        ("no_inference", "No inference should be drawn from this about whether any records exist."),
        ("disclaimer", "Please note that data supplied here is a snapshot and may change."),
        ("review_rights", "If you are unhappy with how we dealt with this, you may ask for an internal review.\n"
                          "After that you can go to the Information Commissioner."),
    ]


def test_answers_are_never_boilerplate():
    text = "Answer\nNo\nAnswer\nWe hold 12 records.\n"
    assert boilerplate.find(text) == []


def test_a_passage_ends_with_the_answer_it_is_in():
    text = ("Do you hold a gritting policy?\nAnswer\nRefused under Section 31.\nFactors favouring disclosure: openness.\n"
            "Balancing test: withheld.\nHow many grit bins are there?\nAnswer\nRefused under Section 31.\n"
            "Factors favouring disclosure: openness.\nBalancing test: withheld.\n")
    first_end = text.index("\nHow many")
    spans = boilerplate.find(text, ends=[first_end, len(text) - 1])
    assert [text[s.start:s.end] for s in spans] == ["Factors favouring disclosure: openness.\nBalancing test: withheld."] * 2
    assert "How many" in text[boilerplate.find(text)[0].start:boilerplate.find(text)[0].end]   # without the answers
