"""Atom feeds of new responses: overall, per exemption section, per authority and per request (urls.feed).

Entries are newest first by response date (undated responses last, with a fixed date); at most LIMIT per feed.
Links are absolute, from the site_url in mkdocs.yml (the SITE_URL environment variable overrides it), because
feed readers resolve relative links inconsistently.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from foi import catalogue
from foi.site import load_config, urls
from foi.site.charts import sub

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
UNDATED = "1970-01-01T00:00:00Z"
ROOT = Path(__file__).resolve().parents[2]


def write(coll, out) -> None:
    site = site_config(Path(out.root).parent / "mkdocs.yml")
    records = newest_first(coll.summaries)
    groups: dict[tuple[str, str], list[dict]] = {}
    for rid in coll.requests:
        groups[("requests", rid)] = []
    for record in records:
        for slug in sorted({urls.exemption_slug(e["id"]) for e in record.get("exemptions", [])}):
            groups.setdefault(("exemptions", slug), []).append(record)
        if record.get("authority"):
            groups.setdefault(("authorities", record["authority"]["slug"]), []).append(record)
        if record.get("request_id"):
            groups.setdefault(("requests", record["request_id"]), []).append(record)

    feeds = [(urls.feed(), "", f"{site['name']}: new responses", records)]
    for (kind, slug), members in sorted(groups.items()):
        title, page = _describe(kind, slug, members, coll.requests)
        feeds.append((urls.feed(kind, slug), page, f"{site['name']}: {title}", members))
    for path, page, title, members in feeds:   # made again only when the summary of an entry in it changed
        if not out.fresh(path, site, page, title, [coll.summary_digest(r["id"]) for r in members[:LIMIT]]):
            out.write(path, feed(site, path, page, title, members))


def feed(site: dict, path: str, page: str, title: str, records: list[dict]) -> str:
    """An Atom document for `records` (already newest first), served at site path `path`, about site page `page`."""
    base = site["url"]
    root = ET.Element("feed", {"xmlns": ATOM})
    sub(root, "id", text=base + path)
    sub(root, "title", text=title)
    entries = records[:LIMIT]
    sub(root, "updated", text=_updated(entries[0]) if entries else UNDATED)
    sub(root, "link", {"rel": "self", "type": "application/atom+xml", "href": base + path})
    sub(root, "link", {"rel": "alternate", "type": "text/html", "href": base + page})
    sub(sub(root, "author"), "name", text=site["name"])
    for record in entries:
        entry = sub(root, "entry")
        url = base + urls.response_url(record["id"])
        sub(entry, "id", text=url)
        sub(entry, "title", text=entry_title(record))
        sub(entry, "updated", text=_updated(record))
        sub(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
        if record.get("authority"):
            sub(sub(entry, "author"), "name", text=record["authority"]["name"])
        for eid in sorted({e["id"] for e in record.get("exemptions", [])}):
            sub(entry, "category", {"term": eid})
        sub(entry, "summary", {"type": "text"}, record.get("summary") or "")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def newest_first(records: list[dict]) -> list[dict]:
    """By response date, newest first; undated last; ties by id."""
    by_id = sorted(records, key=lambda r: r["id"])
    return sorted(by_id, key=lambda r: r.get("date") or "", reverse=True)


def entry_title(record: dict) -> str:
    authority = (record.get("authority") or {}).get("name")
    title = f"{authority}: {record['title']}" if authority else record["title"]
    return f"{title} ({record['reference']})" if record.get("reference") else title


def site_config(config: Path) -> dict:
    """{'name', 'url'} from mkdocs.yml beside the docs folder (else the project's); url ends with '/'."""
    if not config.exists():
        config = ROOT / "mkdocs.yml"
    data = load_config(config) or {}
    url = os.environ.get("SITE_URL") or data.get("site_url") or "/"
    return {"name": data.get("site_name", "FOI responses"), "url": url.rstrip("/") + "/"}


def _describe(kind: str, slug: str, members: list[dict], requests: dict) -> tuple[str, str]:
    """(feed title, site page it belongs to) for a group feed."""
    if kind == "exemptions":
        eid = next(e["id"] for e in members[0]["exemptions"] if urls.exemption_slug(e["id"]) == slug)
        sid = urls.exemption_section(eid)
        return f"responses citing {sid} ({catalogue.lookup(sid).name})", urls.exemption_url(sid)
    if kind == "authorities":
        return f"responses from {members[0]['authority']['name']}", urls.authority_url(slug)
    request = requests.get(slug) or {}
    return f"responses to the request {request.get('title') or slug}", urls.request_url(slug)


def _updated(record: dict) -> str:
    return f"{record['date']}T00:00:00Z" if record.get("date") else UNDATED
