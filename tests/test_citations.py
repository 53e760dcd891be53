"""citations.find: every exemption or refusal ground a response relies on, to the limb, with its mentions."""
from __future__ import annotations

import random
import re

import pytest
import yaml

from foi.extract import citations, extract
from foi.readers import read


def assert_cites(text: str, expected: list[str]):
    """The ids found in `text`, in order of first mention."""
    assert [c.id for c in citations.find(text)] == expected


def by_id(text: str) -> dict[str, citations.Citation]:
    return {c.id: c for c in citations.find(text)}


@pytest.mark.parametrize("text, expected", [
    ("Section 31(1)(a) & (b) Law Enforcement;", ["FOIA s31(1)(a)", "FOIA s31(1)(b)"]),
    ("Section 31 (1)(a)(b) – Law Enforcement", ["FOIA s31(1)(a)", "FOIA s31(1)(b)"]),
    ("Section 31(1) (a) and (b) – prejudice to policing", ["FOIA s31(1)(a)", "FOIA s31(1)(b)"]),
    ("we rely on section 31(1)(a)(b) and (c), covering crime and the courts", ["FOIA s31(1)(a)", "FOIA s31(1)(b)", "FOIA s31(1)(c)"]),
    ("The information is exempt under sections 40(2) and 43(2).", ["FOIA s40(2)", "FOIA s43(2)"]),
    ("Names are exempt under s.40(5)(b)(i) of the FOIA.", ["FOIA s40(5)(b)(i)"]),
    ("Section 40(3)(A)(a) applies to the names.", ["FOIA s40(3A)(a)"]),
    ("S44(1)(a) is an absolute exemption.", ["FOIA s44(1)(a)"]),
    ("Exemption 21 (Information accessible by other means) covers the report.", ["FOIA s21"]),
    ("We rely on Section 22A for the study.", ["FOIA s22A"]),
    ("Advice is withheld under Section 36(2)(b)(i) and (ii).", ["FOIA s36(2)(b)(i)", "FOIA s36(2)(b)(ii)"]),
    ("We relied on the exemptions at 23(5), 24(2) and 31(3).", ["FOIA s23(5)", "FOIA s24(2)", "FOIA s31(3)"]),
    ("These records are exempt, relying on Section 40 and 38 of FOIA.", ["FOIA s40", "FOIA s38"]),
    ("The price list is withheld using the exception in regulation 12(5)(e) of the EIR.", ["EIR r12(5)(e)"]),
    ("The information is not held under regulation 12(4)(a) of the EIR.", ["EIR r12(4)(a)"]),
    ("We neither confirm nor deny under section 31(3).", ["FOIA s31(3)"]),
    ("We are no longer relying on section 43(2); section 40(2) still applies.", ["FOIA s40(2)"]),
    ("It is withheld in reliance on regulation 12(4)(e) of \nEIRs covering internal communications.", ["EIR r12(4)(e)"]),
])
def test_wording_families(text, expected):
    assert_cites(text, expected)


def test_a_list_split_across_lines():
    text = ("We neither confirm nor deny holding any records, relying on the following exemptions:\n\n"
            "24(2) – Safeguarding the nation\n\n31(3) – Policing\n\nWhy disclosure would do harm")
    assert_cites(text, ["FOIA s24(2)", "FOIA s31(3)"])


def test_a_bare_number_list_needs_an_introduction():
    assert_cites("Figures by year:\n12(1) were closed\n", [])


@pytest.mark.parametrize("text, expected", [
    ("We dealt with this request using the Freedom of Information (Scotland) Act 2002. Some names are withheld under "
     "section 38(1)(b) of FOISA and advice under Section 30(b)(ii).", ["FOISA s38(1)(b)", "FOISA s30(b)(ii)"]),
    ("You may ask the Scottish Information Commissioner to review this. Section 33(1)(b) applies.", ["FOISA s33(1)(b)"]),
    ("Under the Environmental Information (Scotland) Regulations 2004 we apply section 39(1) of the Freedom of "
     "Information (Scotland) Act, and regulation 11(2) of the EIRs applies to names.", ["FOISA s39(1)", "EISR r11(2)"]),
    ("Your request is refused under section 14(1) of FOIA; environmental information is withheld under "
     "regulation 12(4)(b) of the EIR.", ["FOIA s14(1)", "EIR r12(4)(b)"]),
])
def test_which_law(text, expected):
    assert_cites(text, expected)


@pytest.mark.parametrize("text", [
    "Officers used powers under section 35 of the Housing Act 1996.",
    "Orders under section 12 of the Example Roads, Parks and Markets Act 2019 were made twice.",
    "The department relies on section 1 of the Official Secrets Act 1989 as a bar.",
    "Section 60 stop and search powers were authorised 14 times.",
    "Section 1(1)(a) gives a duty to confirm or deny. Section 17 requires a notice. Section 16 gives advice. "
    "You may complain under Section 50.",
    "I would like the totals, subject to section 40(2) for any personal data.",
    "If it is not possible to answer within the cost limits in Section 12, please answer the other questions.",
    "Material that is not exempt information under section 30 can be exempt elsewhere.",
    "We considered section 43(2) but it does not apply to this information.",
    "Section 36 is not engaged.",
    "The case made under Section 38 of the Freedom of Information Act 2000,\nhas been set aside at review.",
    "The Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 apply.",
])
def test_not_citations(text):
    assert_cites(text, [])


def test_a_section_explained_alongside_its_condition():
    text = ("Names are exempt under Section 40(2). Section 40(2) provides that personal data of third parties is "
            "exempt where a condition in section 40(3) is met.")
    assert_cites(text, ["FOIA s40(2)"])


@pytest.mark.parametrize("text, expected", [
    ("Answering every part would exceed the appropriate limit of £450.", ["FOIA s12"]),
    ("Doing so would exceed the 18 hour threshold set by the Act.", ["FOIA s12"]),
    ("The cost of locating the information exceeds the ‘appropriate level' in the Fees Regulations.", ["FOIA s12"]),
    ("This request is handled under FOISA. It would prove too costly to process; the £600 cost limit equates to "
     "40 hours and we think the work would exceed these thresholds.", ["FOISA s12"]),
    ("The request is manifestly unreasonable under regulation 12(4)(b) of the EIR as it would exceed the "
     "appropriate limit.", ["EIR r12(4)(b)"]),
    ("We rely on Section 12(2): confirming whether we hold it would exceed the appropriate limit.", ["FOIA s12(2)"]),
])
def test_cost_refusals(text, expected):
    assert_cites(text, expected)


def test_cost_phrases_are_mentions_of_the_cost_ground():
    text = "This would exceed the appropriate limit."
    (c,) = citations.find(text)
    assert [text[s:e] for s, e in c.mentions] == ["exceed the appropriate limit"]


def test_a_cost_phrase_goes_to_the_cost_ground_cited_not_to_other_regulations():
    text = ("Question 1 is refused under Regulation 12(5)(a) of the Environmental Information Regulations 2004 and "
            "question 2 under Regulation 12(4)(b): it is manifestly unreasonable.\n"
            "Question 3 is refused under Section 12(1): finding it would exceed the appropriate limit.")
    found = by_id(text)
    assert [text[s:e] for s, e in found["FOIA s12(1)"].mentions] == ["Section 12(1)", "exceed the appropriate limit"]
    assert all("appropriate" not in text[s:e] for cid in ("EIR r12(5)(a)", "EIR r12(4)(b)")
               for s, e in found[cid].mentions)
    eir = text.replace("Section 12(1)", "the regulations")
    assert [text[s:e] for s, e in by_id(eir)["EIR r12(5)(a)"].mentions] == ["Regulation 12(5)(a)"]


def test_every_mention_is_kept():
    text = ("Section 31(1)(a) applies.\nSection 31 is a qualified exemption resting on prejudice.\n"
            "Factors favouring disclosure for section 31(1)(a): openness.")
    (c,) = citations.find(text)
    assert c.id == "FOIA s31(1)(a)"
    assert [text[s:e] for s, e in c.mentions] == ["Section 31(1)(a)", "Section 31", "section 31(1)(a)"]


def test_a_limb_after_an_ampersand_is_its_own_mention():
    text = "Section 31(1)(a) & (b) Law Enforcement"
    found = by_id(text)
    assert [text[s:e] for s, e in found["FOIA s31(1)(a)"].mentions] == ["Section 31(1)(a)"]
    assert [text[s:e] for s, e in found["FOIA s31(1)(b)"].mentions] == ["(b)"]


@pytest.mark.parametrize("text, ncnd", [
    ("We neither confirm nor deny holding any records, relying on the following exemptions:\n"
     "Section 23(5) Security bodies\nSection 24(2) National Security", {"FOIA s23(5)": True, "FOIA s24(2)": True}),
    ("Example Constabulary will neither confirm nor deny whether records exist, since the duty in Section 1(1)(a) "
     "does not apply, given this exemption;\n\nSection 31(1) (a) (b) – Policing",
     {"FOIA s31(1)(a)": True, "FOIA s31(1)(b)": True}),
    ("Whether records exist is not stated: the duty in Section 1(1) (a) does not apply to them, given these "
     "exemptions:\nSection 31(1)(a) & (b) Policing;", {"FOIA s31(1)(a)": True, "FOIA s31(1)(b)": True}),
    ("Officers' names are withheld under Section 40(2).", {"FOIA s40(2)": False}),
    ("Names are withheld under section 40(5)(b)(i).", {"FOIA s40(5)(b)(i)": True}),
    ("Confirming whether we hold it would exceed the appropriate limit (Section 12(2)).", {"FOIA s12(2)": False}),
])
def test_ncnd(text, ncnd):
    assert {cid: c.ncnd for cid, c in by_id(text).items()} == ncnd


def test_public_interest_test_for_qualified_exemptions_only():
    text = ("Section 31(1)(a) applies. Section 40(2) applies to names. Section 12 applies to part 3.\n"
            "Public interest test\nFactors favouring disclosure: transparency. Factors against disclosure: harm.")
    assert {cid: c.public_interest_test for cid, c in by_id(text).items()} == {
        "FOIA s31(1)(a)": True, "FOIA s40(2)": False, "FOIA s12": False}


def test_no_public_interest_test_set_out():
    assert not by_id("Section 31(1)(a) applies to the locations.")["FOIA s31(1)(a)"].public_interest_test


def test_as_record_carries_the_catalogue():
    (c,) = citations.find("Section 31(1)(a) applies.")
    assert c.as_record() == {
        "id": "FOIA s31(1)(a)", "law": "FOIA", "section": "31", "subsection": "(1)(a)", "name": "Law enforcement",
        "limb": "the prevention or detection of crime", "kind": "qualified", "ncnd": False,
        "public_interest_test": False, "mentions": [{"start": 0, "end": 16}],
    }


def test_document_text_stays_text():
    """Markup around a citation is not part of it: offsets cover the citation's own characters only."""
    text = "<b>Section 31(1)(a)</b> applies <script>alert(1)</script>"
    (c,) = citations.find(text)
    assert [text[s:e] for s, e in c.mentions] == ["Section 31(1)(a)"]


def _most_specific(ids):
    return {i for i in ids if not any(j != i and j.startswith(i + "(") for j in ids)}


def test_labelled_corpus(shared):
    """Every labelled response: exactly the exemptions a careful reader found, and NCND where they found it
    (on a citation, or on an answer that neither confirms nor denies, as the record reports it)."""
    corpus = shared / "corpus" / "dev"
    wrong = []
    for label in sorted((corpus / "labels").glob("*.yml")):
        want = yaml.safe_load(label.read_text(encoding="utf-8"))
        docs = [p for p in (corpus / "docs").glob(label.stem + ".*") if p.suffix == ".txt"]
        if not docs:
            continue
        record = extract(read(docs[0]))
        text = record["text"]
        found = citations.find(text)
        if _most_specific({c.id for c in found}) != _most_specific(set(want.get("exemptions") or [])):
            wrong.append(label.stem)
        if bool(want.get("ncnd")) != record["ncnd"]:
            wrong.append(label.stem + " ncnd")
        for c in found:
            assert all(re.search(r"\S", text[s:e]) for s, e in c.mentions)
    assert wrong == []


def test_sentence_starts_after_the_last_sentence_end_before_the_mention():
    """The sentence's start, found backwards from the mention, is where scanning forwards finds it."""
    rng = random.Random(3)
    pieces = ["The ruling.", " ", "\n", "\n  lower", "\nUpper", "!", "?", ".", "x", "Section 40(2)"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for start in range(len(text) + 1):
            lower = max(0, start - citations.SENTENCE_MAX)
            want = max((m.end() for m in citations.SENTENCE_END.finditer(text, lower, start)), default=lower)
            assert citations._sentence(text, start, start)[0] == want, (text, start)
