"""Split a response into the request's words and its answer blocks, as the authority laid them out."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Block:
    n: int
    question: str | None     # the question's words, None where the document lost them
    answer: str
    start: int               # character offsets of the answer in the text
    end: int


@dataclass
class Layout:
    request: str | None
    blocks: list[Block]


ANSWER_HEADING = re.compile(r"^Answer\s*$", re.M)


def split(text: str) -> Layout:
    heads = list(ANSWER_HEADING.finditer(text))
    if not heads:
        return Layout(None, [Block(1, None, text, 0, len(text))])
    blocks = []
    for i, h in enumerate(heads):
        start = h.end() + 1
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        blocks.append(Block(i + 1, None, text[start:end].strip(), start, end))
    return Layout(None, blocks)
