"""Request files (data/requests/ID.yml): loading, questions in answering order, labels."""
from pathlib import Path

from foi import requests

FIXTURES = Path(__file__).parent / "fixtures" / "requests" / "data" / "requests"


def test_load_all_reads_every_request_by_file_name():
    found = requests.load_all(FIXTURES)
    kiosks = found["kiosk-use"]
    assert kiosks["title"] == "Use of self-service data kiosks"
    assert kiosks["sent"] == "2025-05-01"
    assert kiosks["authorities"] == ["Example Constabulary", "Sample County Council", "Imaginary Fire Service"]
    assert [q["number"] for q in kiosks["questions"]] == ["1", "2"]


def test_questions_are_answered_part_by_part():
    kiosks = requests.load_all(FIXTURES)["kiosk-use"]
    assert [(q["number"], q["parent"]) for q in requests.questions(kiosks)] == [
        ("1a", "1"), ("1b", "1"), ("2", None)]


def test_labels_find_questions_however_the_document_writes_them():
    kiosks = requests.load_all(FIXTURES)["kiosk-use"]
    for label in ("1a", "Q1a", "Question 1(a)", "1 (a)", "1A."):
        assert requests.find(kiosks, label)["number"] == "1a"
    assert requests.find(kiosks, "Q2") == {"number": "2", "text": "Do you publish guidance on their use?"}
    assert requests.find(kiosks, "Q9") is None


def test_a_request_without_questions_loads(tmp_path):
    (tmp_path / "short.yml").write_text("title: Bus lanes\nsummary: Fines issued.\n")
    assert requests.load_all(tmp_path)["short"]["questions"] == []


def test_a_malformed_request_is_left_out_and_explained(tmp_path):
    (tmp_path / "good.yml").write_text("title: Potholes\n")
    (tmp_path / "broken.yml").write_text("title: [unclosed\n")
    (tmp_path / "untitled.yml").write_text("summary: no title\n")
    (tmp_path / "Bad Name.yml").write_text("title: Fine\n")
    assert list(requests.load_all(tmp_path)) == ["good"]
    assert "not valid YAML" in requests.read(tmp_path / "broken.yml")[1][0].message
    assert requests.read(tmp_path / "untitled.yml")[1][0].message == "missing 'title'"
    assert "cannot be a request id" in requests.read(tmp_path / "Bad Name.yml")[1][0].message


def test_repeated_question_numbers_are_reported(tmp_path):
    (tmp_path / "twice.yml").write_text(
        'title: T\nquestions:\n  - {number: "1", text: A}\n  - {number: "1", text: B}\n')
    request, problems = requests.read(tmp_path / "twice.yml")
    assert request is not None
    assert [p.message for p in problems] == ["question number '1' is used twice"]


def test_the_sample_request_has_no_invented_questions():
    sample = requests.load_all(Path(__file__).parent.parent / "data" / "requests")
    assert sample["rasso-digital-data-extraction"]["questions"] == []
