"""Boilerplate passages a page can fold: text -> [(kind, passage)]."""
from __future__ import annotations

from foi.extract import boilerplate

LETTER = """Answer
Section 1 of the Freedom of Information Act 2000 places two duties on public authorities.
Example Constabulary can neither confirm nor deny that it holds the information.
Factors favouring disclosure:
Transparency.
Factors favouring non-disclosure:
Harm to law enforcement.
Balancing test:
The balance lies in neither confirming nor denying.
No inference can be taken from this refusal that the information does or does not exist.
Answer
No
Please note that all statistical data supplied is a snapshot of data held at the time of the request.
If you are not satisfied with this response you may request an internal review.
You may then complain to the Information Commissioner.
Yours sincerely
"""


def test_kinds_and_passages():
    spans = boilerplate.find(LETTER)
    got = [(s.kind, LETTER[s.start:s.end]) for s in spans]
    assert got == [
        ("duties_explained", "Section 1 of the Freedom of Information Act 2000 places two duties on public authorities."),
        ("public_interest_test", "Factors favouring disclosure:\nTransparency.\nFactors favouring non-disclosure:\n"
                                 "Harm to law enforcement.\nBalancing test:\nThe balance lies in neither confirming nor "
                                 "denying."),
        ("no_inference", "No inference can be taken from this refusal that the information does or does not exist."),
        ("disclaimer", "Please note that all statistical data supplied is a snapshot of data held at the time of the "
                       "request."),
        ("review_rights", "If you are not satisfied with this response you may request an internal review.\n"
                          "You may then complain to the Information Commissioner."),
    ]


def test_answers_are_never_boilerplate():
    text = "Answer\nNo\nAnswer\nWe hold 12 records.\n"
    assert boilerplate.find(text) == []
