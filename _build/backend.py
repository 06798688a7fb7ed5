"""The build backend: setuptools's, asking for mypy only when the analysis is to be compiled.

`pip install .` builds the reader as Python, with nothing but setuptools.
`TUI_READER_COMPILE=1 pip install .` compiles the analysis with mypyc (setup.py), which
needs mypy at build time and a C compiler; without a compiler it falls back to Python.
"""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import (
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

__all__ = [
    "build_editable",
    "build_sdist",
    "build_wheel",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

COMPILE_REQUIRES = ["mypy==2.4.1", "types-python-dateutil"]
"""What mypyc needs: mypy itself, and the stubs of what the analysis imports."""


def compiling() -> bool:
    """Whether this build compiles the analysis."""
    return os.environ.get("TUI_READER_COMPILE", "") not in ("", "0")


def get_requires_for_build_wheel(
    config_settings: dict[str, str | list[str] | None] | None = None,
) -> list[str]:
    extra = COMPILE_REQUIRES if compiling() else []
    return [*build_meta.get_requires_for_build_wheel(config_settings), *extra]
