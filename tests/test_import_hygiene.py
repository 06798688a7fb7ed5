"""The layers import only downwards: `corpus` (pure analysis) imports neither `store`, `ui`,
`fetch` nor Textual; `store` and `fetch` (the web input) never import `ui` or Textual.
Checked on the source, every import statement, and at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "tui_reader"

INTERFACE = ("tui_reader.ui", "tui_reader.cli", "tui_reader.__main__", "textual", "rich")
FORBIDDEN = {
    "corpus": ("tui_reader.store", "tui_reader.fetch", *INTERFACE),
    "store": INTERFACE,
    "fetch": INTERFACE,
}
"""What the modules of each layer (a subpackage of `tui_reader`) must never import."""

TOP = {"__init__.py", "__main__.py", "cli.py", "cli_fetch.py", "corpus", "store", "ui", "fetch"}
"""What `tui_reader` may hold: the face, and a package per layer."""


def imports(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Each module a file imports (and each name imported from one, which may be a module),
    made absolute, with its line: `root` is the folder of the top package."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    package = parts[:-1]  # of a package's __init__ too: its folder's package is itself
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def violations(root: Path) -> list[str]:
    """Every import that breaks a layer's rule, as `file:line imports module`."""
    found = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((root / layer).rglob("*.py")):
            for line, module in imports(path, root):
                if any(module == name or module.startswith(f"{name}.") for name in forbidden):
                    where = path.relative_to(root.parent).as_posix()
                    found.append(f"{where}:{line} imports {module}")
    return found


def test_each_layer_imports_only_what_it_may() -> None:
    assert violations(PACKAGE) == []


def test_the_package_holds_the_face_and_one_package_a_layer() -> None:
    held = {path.name for path in PACKAGE.iterdir() if path.name != "__pycache__"}
    assert held <= TOP


def test_the_check_finds_imports_that_break_the_rules(tmp_path: Path) -> None:
    """On a made-up tree, a `fetch` package included: relative, absolute and late imports
    that cross a layer are all found, and an import downwards is not."""
    root = tmp_path / "tui_reader"
    files = {
        "corpus/__init__.py": "from ..store import cache\n",
        "corpus/dates/words.py": "def late():\n    import textual.widgets\n",
        "corpus/model.py": "from . import text\nfrom tui_reader.fetch.web import get\n",
        "store/cache.py": "from ..corpus import model\nfrom ..ui.app import ReaderApp\n",
        "fetch/web.py": "from ..store import cache\nfrom .. import ui\nimport rich\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    assert violations(root) == [
        "tui_reader/corpus/__init__.py:1 imports tui_reader.store",
        "tui_reader/corpus/__init__.py:1 imports tui_reader.store.cache",
        "tui_reader/corpus/dates/words.py:2 imports textual.widgets",
        "tui_reader/corpus/model.py:2 imports tui_reader.fetch.web",
        "tui_reader/corpus/model.py:2 imports tui_reader.fetch.web.get",
        "tui_reader/store/cache.py:2 imports tui_reader.ui.app",
        "tui_reader/store/cache.py:2 imports tui_reader.ui.app.ReaderApp",
        "tui_reader/fetch/web.py:2 imports tui_reader.ui",
        "tui_reader/fetch/web.py:3 imports rich",
    ]


def test_corpus_store_and_fetch_never_load_textual_or_rich() -> None:
    """Import every corpus, store and fetch module in a fresh interpreter, and the command
    line, and list the UI packages loaded: none."""
    code = (
        "import sys, pkgutil, importlib, tui_reader.corpus as c, tui_reader.store as s\n"
        "import tui_reader.fetch as f\n"
        "for p in (c, s, f):\n"
        "    for m in pkgutil.walk_packages(p.__path__, f'{p.__name__}.'):\n"
        "        importlib.import_module(m.name)\n"
        "import tui_reader.cli\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
