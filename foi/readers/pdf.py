"""PDF text layer, with pdfplumber (pdfminer.six underneath).

pdfplumber rather than pypdf: it gives every line with its position on the page, so lines come out in reading
order and a paragraph break can be told from a line break by the gap above the line; it is also already
installed for the project. A PDF with no text layer (a scan) is refused: reading it needs OCR.
"""
from __future__ import annotations

import io
import statistics

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from foi.document import ReadError

PARAGRAPH_GAP = 0.6      # a gap above a line taller than this share of the usual line height starts a paragraph


def read(data: bytes) -> tuple[str, str | None]:
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("not a PDF: the file does not start with %PDF")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_text(page) for page in pdf.pages]
            images = any(page.images for page in pdf.pages)
            title = pdf.metadata.get("Title")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError("encrypted PDF: it needs a password to read") from None
        raise ReadError(f"damaged PDF: {cause or type(cause).__name__}") from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise ReadError("no text layer: needs OCR" if images else "no text found in the PDF")
    return text, title if isinstance(title, str) else None


def _page_text(page) -> str:
    """The page's lines top to bottom, a blank line at each paragraph break; a ruled table is one line per
    row, its cells joined by " | ", so a question stays beside its answer."""
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
    return "\n".join(out)


def _table_text(table) -> str:
    rows = (" | ".join(" ".join(cell.split()) for cell in row if cell and cell.strip()) for row in table.extract())
    return "\n".join(row for row in rows if row)


def _inside(line: dict, bbox: tuple) -> bool:
    x0, top, x1, bottom = bbox
    middle_x, middle_y = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom
