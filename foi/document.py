"""What a reader makes of a file: the response's text and what is known about where it came from."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be read as a response; the message is the reason, shown beside the file's name."""


@dataclass
class Document:
    path: Path
    format: str                      # html, text, pdf, docx, eml, markdown (record.schema.json source.format)
    text: str                        # the response's text, one block per line; an HTML reader leaves out chrome
                                     # elements, but chrome lines in the text go later (foi.extract.chrome)
    sha256: str                      # of the file's bytes
    title: str | None = None         # a title the file carries (HTML <title>, email subject, PDF metadata)
