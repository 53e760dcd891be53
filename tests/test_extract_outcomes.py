"""Outcome of each answer and of the whole response: answer text -> (outcome, short, ncnd)."""
from __future__ import annotations

import pytest

from foi.extract import outcomes


@pytest.mark.parametrize("answer, expected", [
    ("No", ("answered", "No", False)),
    ("No. Training and guidance is provided by the College of Policing.", ("answered", "No", False)),
    ("Yes, we do operate such a policy.", ("answered", "Yes", False)),
    ("No information is held on this subject.", ("not_held", None, False)),
    ("2021/22 191\n2022/23 127", ("answered", None, False)),
    ("| | |", ("unclear", None, False)),
    ("Example Constabulary can neither confirm nor deny that it holds the information.", ("ncnd", None, True)),
    ("Complying would exceed the appropriate limit of 18 hours under section 12.", ("refused_cost", None, False)),
    ("This information is exempt under section 40(2) and is withheld.", ("refused", None, False)),
    ("Please find attached a spreadsheet. Officers' names have been redacted under section 40(2).",
     ("partially_answered", None, False)),
    ("The report is published on our website and is exempt under section 21.", ("redirected", None, False)),
    ("We do not hold the 2017 return as it is still being prepared.", ("not_held", None, False)),
    ("We hold the information; however we are exempting part of the information under section 31.",
     ("partially_answered", None, False)),
])
def test_answer_outcome(answer, expected):
    assert outcomes.classify(answer) == expected


def test_a_letter_that_decides_nothing_is_unclear():
    letter = "Thank you for your request. We need more time to consider the public interest."
    assert outcomes.classify(letter, letter=True)[0] == "unclear"
    assert outcomes.classify(letter, letter=False)[0] == "answered"


@pytest.mark.parametrize("answer_outcomes, expected", [
    (["answered", "redirected"], "successful"),
    (["ncnd", "answered"], "partially_successful"),
    (["ncnd", "not_held"], "refused"),
    (["refused_cost"], "refused"),
    (["not_held", "not_held"], "not_held"),
    (["unclear"], "unclear"),
    ([], "unclear"),
])
def test_overall(answer_outcomes, expected):
    assert outcomes.overall([{"outcome": o} for o in answer_outcomes], "") == expected


def test_overall_from_the_page_when_no_answer_is_visible():
    assert outcomes.overall([], "Lambeth\nThe request was refused by Example Council.\n") == "refused"
