"""`python -m foi check`: every problem in data/, with file, line and a hint; exit 1, or 0 and one OK line."""
import shutil
from pathlib import Path

import pytest

from foi.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "requests" / "data"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def check(data, capsys):
    status = main(["check", "--data", str(data)])
    return status, capsys.readouterr().out


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_data_is_ok(data, capsys):
    status, out = check(data, capsys)
    assert status == 0
    assert out == f"OK: 2 responses and 1 request in {data}, no problems\n"


def test_unknown_keys_wrong_types_and_bad_values_with_lines_and_hints(data, capsys):
    side = write(data / "sample-county-council" / "scc-7.yml", "\n".join([
        "request: kiosk-use",              # 1
        "note:",                           # 2 unknown key
        "  - text: hello",                 # 3
        "tags: kiosks",                    # 4 not a list
        "corrections:",                    # 5
        "  date: 17 July",                 # 6 not a date
        "  answers:",                      # 7
        "    2: {outcome: nothel}",        # 8 unknown outcome
        "cited_in:",                       # 9
        "  - url: ftp://example.org/x",    # 10 not http(s)
        "    title: A story",              # 11
        "",
    ]))
    status, out = check(data, capsys)
    assert status == 1
    assert f"{side}:2: unknown key 'note'\n  hint: did you mean 'notes'?" in out
    assert f"{side}:4: expected a list, got text" in out
    assert f"{side}:6: '17 July' is not a date\n  hint: write dates as YYYY-MM-DD" in out
    assert f"{side}:8: unknown outcome 'nothel'\n  hint: did you mean 'not_held'?" in out
    assert f"{side}:10: 'ftp://example.org/x' is not a web address" in out


def test_problems_only_the_response_shows(data, capsys):
    side = write(data / "sample-county-council" / "scc-7.yml", "\n".join([
        "request: kiosk-use",                  # 1
        "answer_map:",                         # 2
        "  1: 1a",                             # 3
        "  4: 1b",                             # 4 no answer 4
        "  2: 7c",                             # 5 no question 7c
        "notes:",                              # 6
        "  - answer: 9",                       # 7 no answer 9
        "    text: a note",                    # 8
        "  - quote: words never written",      # 9 not in the text
        "    text: another note",              # 10
        "corrections:",                        # 11
        "  answers: {5: {outcome: ncnd}}",     # 12 no answer 5
        "",
    ]))
    status, out = check(data, capsys)
    assert status == 1
    assert f"{side}:4: answer 4 is not in this response, which has 3" in out
    assert f"{side}:5: request 'kiosk-use' has no question '7c'\n  hint: its questions are: 1a, 1b, 2" in out
    assert f"{side}:7: answer 9 is not in this response, which has 3" in out
    assert f"{side}:9: these words are not in the response" in out
    assert f"{side}:12: answer 5 is not in this response" in out


def test_a_request_that_does_not_exist(data, capsys):
    side = write(data / "sample-county-council" / "scc-7.yml", "request: kiosk-usage\n")
    status, out = check(data, capsys)
    assert status == 1
    assert f"{side}:1: no request 'kiosk-usage'\n  hint: did you mean 'kiosk-use'?" in out


def test_duplicate_references(data, capsys):
    copy = data / "sample-county-council" / "scc-7-copy.txt"
    shutil.copyfile(data / "sample-county-council" / "scc-7.txt", copy)
    side = write(copy.with_suffix(".yml"), "corrections: {authority: Sample County Council, reference: SCC-7}\n")
    write(data / "sample-county-council" / "scc-7.yml", "corrections: {authority: Sample County Council, reference: SCC-7}\n")
    status, out = check(data, capsys)
    assert status == 1
    assert f"Sample County Council SCC-7 is also {data / 'sample-county-council' / 'scc-7'}" in out
    assert side in out or str(copy) in out


def test_malformed_request_files_and_yaml(data, capsys):
    broken = write(data / "requests" / "broken.yml", "title: Bins\nquestions:\n  - number: 1\n    text: [oops\n")
    untitled = write(data / "requests" / "untitled.yml", "summary: Lost its title\nsent: last week\n")
    side = write(data / "sample-county-council" / "scc-7.yml", "request: kiosk-use\nnotes: [\n")
    status, out = check(data, capsys)
    assert status == 1
    assert f"{broken}:5: not valid YAML" in out
    assert f"{untitled}:1: missing 'title'" in out
    assert f"{untitled}:2: 'last week' is not a date" in out
    assert f"{side}:3: not valid YAML" in out


def test_a_sidecar_with_no_response(data, capsys):
    orphan = write(data / "example-constabulary" / "ec-102.yml", "request: kiosk-use\n")
    status, out = check(data, capsys)
    assert status == 1
    assert f"{orphan}: no response beside this sidecar" in out


def test_every_problem_is_reported_not_just_the_first(data, capsys):
    write(data / "sample-county-council" / "scc-7.yml", "tag: [a]\nnote: []\nrequests: x\n")
    status, out = check(data, capsys)
    assert len([line for line in out.splitlines() if "unknown key" in line]) == 3


def test_the_project_data_is_valid(capsys):
    status, out = check(Path(__file__).parent.parent / "data", capsys)
    assert status == 0, out
