"""Properties of reading and extraction over generated input: no input crashes it, no line of a response is
lost, and the same input always gives the same bytes."""
from __future__ import annotations

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


@SETTINGS
@given(lines=st.lists(LINE, min_size=1, max_size=30), blank=st.lists(st.booleans(), min_size=30, max_size=30))
def test_every_line_of_a_text_survives(tmp_path, lines, blank):
    lines = [f"Paragraph {chr(97 + i % 26)} {line}" for i, line in enumerate(lines)]
    text = "".join(line + ("\n\n" if gap else "\n") for line, gap in zip(lines, blank))
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
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
