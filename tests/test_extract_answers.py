"""Answer blocks as the authority laid them out: input text -> (label, question, answer) per block."""
from __future__ import annotations

from foi.extract import answers


def assert_blocks(text, expected, request=None):
    layout = answers.split(text)
    assert [(b.label, b.question, b.answer) for b in layout.blocks] == expected
    for b in layout.blocks:
        assert text[b.start:b.end].strip() == b.answer
    if request is not None:
        assert layout.request == request


def test_answer_headings_without_questions():
    text = "Date: 01/02/25\nSpecifically, we request:\nAnswer\nNo\nAnswer\nYes. We hold 3 records.\nAnswer\nNo\n" \
           "If you are unhappy with how we handled this, you may ask for a review.\n"
    assert_blocks(text, [(None, None, "No"), (None, None, "Yes. We hold 3 records."), (None, None, "No")])


def test_question_and_answer_headings():
    text = "Question 1\nHow many dogs?\nA1: Four.\nQuestion 2\nHow many cats?\nA2: None are held.\n"
    assert_blocks(text, [("1", "How many dogs?", "Four."), ("2", "How many cats?", "None are held.")])


def test_response_headings_for_several_questions():
    text = "Request:\n1. How many?\n2. Which ones?\n3. When?\nResponse 1:\nTwelve.\nResponse 2-3:\nThis is exempt.\n"
    assert_blocks(text, [("1", None, "Twelve."), ("2-3", None, "This is exempt.")])


def test_numbered_answers_after_the_restated_request():
    text = ("Your Request:\n1. Do you publish a parking strategy?\n2. Please send it.\nOur Response:\n1. Yes.\n"
            "2. That strategy is not held.\nYours sincerely\nA Clerk\n")
    assert_blocks(text, [("1", None, "Yes."), ("2", None, "That strategy is not held.")],
                  request="1. Do you publish a parking strategy?\n2. Please send it.")


def test_interleaved_questions_with_lettered_parts():
    text = ("1. How many claims were received?\n2021/22 12\n2022/23 15\n3. For the same period, please provide:\n"
            "a) The total paid\n£1,000\nb) The highest payout\n£400\n")
    assert_blocks(text, [
        ("1", "How many claims were received?", "2021/22 12\n2022/23 15"),
        ("a", "For the same period, please provide: The total paid", "£1,000"),
        ("b", "The highest payout", "£400"),
    ])


def test_questions_answered_together():
    text = ("1. How many vans?\nAnswering this would exceed the cost limit.\n2. How many cars?\n3. How many bikes?\n"
            "For questions 2 and 3: 40 cars and 2 bikes.\n")
    blocks = answers.split(text).blocks
    assert [(b.label, b.question) for b in blocks] == [("1", "How many vans?"), ("3", "How many cars? How many bikes?")]


def test_question_and_answer_on_one_line():
    assert_blocks("Response\n1. How many fines were appealed? 76 in 2017\n2. How much was raised? £9,207\n",
                  [("1", "How many fines were appealed?", "76 in 2017"), ("2", "How much was raised?", "£9,207")])


def test_table_rows():
    text = "| Contract A | Contract B |\n1. SUPPLIER | Acme | Bolt |\n2. ANNUAL SPEND | £10 | £20 |\n"
    assert_blocks(text, [("1", "SUPPLIER", "Acme | Bolt |"), ("2", "ANNUAL SPEND", "£10 | £20 |")])


def test_further_answer_paragraph():
    text = ("Answer\n1. Six incidents.\n2. Three incidents.\nIn addition, in relation to prosecutions, we can neither "
            "confirm nor deny that any "
            "other information is held.\n")
    assert [b.label for b in answers.split(text).blocks] == ["1", "2", None]


def test_letter_without_structure_is_one_answer():
    text = "Dear Mr Smith,\nThank you for your request about parks.\nWe do not hold this information.\n"
    assert [b.answer for b in answers.split(text).blocks] == [text.strip()]


def test_thread_takes_the_last_letter():
    text = ("Dear Example Council,\nPlease send your parks budget.\nYours faithfully,\nA Requester\n"
            "Dear A Requester,\nThe budget is £5,000.\nYours sincerely,\nA Clerk\n")
    assert [b.answer for b in answers.split(text).blocks] == ["Dear A Requester,\nThe budget is £5,000."]


def test_seed_has_seven_answers_without_questions():
    from tests.conftest import SEED
    from foi.extract import chrome
    blocks = answers.split(chrome.strip(SEED.read_text(encoding="utf-8"))).blocks
    assert len(blocks) == 7
    assert all(b.question is None for b in blocks)


def test_flattened_tables_are_one_answer_each():
    text = ("I would like to know:\n|\nNumber of checks made under the new bylaw |\n2024 |\n32 |\n|\n"
            "Fines issued to drivers under the bylaw |\n12 |\n")
    assert [b.answer.split("\n")[1] for b in answers.split(text).blocks] == [
        "Number of checks made under the new bylaw |", "Fines issued to drivers under the bylaw |"]


def test_refusal_after_figures_is_another_answer():
    text = ("a)\n2019 – 4\n2020 – 11\nSection 1 of the Freedom of Information (Scotland) Act places two duties on us, and "
            "both are set aside here.\nSection 31(1) Law enforcement applies.\n")
    assert len(answers.split(text).blocks) == 2
    led = text.replace("2020 – 11\n", "2020 – 11\nFor the rest we rely on the following:\n")
    assert len(answers.split(led).blocks) == 1


def test_bare_yes_before_numbered_answers():
    text = "Dear Sir,\nYes, we do operate such a policy.\n1. Six staff.\n2. Not recorded.\n"
    assert [b.answer for b in answers.split(text).blocks] == ["Yes, we do operate such a policy.", "Six staff.",
                                                              "Not recorded."]


def test_request_after_its_introduction():
    text = ("Thanks for writing to us. Below is your request, followed by our answer.\n"
            "Please tell me how many drones you own.\nAnswer\nTwo.\n")
    assert answers.split(text).request == "Please tell me how many drones you own."


def test_numbered_answers_in_an_annex_after_the_sign_off():
    text = ("Dear Applicant,\nThank you for your request about fines. Apologies for the late reply.\n"
            "Yours sincerely\nA Clerk\nANNEX\n1. The number of fines issued in 2022.\n"
            "Example Council does not hold this information.\n")
    assert_blocks(text, [("1", "The number of fines issued in 2022.", "Example Council does not hold this information.")])


def test_prose_letter_turning_to_each_question():
    text = ("Response\nReports can be made online to the Example Fraud Centre.\n"
            "The question concerning how many staff were reported would exceed the appropriate limit.\n")
    assert [b.answer for b in answers.split(text).blocks] == [
        "Reports can be made online to the Example Fraud Centre.",
        "The question concerning how many staff were reported would exceed the appropriate limit."]
    text = ("Response\nPlease see the figures attached. In relation to Q2, this is not a valid request. "
            "For question 3 - We do not hold this information.\n")
    assert [b.answer for b in answers.split(text).blocks] == [
        "Please see the figures attached.", "In relation to Q2, this is not a valid request.",
        "For question 3 - We do not hold this information."]


def test_a_preamble_before_the_first_question_is_not_an_answer():
    text = ("Dear Applicant,\nThank you for your request.\nIn relation to question 1, we do not hold it.\n"
            "In relation to question 2, it is exempt.\n")
    assert [b.answer.splitlines()[-1] for b in answers.split(text).blocks] == [
        "In relation to question 1, we do not hold it.", "In relation to question 2, it is exempt."]


def test_reasons_for_decision_after_an_answer():
    text = ("Our reply to the first five questions is attached.\nREASONS FOR DECISION\n"
            "We neither confirm nor deny holding information about question 6.\n")
    assert len(answers.split(text).blocks) == 2
    # reasons for the redactions in what was given belong to its answer
    redacted = text.replace("attached.", "attached; some of the information is withheld.")
    assert len(answers.split(redacted).blocks) == 1


def test_numbered_answers_with_dashes():
    text = ("Dear Applicant,\nYou asked:\n1. Do you run a mobile library?\n2. Please send its timetable.\n"
            "Our reply follows.\n1 – I can confirm that we run one mobile library\n"
            "2 - The timetable is published on our website.\n")
    assert [(b.label, b.answer) for b in answers.split(text).blocks] == [
        ("1", "I can confirm that we run one mobile library"), ("2", "The timetable is published on our website.")]
    assert answers._item("2 - 3 staff") == (None, "")


def test_a_queries_sign_off_ends_the_answers():
    text = ("Each question is set out with what I found:\n1. Do you hold a policy?\nYes.\n2. Please send it.\n"
            "Attached.\nIf you have any questions, write to the records office.\n")
    assert [b.answer for b in answers.split(text).blocks] == ["Yes.", "Attached."]


def test_an_answer_heading_after_the_sign_off_is_not_an_answer():
    text = "Answer 1: Yes.\nAnswer 2: No.\nYours sincerely\nAnswer 3: a heading in the footer\n"
    assert_blocks(text, [("1", None, "Yes."), ("2", None, "No.")])


def test_answer_headings_named_for_the_authority():
    text = ("Question 1\nHow many nurses?\nTrust response: 40.\nQuestion 2\nHow many doctors?\n"
            "Trust response: 12.\n")
    assert_blocks(text, [(None, "How many nurses?", "40."), (None, "How many doctors?", "12.")])
    text = "Q1. How many bins?\nCouncil response 1: 400.\nQ2. How many lorries?\nCouncil response 2: 9.\n"
    assert [(b.label, b.answer) for b in answers.split(text).blocks] == [("1", "400."), ("2", "9.")]


def test_each_question_restated_above_its_answer_heading():
    numbered = ("Your request and our response\n1. How many bridges do you maintain?\nResponse: We maintain 41.\n"
                "2. Please provide your inspection policy.\nResponse: It is attached.\n")
    assert_blocks(numbered, [("1", "How many bridges do you maintain?", "We maintain 41."),
                             ("2", "Please provide your inspection policy.", "It is attached.")])
    plain = "How many bridges do you maintain?\nAnswer\nWe maintain 41.\nIs any bridge closed?\nAnswer\nNo.\n"
    assert_blocks(plain, [(None, "How many bridges do you maintain?", "We maintain 41."),
                          (None, "Is any bridge closed?", "No.")])


def test_a_line_above_a_numbered_answer_is_its_question_only_when_numbered_alike():
    text = "Request:\n1. How many?\n2. Which ones?\nPlease break it down by year.\nResponse 1:\nTwelve.\n" \
           "2. Which ones?\nResponse 2:\nThe north and south depots.\n"
    assert_blocks(text, [("1", None, "Twelve."), ("2", "Which ones?", "The north and south depots.")])


def test_request_begins_after_its_last_introducing_line():
    text = ("Below is your request and our response.\nYour request and our response\n"
            "1. How many bridges do you maintain?\nResponse: We maintain 41.\n"
            "2. Please provide your inspection policy.\nResponse: It is attached.\n")
    assert answers.split(text).request == "1. How many bridges do you maintain?"
