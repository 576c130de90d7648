"""Pages of trafilatura's tests with the title its tests expect, for tools/eval_textcopies.py.

trafilatura (``github:adbar/trafilatura``) keeps real pages in ``tests/cache`` and, in
``tests/realworld_tests.py``, a ``MOCK_PAGES`` dictionary from an address to a cache file and
tests that load a page by its address (``load_mock_page_meta(url)``) and assert its title
(``metadata.title == "..."``, ``"..." in metadata.title``, ``metadata.title.startswith("...")``
or ``.endswith("...")``). The test file is read with ``ast``, never run.

Standard library only.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

TEST_FILE = "tests/realworld_tests.py"


def _is_title(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "title"


def _text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def expected_title(test: ast.AST) -> str | None:
    """The title (or the part of it) an assertion expects, if it asserts one."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(op, ast.Eq) and _is_title(left):
            return _text(right)
        if isinstance(op, ast.In) and _is_title(right):
            return _text(left)
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute)
            and test.func.attr in ("startswith", "endswith") and _is_title(test.func.value)
            and len(test.args) == 1):
        return _text(test.args[0])
    return None


class _Reader(ast.NodeVisitor):
    """Walks the test file in source order, following which page the assertions are about."""

    def __init__(self) -> None:
        self.mock_pages: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.page: str | None = None
        self.titles: dict[str, str] = {}

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0] if len(node.targets) == 1 else None
        if isinstance(target, ast.Name):
            if target.id == "MOCK_PAGES" and isinstance(node.value, ast.Dict):
                for k, v in zip(node.value.keys, node.value.values):
                    if _text(k) and _text(v):
                        self.mock_pages[_text(k)] = _text(v)
            elif _text(node.value) is not None:
                self.names[target.id] = _text(node.value)
        for call in ast.walk(node.value):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                    and call.func.id == "load_mock_page_meta" and call.args):
                arg = call.args[0]
                url = _text(arg) or (self.names.get(arg.id) if isinstance(arg, ast.Name) else None)
                self.page = self.mock_pages.get(url or "")
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        want = expected_title(node.test)
        if want and self.page and self.page not in self.titles:
            self.titles[self.page] = want


def titles_of(test_source: str) -> dict[str, str]:
    """Cache file name -> expected title, from the text of realworld_tests.py."""
    reader = _Reader()
    reader.visit(ast.parse(test_source))
    return reader.titles


def tests_folder(repo: Path, scratch: Path) -> Path:
    """The ``tests`` folder of a checkout (or the folder itself), unpacking a git directory."""
    for cand in (repo / "tests", repo):
        if (cand / "realworld_tests.py").is_file():
            return cand
    if not ((repo / "HEAD").is_file() and (repo / "objects").is_dir()):
        raise SystemExit(f"eval_textcopies: {repo}: no {TEST_FILE} here and not a git directory")
    git = ["git", "--git-dir", str(repo)]
    source = subprocess.run(git + ["show", f"HEAD:{TEST_FILE}"], capture_output=True,
                            check=True).stdout.decode("utf-8")
    wanted = [f"tests/cache/{name}" for name in titles_of(source)]
    archive = subprocess.run(git + ["archive", "HEAD", TEST_FILE] + wanted,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "x", "-C", str(scratch)], input=archive, check=True)
    return scratch / "tests"


def pages(repo: Path, scratch: Path) -> list[tuple[str, Path, str]]:
    """(name, cache page, expected title) for every page whose title the tests assert."""
    tests = tests_folder(repo, scratch)
    titles = titles_of((tests / "realworld_tests.py").read_text(encoding="utf-8"))
    found = [(Path(name).stem, tests / "cache" / name, want) for name, want in titles.items()]
    return [p for p in found if p[1].is_file()]
