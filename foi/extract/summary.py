"""A one- or two-sentence plain summary of a record: what was answered, withheld or not held, and on what ground."""
from __future__ import annotations

import re

# outcome -> what the authority did, for "{who} {did} {count}"
DID = {
    "answered": "answered",
    "partially_answered": "partly answered",
    "redirected": "pointed elsewhere for",
    "not_held": "said it holds no information for",
    "ncnd": "neither confirmed nor denied holding information for",
    "refused": "refused",
    "refused_cost": "refused on cost grounds",
    "unclear": "gave no clear answer to",
}
WHOLE = {
    "answered": "answered the request",
    "partially_answered": "answered the request in part",
    "redirected": "pointed to where the information is published",
    "not_held": "said it does not hold the information",
    "ncnd": "neither confirmed nor denied holding the information",
    "refused": "refused the request",
    "refused_cost": "refused the request as too costly to answer",
    "unclear": "replied without a clear answer in this copy",
}


def summarise(record: dict) -> str:
    who = (record.get("authority") or {}).get("name") or "The authority"
    answers = record["answers"]
    grounds = _grounds(record.get("exemptions") or [])
    citing = f", citing {grounds}" if grounds else ""
    if not answers:
        return f"No answer is visible in this copy of {who}'s response{citing}."
    if len(answers) == 1:
        outcome = answers[0]["outcome"]
        ncnd = ", neither confirming nor denying some of it" if record.get("ncnd") and outcome != "ncnd" else ""
        return f"{who} {WHOLE[outcome]}{ncnd}{citing}."
    counts = {outcome: sum(a["outcome"] == outcome for a in answers) for outcome in DID}
    parts = []
    for outcome, n in counts.items():
        if not n:
            continue
        note = ""
        if outcome == "answered":
            shorts = {a.get("short") for a in answers if a["outcome"] == "answered"}
            note = f" (all '{shorts.pop()}')" if len(shorts) == 1 and None not in shorts and n > 1 else ""
        of = f" of {len(answers)} questions" if not parts else ""
        parts.append(f"{DID[outcome]} {n}{of}{note}")
    body = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{who} {body}{citing}."


def _grounds(exemptions: list[dict]) -> str:
    """'s31(1)(a) and (b) law enforcement and s40(2) personal information'."""
    by_section: dict[tuple[str, str], list[dict]] = {}
    for e in exemptions:
        by_section.setdefault((e["law"], e["section"]), []).append(e)
    phrases = []
    for (law, _section), group in by_section.items():
        ids = [re.sub(r"^\w+ ", "", e["id"]) for e in group]
        first, rest = ids[0], ids[1:]
        stem = re.sub(r"\([^()]*\)$", "", first)
        limbs = [first] + [i[len(stem):] if i.startswith(stem) and stem != i else i for i in rest]
        cited = limbs[0] if len(limbs) == 1 else ", ".join(limbs[:-1]) + " and " + limbs[-1]
        prefix = "" if law == "FOIA" else f"{law} "
        name = group[0].get("name") or ""
        phrases.append(f"{prefix}{cited} {name[:1].lower() + name[1:]}".strip())
    return "; ".join(phrases[:-1]) + " and " + phrases[-1] if len(phrases) > 1 else "".join(phrases)
