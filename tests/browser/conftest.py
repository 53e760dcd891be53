"""Browser tests: build a small site once (the seed response plus fictional ones), serve it on 127.0.0.1 and
drive Debian's headless Chromium with Playwright. Chromium must be present (scripts/setup --test installs it):
without it these tests fail, they do not skip."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "build" / "data"
BROWSER_DATA = Path(__file__).resolve().parent / "fixtures" / "data"   # a response whose text looks like HTML
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """An http.server on a free port of 127.0.0.1, serving the folder the site is built into."""
    folder = tmp_path_factory.mktemp("browser")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def site(server) -> Path:
    """The built site: `python -m foi build` on the seed data and the fictional fixtures, for the server's URL."""
    work, url = server
    data = work / "data"
    shutil.copytree(ROOT / "data" / "cleveland-police", data / "cleveland-police")
    shutil.copytree(ROOT / "data" / "requests", data / "requests")
    shutil.copytree(FIXTURE_DATA, data, dirs_exist_ok=True)
    shutil.copytree(BROWSER_DATA, data, dirs_exist_ok=True)
    proc = subprocess.run([sys.executable, "-m", "foi", "build", "--data", str(data), "--out", str(work)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITE_URL": url})
    assert proc.returncode == 0, f"the build failed:\n{proc.stdout}{proc.stderr}"
    return work / "site"


@pytest.fixture(scope="session")
def base_url(server, site) -> str:
    return server[1]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.fail(f"Playwright could not start Chromium at {CHROMIUM} (install it with "
                        f"`scripts/setup --test`): {exc}", pytrace=False)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser page that records every request and every console error."""
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def offsite(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).scheme not in ("data", "blob")
                and urlsplit(url).hostname != "127.0.0.1"]

    def assert_clean(self) -> None:
        assert self.errors == [], "console errors"
        assert self.offsite() == [], "requests that left 127.0.0.1"


@pytest.fixture
def open_page(browser):
    """open_page(viewport=DESKTOP) -> Visit, in a fresh browser context."""
    contexts = []

    def make(viewport=DESKTOP) -> Visit:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        # ERR_ABORTED: the browser dropped a request because the page navigated on (a favicon mid-flight); not an error
        page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
                and visit.errors.append(f"{request.url}: {request.failure}"))
        page.on("response", lambda response: response.status >= 400
                and visit.errors.append(f"{response.url}: HTTP {response.status}"))
        return visit

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def seed_url(site, base_url) -> str:
    """The seed response's page (Cleveland Police, 512-25)."""
    pages = [p for p in sorted(site.glob("responses/*/index.html")) if "512-25" in p.parent.name]
    assert len(pages) == 1, f"expected one page for the seed response, found {pages}"
    return base_url + pages[0].relative_to(site).parent.as_posix() + "/"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
