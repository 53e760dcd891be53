"""How the Word and HTML readers find structure in files written by hand: list numbering set by styles, merged
table cells, parts found through relationships, broken pages. Every wording here is made up."""
from __future__ import annotations

import io
import zipfile

import pytest

from foi import readers
from foi.document import ReadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
MAIN = WORD + "document.main+xml"


def package(body: str, styles: str = "", numbering: str = "", main: str = "word/document.xml",
            content_type: str = MAIN) -> bytes:
    """A .docx holding *body* (paragraphs and tables, w: prefix), with styles and numbering parts if given."""
    base = main.rsplit("/", 1)[0]
    types = [(main, content_type), (f"{base}/styles.xml", WORD + "styles+xml"),
             (f"{base}/numbering.xml", WORD + "numbering+xml")]
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="xml" ContentType="application/xml"/>' + "".join(
                                   f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in types)
                               + "</Types>",
        "_rels/.rels": rels([("officeDocument", main)]),
        main: f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
    }
    related = []
    for kind, xml in (("styles", styles), ("numbering", numbering)):
        if xml:
            parts[f"{base}/{kind}.xml"] = f'<w:{kind} xmlns:w="{W}">{xml}</w:{kind}>'
            related.append((kind, f"{kind}.xml"))
    parts[f"{base}/_rels/{main.rsplit('/', 1)[1]}.rels"] = rels(related)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return buf.getvalue()


def rels(targets: list[tuple[str, str]]) -> str:
    return ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
        f'<Relationship Id="rId{i}" Type="{REL}{kind}" Target="{target}"/>' for i, (kind, target) in
        enumerate(targets, 1)) + "</Relationships>")


def p(text: str, style: str = "", num: str = "") -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num else "")
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def style(style_id: str, based_on: str = "", num: str = "", kind: str = "paragraph") -> str:
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}">'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + (f'<w:pPr><w:numPr><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else "") + "</w:style>")


NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>')


def read(tmp_path, data: bytes, name: str = "r.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return readers.read(path).text


def test_docx_numbering_set_by_a_style_or_its_base(tmp_path):
    styles = (style("Normal") + style("ListBase", num="5") + style("Question", based_on="ListBase")
              + style("Emphasis", num="5", kind="character"))
    body = p("Intro") + p("How many ferries?", "Question") + p("How many piers?", "ListBase") + p("Odd", "Emphasis")
    assert read(tmp_path, package(body, styles, NUMBERING)).split("\n") == [
        "Intro", "1. How many ferries?", "2. How many piers?", "Odd"]


def test_docx_style_loop_is_read_without_numbering(tmp_path):
    styles = style("Loop1", based_on="Loop2") + style("Loop2", based_on="Loop1")
    assert read(tmp_path, package(p("Round and round", "Loop1"), styles, NUMBERING)) == "Round and round"


def test_docx_documents_from_one_template_count_their_own_lists(tmp_path):
    styles = style("Question", num="5")
    data = package(p("Lamps?", "Question") + p("Benches?", "Question"), styles, NUMBERING)
    assert read(tmp_path, data) == read(tmp_path, data) == "1. Lamps?\n2. Benches?"


def test_docx_vertically_merged_cells_repeat_and_spanning_cells_appear_once(tmp_path):
    def cell(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"

    restart, merged, span = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    table = ("<w:tbl>"
             f'<w:tr>{cell("Depots", restart)}{cell("North")}{cell("3")}</w:tr>'
             f'<w:tr>{cell("", merged)}{cell("South")}{cell("4")}</w:tr>'
             f'<w:tr>{cell("Total", span)}{cell("7")}</w:tr>'
             "</w:tbl>")
    assert read(tmp_path, package(table)).split("\n") == ["Depots | North | 3", "Depots | South | 4", "Total | 7"]


def test_docx_parts_are_found_through_relationships(tmp_path):
    data = package(p("A letter filed elsewhere", "Question"), style("Question", num="5"), NUMBERING,
                   main="content/letter.xml")
    assert read(tmp_path, data) == "1. A letter filed elsewhere"


def test_docx_of_another_kind_is_refused(tmp_path):
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    with pytest.raises(ReadError, match="not a Word .docx file: content type is 'application/vnd.ms-word"):
        read(tmp_path, package(p("Macros"), content_type=macro))


def test_docx_missing_part_is_refused(tmp_path):
    data = io.BytesIO(package(p("Hello")))
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
    with pytest.raises(ReadError, match="holds no Word document"):
        read(tmp_path, out.getvalue())


def test_html_text_after_the_page_ends_keeps_its_line_breaks(tmp_path):
    page = b"<html><body><p>One</p></body></html>two</html>\nthree"
    assert read(tmp_path, page, "r.html") == "One\ntwo\nthree"


def test_html_blank_strings_between_tags_are_spaces_except_in_pre(tmp_path):
    page = b"<p><b>one</b>\x0c<b>two</b></p><pre><b>three</b>\x0c<b>four</b></pre>"
    assert read(tmp_path, page, "r.html") == "one two\nthree\nfour"


def test_html_numbered_items_in_lists_and_table_cells(tmp_path):
    page = b'<ol start="4"><li>Ask</li><li><p>Wait</p></li></ol><table><tr><td>Q</td><td><ol><li>Reply</li></ol>'
    assert read(tmp_path, page, "r.html") == "4. Ask\n5. Wait\nQ | 1. Reply"
