"""Build the site: convert data/ into pages under docs/, run `mkdocs build --strict`, index for search, check."""
from __future__ import annotations

import shutil
import os
import subprocess
import sys
from pathlib import Path

import yaml

from foi.commands import convert as convert_cmd

ROOT = Path(__file__).resolve().parents[2]


def add_arguments(parser):
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of responses (default: data)")
    parser.add_argument("--out", type=Path, default=None,
                        help="build in this folder instead of the project (docs/ and site/ go there)")


def prepare(workdir: Path) -> Path:
    """A project folder to build in: the project itself, or a copy of its hand-written docs and config in
    `workdir` (tests and benchmarks build there). Returns the mkdocs.yml to use."""
    workdir = Path(workdir).resolve()
    if workdir == ROOT:
        return ROOT / "mkdocs.yml"
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["site_url"] = "http://127.0.0.1:8000/"
    (workdir / "docs").mkdir(parents=True, exist_ok=True)
    for path in _tracked_docs():
        dest = workdir / "docs" / path.relative_to(ROOT / "docs")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    out = workdir / "mkdocs.yml"
    out.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def build(data: Path, workdir: Path = ROOT) -> int:
    config = prepare(workdir)
    coll = convert_cmd.convert(Path(data), config.parent / "docs")
    status = convert_cmd.report(coll)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)], env=env)
    return status or proc.returncode


def run(args) -> int:
    return build(args.data, args.out or ROOT)


def _tracked_docs():
    """Hand-written files under docs/ (generated folders are listed in .gitignore and skipped)."""
    ignored = {line.strip().strip("/") for line in (ROOT / ".gitignore").read_text().splitlines()
               if line.startswith("docs/")}
    for path in sorted((ROOT / "docs").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.is_file() and not any(rel == i or rel.startswith(i + "/") for i in ignored):
            yield path


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping `!ENV [NAME, default]` as the default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
