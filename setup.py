"""The build of the wheel (the rest of the project's metadata is in pyproject.toml).

Two things need code: the bundled corpus, kept at the repository root, goes inside the
package; and, when asked for with TUI_READER_COMPILE=1, the analysis that each article goes
through is compiled to C by mypyc (part of mypy). The compiled modules are the same source,
type-checked; where there is no C compiler, the wheel holds them as Python, which works the
same, only slower. The default build, and an editable install always, is plain Python.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py
from setuptools.errors import CCompilerError, ExecError, PlatformError

sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
from backend import compiling  # the one test of whether to compile

COMPILED = [
    f"src/tui_reader/{name}.py"
    for name in (
        "corpus/text", "corpus/cleaning", "corpus/gazetteer", "corpus/formats", "corpus/budget",
        "corpus/dates/__init__", "corpus/dates/words", "corpus/dates/finding",
        "corpus/dates/tense", "corpus/dates/calendar", "corpus/dates/forms",
        "corpus/dates/resolving",
        "corpus/entities/__init__", "corpus/entities/candidate", "corpus/entities/words",
        "corpus/entities/layout", "corpus/entities/pieces", "corpus/entities/spans",
        "corpus/entities/cuts", "corpus/entities/kinds", "corpus/entities/aliases",
        "corpus/entities/building",
        "store/packing",
    )
]  # fmt: skip
"""The modules an article's analysis spends its time in, and the packing of its result."""


class BuildPy(build_py):
    """The package, with the bundled corpus in it."""

    def run(self) -> None:
        super().run()
        shutil.copytree("seeds", Path(self.build_lib, "tui_reader", "seeds"), dirs_exist_ok=True)


class BuildExt(build_ext):
    """The compiled modules: for a wheel only, and left out where they cannot be built."""

    def finalize_options(self) -> None:
        if self.editable_mode or not compiling() or importlib.util.find_spec("mypyc") is None:
            # Asked what the build needs, the backend runs this before mypy is installed.
            self.distribution.ext_modules = []
        else:
            from mypyc.build import mypycify

            # Its extensions are setuptools's or distutils's, whichever is imported.
            compiled: list[Any] = mypycify(
                COMPILED, group_name="tui_reader", target_dir="build/mypyc"
            )
            self.distribution.ext_modules = compiled
        super().finalize_options()

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError) as error:
            # A module compiled without the others' would not load: keep none of them.
            for built in self.get_outputs():
                Path(built).unlink(missing_ok=True)
            print(f"warning: the analysis runs as Python, slower: it did not compile ({error})")


setup(
    # Named only to make the wheel one for this platform: BuildExt puts the compiled
    # modules in its place.
    ext_modules=[Extension("tui_reader.corpus._compiled", sources=[])] if compiling() else [],
    cmdclass={"build_py": BuildPy, "build_ext": BuildExt},
)
