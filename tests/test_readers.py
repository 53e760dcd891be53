"""Every format reads into the same kind of text: input file -> expected lines. Fixtures are built here."""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from foi import readers
from foi.document import ReadError
from foi.readers import doc as doc_reader
from foi.readers import docx as docx_reader
from foi.readers import html as html_reader
from foi.rules import load


def make_pdf(lines: list[tuple[int, int, str]] = (), image: bool = False, encrypt: bool = False,
             title: str | None = None, boxes: list[tuple[int, int, int, int]] = (),
             more_pages: list[list[tuple[int, int, str]]] = ()) -> bytes:
    """A PDF with Helvetica text at (x, y), ruled boxes (x, y, width, height), optionally an image, or an
    /Encrypt dictionary whose password is not empty; more_pages holds the text of pages after the first."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    def text(page_lines) -> str:
        return "BT /F1 12 Tf " + " ".join(f"1 0 0 1 {x} {y} Tm ({esc(t)}) Tj" for x, y, t in page_lines) + " ET"

    def stream(content: str) -> bytes:
        return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content.encode("latin-1"))

    content = text(lines) + "".join(f" {x} {y} {w} {h} re S" for x, y, w, h in boxes)
    if image:
        content += " q 200 0 0 200 100 300 cm /Im1 Do Q"
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>")
    extra = 8 if not encrypt else 9           # first object number of the pages after the first
    kids = [b"3 0 R"] + [b"%d 0 R" % (extra + 2 * i) for i in range(len(more_pages))]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)),
        page % 4,
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
        b"<< /Title (%s) >>" % (title or "").encode("latin-1"),
    ]
    trailer = b"/Info 7 0 R"
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>")
        trailer += b" /Encrypt 8 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"
    for i, page_lines in enumerate(more_pages):
        objects += [page % (extra + 2 * i + 1), stream(text(page_lines))]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return readers.read(path)


# Text ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,data", [
    ("utf-8", "Cost: £25 – “quoted” café\r\nNext line\n".encode("utf-8")),
    ("cp1252", "Cost: £25 – “quoted” café\r\nNext line\n".encode("cp1252")),
    ("utf-16", "Cost: £25 – “quoted” café\r\nNext line\n".encode("utf-16")),
    ("utf-8-sig", "Cost: £25 – “quoted” café\r\nNext line\n".encode("utf-8-sig")),
])
def test_text_in_any_encoding(tmp_path, encoding, data):
    doc = read(tmp_path, "r.txt", data)
    assert doc.text == "Cost: £25 – “quoted” café\nNext line"
    assert doc.format == "text"


def test_latin1_text(tmp_path):
    text = "Réponse à votre demande: la somme de £300 a été payée à l'école de Noël. " * 3
    assert read(tmp_path, "r.txt", text.encode("latin-1")).text == text.strip()


def test_markdown_is_its_own_format(tmp_path):
    doc = read(tmp_path, "r.md", b"# Response\n\n1. Yes\n")
    assert (doc.format, doc.text) == ("markdown", "# Response\n\n1. Yes")


def test_invisible_characters_and_ligatures_go(tmp_path):
    text = "\ufeffeﬃcient ﬁle\u00adname\u200b and\u00a0more\x07"
    assert read(tmp_path, "r.txt", text.encode("utf-8")).text == "efficient filename and more"


def test_runs_of_blank_lines_become_one(tmp_path):
    assert read(tmp_path, "r.txt", b"\n\nOne  \n\n\n\n\nTwo\n\n").text == "One\n\nTwo"


# HTML ---------------------------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>FOI 123/25 response</title><style>p{}</style></head><body>
<a class="govuk-skip-link" href="#main">Skip to main content</a>
<div class="govuk-cookie-banner">We use cookies</div>
<header class="govuk-header">GOV.UK</header>
<nav>Home | About</nav>
<main><article><header><h1>Response to request 123/25</h1></header>
<p>Dear Requester,<br>Thank you for your request.</p>
<ol><li>How many cars?</li><li>How many vans?</li></ol>
<table><tr><th>Question</th><th>Answer</th></tr><tr><td>How many cars?</td><td>12</td></tr>
<tr><td>How many vans?</td><td></td><td>None</td></tr></table>
<ul><li>First point</li><li>Second point</li></ul>
<script>alert("x")</script></article></main>
<footer class="govuk-footer">Crown copyright</footer>
<div id="right_column">Follow this request</div>
</body></html>"""


def test_html_drops_chrome_and_keeps_structure(tmp_path):
    doc = read(tmp_path, "r.html", PAGE.encode())
    assert doc.title == "FOI 123/25 response"
    assert doc.text.split("\n") == [
        "Response to request 123/25",
        "Dear Requester,", "Thank you for your request.",
        "1. How many cars?", "2. How many vans?",
        "Question | Answer", "How many cars? | 12", "How many vans? | None",
        "First point", "Second point",
    ]


def test_html_numbered_item_wrapping_paragraphs_keeps_its_number(tmp_path):
    page = b"<ol><li><p>How many cars?</p><p>Twelve.</p></li><li>\n<p><b>How many vans?</b></p></li></ol>"
    assert read(tmp_path, "r.html", page).text == "1. How many cars?\nTwelve.\n2. How many vans?"
    assert read(tmp_path, "r.html", b"<ol><li>One</li><li></li></ol><p>After</p>").text == "1. One\nAfter"


def test_html_page_header_and_footer_go_but_an_articles_stay(tmp_path):
    page = (b"<header>Borsetshire Council</header><main><header><h1>FOI 12/25</h1></header><p>Twelve.</p>"
            b"<footer>Published 1 July</footer></main><footer>Contact us</footer>")
    assert read(tmp_path, "r.html", page).text == "FOI 12/25\nTwelve.\nPublished 1 July"


@pytest.mark.parametrize("selector,markup,dropped", [
    ("#banner", '<div id="banner">x</div>', True),
    (".cookie-banner", '<div class="a cookie-banner">x</div>', True),
    ("a[href='#content']", '<a href="#content">x</a>', True),
    ("a[href='#content']", '<a href="#other">x</a>', False),
    ("[hidden]", '<p hidden>x</p>', True),
    ("div.notice#top", '<div class="notice" id="top">x</div>', True),
    ("div.notice#top", '<div class="notice">x</div>', False),
])
def test_html_chrome_selectors(selector, markup, dropped):
    tag = BeautifulSoup(markup, "lxml").body.contents[0]
    assert html_reader.Chrome({"drop": [selector], "drop_outside_content": [], "content": []}).matches(
        tag, in_content=False) is dropped


def test_every_chrome_rule_is_a_simple_selector():
    html_reader.Chrome(load("html"))
    with pytest.raises(ValueError, match="not a simple selector"):
        html_reader.Selector.parse("article header")


def test_html_text_is_never_markup(tmp_path):
    doc = read(tmp_path, "r.html", b"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>")
    assert doc.text == "<script>alert(1)</script> & more"   # kept as text; the site escapes it


def test_html_in_cp1252_with_meta_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Fee: £10 – paid</p></body></html>'
    assert read(tmp_path, "r.htm", page.encode("cp1252")).text == "Fee: £10 – paid"


# PDF ----------------------------------------------------------------------------------------------------------

def test_pdf_keeps_lines_paragraphs_and_order(tmp_path):
    data = make_pdf([(72, 700, "Our ref: FOI 42/25"), (72, 686, "Dear Requester,"),
                     (72, 650, "1. How many cars?"), (72, 636, "Answer: 12"), (72, 600, "Yours sincerely")],
                    title="FOI response")
    doc = read(tmp_path, "r.pdf", data)
    assert doc.format == "pdf"
    assert doc.title == "FOI response"
    assert doc.text == "Our ref: FOI 42/25\nDear Requester,\n\n1. How many cars?\nAnswer: 12\n\nYours sincerely"


def test_pdf_lines_come_in_reading_order(tmp_path):
    data = make_pdf([(72, 600, "third"), (72, 700, "first"), (300, 686, "second")])
    assert read(tmp_path, "r.pdf", data).text.split() == ["first", "second", "third"]


def test_pdf_ruled_table_is_one_line_per_row(tmp_path):
    cells = [(72, 600), (272, 600), (72, 560), (272, 560)]
    data = make_pdf([(72, 700, "Your questions and our answers:"),
                     (80, 620, "1. How many cars"), (80, 606, "do you own?"), (280, 614, "12"),
                     (80, 574, "2. How many vans?"), (280, 574, "None"),
                     (72, 500, "Yours sincerely")],
                    boxes=[(x, y, 200, 40) for x, y in cells])
    assert read(tmp_path, "r.pdf", data).text == (
        "Your questions and our answers:\n\n1. How many cars do you own? | 12\n2. How many vans? | None\n\n"
        "Yours sincerely")


@pytest.mark.parametrize("title", ["Microsoft Word - FOI 42 response.docx", "letter.pdf", "Untitled", ""])
def test_placeholder_titles_are_dropped(tmp_path, title):
    assert read(tmp_path, "r.pdf", make_pdf([(72, 700, "Text")], title=title)).title is None


def test_pdf_running_headers_and_page_numbers_are_kept_once(tmp_path):
    def page(n: int, body: str):
        return [(72, 760, "OFFICIAL"), (72, 700, body), (72, 40, f"Page {n} of 3")]

    data = make_pdf(page(1, "Dear Requester,"), more_pages=[page(2, "1. Yes"), page(3, "Yours sincerely")])
    assert read(tmp_path, "r.pdf", data).text == (
        "OFFICIAL\n\nDear Requester,\n\nPage 1 of 3\n\n1. Yes\n\nYours sincerely")


def test_pdf_running_header_after_a_letterhead_page(tmp_path):
    first = [(72, 760, "Borsetshire Council, 1 High Street"), (72, 700, "Dear Requester,")]
    later = [[(72, 760, "FOI 42/25 continued"), (72, 700, text)] for text in ("1. Yes", "2. No")]
    assert read(tmp_path, "r.pdf", make_pdf(first, more_pages=later)).text == (
        "Borsetshire Council, 1 High Street\n\nDear Requester,\n\nFOI 42/25 continued\n\n1. Yes\n\n2. No")


def test_scanned_pdf_needs_ocr(tmp_path):
    with pytest.raises(ReadError, match="no text layer: needs OCR"):
        read(tmp_path, "scan.pdf", make_pdf(image=True))


def test_encrypted_pdf(tmp_path):
    with pytest.raises(ReadError, match="encrypted PDF"):
        read(tmp_path, "locked.pdf", make_pdf([(72, 700, "secret")], encrypt=True))


# DOCX ---------------------------------------------------------------------------------------------------------

def docx_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def add_list(document, fmt: str, text: str = "%1.") -> str:
    """A new list definition of one level in numbering.xml; -> its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 900 + len(numbering.findall(".//{*}abstractNum"))
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
        f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'))
    num_id = abstract_id
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return str(num_id)


def numbered(document, text: str, num_id: str):
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_docx_numbering_tables_and_order(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Response FOI 7/25"
    document.add_heading("Freedom of Information response", level=1)
    questions, parts = add_list(document, "decimal"), add_list(document, "lowerLetter", "%1)")
    numbered(document, "How many cars?", questions)
    numbered(document, "Petrol", parts)
    numbered(document, "Diesel", parts)
    numbered(document, "How many vans?", questions)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Question", "Answer"), ("How many cars?", "12")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.add_paragraph("Yours sincerely")
    doc = read(tmp_path, "r.docx", docx_bytes(document))
    assert doc.format == "docx"
    assert doc.title == "Response FOI 7/25"
    assert doc.text.split("\n") == [
        "Freedom of Information response",
        "1. How many cars?", "a) Petrol", "b) Diesel", "2. How many vans?",
        "Question | Answer", "How many cars? | 12",
        "Yours sincerely",
    ]


def test_docx_content_controls_and_tracked_insertions(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("Date: ")
    p._p.append(parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:t>17 July 2025</w:t></w:r>'
                          f'</w:sdtContent></w:sdt>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> (revised)'
                          f'</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>old</w:delText></w:r>'
                          f'</w:del>'))
    document.element.body.insert(0, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Our ref: FOI 9/25</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    assert read(tmp_path, "r.docx", docx_bytes(document)).text == "Our ref: FOI 9/25\nDate: 17 July 2025 (revised)"


def test_docx_merged_cells_appear_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Q1 How many?"
    table.cell(0, 2).text = "None"
    assert read(tmp_path, "r.docx", docx_bytes(document)).text == "Q1 How many? | None"


def test_docx_text_boxes_are_read_once(tmp_path):
    box = ('<w:txbxContent><w:p><w:r><w:t>Our ref: FOI 7/25</w:t></w:r></w:p></w:txbxContent>')
    run = parse_xml(
        f'<w:r {nsdecls("w", "wp")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    document.add_paragraph("Dear Requester,")._p.append(run)
    assert read(tmp_path, "r.docx", docx_bytes(document)).text == "Our ref: FOI 7/25\nDear Requester,"


def test_word_file_under_the_other_word_suffix(tmp_path):
    document = docx.Document()
    document.add_paragraph("Saved as .doc by mistake")
    doc = read(tmp_path, "r.doc", docx_bytes(document))
    assert (doc.format, doc.text) == ("docx", "Saved as .doc by mistake")


def test_docx_that_unpacks_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 2**20)
    document = docx.Document()
    document.add_paragraph("x" * 2**21)
    with pytest.raises(ReadError, match="unpacks to over 1 MB"):
        read(tmp_path, "r.docx", docx_bytes(document))


def test_docx_that_is_not_a_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a Word document")
    with pytest.raises(ReadError, match="not a Word .docx file"):
        read(tmp_path, "r.docx", buf.getvalue())
    with pytest.raises(ReadError, match="not a zip"):
        read(tmp_path, "r.docx", b"PK but not really a zip file at all")


# Legacy .doc --------------------------------------------------------------------------------------------------

def test_doc_without_antiword(tmp_path, monkeypatch):
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="antiword is not installed: cannot read legacy .doc"):
        read(tmp_path, "r.doc", b"\xd0\xcf\x11\xe0 not really a doc")


def test_doc_tables_flatten_row_by_row():
    assert doc_reader._flatten("|Date:      |12 September 2017   |      |") == "Date: | 12 September 2017"
    assert doc_reader._flatten("   1. Could you answer") == "   1. Could you answer"


# Email --------------------------------------------------------------------------------------------------------

def make_email(body: str, html: str | None = None, attachments=()) -> bytes:
    msg = EmailMessage()
    msg["From"] = "FOI Team <foi@council.example.gov.uk>"
    msg["To"] = "requester@example.org"
    msg["Subject"] = "Freedom of Information request FOI 99/25"
    msg["Date"] = "Tue, 15 Jul 2025 10:00:00 +0100"
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for name, data, maintype, subtype in attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def test_email_reply_without_quoted_messages_and_with_attachments(tmp_path):
    body = ("Please find our response attached.\n> an inline quote\n\nFOI Team\n\n"
            "On Mon, 1 Jul 2025 at 09:00, Someone <x@example.org> wrote:\n> How many cars?\nMore quoted text\n")
    document = docx.Document()
    document.add_paragraph("1. The council holds 12 cars.")
    data = make_email(body, attachments=[
        ("response.docx", docx_bytes(document), "application",
         "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("notes.txt", b"Plain attachment", "text", "plain"),
        ("logo.png", b"\x89PNG", "image", "png"),
    ])
    doc = read(tmp_path, "r.eml", data)
    assert doc.format == "eml"
    assert doc.title == "Freedom of Information request FOI 99/25"
    assert doc.text == ("Date: 15 July 2025\n\nPlease find our response attached.\n\nFOI Team\n\n"
                        "Attachment: response.docx\n1. The council holds 12 cars.\n\n"
                        "Attachment: notes.txt\nPlain attachment")


def test_email_outlook_original_message_is_dropped(tmp_path):
    body = "Our answer is yes.\n\n-----Original Message-----\nFrom: requester\nDear FOI team\n"
    assert read(tmp_path, "r.eml", make_email(body)).text == "Date: 15 July 2025\n\nOur answer is yes."


@pytest.mark.parametrize("quote", [
    "From: Jane Example <jane@example.org>\nSent: 01 July 2025 09:00\nTo: FOI\nSubject: cars",
    "On Mon, 1 Jul 2025 at 09:00, Jane Example <\njane@example.org> wrote:\n> How many cars?",
])
def test_email_quoted_headers_over_two_lines(tmp_path, quote):
    body = f"The council holds 12 cars.\n\n{quote}\nHow many cars?\n"
    assert read(tmp_path, "r.eml", make_email(body)).text == "Date: 15 July 2025\n\nThe council holds 12 cars."


def test_email_html_only(tmp_path):
    msg = EmailMessage()
    msg["Subject"] = "Response"
    msg.set_content("<html><body><nav>Menu</nav><p>Answer one</p><p>Answer two</p></body></html>", subtype="html")
    assert read(tmp_path, "r.eml", msg.as_bytes()).text == "Answer one\nAnswer two"


def test_email_unreadable_attachment_is_named(tmp_path):
    data = make_email("See attached.", attachments=[("scan.pdf", make_pdf(image=True), "application", "pdf")])
    assert read(tmp_path, "r.eml", data).text.endswith(
        "Attachment: scan.pdf\n(not read: no text layer: needs OCR)")


# The native formats of the shared corpus -------------------------------------------------------------------------

@pytest.mark.parametrize("name,fmt,expected", [
    ("f01.pdf", "pdf", "1. Could you answer if the library service"),
    ("f02.docx", "docx", "Freedom of Information request 4732233"),
    ("f03.docx", "docx", "2.\tWe do not hold the information requested"),
    ("f04.doc", "docx", "Enquiries to: | Cathryn Copley"),
])
def test_shared_formats(shared, name, fmt, expected):
    doc = readers.read(shared / "corpus" / "formats" / "docs" / name)
    assert doc.format == fmt
    assert expected in doc.text.split("\n") or any(line.startswith(expected) for line in doc.text.split("\n"))


def test_shared_scan_needs_ocr(shared):
    with pytest.raises(ReadError, match="no text layer: needs OCR"):
        readers.read(shared / "corpus" / "formats" / "docs" / "f05.pdf")
