"""The statistics page: its tables agree with counts made here from the records; charts are safe, well-formed SVG."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from foi.collection import Collection
from foi.site import Output, charts, stats

RECORDS = Path(__file__).parent / "fixtures" / "opendata" / "records.json"
SVG = "{http://www.w3.org/2000/svg}"
EVIL = 'Evil <script>alert(1)</script> & "Co" ]]>'


def records():
    return json.loads(RECORDS.read_text(encoding="utf-8"))


def page(recs, requests=None) -> str:
    return stats.page(recs, requests or {})


def tables(md: str) -> dict[str, dict[str, dict[str, str]]]:
    """Each table under its section heading, as {row header: {column header: cell text}}."""
    out = {}
    for heading, body in re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", md, re.M | re.S):
        table = ET.fromstring(re.search(r"<table.*?</table>", body, re.S).group(0))
        head = ["".join(th.itertext()) for th in table.find("thead/tr")]
        out[heading] = {"".join(tr[0].itertext()): dict(zip(head[1:], (td.text for td in tr[1:])))
                        for tr in table.find("tbody")}
    return out


def svgs(md: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg.*?</svg>", md, re.S)]


def test_exemption_use_by_authority_and_year_agree_with_the_records():
    recs = records()
    t = tables(page(recs))
    by_authority = t["Exemptions by authority"]
    assert by_authority["Example Constabulary"] == {"Responses": "2", "EIR r12": "0", "FOIA s12": "0",
                                                    "FOIA s31": "1", "FOIA s40": "1"}
    assert by_authority["Authority not identified"]["EIR r12"] == "1"
    years = t["Exemptions by year"]
    assert list(years) == ["2023", "2024", "2025", "Undated"]
    for y, row in years.items():
        members = [r for r in recs if (r["date"][:4] if r["date"] else "Undated") == y]
        assert row["Responses"] == str(len(members))
        for section in ("EIR r12", "FOIA s12", "FOIA s31", "FOIA s40"):
            law, number = section.split(" ")
            cited = sum(1 for r in members if any(e["law"] == law and e["section"] == number[1:]
                                                  for e in r["exemptions"]))
            assert row[section] == str(cited)


def test_ncnd_and_cost_limit_rates_and_outcomes_per_authority():
    recs = records()
    t = tables(page(recs))
    constabulary = [r for r in recs if (r["authority"] or {}).get("name") == "Example Constabulary"]
    ncnd = sum(r["ncnd"] for r in constabulary)
    assert t["Neither confirm nor deny"]["Example Constabulary"] == {
        "Responses": "2", "NCND": str(ncnd), "Share": f"{100 * ncnd // 2}%"}
    assert t["Cost limit"]["Example Borough Council"] == {"Responses": "1", "Cost limit": "1", "Share": "100%"}
    assert t["Cost limit"]["Example Constabulary"]["Cost limit"] == "0"
    assert t["Neither confirm nor deny"]["All authorities"] == {
        "Responses": "5", "NCND": str(sum(r["ncnd"] for r in recs)), "Share": "20%"}
    assert t["Cost limit"]["All authorities"]["Cost limit"] == "1"
    outcomes = t["Outcomes by authority"]["Example Constabulary"]
    expected = Counter(r["outcome"] for r in constabulary)
    assert outcomes["Partly provided"] == str(expected["partially_successful"])
    assert outcomes["Not held"] == str(expected["not_held"])
    assert outcomes["Refused"] == "0"


def test_answers_per_request_count_every_answer_to_the_request():
    recs = records()
    t = tables(page(recs, {"stop-and-search": {"title": "Stop and search"}}))
    row = t["Answers by request"]["Stop and search"]
    answers = [a for r in recs if r.get("request_id") == "stop-and-search" for a in r["answers"]]
    assert row["Responses"] == "2" and row["Answers"] == str(len(answers))
    assert row["Not held"] == "1" and row["Neither confirmed nor denied"] == "1" and row["Answered"] == "1"


def test_thousands_of_responses_group_the_rest_and_keep_every_count():
    template = records()[0]
    recs = []
    for i in range(1200):
        authority = f"Example Authority {i % 30:02d}"
        recs.append({**template, "id": f"r-{i:04d}", "authority": {"name": authority, "slug": "x"},
                     "exemptions": [{**template["exemptions"][0], "id": f"FOIA s{20 + i % 15}",
                                     "section": str(20 + i % 15), "subsection": None}]})
    md = page(recs)
    table = tables(md)["Exemptions by authority"]
    assert len(table) == stats.TOP_AUTHORITIES + 1
    assert "Other authorities (20)" in table
    assert sum(int(row["Responses"]) for row in table.values()) == 1200
    columns = next(iter(table.values()))
    assert len(columns) == 1 + stats.TOP_EXEMPTIONS + 1 and "Other" in columns
    assert sum(int(v) for row in table.values() for k, v in row.items() if k != "Responses") == 1200
    assert all(len(svg.findall(f".//{SVG}text")) < 100 for svg in svgs(md))


def test_charts_are_accessible_well_formed_svg_that_escape_hostile_names():
    md = page(records())
    found = svgs(md)
    assert len(found) == 6
    for svg in found:
        assert svg.get("role") == "img"
        assert svg.find(SVG + "title").text and svg.find(SVG + "desc").text
    labels = [t.text for t in found[0].iter(SVG + "text")]
    assert any(label.startswith("Evil <script>") for label in labels)
    assert EVIL in found[0].find(SVG + "desc").text
    assert "<script>" not in md and "\x01" not in md


def test_chart_drops_characters_xml_forbids():
    svg = ET.fromstring(charts.bars("c", "t\x00", "d\x1b", [("A\x01B", 1, "1")]))
    assert [t.text for t in svg.iter(SVG + "text")] == ["AB", "1"]


def test_page_is_written_and_identical_on_rerun(tmp_path):
    for name in ("a", "b"):
        stats.write(Collection(records(), requests={}), Output(tmp_path / name))
    assert (tmp_path / "a" / "statistics.md").read_bytes() == (tmp_path / "b" / "statistics.md").read_bytes()


def test_an_empty_collection_says_so():
    assert "No responses have been published yet." in page([])
