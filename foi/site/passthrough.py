"""A Python-Markdown extension: the raw HTML blocks of our generated pages go through Markdown unparsed.

A generated page is headings in Markdown (for the table of contents) between raw HTML blocks that we wrote
ourselves: each block is whole elements, balanced, with no blank line inside and no Markdown in it, and every
piece of document text in it escaped (foi.site.render). Python-Markdown and MkDocs would each run an HTML parser
over every tag of it only to hand the same text back; that was most of the time MkDocs spent on a response page.
A page that starts with MARKER (and only such a page) has each block that starts with "<" stashed as it is: the
HTML written is the same, parsed by nobody until the browser.
"""
from __future__ import annotations

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

MARKER = "<!-- foi: raw HTML blocks pass through -->"


class PassThrough(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first] != MARKER:
            return lines
        out, block = [], []
        for line in lines[first + 1:] + [""]:
            if line.strip():
                block.append(line)
                continue
            if block and block[0].startswith("<"):
                out += [self.md.htmlStash.store("\n".join(block) + "\n"), ""]
            else:
                out += block + [line]
            block = []
        return out


class PassThroughExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after whitespace is normalised (30), before MkDocs's and Markdown's own HTML parsers (21, 20)
        md.preprocessors.register(PassThrough(md), "foi_passthrough", 25)


def makeExtension(**kwargs) -> PassThroughExtension:
    return PassThroughExtension(**kwargs)
