"""PDF text layer, with pdfplumber (pdfminer.six underneath).

pdfplumber rather than pypdf: it gives every line with its position on the page, so lines come out in reading
order and a paragraph break can be told from a line break by the gap above the line; it is also already
installed for the project. A line repeated at the top or the bottom of every page (a running header, a page
number) is kept once, where it first appears. A PDF with no text layer (a scan) is refused: it needs OCR.
"""
from __future__ import annotations

import io
import re
import statistics

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from foi.document import ReadError

PARAGRAPH_GAP = 0.6      # a gap above a line taller than this share of the usual line height starts a paragraph


def read(data: bytes) -> tuple[str, str | None]:
    if b"%PDF-" not in data[:1024]:
        raise ReadError("not a PDF: no %PDF header")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = _without_running_lines([_page_lines(page) for page in pdf.pages])
            images = any(page.images for page in pdf.pages)
            title = pdf.metadata.get("Title")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError("encrypted PDF: it needs a password to read") from None
        raise ReadError(f"damaged PDF: {cause or type(cause).__name__}") from None
    text = "\n\n".join("\n".join(lines) for lines in pages if lines)
    if not text.strip():
        raise ReadError("no text layer: needs OCR" if images else "no text found in the PDF")
    return text, title if isinstance(title, str) else None


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Keep once a first or last line that every page repeats (numbers aside), or every page after the first
    when there are two or more of them (the first page has the letterhead)."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    full = [lines for lines in pages if lines]
    for end in (0, -1):
        rest = full[1:]
        if len(full) < 2 or not all(len(lines) > 1 for lines in rest) or len({key(x[end]) for x in rest}) > 1:
            continue
        if key(full[0][end]) == key(rest[0][end]):
            later = rest             # on every page: the first page keeps it
        elif len(rest) > 1:
            later = rest[1:]         # on every page after the letterhead: the second page keeps it
        else:
            continue
        for lines in later:
            del lines[end]
            if not lines[end]:
                del lines[end]                   # the paragraph break beside it
    return pages


def _page_lines(page) -> list[str]:
    """The page's lines top to bottom, "" at each paragraph break; a ruled table is one line per row, its
    cells joined by " | ", so a question stays beside its answer."""
    tables = page.find_tables()
    lines = [line for line in page.extract_text_lines(return_chars=False)
             if not any(_inside(line, table.bbox) for table in tables)]
    height = statistics.median(line["bottom"] - line["top"] for line in lines) if lines else 10
    items = [(t.bbox[1], t.bbox[3], _table_text(t)) for t in tables]
    items += [(line["top"], line["bottom"], line["text"]) for line in lines]
    items.sort(key=lambda item: item[0])
    out, last = [], None
    for top, bottom, text in items:
        if not text:
            continue
        if last is not None and top - last > PARAGRAPH_GAP * (height or 1):
            out.append("")
        out.append(text)
        last = bottom
    return out


def _table_text(table) -> str:
    rows = (" | ".join(" ".join(cell.split()) for cell in row if cell and cell.strip()) for row in table.extract())
    return "\n".join(row for row in rows if row)


def _inside(line: dict, bbox: tuple) -> bool:
    x0, top, x1, bottom = bbox
    middle_x, middle_y = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom
