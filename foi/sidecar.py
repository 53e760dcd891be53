"""Sidecars: NAME.yml beside NAME.ext carries what a publisher knows about a response (url, request, notes...).

What a sidecar (and a request file, foi.requests) may hold is data: foi/rules/sidecar.yml. `clean` keeps the
valid parts of a sidecar, so a bad value never stops a build; `read` also says what is wrong with a file, with
line numbers, for `python -m foi check`.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from foi import rules

SCHEMA = Path(__file__).with_name("record.schema.json")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a data file, where it is and how to fix it."""
    file: str
    line: int | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f"\n  hint: {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class Issue:
    """A problem at a path of keys and list positions inside a YAML document."""
    path: tuple
    message: str
    hint: str | None = None


class TextLoader(yaml.SafeLoader):
    """Safe YAML that reads every value as text (an empty value as None): a sidecar's values are text, a date
    stays as written, '0123' keeps its zero, and the data is JSON-safe for the cache."""


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class Invalid(ValueError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


def path_for(source: Path) -> Path:
    return Path(source).with_suffix(".yml")


def load(source: Path) -> dict:
    """The sidecar of a source file as a dict ({} when there is none). Raises ValueError when it is not YAML."""
    side = path_for(source)
    if not side.exists() or side == Path(source):
        return {}
    try:
        data = yaml.load(side.read_text(encoding="utf-8"), Loader=TextLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{side}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{side}: expected a mapping of keys to values")
    return data


def clean(data: dict | None) -> dict:
    """The valid part of a sidecar's data: unknown keys and values of the wrong type left out."""
    value, _ = conform(data or {}, rules.load("sidecar")["sidecar"])
    return value or {}


def read(path: Path, kind: str = "sidecar") -> tuple[dict | None, list[Problem]]:
    """A sidecar or request file (kind 'request'): its valid part (None when unusable) and every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=TextLoader)
        data = yaml.load(text, Loader=TextLoader)
    except UnicodeDecodeError:
        return None, [Problem(str(path), None, "not UTF-8 text", "save the file as UTF-8")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(str(path), mark.line + 1 if mark else None, f"not valid YAML: {reason}",
                              "check the indentation, and quote text containing ': ' or starting with a symbol")]
    value, issues = conform({} if data is None else data, rules.load("sidecar")[kind])
    problems = [Problem(str(path), line, f"key '{key}' appears twice; only the last one counts", "merge them")
                for line, key in duplicate_keys(node)]
    problems += [Problem(str(path), line_of(node, i.path), i.message, i.hint) for i in issues]
    return value, problems


def conform(value, schema, path: tuple = ()) -> tuple[object, list[Issue]]:
    """Check `value` against a schema of foi/rules/sidecar.yml: (its valid part or None, the issues found)."""
    if isinstance(schema, list):
        if not isinstance(value, list):
            return None, [Issue(path, f"expected a list, got {_describe(value)}", "start each item with '- '")]
        items, issues = [], []
        for i, item in enumerate(value):
            kept, found = conform(item, schema[0], path + (i,))
            issues += found
            if kept is not None:
                items.append(kept)
        return items, issues
    if isinstance(schema, dict):
        return _mapping(value, schema, path)
    try:
        return SCALARS[schema.partition(",")[0]](value), []
    except Invalid as exc:
        return None, [Issue(path, str(exc), exc.hint)]


def _mapping(value, schema: dict, path: tuple) -> tuple[dict | None, list[Issue]]:
    if not isinstance(value, dict):
        return None, [Issue(path, f"expected keys and values, got {_describe(value)}", "write 'key: value' lines")]
    wildcard = next((key[1:] for key in schema if key.startswith("*")), None)
    out, issues = {}, []
    for key, item in value.items():
        if wildcard:
            try:
                name = SCALARS[wildcard](key)
            except Invalid as exc:
                issues.append(Issue(path + (key,), str(exc), exc.hint))
                continue
            sub = schema["*" + wildcard]
        elif key in schema:
            name, sub = key, schema[key]
        else:
            close = difflib.get_close_matches(str(key), list(schema), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(schema)}"
            issues.append(Issue(path + (key,), f"unknown key '{key}'", hint))
            continue
        if item is None:
            continue
        kept, found = conform(item, sub, path + (key,))
        issues += found
        if kept is not None:
            out[name] = kept
    missing = [key for key in _required(schema) if key not in out]
    issues += [Issue(path, f"missing '{key}'", f"add '{key}:' here") for key in missing if value.get(key) is None]
    return (None if missing else out), issues


def _required(schema: dict) -> list[str]:
    return [key for key, sub in schema.items() if isinstance(sub, str) and sub.endswith(", required")]


def _text(value) -> str:
    if isinstance(value, (str, int, float, date)):
        return str(value).strip()
    raise Invalid(f"expected text, got {_describe(value)}")


def _url(value) -> str:
    text = _text(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise Invalid(f"'{text}' is not a web address", "give the full address, starting with https://")
    return text


def _date(value) -> str:
    if isinstance(value, date):
        return date(value.year, value.month, value.day).isoformat()
    try:
        return date.fromisoformat(_text(value)).isoformat()
    except ValueError:
        raise Invalid(f"'{value}' is not a date", "write dates as YYYY-MM-DD, e.g. 2025-07-17") from None


def _answer(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) >= 1:
        return int(value)
    raise Invalid(f"'{value}' is not an answer number", "answers are numbered 1, 2, 3... in document order")


def _outcome(value) -> str:
    text = _text(value)
    if text not in outcomes():
        close = difflib.get_close_matches(text, outcomes(), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"one of: {', '.join(outcomes())}"
        raise Invalid(f"unknown outcome '{text}'", hint)
    return text


SCALARS = {"text": _text, "url": _url, "date": _date, "answer": _answer, "question": _text, "outcome": _outcome}


@lru_cache(maxsize=None)
def outcomes() -> tuple[str, ...]:
    """The answer outcomes of the record contract (foi/record.schema.json)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return tuple(schema["properties"]["answers"]["items"]["properties"]["outcome"]["enum"])


def line_of(node, path: tuple) -> int | None:
    """The 1-based line of the key or item at `path` in a composed YAML document (or its nearest parent)."""
    if node is None:
        return None
    line = node.start_mark.line
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(step)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line
        else:
            break
    return line + 1


def duplicate_keys(node) -> list[tuple[int, str]]:
    """(line, key) of every key repeated within one mapping of a composed YAML document."""
    found = []
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                found.append((key.start_mark.line + 1, key.value))
            seen.add(getattr(key, "value", None))
            found += duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += duplicate_keys(item)
    return found


def _describe(value) -> str:
    names = {dict: "keys and values", list: "a list", str: "text", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)
