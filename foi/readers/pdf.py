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
    lines = page.extract_text_lines(return_chars=False)
    if not lines:
        return ""
    height = statistics.median(line["bottom"] - line["top"] for line in lines) or 1
    out, bottom = [], None
    for line in lines:
        if bottom is not None and line["top"] - bottom > PARAGRAPH_GAP * height:
            out.append("")
        out.append(line["text"])
        bottom = line["bottom"]
    return "\n".join(out)
