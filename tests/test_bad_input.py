"""Bad files through `python -m foi extract`: one clear error line each, naming the reason, no traceback, and the
good files beside them still give records."""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT
from test_readers import make_pdf

GOOD = "Dear Requester,\nThank you for your request.\nThe council holds 12 cars.\n"


def bad_files() -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, words the error must contain)."""
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(20_000))
    pdf = make_pdf([(72, 700, "Dear Requester,"), (72, 686, "The council holds 12 cars.")])
    not_docx = io.BytesIO()
    with zipfile.ZipFile(not_docx, "w") as z:
        z.writestr("notes.txt", "a zip, but not a Word document")
    return {
        "empty.txt": (b"", "empty"),
        "blank.md": (b"  \n\t\r\n   \n", "blank"),
        "garbage.txt": (garbage, "not text"),
        "garbage.html": (garbage, "not text"),
        "garbage.pdf": (garbage, "not a PDF"),
        "garbage.eml": (garbage, "not an email"),
        "garbage.doc": (garbage, "cannot read legacy .doc"),
        "truncated.pdf": (pdf[: len(pdf) // 2], "damaged PDF"),
        "encrypted.pdf": (make_pdf([(72, 700, "secret")], encrypt=True), "encrypted PDF"),
        "scan.pdf": (make_pdf(image=True), "no text layer: needs OCR"),
        "zip.docx": (not_docx.getvalue(), "not a Word .docx file"),
        "notzip.docx": (garbage, "not a zip archive"),
        "image.png": (b"\x89PNG\r\n", "unsupported file type '.png'"),
    }


def extract(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "foi", "extract", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_each_bad_file_gives_one_error_and_good_files_still_convert(tmp_path):
    files = bad_files()
    paths = []
    for name, (data, _) in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.html").write_text("<p>Unclosed <b>bold<table><tr><td>Cars<td>12</div></span>&&; <p",
                                        encoding="utf-8")
    paths[3:3] = [tmp_path / "good.txt"]
    paths.append(tmp_path / "good.html")
    run = extract(*paths)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["source"]["path"] for line in lines] == [str(p) for p in paths]
    by_name = {os.path.basename(line["source"]["path"]): line for line in lines}
    for name, (_, reason) in files.items():
        assert reason in by_name[name].get("error", ""), name
    assert "The council holds 12 cars." in by_name["good.txt"]["text"]
    assert "Cars | 12" in by_name["good.html"]["text"]     # malformed HTML is read as a browser would


def test_missing_file(tmp_path):
    run = extract(tmp_path / "nowhere.txt")
    assert run.returncode == 1
    assert json.loads(run.stdout)["error"].startswith("cannot open")


def test_deeply_nested_html_reads(tmp_path):
    page = tmp_path / "deep.html"
    page.write_bytes(b"<html><body>" + b"<div>" * 10_000 + b"deep text" + b"</div>" * 10_000 + b"</body></html>")
    run = extract(page)
    assert run.returncode == 0
    assert json.loads(run.stdout)["text"] == "deep text"


def test_a_50_mb_file_is_refused_by_its_size(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.write(b"Dear Requester,\n")
        f.truncate(50_000_000)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    run = extract(big, tmp_path / "good.txt")
    assert run.returncode == 1
    first, second = map(json.loads, run.stdout.splitlines())
    assert "too large: 50 MB" in first["error"]
    assert "error" not in second


@pytest.mark.parametrize("name", ["r.txt", "r.pdf", "r.docx", "r.html", "r.eml", "r.doc"])
def test_bad_sidecar_or_bytes_never_raise(tmp_path, name):
    from foi.pipeline import process

    (tmp_path / name).write_bytes(b"\x00\x01\x02 garbage \xff\xfe" * 100)
    (tmp_path / "r.yml").write_text("url: [unclosed\n", encoding="utf-8")
    assert process(tmp_path / name).error


def test_a_reader_library_failing_in_an_unexpected_way_is_a_reason(tmp_path, monkeypatch):
    from foi.pipeline import process
    from foi.readers import pdf

    def broken(data):
        raise TypeError("unexpected object in the page tree")

    monkeypatch.setattr(pdf, "read", broken)
    (tmp_path / "r.pdf").write_bytes(make_pdf([(72, 700, "Text")]))
    assert process(tmp_path / "r.pdf").error == "damaged or unreadable PDF file (TypeError)"


def test_an_extraction_bug_on_one_file_is_a_reason(tmp_path, monkeypatch):
    from foi import pipeline

    def broken(doc, meta):
        raise IndexError("list index out of range")

    monkeypatch.setattr(pipeline, "extract", broken)
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")
    assert pipeline.process(tmp_path / "r.txt").error == (
        "could not annotate the text: IndexError: list index out of range")
