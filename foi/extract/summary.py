"""A one- or two-sentence plain summary of a record."""
from __future__ import annotations


def summarise(record: dict) -> str:
    who = (record.get("authority") or {}).get("name") or "The authority"
    answers = record["answers"]
    answered = sum(a["outcome"] == "answered" for a in answers)
    return f"{who} answered {answered} of {len(answers)} questions."
