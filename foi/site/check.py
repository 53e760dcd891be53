"""Check the built site before it is published, and report every problem with its file and reason.

- every internal link and #anchor in site/**/*.html resolves to a file (and an id in it);
- no page, stylesheet or script loads anything from another site (scripts, styles, images, fonts, frames,
  CSS url() and @import, JavaScript fetch/import): the site works offline and tells no third party who reads it.
  Links in page content to other sites are fine;
- every response page (responses/*/index.html) has og:title, og:description and a canonical URL.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree

# <link rel=...> values that make the browser fetch something (canonical, alternate... are only references).
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender"}
# Elements and attributes that load a resource when the page is shown.
RESOURCE_TAGS = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
                 "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
                 "track": ("src",), "input": ("src",)}
REMOTE = r"(?:https?:)?//[^'\")\s]+"
CSS_REMOTE = re.compile(rf"url\(\s*['\"]?\s*({REMOTE})|@import\s+['\"]({REMOTE})", re.I)
JS_REMOTE = re.compile(rf"(?:fetch|import|importScripts|\.open)\(\s*(?:['\"`]GET['\"`]\s*,\s*)?['\"`]({REMOTE})", re.I)
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")
HTML = lxml.etree.HTMLParser()          # plain elements: lxml.html's element classes cost a lookup per element
REQUIRED_META = ["og:title", "og:description", "canonical URL"]
RESPONSE_PAGE = re.compile(r"responses/[^/]+/index\.html")


@dataclass
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def check(site: Path, site_url: str | None = None, skip: str | None = None) -> list[Problem]:
    """Every problem in the built site under `site`. Absolute links under `site_url` count as internal. With
    `skip`, the top-level folder of that name is left out (the search bundle while Pagefind writes it: check
    it afterwards with `remote_loads`).

    Linear in the size of the site: each page is parsed once and its tree dropped (only its ids are kept), file
    lookups go to a set of the site's files made by one walk, and a link is resolved once per folder it is
    written in. Links to an #anchor in another page are checked once every page's ids are known."""
    site = Path(site)
    files, folders = _walk(site, skip)
    ids: dict[str, set[str]] = {}
    found: list[tuple[str, list]] = []          # per page, in order: Problem, or (target, fragment, href) to check
    resolved: dict[tuple[str, str], tuple[str | None, str]] = {}
    for rel in sorted(f for f in files if f.endswith(".html")):
        root = lxml.etree.parse(str(site / rel), HTML).getroot()
        if root is None:
            ids[rel] = set()
            continue
        page_ids, entries = _scan(rel, root, files, folders, site_url, resolved)
        ids[rel] = page_ids
        found.append((rel, entries))
    problems = []
    for rel, entries in found:
        for entry in entries:
            if isinstance(entry, Problem):
                problems.append(entry)
            elif entry[1] not in ids.get(entry[0], ()):
                problems.append(Problem(rel, f"broken link {entry[2]}: no #{entry[1]} in {entry[0]}"))
    return problems + _remote_loads(site, files)


def remote_loads(site: Path, folder: str) -> list[Problem]:
    """Stylesheets and scripts under `folder` of the site that load anything from another site."""
    files, _ = _walk(site / folder)
    return _remote_loads(site, {f"{folder}/{rel}" for rel in files})


def _remote_loads(site: Path, files: set[str]) -> list[Problem]:
    problems = []
    for rel in sorted(f for f in files if f.endswith(".css")):
        problems += [Problem(rel, f"stylesheet loads {a or b} from another site")
                     for a, b in CSS_REMOTE.findall((site / rel).read_text(encoding="utf-8", errors="replace"))]
    for rel in sorted(f for f in files if f.endswith(".js")):
        problems += [Problem(rel, f"script fetches {url} from another site")
                     for url in JS_REMOTE.findall((site / rel).read_text(encoding="utf-8", errors="replace"))]
    return problems


def _walk(site: Path, skip: str | None = None) -> tuple[set[str], set[str]]:
    """Every file and folder under `site`, as paths relative to it ('' is the site itself), but the top-level
    folder `skip`."""
    files, folders = set(), set()
    for dirpath, dirnames, filenames in os.walk(site):
        if skip and dirpath == str(site):
            dirnames[:] = [d for d in dirnames if d != skip]
        base = os.path.relpath(dirpath, site).replace(os.sep, "/")
        base = "" if base == "." else base + "/"
        folders.add(base.rstrip("/"))
        files.update(base + name for name in filenames)
    return files, folders


def _scan(rel: str, root, files: set[str], folders: set[str], site_url: str | None, resolved: dict):
    """One pass over a page's elements: its ids, and its problems in document order (links to another page's
    #anchor are returned as (target, fragment, href) to check later)."""
    page_ids, entries, links, loads, styles, scripts, meta = set(), [], [], [], [], [], set()
    folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
    for el in root.xpath("//*"):      # the whole document: markup after </html> is parsed into a second tree
        tag = el.tag
        attrs = el.attrib
        if "id" in attrs:
            page_ids.add(attrs["id"])
        if "style" in attrs:
            styles.append(attrs["style"])
        if tag == "a" or tag == "area" or tag == "link":
            if tag == "a" and "name" in attrs:
                page_ids.add(attrs["name"])
            if "href" in attrs:
                links.append(attrs["href"])
                if tag == "link":
                    rels = set((attrs.get("rel") or "").lower().split())
                    if rels & FETCHING_RELS:
                        loads.append(("link", attrs["href"]))
                    if "canonical" in rels:
                        meta.add("canonical URL")
        elif tag == "meta" and attrs.get("property") in ("og:title", "og:description") and "content" in attrs:
            meta.add(attrs["property"])
        elif tag == "script" and "src" not in attrs and el.text:
            scripts.append(el.text)
        elif tag == "style" and el.text:
            styles.append(el.text)
        for name in RESOURCE_TAGS.get(tag, ()):
            value = attrs.get(name)
            if value is None:
                continue
            if name == "srcset":       # srcset lists several URLs, each followed by a size
                loads += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]
            else:
                loads.append((tag, value))
    for href in links:
        base = rel if href.strip()[:1] in ("#", "?", "") else folder     # a bare #anchor or ?query is this page
        key = (base, href)
        if key not in resolved:
            resolved[key] = _resolve_link(base, href, files, folders, site_url)
        target, fragment = resolved[key]
        if target is None:
            if fragment is not None:
                entries.append(Problem(rel, f"broken link {href.strip()}: no such page or file"))
        elif fragment and target.endswith(".html"):
            if target != rel:
                entries.append((target, fragment, href.strip()))
            elif fragment not in page_ids:
                entries.append(Problem(rel, f"broken link {href.strip()}: no #{fragment} in {target}"))
    entries += [Problem(rel, f"<{tag}> loads {url} from another site") for tag, url in loads if _remote(url)]
    entries += [Problem(rel, f"inline style loads {a or b} from another site")
                for text in styles for a, b in CSS_REMOTE.findall(text)]
    entries += [Problem(rel, f"inline script fetches {url} from another site")
                for text in scripts for url in JS_REMOTE.findall(text)]
    if RESPONSE_PAGE.fullmatch(rel):
        entries += [Problem(rel, f"no {name}") for name in REQUIRED_META if name not in meta]
    return page_ids, entries


def _resolve_link(base: str, href: str, files: set[str], folders: set[str], site_url: str | None):
    """(site file the link points to, its #fragment) for an internal link; (None, '') when it points nowhere;
    (None, None) when it is not ours to check (another site, mailto:...)."""
    link = href.strip()
    if site_url and link.startswith(site_url):
        link = "/" + link[len(site_url):]
    if not link or link.lower().startswith(SKIP_SCHEMES) or urlsplit(link).scheme or link.startswith("//"):
        return None, None
    if ":" not in link and "\\" not in link:       # the common case, without urllib: a path, ?query, #fragment
        path, _, fragment = link.partition("#")
        path = path.partition("?")[0]
        if not path.startswith("/"):
            path = posixpath.join("/" + base.rpartition("/")[0], path) if path else "/" + base
        trailing = path.endswith("/") or path.endswith("/.") or path.endswith("/..")
        path = posixpath.normpath(path).replace("//", "/") + ("/" if trailing and path != "/" else "")
        path = "/" + path.lstrip("/").replace("//", "/") if path.startswith("//") else path
        return _resolve(unquote(path), files, folders), unquote(fragment)
    url = urlsplit(urljoin("/" + base, link))
    return _resolve(unquote(url.path), files, folders), unquote(url.fragment)


def _resolve(path: str, files: set[str], folders: set[str]) -> str | None:
    """The site file a URL path is served from (relative to the site root), or None."""
    rel = path.lstrip("/")
    if rel.startswith("..") or "/../" in path:
        return None
    rel = rel.rstrip("/") if path.endswith("/") else rel
    if path.endswith("/") or rel in folders:
        rel = (rel + "/" if rel else "") + "index.html"
    return rel if rel in files else None


def _remote(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))
