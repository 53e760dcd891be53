"""Static charts: horizontal bar charts as inline SVG, drawn at build time (no JavaScript, no web fonts).

Every label comes from documents, so all text goes through ElementTree (which escapes it) after xml_text.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from foi.site.render import shorten

# Okabe-Ito colours (distinguishable with colour-blindness); grey for a grouped remainder named "Other ...".
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
OTHER = "#999999"
WIDTH = 720
LABEL_WIDTH = 230
BAR_WIDTH = 360
ROW = 22
LEGEND_ROW = 20
LABEL_CHARS = 32
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """Text made safe to hand to an XML writer: characters XML 1.0 forbids (control characters) are dropped."""
    return NOT_XML.sub("", str(value))


def bars(chart_id: str, title: str, desc: str, rows: list[tuple[str, float, str]], scale: float | None = None) -> str:
    """One bar per (label, value, value text); bars are drawn against `scale` (default: the largest value)."""
    return stacked(chart_id, title, desc, [(label, [value], text) for label, value, text in rows], [], scale)


def stacked(chart_id: str, title: str, desc: str, rows: list[tuple[str, list[float], str]], series: list[str],
            scale: float | None = None) -> str:
    """One bar per row, split into one segment per series, with a legend of the series on top.
    rows: (label, value per series, text shown after the bar)."""
    legend_rows = _legend_layout(series)
    top = len({y for _, y in legend_rows}) * LEGEND_ROW + (8 if legend_rows else 0)
    height = top + max(len(rows), 1) * ROW + 4
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "class": "foi-chart", "role": "img",
        "viewBox": f"0 0 {WIDTH} {height}", "width": str(WIDTH), "height": str(height),
        "style": "max-width:100%;height:auto", "font-family": "sans-serif", "font-size": "12",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
    })
    sub(svg, "title", {"id": f"{chart_id}-title"}, title)
    sub(svg, "desc", {"id": f"{chart_id}-desc"}, desc)
    for i, ((x, y), name) in enumerate(zip(legend_rows, series)):
        sub(svg, "rect", {"x": str(x), "y": str(y * LEGEND_ROW + 4), "width": "12", "height": "12",
                          "fill": colour(series, i)})
        sub(svg, "text", {"x": str(x + 16), "y": str(y * LEGEND_ROW + 14), "fill": "currentColor"},
            shorten(name, LABEL_CHARS))
    scale = scale or max((sum(values) for _, values, _ in rows), default=0) or 1
    for r, (label, values, text) in enumerate(rows):
        y = top + r * ROW
        sub(svg, "text", {"x": str(LABEL_WIDTH - 6), "y": str(y + 15), "text-anchor": "end",
                          "fill": "currentColor"}, shorten(label, LABEL_CHARS))
        x = float(LABEL_WIDTH)
        for i, value in enumerate(values):
            if not value:
                continue
            w = value / scale * BAR_WIDTH
            rect = sub(svg, "rect", {"x": _num(x), "y": str(y + 3), "width": _num(w), "height": str(ROW - 6),
                                     "fill": colour(series, i)})
            sub(rect, "title", text=f"{label}: {series[i]}: {_num(value)}" if series else f"{label}: {text}")
            x += w
        sub(svg, "text", {"x": _num(x + 6), "y": str(y + 15), "fill": "currentColor"}, text)
    return ET.tostring(svg, encoding="unicode")


def colour(series: list[str], i: int) -> str:
    return OTHER if i < len(series) and series[i].startswith("Other") else PALETTE[i % len(PALETTE)]


def _legend_layout(series: list[str]) -> list[tuple[int, int]]:
    """(x, legend row) for each series name, wrapping at the chart width."""
    out, x, y = [], 0, 0
    for name in series:
        w = 16 + 7 * len(shorten(name, LABEL_CHARS)) + 16
        if x and x + w > WIDTH:
            x, y = 0, y + 1
        out.append((x, y))
        x += w
    return out


def sub(parent, tag: str, attrs: dict | None = None, text: str | None = None):
    """A child element whose attribute values and text are made safe for XML (xml_text); the writer escapes them."""
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in (attrs or {}).items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
