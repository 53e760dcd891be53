"""The editorial layer: a sidecar joins a response to a request and adds notes, corrections, tags, citations."""
import pytest

from foi import annotations

TEXT = "Answer\nYes, four kiosks.\nAnswer\nWe have used them\nsince 2019.\nAnswer\nNot held."

REQUESTS = {"kiosk-use": {
    "id": "kiosk-use", "title": "Kiosks", "summary": None, "sent": None, "authorities": [],
    "questions": [
        {"number": "1", "text": "Kiosks?", "parts": [{"number": "1a", "text": "How many?"},
                                                    {"number": "1b", "text": "Since when?"}]},
        {"number": "2", "text": "Guidance?", "parts": []}]}}


def record(**changes):
    answers = [
        {"n": 1, "answer": "Yes, four kiosks.", "outcome": "answered", "short": "Yes", "ncnd": False, "start": 7, "end": 25},
        {"n": 2, "answer": "We have used them\nsince 2019.", "outcome": "answered", "short": None, "ncnd": False,
         "start": 32, "end": 61},
        {"n": 3, "answer": "Not held.", "outcome": "not_held", "short": None, "ncnd": False, "start": 69, "end": 78},
    ]
    rec = {"authority": None, "reference": "EC-1", "date": "2025-08-01", "answers": answers, "exemptions": [],
           "ncnd": False, "outcome": "partially_successful", "summary": "", "text": TEXT}
    rec.update(changes)
    return rec


def numbers(rec):
    return [(a["request_question"] or {}).get("number") for a in rec["answers"]]


def test_answers_map_to_questions_by_position():
    rec = record()
    annotations.apply(rec, {"request": "kiosk-use"}, REQUESTS)
    assert rec["request_id"] == "kiosk-use"
    assert numbers(rec) == ["1a", "1b", "2"]
    assert rec["answers"][0]["request_question"] == {"number": "1a", "text": "How many?"}


def test_labels_in_the_document_beat_position():
    rec = record()
    rec["answers"][0]["label"] = "Q2"
    rec["answers"][1]["label"] = "1(a)"
    annotations.apply(rec, {"request": "kiosk-use"}, REQUESTS)
    assert numbers(rec) == ["2", "1a", "2"]


def test_the_sidecar_answer_map_beats_labels():
    rec = record()
    rec["answers"][0]["label"] = "Q2"
    annotations.apply(rec, {"request": "kiosk-use", "answer_map": {1: "1b", "2": "1a", 3: "9z"}}, REQUESTS)
    assert numbers(rec) == ["1b", "1a", None]


def test_without_a_known_request_answers_map_to_nothing():
    rec = record()
    annotations.apply(rec, {"request": "no-such-request"}, REQUESTS)
    assert rec["request_id"] is None
    assert numbers(rec) == [None, None, None]


def test_notes_on_answers_and_on_quoted_passages():
    rec = record()
    annotations.apply(rec, {"notes": [
        {"answer": 3, "text": "Other forces hold this."},
        {"quote": "used them since 2019", "text": "Earlier than most."},
    ]}, {})
    assert rec["editorial"]["notes"] == [
        {"text": "Other forces hold this.", "answer": 3, "quote": None, "start": None, "end": None},
        {"text": "Earlier than most.", "answer": 2, "quote": "used them since 2019",
         "start": TEXT.index("used them"), "end": TEXT.index("2019") + 4},
    ]


def test_notes_that_do_not_fit_the_response_are_skipped():
    rec = record()
    annotations.apply(rec, {"notes": [
        {"answer": 7, "text": "No such answer."},
        {"quote": "words the response never used", "text": "Misquote."},
        {"answer": 1},
        "just a string",
    ]}, {})
    assert rec["editorial"]["notes"] == []


def test_corrections_change_the_record_and_are_listed():
    rec = record()
    annotations.apply(rec, {"corrections": {
        "authority": "Example Constabulary", "reference": "EC-2", "date": "2025-08-02",
        "answers": {3: {"outcome": "ncnd"}}}}, {})
    assert rec["authority"] == {"name": "Example Constabulary", "slug": "example-constabulary"}
    assert (rec["reference"], rec["date"]) == ("EC-2", "2025-08-02")
    assert rec["answers"][2]["outcome"] == "ncnd" and rec["answers"][2]["ncnd"] is True
    assert rec["ncnd"] is True
    assert rec["editorial"]["corrected"] == ["authority", "reference", "date", "answers.3.outcome"]
    assert rec["text"] == TEXT


def test_tags_and_citations():
    rec = record()
    annotations.apply(rec, {"tags": ["kiosks", "kiosks", "phones"], "cited_in": [
        {"url": "https://news.example.org/a", "title": "A story", "outlet": "Example News", "date": "2025-09-01"},
        {"url": "javascript:alert(1)", "title": "Bad link"},
    ]}, {})
    assert rec["editorial"]["tags"] == ["kiosks", "phones"]
    assert rec["editorial"]["cited_in"] == [
        {"url": "https://news.example.org/a", "title": "A story", "outlet": "Example News", "date": "2025-09-01"}]


@pytest.mark.parametrize("side", [
    None, {}, {"notes": "not a list"}, {"corrections": {"answers": {"x": {"outcome": "gone"}}, "date": "soon"}},
    {"request": ["a"]}, {"answer_map": [1, 2]}, {"tags": {"a": 1}}, {"cited_in": [{"title": "no url"}]},
    {"corrections": {"answers": {9: {"outcome": "ncnd"}}}}, {"unknown": 1},
])
def test_a_bad_sidecar_never_raises_and_changes_nothing(side):
    rec = record()
    annotations.apply(rec, side, REQUESTS)
    assert rec["editorial"] == {"notes": [], "tags": [], "cited_in": [], "corrected": []}
    assert rec["date"] == "2025-08-01" and rec["answers"][2]["outcome"] == "not_held"
