"""Word .docx files with python-docx: paragraphs and tables in document order.

Automatic list numbering is written out ("1.", "2.", "a)") so numbered questions survive; a table becomes one
line per row with its cells joined by " | ", so a question stays beside its answer.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from foi.document import ReadError

MAX_UNPACKED = 200 * 2**20     # a .docx whose parts unpack to more than this is a zip bomb, not a letter
RUN_CONTENT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
               qn("w:noBreakHyphen"): "-"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read(data: bytes) -> tuple[str, str | None]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a Word .docx file: not a zip archive")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
            raise ReadError(f"Word file unpacks to over {MAX_UNPACKED // 2**20} MB")
    try:
        document = docx.Document(io.BytesIO(data))
    except KeyError:
        raise ReadError("not a Word .docx file: the zip archive holds no Word document") from None
    except (ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(f"not a Word .docx file: {exc}") from None
    numbering = Numbering(document)
    lines = [_block_text(block, numbering) for block in _blocks(document.element.body, document._body)]
    return "\n".join(lines), document.core_properties.title or None


def _blocks(element, parent):
    """Paragraphs and tables in order, including those inside block-level content controls, which python-docx's
    iter_inner_content passes over."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            yield from _blocks(content if content is not None else child, parent)


def _block_text(block, numbering: "Numbering") -> str:
    if isinstance(block, Table):
        return "\n".join(_row_text(row, numbering) for row in block.rows)
    return "\n".join(_text_boxes(block) + [numbering.label(block) + _paragraph_text(block._p)])


def _paragraph_text(p) -> str:
    """The paragraph's text as Word shows it, including runs that python-docx's Paragraph.text skips: content
    controls (dates and references in council templates), tracked insertions, smart tags. Deleted text and field
    codes are other elements and stay out; text boxes are read on their own lines."""
    out = []
    for el in p.iter(*RUN_CONTENT):
        if el.getparent().tag != qn("w:r") or _in_text_box(el, p):
            continue
        out.append(el.text or "" if el.tag == qn("w:t") else RUN_CONTENT[el.tag])
    return "".join(out)


def _in_text_box(el, p) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag in (qn("w:txbxContent"), MC_FALLBACK):
            return True
        node = node.getparent()
    return False


def _text_boxes(paragraph: Paragraph) -> list[str]:
    """Text in the paragraph's text boxes (letterheads keep references and dates there), each once: Word saves
    a text box twice, as a drawing and as a VML fallback."""
    found = paragraph._p.xpath(".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]/w:p")
    return [text for p in found if (text := _paragraph_text(p).strip())]


def _row_text(row, numbering: "Numbering") -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:       # a merged cell is listed once per grid column it spans
            continue
        seen.add(id(cell._tc))
        parts = (_block_text(b, numbering).replace("\n", " ") for b in _blocks(cell._tc, cell))
        text = " ".join(" ".join(parts).split())
        if text:
            cells.append(text)
    return " | ".join(cells)


class Numbering:
    """Works out the label Word shows before a numbered paragraph, counting per list (numId) and level."""

    FORMATS = {
        "decimal": str,
        "lowerLetter": lambda n: _letters(n).lower(),
        "upperLetter": lambda n: _letters(n),
        "lowerRoman": lambda n: _roman(n).lower(),
        "upperRoman": lambda n: _roman(n),
    }

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}   # numId -> ilvl -> (numFmt, lvlText, start)
        self.counts: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str | None, object] = {}   # style id -> its numPr (looked up once per style)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): _levels(a) for a in root.iterchildren(qn("w:abstractNum"))}
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl"), 0))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(qn("w:val"), 1)))
            self.levels[num.get(qn("w:numId"))] = levels

    def label(self, paragraph: Paragraph) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [lvl for lvl in counts if lvl > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "• "
        for lvl in range(ilvl + 1):
            value = counts.get(lvl, levels.get(lvl, ("decimal", "", 1))[2])
            lvl_fmt = levels.get(lvl, ("decimal",))[0]
            text = text.replace(f"%{lvl + 1}", self.FORMATS.get(lvl_fmt, str)(value))
        return f"{text} " if text.strip() else ""

    def _num_pr(self, paragraph: Paragraph) -> tuple[str | None, int]:
        """The paragraph's (numId, level), set on the paragraph itself or on its style (or the style's base)."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.numPr if p_pr is not None else None
        if num_pr is None:
            num_pr = self._style_num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return None, 0
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        return str(num_pr.numId.val), int(ilvl)

    def _style_num_pr(self, paragraph: Paragraph):
        """The numPr a paragraph's style (or the style's base) sets; python-docx finds a style by scanning every
        style, so each style is resolved once per document."""
        style_id = paragraph._p.style
        if style_id not in self.style_numbering:
            num_pr, style = None, paragraph.style
            while num_pr is None and style is not None:
                s_pr = style.element.pPr
                num_pr = s_pr.numPr if s_pr is not None else None
                style = style.base_style
            self.style_numbering[style_id] = num_pr
        return self.style_numbering[style_id]


def _levels(abstract) -> dict[int, tuple[str, str, int]]:
    out = {}
    for lvl in abstract.iterchildren(qn("w:lvl")):
        fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
        out[int(lvl.get(qn("w:ilvl"), 0))] = (
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            int(start.get(qn("w:val"), 1)) if start is not None else 1,
        )
    return out


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out
