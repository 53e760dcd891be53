"""Check the built site before it is published, and report every problem with its file and reason.

- every internal link and #anchor in site/**/*.html resolves to a file (and an id in it);
- no page, stylesheet or script loads anything from another site (scripts, styles, images, fonts, frames,
  CSS url() and @import, JavaScript fetch/import): the site works offline and tells no third party who reads it.
  Links in page content to other sites are fine;
- every response page (responses/*/index.html) has og:title, og:description and a canonical URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

# <link rel=...> values that make the browser fetch something (canonical, alternate... are only references).
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender"}
# Elements and attributes that load a resource when the page is shown.
RESOURCE_ATTRS = [("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                  ("iframe", "src"), ("embed", "src"), ("object", "data"), ("video", "src"), ("video", "poster"),
                  ("audio", "src"), ("track", "src"), ("input", "src")]
REMOTE = r"(?:https?:)?//[^'\")\s]+"
CSS_REMOTE = re.compile(rf"url\(\s*['\"]?\s*({REMOTE})|@import\s+['\"]({REMOTE})", re.I)
JS_REMOTE = re.compile(rf"(?:fetch|import|importScripts|\.open)\(\s*(?:['\"`]GET['\"`]\s*,\s*)?['\"`]({REMOTE})", re.I)
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
REQUIRED_META = [("og:title", "//meta[@property='og:title']/@content"),
                 ("og:description", "//meta[@property='og:description']/@content"),
                 ("canonical URL", "//link[@rel='canonical']/@href")]


@dataclass
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def check(site: Path, site_url: str | None = None) -> list[Problem]:
    """Every problem in the built site under `site`. Absolute links under `site_url` count as internal."""
    site = Path(site)
    pages = {path.relative_to(site).as_posix(): lxml.html.parse(str(path)).getroot()
             for path in sorted(site.rglob("*.html"))}
    ids = {rel: {str(i) for i in root.xpath("//@id | //a/@name")} for rel, root in pages.items()}
    problems = []
    for rel, root in pages.items():
        problems += _check_links(site, rel, root, ids, site_url)
        problems += _check_resources(rel, root)
        if re.fullmatch(r"responses/[^/]+/index\.html", rel):
            problems += [Problem(rel, f"no {name}") for name, xpath in REQUIRED_META if not root.xpath(xpath)]
    for path in sorted(site.rglob("*.css")):
        problems += [Problem(path.relative_to(site).as_posix(), f"stylesheet loads {a or b} from another site")
                     for a, b in CSS_REMOTE.findall(path.read_text(encoding="utf-8", errors="replace"))]
    for path in sorted(site.rglob("*.js")):
        problems += [Problem(path.relative_to(site).as_posix(), f"script fetches {url} from another site")
                     for url in JS_REMOTE.findall(path.read_text(encoding="utf-8", errors="replace"))]
    return problems


def _check_links(site: Path, rel: str, root, ids: dict, site_url: str | None) -> list[Problem]:
    problems = []
    base = "/" + rel
    for element in root.xpath("//a[@href] | //area[@href] | //link[@href]"):
        href = link = element.get("href").strip()
        if site_url and link.startswith(site_url):
            link = "/" + link[len(site_url):]
        if not link or link.lower().startswith(SKIP_SCHEMES) or urlsplit(link).scheme or link.startswith("//"):
            continue
        url = urlsplit(urljoin(base, link))
        target = _resolve(site, unquote(url.path))
        if target is None:
            problems.append(Problem(rel, f"broken link {href}: no such page or file"))
        elif url.fragment and target.endswith(".html") and unquote(url.fragment) not in ids.get(target, ()):
            problems.append(Problem(rel, f"broken link {href}: no #{unquote(url.fragment)} in {target}"))
    return problems


def _resolve(site: Path, path: str) -> str | None:
    """The site file a URL path is served from (relative to the site root), or None."""
    rel = path.lstrip("/")
    if rel.startswith("..") or "/../" in path:
        return None
    candidate = site / rel
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(site).as_posix() if candidate.is_file() else None


def _check_resources(rel: str, root) -> list[Problem]:
    loads = [(el.tag, el.get("href")) for el in root.xpath("//link[@href]")
             if FETCHING_RELS & set((el.get("rel") or "").lower().split())]
    for tag, attr in RESOURCE_ATTRS:
        for value in root.xpath(f"//{tag}/@{attr}"):
            # srcset lists several URLs, each followed by a size
            loads += [(tag, part.split()[0]) for part in value.split(",") if part.strip()] if attr == "srcset" \
                else [(tag, value)]
    problems = [Problem(rel, f"<{tag}> loads {url} from another site") for tag, url in loads if _remote(url)]
    inline_css = root.xpath("//style/text() | //@style")
    problems += [Problem(rel, f"inline style loads {a or b} from another site")
                 for text in inline_css for a, b in CSS_REMOTE.findall(text)]
    problems += [Problem(rel, f"inline script fetches {url} from another site")
                 for text in root.xpath("//script[not(@src)]/text()") for url in JS_REMOTE.findall(text)]
    return problems


def _remote(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))
