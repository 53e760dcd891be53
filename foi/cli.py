"""`python -m foi COMMAND`: one entry point; each command is a small module in foi/commands."""
from __future__ import annotations

import argparse
import importlib

COMMANDS = {
    "extract": "print one JSON record per input file",
    "convert": "turn data/ into Markdown pages under docs/",
    "build": "convert, build the site with MkDocs, index it for search, check it",
    "serve": "build, then serve the site with live reload",
    "check": "validate data/ (sidecars, requests) and report every problem",
    "bench": "generate synthetic responses and time every build stage",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m foi", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = {}
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"foi.commands.{name}")
        module.add_arguments(sub.add_parser(name, help=help_text, description=module.__doc__))
        modules[name] = module
    args = parser.parse_args(argv)
    return modules[args.command].run(args) or 0
