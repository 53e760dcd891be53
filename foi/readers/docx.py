"""Word .docx files with lxml: paragraphs and tables in document order.

Only the parts the text needs are unpacked and parsed: the document, its core properties (the title), and the
numbering and styles parts once a paragraph could be numbered. Automatic list numbering is written out ("1.",
"2.", "a)") so numbered questions survive; a table becomes one line per row with its cells joined by " | ", so a
question stays beside its answer.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from functools import lru_cache

from lxml import etree

from foi.document import ReadError

MAX_UNPACKED = 200 * 2**20     # a .docx whose parts unpack to more than this is a zip bomb, not a letter
CACHED_PART = 2**20            # styles and numbering parts up to this size are parsed once per process
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)   # as python-docx parses Word XML

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_TBL, W_TR, W_TC, W_R, W_VAL = W + "p", W + "tbl", W + "tr", W + "tc", W + "r", W + "val"
RUN_CONTENT = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_BOX = W + "txbxContent"
TEXT_BOX_PARAGRAPHS = etree.XPath(".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]/w:p",
                                  namespaces={"w": W[1:-1]})

RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_DOCUMENT, RT_STYLES, RT_NUMBERING = OFFICE + "officeDocument", OFFICE + "styles", OFFICE + "numbering"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
NO_DOCUMENT = "not a Word .docx file: the zip archive holds no Word document"


def read(data: bytes) -> tuple[str, str | None]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a Word .docx file: not a zip archive")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
            raise ReadError(f"Word file unpacks to over {MAX_UNPACKED // 2**20} MB")
        try:
            package = Package(archive)
        except ValueError as exc:
            raise ReadError(f"not a Word .docx file: {exc}") from None
        numbering = Numbering(package)
        lines = [_block_text(block, numbering) for block in _blocks(package.document.find(W + "body"))]
        return "\n".join(lines), package.title()


class Package:
    """The parts of a .docx (a zip of XML parts joined by relationships) that the text needs, read on demand."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        types = etree.fromstring(self.blob("/[Content_Types].xml"), PARSER)
        self.package_rels = self.rels("/")
        main = self.related(self.package_rels, RT_DOCUMENT)
        if main is None:
            raise ReadError(NO_DOCUMENT)
        content_type = _content_type(types, main)
        if content_type != WORD_DOCUMENT:
            raise ValueError(f"content type is {content_type!r}")
        self.document = etree.fromstring(self.blob(main), PARSER)
        self.document_rels = self.rels(main)

    def blob(self, partname: str, required: bool = True) -> bytes | None:
        try:
            return self.archive.read(partname[1:])
        except KeyError:
            if required:        # a part the package refers to is missing
                raise ReadError(NO_DOCUMENT) from None
            return None
        except (ValueError, zipfile.BadZipFile) as exc:
            raise ReadError(f"not a Word .docx file: {exc}") from None

    def rels(self, partname: str) -> dict[str, tuple[str, str, bool]]:
        """A part's relationships by id (a repeated id keeps the last): id -> (type, target, external)."""
        base, name = posixpath.split(partname)
        xml = self.blob(posixpath.join(base, "_rels", name + ".rels"), required=False)
        rels = {}
        for rel in etree.fromstring(xml, PARSER).iterchildren(RELATIONSHIP) if xml is not None else ():
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target") if external else posixpath.abspath(posixpath.join(base, rel.get("Target")))
            rels[rel.get("Id")] = (rel.get("Type"), target, external)
        return rels

    @staticmethod
    def related(rels: dict[str, tuple[str, str, bool]], reltype: str) -> str | None:
        """The part name of the one relationship of *reltype*, or None if there is none."""
        found = [(target, external) for kind, target, external in rels.values() if kind == reltype]
        if len(found) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        if found and found[0][1]:
            raise ValueError(f"the relationship of type '{reltype}' points outside the package")
        return found[0][0] if found else None

    def title(self) -> str | None:
        core = self.related(self.package_rels, RT_CORE)
        if core is None:
            return "Word Document"      # python-docx's title for a package without core properties
        title = etree.fromstring(self.blob(core), PARSER).find(DC_TITLE)
        return title.text if title is not None and title.text else None


def _content_type(types, partname: str) -> str:
    """The content type [Content_Types].xml gives a part: its override, else the default for its extension."""
    overrides = {o.get("PartName").lower(): o.get("ContentType") for o in types.iterchildren(CT + "Override")}
    defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iterchildren(CT + "Default")}
    found = overrides.get(partname.lower(), defaults.get(posixpath.splitext(partname)[1][1:].lower()))
    if found is None:
        raise ReadError(NO_DOCUMENT)
    return found


def _blocks(element):
    """Paragraphs and tables in order, including those inside block-level content controls."""
    for child in element.iterchildren(W_P, W_TBL, W + "sdt", W + "customXml"):
        if child.tag == W_P or child.tag == W_TBL:
            yield child
        else:
            content = child.find(W + "sdtContent")
            yield from _blocks(content if content is not None else child)


def _block_text(block, numbering: "Numbering") -> str:
    if block.tag == W_TBL:
        return _table_text(block, numbering)
    return "\n".join(_text_boxes(block) + [numbering.label(block) + _paragraph_text(block)])


def _paragraph_text(p) -> str:
    """The paragraph's text as Word shows it, including runs inside content controls (dates and references in
    council templates), tracked insertions and smart tags. Deleted text and field codes are other elements and
    stay out; text boxes are read on their own lines."""
    boxed = next(p.iter(TEXT_BOX, MC_FALLBACK), None) is not None
    out = []
    for el in p.iter(*RUN_CONTENT):
        if el.getparent().tag != W_R or boxed and _in_text_box(el, p):
            continue
        out.append(el.text or "" if el.tag == W + "t" else RUN_CONTENT[el.tag])
    return "".join(out)


def _in_text_box(el, p) -> bool:
    node = el.getparent()
    while node is not None and node is not p:
        if node.tag == TEXT_BOX or node.tag == MC_FALLBACK:
            return True
        node = node.getparent()
    return False


def _text_boxes(p) -> list[str]:
    """Text in the paragraph's text boxes (letterheads keep references and dates there), each once: Word saves
    a text box twice, as a drawing and as a VML fallback."""
    if next(p.iter(TEXT_BOX), None) is None:
        return []
    return [text for box in TEXT_BOX_PARAGRAPHS(p) if (text := _paragraph_text(box).strip())]


def _table_text(table, numbering: "Numbering") -> str:
    """One line per row: its cells' text, each squeezed to one line, joined by ' | '."""
    lines, above = [], None
    for tr in table.iterchildren(W_TR):
        cells, above = _row_cells(tr, above)
        texts = (" ".join(" ".join(_block_text(b, numbering).replace("\n", " ") for b in _blocks(tc)).split())
                 for tc in cells)
        lines.append(" | ".join(text for text in texts if text))
    return "\n".join(lines)


def _row_cells(tr, above: dict | None) -> tuple[list, dict]:
    """The row's cells in order, each once: a cell spanning several grid columns once, a vertically merged
    cell as the cell at the top of the merge (found in *above*, the row above's grid offset -> cell).
    -> (cells, this row's grid offset -> cell)."""
    cells, seen, starts = [], set(), {}
    offset, furthest = _int_child(tr.find(W + "trPr"), "gridBefore", 0), float("-inf")
    for tc in tr.iterchildren(W_TC):
        cell = tc
        tc_pr = tc.find(W + "tcPr")
        v_merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
        if v_merge is not None and v_merge.get(W_VAL, "continue") == "continue":
            if above is None:
                raise ValueError("no row above a vertically merged cell")
            cell = above.get(offset)
            if cell is None:
                raise ValueError(f"no cell above at grid offset {offset}")
        if offset > furthest:       # the first cell starting at an offset, before any cell starting further on
            starts[offset] = cell
        furthest = max(furthest, offset)
        if cell not in seen and _int_child(cell.find(W + "tcPr"), "gridSpan", 1) > 0:
            seen.add(cell)
            cells.append(cell)
        offset += _int_child(tc_pr, "gridSpan", 1)
    return cells, starts


def _int_child(parent, name: str, default: int) -> int:
    """The integer w:val of *parent*'s w:name child, or *default* where there is none."""
    child = parent.find(W + name) if parent is not None else None
    return default if child is None else int(child.get(W_VAL))


class Numbering:
    """Works out the label Word shows before a numbered paragraph, counting per list (numId) and level."""

    FORMATS = {
        "decimal": str,
        "lowerLetter": lambda n: _letters(n).lower(),
        "upperLetter": lambda n: _letters(n),
        "lowerRoman": lambda n: _roman(n).lower(),
        "upperRoman": lambda n: _roman(n),
    }

    def __init__(self, package: Package):
        self.package = package
        self.counts: dict[str, dict[int, int]] = {}
        self._levels: dict[str, dict[int, tuple[str, str, int]]] | None = None
        self._styles: tuple[dict, tuple | None] | None = None

    def label(self, p) -> str:
        if not self.levels:
            return ""
        num_id, ilvl = self._num_pr(p)
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

    @property
    def levels(self) -> dict[str, dict[int, tuple[str, str, int]]]:
        """numId -> ilvl -> (numFmt, lvlText, start), from the numbering part (empty if there is none)."""
        if self._levels is None:
            part = self.package.related(self.package.document_rels, RT_NUMBERING)
            self._levels = _parsed(_numbering_levels, self.package.blob(part)) if part else {}
        return self._levels

    def _num_pr(self, p) -> tuple[str | None, int]:
        """The paragraph's (numId, level), set on the paragraph itself or on its style (or the style's base)."""
        p_pr = p.find(W + "pPr")
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        if num_pr is not None:
            num_id, ilvl = _num_pr_values(num_pr)
        else:
            style = p_pr.find(W + "pStyle") if p_pr is not None else None
            by_style, default = self.styles
            num_id, ilvl = by_style.get(style.get(W_VAL), default) if style is not None else default
        if num_id is None:
            return None, 0
        return str(int(num_id)), int(ilvl) if ilvl is not None else 0

    @property
    def styles(self) -> tuple[dict[str, tuple[str | None, str | None]], tuple[str | None, str | None]]:
        """The numPr values each paragraph style sets, and those the default paragraph style sets."""
        if self._styles is None:
            part = self.package.related(self.package.document_rels, RT_STYLES)
            self._styles = _parsed(_style_numbering, self.package.blob(part)) if part else ({}, (None, None))
        return self._styles


def _parsed(parse, blob: bytes):
    """parse(blob), remembered for small parts: documents made from one template share these parts."""
    return _remembered(parse, blob) if len(blob) <= CACHED_PART else parse(blob)


@lru_cache(maxsize=32)
def _remembered(parse, blob: bytes):
    return parse(blob)


def _numbering_levels(blob: bytes) -> dict[str, dict[int, tuple[str, str, int]]]:
    root = etree.fromstring(blob, PARSER)
    abstract = {a.get(W + "abstractNumId"): _levels(a) for a in root.iterchildren(W + "abstractNum")}
    out = {}
    for num in root.iterchildren(W + "num"):
        ref = num.find(W + "abstractNumId")
        levels = dict(abstract.get(ref.get(W_VAL) if ref is not None else None, {}))
        for override in num.iterchildren(W + "lvlOverride"):
            start = override.find(W + "startOverride")
            ilvl = int(override.get(W + "ilvl", 0))
            if start is not None and ilvl in levels:
                fmt, text, _ = levels[ilvl]
                levels[ilvl] = (fmt, text, int(start.get(W_VAL, 1)))
        out[num.get(W + "numId")] = levels
    return out


def _levels(abstract) -> dict[int, tuple[str, str, int]]:
    out = {}
    for lvl in abstract.iterchildren(W + "lvl"):
        fmt, text, start = lvl.find(W + "numFmt"), lvl.find(W + "lvlText"), lvl.find(W + "start")
        out[int(lvl.get(W + "ilvl", 0))] = (
            fmt.get(W_VAL, "decimal") if fmt is not None else "decimal",
            text.get(W_VAL, "") if text is not None else "",
            int(start.get(W_VAL, 1)) if start is not None else 1,
        )
    return out


def _style_numbering(blob: bytes) -> tuple[dict[str, tuple[str | None, str | None]], tuple[str | None, str | None]]:
    """styles.xml -> (paragraph style id -> the numPr values it or its base styles set, the default paragraph
    style's). A paragraph naming a style that is not a paragraph style has the default style."""
    styles: dict[str, object] = {}
    default = None
    for style in etree.fromstring(blob, PARSER).iterchildren(W + "style"):
        if style.get(W + "styleId") is not None:
            styles.setdefault(style.get(W + "styleId"), style)
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
            default = style

    def numbering(style) -> tuple[str | None, str | None]:
        seen = set()
        while style is not None and style not in seen:
            seen.add(style)
            p_pr = style.find(W + "pPr")
            num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
            if num_pr is not None:
                return _num_pr_values(num_pr)
            based_on = style.find(W + "basedOn")
            style = styles.get(based_on.get(W_VAL)) if based_on is not None else None
        return None, None

    by_id = {sid: numbering(s) for sid, s in styles.items() if sid and s.get(W + "type") == "paragraph"}
    return by_id, numbering(default)


def _num_pr_values(num_pr) -> tuple[str | None, str | None]:
    """A w:numPr's numId and ilvl values as written (None where the element is missing), checked when used."""
    num_id, ilvl = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
    return (num_id.get(W_VAL, "") if num_id is not None else None,
            ilvl.get(W_VAL, "") if ilvl is not None else None)


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
