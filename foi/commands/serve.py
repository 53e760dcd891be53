"""Build the site, serve it on 127.0.0.1, and rebuild it and reload the browser when data/ changes.

Why not `mkdocs serve`: it serves its own build from memory and cannot run Pagefind, so search would not work.
Instead this runs the full `python -m foi build` (convert, MkDocs, Pagefind, check), serves site/ with
Python's http.server, and polls data/ (and the hand-written docs and theme) once a second: after any change
it rebuilds, and each page, which the server gives a small script that polls the build number, reloads
itself. Polling needs no extra package and behaves the same on every system; conversion is incremental, so
a rebuild after editing one file costs little more than MkDocs and Pagefind.
"""
from __future__ import annotations

import functools
import os
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from foi.commands import build as build_cmd

RELOAD_URL = "/.foi-build"
RELOAD_SCRIPT = (b'<script>(function(){var seen=null;setInterval(function(){fetch("' + RELOAD_URL.encode()
                 + b'").then(function(r){return r.text()}).then(function(n){if(seen!==null&&n!==seen)'
                 b'location.reload();seen=n}).catch(function(){})},1000)})();</script>')


def add_arguments(parser):
    build_cmd.add_site_arguments(parser)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")


class Site:
    """The served site: its folder, and a build number that changes after every rebuild."""

    def __init__(self, data: Path, workdir: Path):
        self.data, self.workdir = Path(data), Path(workdir)
        self.folder = Path(workdir).resolve() / "site"
        self.number = 0
        self.lock = threading.Lock()

    def build(self) -> int:
        with self.lock:
            status = build_cmd.build(self.data, self.workdir)
            self.number += 1
            return status

    def watched(self) -> dict[Path, tuple[int, int]]:
        """Modification time and size of every file whose change needs a rebuild."""
        files = [p for p in self.data.rglob("*") if p.is_file()]
        files += list(build_cmd.tracked_docs()) + [p for p in (build_cmd.ROOT / "foi" / "theme").rglob("*")
                                                    if p.is_file()]
        stamps = {}
        for path in files:
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def watch(self, interval: float = 1.0) -> None:
        """Rebuild whenever a watched file is added, changed or removed; runs forever."""
        before = self.watched()
        while True:
            time.sleep(interval)
            now = self.watched()
            if now != before:
                print("change detected: rebuilding", file=sys.stderr, flush=True)
                self.build()
                before = self.watched()


class Handler(SimpleHTTPRequestHandler):
    """Serves the site folder; HTML pages get the reload script, RELOAD_URL answers the build number."""

    def __init__(self, *args, site: Site, **kwargs):
        self.site = site
        super().__init__(*args, directory=str(site.folder), **kwargs)

    def do_GET(self):
        url_path = urlsplit(self.path).path
        if url_path == RELOAD_URL:
            return self._send(str(self.site.number).encode(), "text/plain")
        path = Path(self.translate_path(self.path))
        if url_path.endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def run(args) -> int:
    # Absolute links (canonical, feeds) and Material's instant navigation must point at this server.
    os.environ["SITE_URL"] = f"http://127.0.0.1:{args.port}/"
    site = Site(args.data, args.out or build_cmd.ROOT)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, site=site))
    site.build()
    threading.Thread(target=site.watch, daemon=True).start()
    print(f"serving http://127.0.0.1:{args.port}/ (rebuilds when {args.data}/ changes; Ctrl-C stops)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
