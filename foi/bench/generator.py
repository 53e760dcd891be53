"""Synthetic FOI responses for the benchmark: fictional authorities, our own wording, deterministic per seed.

Each response has a request of 5-8 questions and an answer to each, in one of four layouts ("Answer" headings,
Q1/A1, numbered paragraphs, a question/answer table) and one of three formats (plain text, a saved HTML page
with site chrome around it, DOCX). Answers mix disclosures, Yes/No, cost refusals (s12), exemptions with NCND
limbs (s23(5), s24(2), s31(3), s40(5)...) and EIR regulations, with public interest tests and review rights.
"""
from __future__ import annotations

import html
import io
import random
import zipfile
from pathlib import Path

import docx

AUTHORITIES = [
    ("Example Constabulary", "EC"), ("Northshire County Council", "NCC"), ("Southmoor NHS Foundation Trust", "SMT"),
    ("Eastwick Borough Council", "EBC"), ("Westvale Fire and Rescue Service", "WFRS"),
    ("Riverford University", "RU"), ("Greyhaven Police", "GHP"), ("Lowmarsh District Council", "LDC"),
    ("Highcliff Ambulance Service", "HAS"), ("Ashbourne Metropolitan Council", "AMC"),
    ("Kestrel Valley Water Authority", "KVW"), ("Port Selwyn Harbour Board", "PSH"),
]

TOPICS = [
    ("vehicles", "marked and unmarked vehicles in the fleet"), ("cctv", "CCTV cameras operated in public spaces"),
    ("overtime", "overtime paid to staff"), ("drones", "unmanned aerial vehicles and their flying hours"),
    ("bodycam", "body-worn video devices issued to officers"), ("contracts", "contracts with external suppliers"),
    ("potholes", "potholes reported and repaired"), ("agency", "spending on agency and interim staff"),
    ("complaints", "complaints received about the service"), ("software", "software licences and their costs"),
    ("recruitment", "applications received in recruitment campaigns"), ("energy", "energy use of buildings"),
    ("parking", "penalty charge notices issued"), ("flooding", "properties affected by flooding"),
    ("training", "training courses completed by staff"), ("sickness", "days lost to staff sickness absence"),
]

ASKS = [
    "How many {t} were there in each of the last three financial years?",
    "Please provide the total amount spent on {t} for 2023/24.",
    "Do you hold a policy covering {t}? If so, please provide a copy.",
    "Has the authority carried out any review of {t} since January 2022?",
    "Please break down the figures for {t} by department or district.",
    "Which companies supplied goods or services relating to {t}, and at what cost?",
    "Is there a named officer responsible for {t}?",
    "Please provide any internal reports or minutes that discuss {t}.",
]

DISCLOSURES = [
    "The figures are: 2021/22 {a}; 2022/23 {b}; 2023/24 {c}.",
    "The total amount spent was £{a},{b:03d}. This figure excludes VAT.",
    "A copy of the current policy is attached to this response. It was last reviewed in {y}.",
    "The information is provided in the table below, broken down by district.",
    "We can confirm that a review took place in {y}; a summary of its findings is attached.",
    "There were {a} in total. Please note that the figures are a snapshot taken when your request arrived.",
]

YES_NO = ["Yes.", "No.", "Yes. The post sits within the Corporate Services directorate.",
          "No. The authority has not carried out a review in that period.", "No information is held."]

# (citation as written, explanation sentence, public interest test?)
REFUSALS = [
    ("Section 12(1)", "To locate and extract this information would require a manual search of every case file, "
     "which we estimate would take more than 18 hours and so exceed the appropriate limit.", False),
    ("Section 12(2)", "Even to establish whether the information is held would exceed the appropriate limit, so "
     "we neither confirm nor deny that it is held.", False),
    ("Section 21", "This information is reasonably accessible to you by other means: it is published on our "
     "website in the transparency section.", False),
    ("Section 22(1)(a)", "The information is held with a view to publication in our annual report later this year.",
     True),
    ("Sections 23(5) and 24(2)", "We neither confirm nor deny whether any information is held, as to do so would "
     "reveal whether security bodies were involved and would undermine national security.", True),
    ("Section 30(3)", "We neither confirm nor deny whether information is held relating to any investigation.",
     True),
    ("Section 31(1)(a) and (b)", "Disclosure would be likely to prejudice the prevention and detection of crime and "
     "the apprehension of offenders.", True),
    ("Section 31(3)", "Confirming or denying whether the information is held would itself be likely to prejudice "
     "law enforcement.", True),
    ("Section 38(1)(a)", "Disclosure would be likely to endanger the physical or mental health of individuals.",
     True),
    ("Section 40(2)", "The names of junior staff are personal data and their release would breach the data "
     "protection principles.", False),
    ("Section 40(5)", "We neither confirm nor deny that information is held, as doing so would itself disclose "
     "personal data about a living individual.", False),
    ("Section 41(1)", "The information was provided to us in confidence and its disclosure would be an "
     "actionable breach of confidence.", False),
    ("Section 43(2)", "Disclosure would be likely to prejudice the commercial interests of the authority and of "
     "its suppliers during an ongoing procurement.", True),
    ("Regulation 12(4)(b) of the Environmental Information Regulations 2004", "The request is manifestly "
     "unreasonable because of the burden that complying with it would impose.", True),
    ("Regulation 12(5)(a) of the Environmental Information Regulations 2004", "Disclosure would adversely affect "
     "public safety.", True),
    ("Regulation 13 of the Environmental Information Regulations 2004", "The information is the personal data of "
     "third parties and disclosing it would breach the data protection principles.", False),
]

PUBLIC_INTEREST = [
    "Factors favouring disclosure: there is a public interest in transparency and in showing how public money is "
    "spent.",
    "Factors favouring non-disclosure: release could be used to identify gaps in resources and so assist those "
    "intent on committing offences.",
    "Balancing test: having weighed the factors, we consider that the public interest in maintaining the exemption "
    "outweighs the public interest in disclosure.",
]

OPENINGS = [
    "Thank you for your request for information, which we have dealt with under the Freedom of Information Act "
    "2000.",
    "I write in connection with your request for information received on {d}. Below is your request and our "
    "response.",
]

CLOSINGS = [
    "If you are unhappy with the way your request has been handled you may ask for an internal review within 40 "
    "working days of this response. If you remain dissatisfied you may complain to the Information Commissioner's "
    "Office.",
    "Please note that the information supplied is a snapshot of data held at the time your request was received "
    "and is subject to change.",
    "Yours sincerely, Information Governance Team",
]

CHROME_TOP = ["Skip to main content", "We use cookies to make this site work. Accept all cookies. Reject "
              "additional cookies.", "Home | Services | News | About us | Contact us", "Search this site"]
CHROME_BOTTOM = ["Accessibility statement | Privacy notice | Cookies | Terms and conditions",
                 "Follow us on social media", "© {authority}. All rights reserved."]

FORMATS = ["txt", "html", "docx"]
LAYOUTS = ["answer_headings", "q_and_a", "numbered", "table"]


def generate(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` responses (and a sidecar for every third) under `folder`/<authority>/; returns the files."""
    rng = random.Random(seed)
    folder = Path(folder)
    paths = []
    for n in range(count):
        response = compose(rng, n)
        fmt = rng.choice(FORMATS)
        path = folder / response["slug"] / f"{response['reference'].lower().replace('/', '-')}.{fmt}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(WRITERS[fmt](response))
        if n % 3 == 0:
            path.with_suffix(".yml").write_text(
                f"url: https://{response['slug']}.example/foi/{path.stem}\n", encoding="utf-8")
        paths.append(path)
    return paths


def compose(rng: random.Random, n: int) -> dict:
    """One response as data: authority, reference, date, request, answers, opening and closing paragraphs."""
    authority, prefix = AUTHORITIES[n % len(AUTHORITIES)]
    topic, subject = rng.choice(TOPICS)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2022, 2023, 2024, 2025])
    asks = rng.sample(ASKS, rng.randint(5, 8))
    qas = [(ask.format(t=subject), _answer(rng)) for ask in asks]
    return {
        "authority": authority, "slug": prefix.lower() + "-" + "-".join(authority.lower().split()[:1]),
        "reference": f"{prefix}/{year}/{n:05d}", "date": f"{day:02d}/{month:02d}/{year}",
        "title": f"Freedom of Information request {prefix}/{year}/{n:05d}: {topic}",
        "layout": rng.choice(LAYOUTS), "qas": qas,
        "opening": rng.choice(OPENINGS).format(d=f"{day}/{month}/{year}"), "closing": CLOSINGS,
        "table": [(district, rng.randint(0, 400)) for district in ("North", "South", "East", "West")],
    }


def _answer(rng: random.Random) -> list[str]:
    """An answer's paragraphs: a disclosure, a Yes/No or a refusal with its reasons."""
    kind = rng.random()
    if kind < 0.4:
        return [rng.choice(DISCLOSURES).format(a=rng.randint(3, 900), b=rng.randint(0, 999),
                                               c=rng.randint(3, 900), y=rng.randint(2019, 2024))]
    if kind < 0.6:
        return [rng.choice(YES_NO)]
    cited, why, pit = rng.choice(REFUSALS)
    paragraphs = [f"This part of your request is refused under {cited}. {why}"]
    if pit:
        paragraphs += PUBLIC_INTEREST
    return paragraphs


def _blocks(r: dict) -> list[tuple[str, str]]:
    """The response as (kind, text) blocks: 'p' paragraphs, 'h' headings, 'row' question/answer table rows."""
    blocks = [("h", r["title"]), ("p", f"Reference: {r['reference']}"), ("p", f"Date: {r['date']}"),
              ("p", r["opening"]), ("h", "Your request and our response")]
    for i, (question, answer) in enumerate(r["qas"], 1):
        if r["layout"] == "answer_headings":
            blocks += [("p", question), ("h", "Answer")] + [("p", a) for a in answer]
        elif r["layout"] == "q_and_a":
            blocks += [("p", f"Q{i}. {question}"), ("p", f"A{i}. {answer[0]}")] + [("p", a) for a in answer[1:]]
        elif r["layout"] == "numbered":
            blocks += [("p", f"{i}. {question}"), ("p", f"Response: {answer[0]}")] + [("p", a) for a in answer[1:]]
        else:
            blocks.append(("row", f"{i}. {question}\t{' '.join(answer)}"))
    blocks += [("row", f"{district}\t{value}") for district, value in r["table"]]
    return blocks + [("p", c) for c in r["closing"]]


def as_text(r: dict) -> bytes:
    lines = [f"{r['authority']}", ""]
    for kind, text in _blocks(r):
        lines.append(text.replace("\t", " | ") if kind == "row" else text)
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def as_html(r: dict) -> bytes:
    chrome = "".join(f"<div class='banner'>{html.escape(c)}</div>" for c in CHROME_TOP)
    body, rows = [], []
    for kind, text in _blocks(r) + [("end", "")]:
        if kind == "row":
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in text.split("\t")) + "</tr>")
            continue
        if rows:
            body.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if kind == "h":
            body.append(f"<h2>{html.escape(text)}</h2>")
        elif kind == "p":
            body.append(f"<p>{html.escape(text)}</p>")
    footer = "".join(f"<p>{html.escape(c.format(authority=r['authority']))}</p>" for c in CHROME_BOTTOM)
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(r['title'])} | "
            f"{html.escape(r['authority'])}</title><script>window.analytics=[];</script>"
            f"<style>.banner{{padding:1em}}</style></head><body><header>{chrome}<nav><ul><li><a href='/'>Home</a>"
            f"</li><li><a href='/foi'>Disclosure log</a></li></ul></nav></header><main><article>"
            f"{''.join(body)}</article></main><footer>{footer}</footer></body></html>")
    return page.encode("utf-8")


def as_docx(r: dict) -> bytes:
    document = docx.Document()
    document.core_properties.title = r["title"]
    document.add_paragraph(r["authority"])
    rows = []
    for kind, text in _blocks(r) + [("end", "")]:
        if kind == "row":
            rows.append(text.split("\t"))
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=2)
            for row, cells in zip(table.rows, rows):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
            rows = []
        if kind == "h":
            document.add_heading(text, level=2)
        elif kind == "p":
            document.add_paragraph(text)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so a seed always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


WRITERS = {"txt": as_text, "html": as_html, "docx": as_docx}
