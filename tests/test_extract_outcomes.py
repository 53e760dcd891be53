"""Outcome of each answer and of the whole response: answer text -> (outcome, short, ncnd)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from foi.extract import outcomes


@pytest.mark.parametrize("answer, expected", [
    ("No", ("answered", "No", False)),
    ("No. Guidance for officers comes from the College of Policing.", ("answered", "No", False)),
    ("Yes, we do operate such a policy.", ("answered", "Yes", False)),
    ("No information is held on this subject.", ("not_held", None, False)),
    ("2021/22 191\n2022/23 127", ("answered", None, False)),
    ("| | |", ("unclear", None, False)),
    ("Example Constabulary can neither confirm nor deny holding any such records.", ("ncnd", None, True)),
    ("Complying would exceed the appropriate limit of 18 hours under section 12.", ("refused_cost", None, False)),
    ("This information is exempt under section 40(2) and is withheld.", ("refused", None, False)),
    ("Please find attached a spreadsheet. Officers' names have been redacted under section 40(2).",
     ("partially_answered", None, False)),
    ("The report is published on our website and is exempt under section 21.", ("redirected", None, False)),
    ("We do not hold the 2017 return as it is still being prepared.", ("not_held", None, False)),
    ("We hold the records; however we are exempting part of them under section 31.",
     ("partially_answered", None, False)),
    ("Example Council does hold some relevant records. The minutes are exempt until they are published.",
     ("partially_answered", None, False)),
    ("The information is held, but it cannot be disclosed in full: part 2 is not held by us at all.",
     ("partially_answered", None, False)),
    ("Our guidance is published at the link below. We do not hold any figures for the second point.",
     ("partially_answered", None, False)),
    ("We do not hold this information. You may wish to contact the Example Courts Service.",
     ("not_held", None, False)),
    ("Example Police does hold some information, given below. We can neither confirm nor deny holding any for "
     "questions 4 and 5.", ("partially_answered", None, True)),
    ("The attached spreadsheet lists our vans. Disclosure of where each van is based would prejudice policing.",
     ("partially_answered", None, False)),
    ("A qualified exemption applies, so we need to extend our response time to consider the public interest. "
     "We aim to reply in full by 3 March.", ("unclear", None, False)),
])
def test_answer_outcome(answer, expected):
    assert outcomes.classify(answer) == expected


@pytest.mark.parametrize("answer, expected", [
    # not held, as councils, forces, trusts and Scottish bodies commonly put it
    ("Example Borough Council has no record of any such complaints.", "not_held"),
    ("Nil return.", "not_held"),
    ("This letter is a section 17 notice: Example Health Board does not keep a register of this kind.", "not_held"),
    ("Searches of our systems were carried out and no records were found.", "not_held"),
    ("No such documents exist.", "not_held"),
    ("Example Constabulary was unable to locate any relevant information.", "not_held"),
    ("The Trust does not collect this data.", "not_held"),
    ("Reasons for leaving are not captured on the HR system.", "not_held"),
    # redirected: published, or another body holds it
    ("The report is already in the public domain.", "redirected"),
    ("This information is otherwise accessible, so section 25 of FOISA applies.", "redirected"),
    ("The figures are published by the Example Statistics Agency each spring.", "redirected"),
    ("Please refer to our publication scheme.", "redirected"),
    ("You can find this information on our website at www.example.gov.uk/budgets.", "redirected"),
    ("The Council publishes these minutes on its website.", "redirected"),
    ("We are not the appropriate authority for this request.", "redirected"),
    ("Example Fire Service would be better placed to answer this question.", "redirected"),
    # refused on cost
    ("Complying would exceed the £450 limit set by the Fees Regulations.", "refused_cost"),
    ("It would cost more than £600 to locate and extract the records.", "refused_cost"),
    ("Reviewing every file would take more than 90 hours.", "refused_cost"),
    ("The request is manifestly unreasonable because of the time needed to search the archive.", "refused_cost"),
    ("Answering would exceed the upper cost limit.", "refused_cost"),
    # neither confirm nor deny
    ("Example University is not obliged to confirm or deny whether it holds this information.", "ncnd"),
    ("No inference should be drawn from this response as to whether or not information is held.", "ncnd"),
    ("Example Council refuses to reveal whether the information exists.", "ncnd"),
    # refused, and partly answered
    ("The public interest in maintaining the exemption outweighs that in disclosure.", "refused"),
    ("Example Council must refuse your request.", "refused"),
    ("Please find below the figures for 2023. We do not hold the 2022 figures.", "partially_answered"),
    ("The figures are as follows. Names of staff are exempt under section 40(2).", "partially_answered"),
    ("You should contact us if you wish to narrow the request; it would exceed the appropriate limit.",
     "refused_cost"),
    ("Example District Council does not keep records of missed bin collections.", "not_held"),
    ("We were unable to find the requested records.", "not_held"),
    ("Searching the archive would take an estimated 75 hours, above the cost threshold.", "refused_cost"),
    ("The inspection reports are publicly available online.", "redirected"),
    ("Please see the figures below, with the exception of question 4, which is exempt under section 31.",
     "partially_answered"),
    ("The attached table answers questions 1 and 2. The remainder of your request is not held.",
     "partially_answered"),
])
def test_common_wordings(answer, expected):
    assert outcomes.classify(answer)[0] == expected


@pytest.mark.parametrize("answer", [
    "Information released under the Act is regarded as published and therefore in the public domain.",
    "2022 - £4,000. The ledger does not record that level of detail.",
    "Officers recorded 40 drivers who would exceed the speed limit.",
    "If you are unhappy you may wish to contact us again.",
])
def test_common_wordings_that_answer(answer):
    assert outcomes.classify(answer)[0] == "answered"


def test_a_scottish_otherwise_accessible_citation_is_a_redirection():
    cite = SimpleNamespace(id="FOISA s25(1)", ncnd=False)
    assert outcomes.classify("See the link.", [cite])[0] == "redirected"


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


def test_an_eir_regulation_12_exception_is_a_refusal_not_a_cost_limit():
    def cite(id_):
        return SimpleNamespace(id=id_, ncnd=False)
    assert outcomes.signals("The request is refused.", [cite("EIR r12(5)(e)")]) == {"refused"}
    assert outcomes.signals("The request is manifestly unreasonable.", [cite("EIR r12(4)(b)")]) == {"refused"}
    assert "cost" in outcomes.signals("It would exceed the appropriate limit.", [cite("EIR r12(4)(b)")])
    assert outcomes.signals("Refused.", [cite("FOIA s12(1)")]) == {"cost"}
    assert outcomes.signals("See our site.", [cite("FOIA s21")]) == {"published", "redirected"}
