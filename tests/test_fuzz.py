"""Properties of reading and extraction over generated input: no input crashes it, no line of a response is
lost, and the same input always gives the same bytes."""
from __future__ import annotations

import html
import subprocess
import sys

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from foi.pipeline import process
from test_readers import docx_bytes, make_email, make_pdf

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Words that look nothing like site chrome or personal data: no digits, no @, no salutations.
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäéøł,;:'()?!", min_size=1, max_size=12)
LINE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)


@SETTINGS
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_any_text_gives_a_record_or_a_reason(tmp_path, text, suffix):
    path = tmp_path / f"r{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = process(path)
    assert (result.record is None) != (result.error is None)
    assert not (result.error or "").startswith("could not annotate")


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx", ".doc", ".eml"]))
def test_any_bytes_give_a_record_or_a_reason(tmp_path, data, suffix):
    path = tmp_path / f"r{suffix}"
    path.write_bytes(data)
    result = process(path)
    assert (result.record is None) != (result.error is None)


def as_text(lines: list[str], gaps: list[bool]) -> bytes:
    return "".join(line + ("\n\n" if gap else "\n") for line, gap in zip(lines, gaps)).encode("utf-8")


def as_html(lines: list[str], gaps: list[bool]) -> bytes:
    return ("<html><body><nav>Menu</nav>" + "".join(
        f"<p>{html.escape(line)}</p>" if gap else f"{html.escape(line)}<br>" for line, gap in zip(lines, gaps)
    ) + "</body></html>").encode("utf-8")


def as_docx(lines: list[str], gaps: list[bool]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return docx_bytes(document)


def as_pdf(lines: list[str], gaps: list[bool]) -> bytes:
    return make_pdf([(40, 760 - 14 * i, line) for i, line in enumerate(lines)])


@SETTINGS
@given(lines=st.lists(LINE, min_size=1, max_size=30), gaps=st.lists(st.booleans(), min_size=30, max_size=30),
       form=st.sampled_from([(".txt", as_text), (".html", as_html), (".docx", as_docx), (".pdf", as_pdf)]))
def test_every_line_of_a_response_survives(tmp_path, lines, gaps, form):
    suffix, build = form
    lines = [f"Paragraph {chr(97 + i % 26)} {line}" for i, line in enumerate(lines)]
    if suffix == ".pdf":     # the test's PDFs use a standard font: ASCII only, and its ' is a typographic ’
        lines = [line.encode("ascii", "ignore").decode().replace("'", "") for line in lines]
    path = tmp_path / f"r{suffix}"
    path.write_bytes(build(lines, gaps))
    record = process(path).record
    kept = {" ".join(line.split()) for line in record["text"].split("\n")}
    assert [line for line in lines if " ".join(line.split()) not in kept] == []


def test_same_input_gives_byte_identical_json(tmp_path):
    document = docx.Document()
    document.add_paragraph("Section 31(1)(a) applies to question 1.")
    files = {
        "r.txt": b"Our ref: FOI 1/25\nDate: 17/07/25\nQuestion 1\nAnswer\nYes.\n",
        "r.html": b"<title>FOI 2/25</title><nav>Menu</nav><p>Dear Jane Smith,</p><p>We hold no information.</p>",
        "r.docx": docx_bytes(document),
        "r.pdf": make_pdf([(72, 700, "Our ref: FOI 3/25"), (72, 680, "The answer is no.")]),
        "r.eml": make_email("Please see the attached answer.\n\nOn Monday, Jane wrote:\n> question"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in files]
    runs = [subprocess.run([sys.executable, "-m", "foi", "extract", *paths], cwd=ROOT, capture_output=True)
            for _ in range(2)]
    assert runs[0].returncode == 0, runs[0].stdout
    assert runs[0].stdout == runs[1].stdout
    assert len(runs[0].stdout.splitlines()) == len(files)
