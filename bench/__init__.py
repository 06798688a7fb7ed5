"""Benchmarks of tui-reader; each module's docstring says what it measures and how."""

from __future__ import annotations

import sys

from tui_reader.corpus import entities


def analysis_build() -> str:
    """How the interpreter running the benchmark runs the analysis: compiled, as a wheel
    installs it, or as Python, as an editable install (or a build without a C compiler)
    does, an article taking about a third longer. Measure with the interpreter of a wheel's
    install."""
    how = "as Python" if (entities.__file__ or "").endswith(".py") else "compiled"
    return f"analysis {how} ({sys.executable})"
