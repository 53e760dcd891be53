"""Request pages: the same request's answers side by side, counts, non-replies, CSV, citations."""
import csv
import io

import yaml

from foi import annotations
from foi.collection import Collection
from foi.site import Output, compare

REQUEST = {
    "id": "kiosk-use", "title": "Use of self-service kiosks", "summary": "Whether forces copy phones at kiosks.",
    "sent": "2025-05-01", "authorities": ["Example Constabulary", "Sample Police", "Imaginary Fire Service"],
    "questions": [{"number": "1", "text": "Do you use kiosks?", "parts": []},
                  {"number": "2", "text": "How many?", "parts": []}],
}


def answer(n, outcome, short=None, exemptions=()):
    return {"n": n, "question": None, "answer": "...", "outcome": outcome, "short": short,
            "exemptions": list(exemptions), "ncnd": outcome == "ncnd"}


def record(rid, authority, answers, side=None, request=REQUEST):
    rec = {"id": rid, "authority": {"name": authority, "slug": authority.lower().replace(" ", "-")},
           "reference": rid.upper(), "date": "2025-08-01", "answers": answers, "exemptions": [], "ncnd": False,
           "outcome": "partially_successful", "summary": "", "text": "..."}
    annotations.apply(rec, {"request": request["id"], **(side or {})}, {request["id"]: request})
    return rec


def build(tmp_path, records, request=REQUEST):
    out = Output(tmp_path)
    compare.write(Collection(records=records, requests={request["id"]: request}), out)
    return out


def front(page):
    return yaml.safe_load(page.split("---")[1])


def test_matrix_links_every_cell_to_its_answer(tmp_path):
    build(tmp_path, [
        record("ec-1", "Example Constabulary", [answer(1, "answered", "Yes"), answer(2, "ncnd")]),
        record("sp-2", "Sample Police", [answer(1, "refused", exemptions=["FOIA s31(1)(a)", "FOIA s40(2)"]),
                                         answer(2, "refused_cost")]),
    ])
    page = (tmp_path / "requests" / "kiosk-use.md").read_text()
    assert '<a href="../../responses/ec-1/#q1" title="Answered"><span class="foi-badge foi-answer-answered">Yes</span>' in page
    assert 'href="../../responses/ec-1/#q2"' in page and ">NCND</span>" in page
    assert ">Refused s31, s40</span>" in page
    assert ">Cost limit</span>" in page
    assert '<div class="foi-matrix">' in page


def test_counts_per_question_and_authorities_that_have_not_replied(tmp_path):
    build(tmp_path, [
        record("ec-1", "Example Constabulary", [answer(1, "ncnd"), answer(2, "not_held")]),
        record("sp-2", "Sample Police", [answer(1, "ncnd")]),
    ])
    page = (tmp_path / "requests" / "kiosk-use.md").read_text()
    assert "2 of 2 authorities neither confirmed nor denied." in page
    assert "1 of 2 authorities said they hold no information; 1 gave no separate answer." in page
    assert "Sent on 1 May 2025 to 3 authorities; 2 replies so far." in page
    assert "## Not replied yet" in page and "<li>Imaginary Fire Service</li>" in page
    assert "<li>Example Constabulary</li>" not in page


def test_csv_of_the_matrix_is_linked_from_the_page(tmp_path):
    build(tmp_path, [record("ec-1", "=HYPERLINK(1)", [answer(1, "answered", "No"), answer(2, "answered")])])
    rows = list(csv.reader(io.StringIO((tmp_path / "requests" / "kiosk-use.csv").read_text())))
    assert rows[0] == ["authority", "reference", "date", "response", "overall", "1", "2"]
    assert rows[1] == ["'=HYPERLINK(1)", "EC-1", "2025-08-01", "responses/ec-1/", "Partly provided", "No", "Answered"]
    page = (tmp_path / "requests" / "kiosk-use.md").read_text()
    assert '<a href="../../requests/kiosk-use.csv" download>' in page


def test_front_matter_with_the_request_feed(tmp_path):
    build(tmp_path, [])
    meta = front((tmp_path / "requests" / "kiosk-use.md").read_text())
    assert meta["title"] == "Use of self-service kiosks"
    assert meta["description"] == "Whether forces copy phones at kiosks."
    assert meta["feeds"] == [{"title": "New responses: Use of self-service kiosks",
                              "href": "feeds/requests/kiosk-use.xml"}]


def test_index_lists_every_request_with_counts(tmp_path):
    build(tmp_path, [record("ec-1", "Example Constabulary", [answer(1, "answered")])])
    index = (tmp_path / "requests" / "index.md").read_text()
    assert '<a href="../requests/kiosk-use/">Use of self-service kiosks</a>' in index
    assert "<td>3</td><td>1</td><td>2</td>" in index   # asked, replies, questions


def test_a_request_without_questions_is_compared_answer_by_answer(tmp_path):
    bare = {**REQUEST, "id": "bare", "questions": []}
    build(tmp_path, [record("ec-1", "Example Constabulary", [answer(1, "ncnd"), answer(2, "answered", "No")],
                            request=bare)], request=bare)
    page = (tmp_path / "requests" / "bare.md").read_text()
    assert '<th scope="col">Answer 1</th><th scope="col">Answer 2</th>' in page
    assert "## The questions" not in page


def test_citations_of_any_response_are_listed_once(tmp_path):
    story = {"url": "https://news.example.org/kiosks", "title": "Kiosks", "outlet": "Example News",
             "date": "2025-09-01"}
    build(tmp_path, [record("ec-1", "Example Constabulary", [answer(1, "answered")], {"cited_in": [story]}),
                     record("sp-2", "Sample Police", [answer(1, "answered")], {"cited_in": [story]})])
    page = (tmp_path / "requests" / "kiosk-use.md").read_text()
    assert page.count('href="https://news.example.org/kiosks"') == 1
    assert "(Example News, 1 September 2025); cites" in page
    assert 'href="../../responses/sp-2/"' in page.split("## Cited in")[1]


def test_untrusted_words_are_escaped(tmp_path):
    hostile = {**REQUEST, "title": "<script>alert(1)</script>",
               "questions": [{"number": "1", "text": "[x](javascript:alert(1)) *bold*", "parts": []}]}
    build(tmp_path, [record("ec-1", "<img src=x onerror=alert(1)>", [answer(1, "answered")], request=hostile)],
          request=hostile)
    page = (tmp_path / "requests" / "kiosk-use.md").read_text()
    body = page.split("---", 2)[2]
    assert "<script>" not in body and "<img" not in body
    assert "](javascript" not in body and "*bold*" not in body
