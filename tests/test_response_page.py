"""A response page's text: the document's words appear once, in the box that shows them best."""
from __future__ import annotations

from foi import pipeline
from foi.site import responses

INTERLEAVED = """Northdale Borough Council
Reference: NBC/2025/0042
Date: 3 March 2025

Below is your request and our response.

Your request and our response

1. How many bridges does the council maintain?

Response: The council maintains 41 bridges.

2. Please provide your bridge inspection policy.

Response: The policy is attached.

Yours sincerely,
Information Governance Team
"""


def page(text: str, tmp_path) -> str:
    path = tmp_path / "nbc-2025-0042.txt"
    path.write_text(text, encoding="utf-8")
    return responses.page(pipeline.process(path).record | {"id": "nbc-2025-0042"})


def test_questions_restated_above_their_answers_are_shown_once(tmp_path):
    md = page(INTERLEAVED, tmp_path)
    for question in ("How many bridges does the council maintain?", "Please provide your bridge inspection policy."):
        assert md.count(question) == 2          # the answer's question box and the at-a-glance table
        assert "<p>" + question + "</p>" in md
    assert "<p>Response:</p>" not in md and "<p>1. How" not in md
    assert "## The request" not in md            # its only words are the first question, shown with its answer
    assert "<p>Your request and our response</p>" in md     # the opening keeps the document's own heading


def test_other_lines_between_answers_are_kept(tmp_path):
    md = page(INTERLEAVED.replace("policy.\n\nResponse:", "policy.\n\nIncluding footbridges.\n\nResponse:"), tmp_path)
    assert "<p>Including footbridges.</p>" in md
    assert "<p>2. Please provide your bridge inspection policy.</p>" in md   # shown in the passage, in its place


def test_a_request_listing_the_questions_is_kept(tmp_path):
    text = ("Northdale Borough Council\nReference: NBC/2025/0042\n\nYou asked:\n1. How many bridges?\n"
            "2. Which ones are closed?\n3. When were they last inspected?\n\nResponse 1: 41.\nResponse 2: None.\n"
            "Response 3: In 2024.\n")
    md = page(text, tmp_path)
    assert "## The request" in md and "<p>3. When were they last inspected?</p>" in md


def test_boilerplate_repeated_word_for_word_is_shown_once(tmp_path):
    test = ("Factors favouring disclosure: openness.\n\nFactors favouring non-disclosure: safety.\n\n"
            "Balancing test: the public interest favours withholding it.\n\n")
    text = INTERLEAVED.replace("41 bridges.\n", "41 bridges. Their locations are withheld under Section 31(1)(a)."
                               "\n\n" + test).replace("is attached.\n", "is attached. Its annex is withheld "
                                                          "under Section 31(1)(a).\n\n" + test)
    md = page(text, tmp_path)
    assert md.count("favours withholding it") == 1
    q2 = md[md.index("## Question 2"):]
    assert 'Public interest test: the same words as <a href="#q1">under question 1</a>.' in q2


def test_a_question_in_the_first_cell_of_a_table_row_is_shown_once(tmp_path):
    text = ("Northdale Borough Council\nReference: NBC/2025/0042\n\nYour request and our response\n"
            "1. How many bridges does the council maintain? | The council maintains 41 bridges.\n"
            "2. Please provide your bridge inspection policy. | The policy is attached.\n")
    md = page(text, tmp_path)
    assert md.count("How many bridges does the council maintain?") == 2 and " |" not in md.split("## Question 1")[1]


def test_numbered_answer_headings_between_answers_are_not_repeated(tmp_path):
    text = ("Northdale Borough Council\nReference: NBC/2025/0042\n\nYour request and our response\n\n"
            "Q1. How many bridges does the council maintain?\nA1.\nThe council maintains 41 bridges.\n\n"
            "Q2. Please provide your bridge inspection policy.\nA2.\nThe policy is attached.\n")
    md = page(text, tmp_path)
    assert "<p>A1.</p>" not in md and "<p>A2.</p>" not in md and "<p>Q1. How many" not in md
    assert "<p>The council maintains 41 bridges.</p>" in md


def test_a_passage_closing_an_answer_does_not_take_the_next_question(tmp_path):
    test = "Factors favouring disclosure: openness.\nBalancing test: the public interest favours withholding it.\n"
    text = ("Northdale Borough Council\nReference: NBC/2025/0042\n\nDo you hold a gritting policy?\nAnswer\n"
            "Refused under Section 31(1)(a).\n" + test + "How many grit bins are there?\nAnswer\n"
            "Refused under Section 31(1)(a).\n" + test)
    md = page(text, tmp_path)
    assert md.count("favours withholding it") == 1
    assert '<p class="foi-same">Public interest test: the same words as <a href="#q1">' in md
