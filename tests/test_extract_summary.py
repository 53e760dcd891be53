"""Plain summaries: record -> one or two sentences."""
from __future__ import annotations

from foi.extract import summary

S31 = [{"id": "FOIA s31(1)(a)", "law": "FOIA", "section": "31", "name": "Law enforcement"},
       {"id": "FOIA s31(1)(b)", "law": "FOIA", "section": "31", "name": "Law enforcement"}]


def record(outcomes, shorts=None, exemptions=(), authority="Example Constabulary"):
    shorts = shorts or [None] * len(outcomes)
    return {"authority": {"name": authority, "slug": "x"} if authority else None,
            "answers": [{"outcome": o, "short": s} for o, s in zip(outcomes, shorts)],
            "exemptions": list(exemptions)}


def test_mixed_answers_with_grounds():
    rec = record(["ncnd", "answered", "answered", "ncnd", "answered"], [None, "No", "No", None, "No"], S31)
    assert summary.summarise(rec) == ("Example Constabulary answered 3 of 5 questions (all 'No') and neither confirmed "
                                      "nor denied holding information for 2, citing s31(1)(a) and (b) law enforcement.")


def test_single_answer_letter():
    assert summary.summarise(record(["refused_cost"], authority=None)) == \
        "The authority refused the request as too costly to answer."


def test_no_visible_answer():
    assert summary.summarise(record([])) == "No answer is visible in this copy of Example Constabulary's response."


def test_one_answer_given_in_part_with_an_ncnd_part_and_two_grounds():
    rec = record(["partially_answered"], exemptions=[
        {"id": "FOIA s40(5)", "law": "FOIA", "section": "40", "name": "Personal information"},
        {"id": "FOIA s38(2)", "law": "FOIA", "section": "38", "name": "Health and safety"}])
    rec["ncnd"] = True
    assert summary.summarise(rec) == ("Example Constabulary answered the request in part, neither confirming nor "
                                      "denying some of it, citing s40(5) personal information and s38(2) health and "
                                      "safety.")
