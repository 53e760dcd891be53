"""`python -m foi build` end to end on fictional responses, and what `python -m foi serve` serves."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from foi.commands import build, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "build" / "data"


def run_build(data: Path, out: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run([sys.executable, "-m", "foi", "build", "--data", str(data), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("build")
    shutil.copytree(FIXTURE_DATA, work / "data")
    return work, run_build(work / "data", work)


def test_build_writes_pages_and_search_bundle_and_passes_its_check(built):
    work, proc = built
    assert proc.returncode == 0, proc.stderr
    site = work / "site"
    pages = sorted(p.parent.name for p in site.glob("responses/*/index.html"))
    assert pages == ["example-constabulary-foi-210-24", "sample-borough-council-sbc-77-23"]
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "search" / "index.html").is_file()
    assert build.check(site, build.WORK_SITE_URL) == []


def test_build_off_a_terminal_prints_no_stage_progress(built):
    _, proc = built
    assert proc.stdout == ""
    assert "mkdocs build:" not in proc.stderr and "search index:" not in proc.stderr


def test_pages_load_nothing_of_search_until_the_search_page(built):
    work, _ = built
    page = (work / "site" / "responses" / "example-constabulary-foi-210-24" / "index.html").read_text()
    assert "pagefind" not in page.replace("data-pagefind-", "")
    assert 'id="foi-search"' in (work / "site" / "search" / "index.html").read_text()


def test_failures_are_reported_together_at_the_end_and_the_other_pages_still_built(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / "data" / "example-constabulary" / "scan.pdf").write_bytes(b"not a PDF at all")
    (tmp_path / "data" / "example-constabulary" / "foi-210-24.yml").write_text("url: [unclosed\n")
    proc = run_build(tmp_path / "data", tmp_path)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert any("scan.pdf" in line for line in errors) and any("foi-210-24" in line for line in errors)
    lines = proc.stderr.strip().splitlines()
    first_error = next(i for i, line in enumerate(lines) if line.startswith("error: "))
    assert not any(line.startswith(("pagefind:", "WARNING")) for line in lines[first_error:]), "failures come last"
    assert "2 of 3 files" in lines[-1]
    assert (tmp_path / "site" / "responses" / "sample-borough-council-sbc-77-23" / "index.html").is_file()
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()


def test_serve_adds_live_reload_to_pages_and_reports_the_build_number(built):
    work, _ = built
    site = serve.Site(work / "data", work)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(serve.Handler, site=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = urllib.request.urlopen(base + "/search/").read()
        assert serve.RELOAD_SCRIPT in page and page.index(serve.RELOAD_SCRIPT) < page.index(b"</body>")
        assert urllib.request.urlopen(base + serve.RELOAD_URL).read() == b"0"
        css = urllib.request.urlopen(base + "/assets/search.css").read()
        assert css == (work / "site" / "assets" / "search.css").read_bytes()
    finally:
        server.shutdown()
        server.server_close()


def test_serve_notices_changed_and_new_files_in_data(built):
    work, _ = built
    site = serve.Site(work / "data", work)
    before = site.watched()
    (work / "data" / "example-constabulary" / "new.txt").write_text("Example Constabulary\nAnswer\nYes\n")
    try:
        assert site.watched() != before
    finally:
        (work / "data" / "example-constabulary" / "new.txt").unlink()
    assert site.watched() == before


def test_files_mkdocs_excludes_are_copied_into_the_site(tmp_path):
    docs, site_dir = tmp_path / "docs", tmp_path / "site"
    for rel in ("originals/a.txt", "responses/a.json", "responses/a.md", "responses/pages/2.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(rel)
    assert build.copy_excluded(docs, site_dir, "/originals/\n/responses/*.json\n") == 2
    assert sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()) == \
        ["originals/a.txt", "responses/a.json"]
    assert (site_dir / "originals" / "a.txt").read_text() == "originals/a.txt"
