"""The benchmark's parts: deterministic, varied synthetic responses; measurement of time, memory and sizes."""
from __future__ import annotations

import random
import sys
import docx

from foi.bench import generator, measure
from foi.commands import bench


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path):
    generator.generate(tmp_path / "a", 12, seed=7)
    generator.generate(tmp_path / "b", 12, seed=7)
    generator.generate(tmp_path / "c", 12, seed=8)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_responses_mix_formats_layouts_and_grounds(tmp_path):
    paths = generator.generate(tmp_path, 24, seed=1)
    assert len(paths) == 24 and len(set(paths)) == 24
    assert {p.suffix for p in paths} == {".txt", ".html", ".docx"}
    assert len({p.suffix for p in paths if "ec-example" in p.parts}) > 1    # an authority uses several formats
    assert len(list(tmp_path.rglob("*.yml"))) == 8
    rng = random.Random(3)
    responses = [generator.compose(rng, n) for n in range(48)]
    assert {r["layout"] for r in responses} == set(generator.LAYOUTS)
    assert all(5 <= len(r["qas"]) <= 8 for r in responses)
    text = " ".join(" ".join(a) for r in responses for _, a in r["qas"])
    for cited in ("Section 12(1)", "23(5)", "Section 31(3)", "Regulation 12(4)(b)", "Yes.", "No."):
        assert cited in text
    assert {r["authority"] for r in responses} <= {name for name, _ in generator.AUTHORITIES}


def test_html_responses_carry_site_chrome_and_docx_a_title(tmp_path):
    paths = generator.generate(tmp_path, 3, seed=1)
    page = next(p for p in paths if p.suffix == ".html").read_text()
    assert "cookies" in page and "<nav>" in page and "<footer>" in page
    document = docx.Document(next(p for p in paths if p.suffix == ".docx"))
    assert document.core_properties.title.startswith("Freedom of Information request")


def test_measure_reports_time_exit_status_output_and_memory():
    timing = measure.run([sys.executable, "-c", "import time; x = bytearray(60 * 2**20); time.sleep(0.3); print('ok')"])
    assert timing.returncode == 0 and timing.output.strip() == "ok"
    assert timing.seconds >= 0.3
    assert timing.peak_bytes >= 60 * 2**20


def test_sizes_of_pages_and_the_first_search(tmp_path):
    site = tmp_path / "site"
    for rid, size in (("a", 1024), ("b", 3072)):
        (site / "responses" / rid).mkdir(parents=True)
        (site / "responses" / rid / "index.html").write_text("<div data-pagefind-body>" + "x" * (size - 24))
    (site / "search").mkdir()
    (site / "search" / "index.html").write_text('<script src="../pagefind/pagefind-ui.js"></script>')
    bundle = site / "pagefind"
    for rel, size in (("pagefind.js", 2048), ("pagefind-entry.json", 1024), ("wasm.en.pagefind", 4096),
                      ("pagefind.en_1.pf_meta", 1024), ("index/en_1.pf_index", 2048), ("index/en_2.pf_index", 8192),
                      ("fragment/en_1.pf_fragment", 1024)):
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(b"x" * size)
    out = bench.sizes(site)
    assert out["HTML per response page (mean / max)"] == "2.0 KB / 3.0 KB"
    assert out["response pages referencing pagefind files"] == "0 of 2"
    assert out["first search downloads"].startswith("21 KB")
