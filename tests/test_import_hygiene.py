"""The corpus layer is pure Python: importing it never pulls in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_corpus_layer_never_imports_textual_or_rich() -> None:
    """Import every corpus module in a fresh interpreter and list the UI packages loaded."""
    code = (
        "import sys, pkgutil, importlib, tui_reader.corpus as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module(f'{c.__name__}.{m.name}')\n"
        "import tui_reader.cli\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
