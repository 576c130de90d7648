"""Pages of Postlight Parser's tests with the title its tests expect, for tools/eval_textcopies.py.

Postlight Parser (``github:postlight/parser``, formerly Mercury) keeps real pages in
``fixtures/`` and, for each site extractor, a test ``src/extractors/custom/<host>/index.test.js``
that loads a fixture (``fs.readFileSync('./fixtures/<file>.html')``) and asserts the title
(``assert.equal(title, '...')``) and often the first words of the article
(``assert.equal(first13, '...')``, 13 words). The expectations were written by hand for each
page; the extractors are never run. The test files are read with regular expressions, each
assertion taken for the fixture read last before it.

Standard library only.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

FIXTURE = re.compile(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+\.html)['\"]")
# A JavaScript string literal: single, double or backquoted, with backslash escapes.
LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)"""
TITLE = re.compile(r"assert\.equal\(\s*title\s*,\s*" + LITERAL + r"\s*\)", re.S)
OPENING = re.compile(r"assert\.equal\(\s*(?:first13|text|first\w*)\s*,\s*" + LITERAL + r"\s*\)",
                     re.S)


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _git(repo: Path, *args: str) -> bytes:
    git_dir = repo / ".git" if (repo / ".git").exists() else repo
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True,
                          check=True).stdout


def expectations(test_source: str) -> dict[str, dict[str, str]]:
    """The title and opening each fixture of one test file is expected to give."""
    marks = [(m.start(), "fixture", m.group(1)) for m in FIXTURE.finditer(test_source)]
    marks += [(m.start(), "title", _unquote(m.group(1))) for m in TITLE.finditer(test_source)]
    marks += [(m.start(), "opening", _unquote(m.group(1)))
              for m in OPENING.finditer(test_source)]
    found: dict[str, dict[str, str]] = {}
    fixture = None
    for _, kind, value in sorted(marks):
        if kind == "fixture":
            fixture = value
        elif fixture is not None:
            found.setdefault(fixture, {}).setdefault(kind, value)
    return found


def pages(repo: Path, scratch: Path) -> list[tuple[str, Path, str, str]]:
    """(name, saved page, expected title, expected opening) for every fixture a test titles."""
    names = _git(repo, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    tests = [n for n in names if n.startswith("src/extractors/custom/")
             and n.endswith("index.test.js")]
    out = []
    for test in tests:
        source = _git(repo, "show", f"HEAD:{test}").decode("utf-8", "replace")
        for fixture, expected in sorted(expectations(source).items()):
            if not expected.get("title") or f"fixtures/{fixture}" not in names:
                continue
            page = scratch / "postlight" / fixture
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(_git(repo, "show", f"HEAD:fixtures/{fixture}"))
            out.append((fixture.removesuffix(".html"), page, expected["title"],
                        expected.get("opening", "")))
    return out
