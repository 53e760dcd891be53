"""The exemption catalogue: complete, well-formed, and answering the questions the site asks of it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from foi import catalogue

SCHEMA = json.loads((Path(catalogue.__file__).parent / "record.schema.json").read_text(encoding="utf-8"))
ID_PATTERN = re.compile(SCHEMA["$defs"]["exemption_id"]["pattern"])

EXPECTED = (
    [f"FOIA s{n}" for n in ["12", "14", "21", "22", "22A", "23", "24", *map(str, range(26, 45))]]
    + [f"FOISA s{n}" for n in [12, 14, *range(25, 42)]]
    + ["EIR r12", "EIR r13", "EISR r10", "EISR r11"]
)


def test_every_ground_the_labels_use_is_catalogued():
    assert sorted(EXPECTED) == sorted(catalogue.entries())


@pytest.mark.parametrize("eid", EXPECTED)
def test_entry_is_complete(eid):
    entry = catalogue.entries()[eid]
    assert entry.name and entry.name[0].isupper()
    assert entry.kind in {"absolute", "qualified", "procedural"}
    assert entry.test in {"prejudice", "class", None}
    sentences = re.findall(r"[.!?](?:\s|$)", entry.explanation)
    assert 2 <= len(sentences) <= 5, entry.explanation
    for limb in (*entry.ncnd_limbs, *entry.limbs):
        assert ID_PATTERN.match(eid + limb), eid + limb
        assert catalogue.split_id(eid + limb) == (entry.law, entry.section, limb)


def test_refusal_grounds_are_procedural_and_absolute_exemptions_absolute():
    kinds = {eid: e.kind for eid, e in catalogue.entries().items()}
    assert {eid for eid, k in kinds.items() if k == "procedural"} == {"FOIA s12", "FOIA s14", "FOISA s12", "FOISA s14"}
    for eid in ["FOIA s21", "FOIA s23", "FOIA s32", "FOIA s34", "FOIA s41", "FOIA s44", "FOISA s25", "FOISA s37"]:
        assert kinds[eid] == "absolute", eid
    assert kinds["FOIA s31"] == kinds["FOIA s43"] == kinds["FOISA s30"] == "qualified"
    assert "Parliament" in catalogue.lookup("FOIA s36").explanation


@pytest.mark.parametrize("eid, name", [
    ("FOIA s31(1)(a)", "Law enforcement"),
    ("FOIA s40(5)(b)(i)", "Personal information"),
    ("FOIA s12", "Exemption where cost of compliance exceeds appropriate limit"),
    ("FOISA s38(1)(b)", "Personal information"),
    ("FOISA s30(b)(ii)", "Prejudice to effective conduct of public affairs"),
    ("FOISA s33(1)(b)", "Commercial interests and the economy"),
    ("EIR r12(5)(e)", "Exceptions to the duty to disclose environmental information"),
    ("EISR r11(2)", "Personal data"),
])
def test_lookup_ignores_subsections(eid, name):
    assert catalogue.lookup(eid).name == name


def test_lookup_of_an_uncatalogued_section_is_none():
    assert catalogue.lookup("FOIA s99(1)") is None


@pytest.mark.parametrize("eid, limb", [
    ("FOIA s31(1)(a)", "the prevention or detection of crime"),
    ("FOIA s31(1)(b)", "the apprehension or prosecution of offenders"),
    ("FOIA s36(2)(b)(i)", "inhibiting the free and frank provision of advice"),
    ("FOIA s40(3A)(a)", "disclosure would breach a data protection principle"),
    ("EIR r12(5)(e)", "confidentiality of commercial or industrial information"),
    ("EIR r12(4)(b)", "request manifestly unreasonable"),
    ("EISR r10(4)(a)", "information not held when the request was received"),
    ("FOIA s40(2)(a)", "personal data of someone other than the requester"),   # falls back to the parent limb
    ("FOIA s31", None),
])
def test_limb_names(eid, limb):
    _, _, sub = catalogue.split_id(eid)
    assert catalogue.lookup(eid).limb(sub) == limb


@pytest.mark.parametrize("eid, ncnd", [
    ("FOIA s23(5)", True), ("FOIA s24(2)", True), ("FOIA s31(3)", True), ("FOIA s40(5)(b)(i)", True),
    ("FOIA s40(5B)", True), ("FOIA s12(2)", True), ("EIR r12(6)", True),
    ("FOIA s31(1)(a)", False), ("FOIA s24(1)", False), ("FOIA s40(2)", False), ("FOIA s31", False),
])
def test_ncnd_limbs(eid, ncnd):
    _, _, sub = catalogue.split_id(eid)
    assert catalogue.lookup(eid).is_ncnd_limb(sub) is ncnd


@pytest.mark.parametrize("eid, parts", [
    ("FOIA s31(1)(a)", ("FOIA", "31", "(1)(a)")),
    ("FOIA s22A", ("FOIA", "22A", None)),
    ("FOIA s40(3A)(a)", ("FOIA", "40", "(3A)(a)")),
    ("EIR r12(5)(e)", ("EIR", "12", "(5)(e)")),
])
def test_split_id(eid, parts):
    assert catalogue.split_id(eid) == parts


def test_split_id_rejects_free_text():
    with pytest.raises(ValueError):
        catalogue.split_id("section 31")
