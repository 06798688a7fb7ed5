"""Where the reader keeps its files, and what the analysis cache's version covers."""

from __future__ import annotations

import os
import pkgutil
import shutil
import sys
from pathlib import Path

import pytest

import tui_reader.corpus
from tui_reader.cli import main
from tui_reader.corpus.loading import bundled_seeds
from tui_reader.store import cache, locations


def test_tui_reader_home_puts_config_state_and_cache_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("TUI_READER_HOME", str(home))
    assert locations.config_path() == home / "config.toml"
    assert locations.state_path() == home / "state.json"
    assert locations.analysis_cache_path() == home / "cache" / "analysis.sqlite3"
    index = locations.index_path(locations.cache_folder(), [bundled_seeds()])
    assert index.parent == home / "cache"
    assert index.name.startswith("search-")


def test_a_relative_tui_reader_home_is_taken_from_where_the_reader_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TUI_READER_HOME", "here")
    assert locations.state_path() == tmp_path / "here" / "state.json"


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG variables are Linux's")
@pytest.mark.parametrize("home", [None, ""], ids=["unset", "empty"])
def test_without_tui_reader_home_the_xdg_variables_place_each_kind(
    home: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if home is not None:
        monkeypatch.setenv("TUI_READER_HOME", home)
    folder = {name: Path(os.environ[f"XDG_{name}_HOME"]) for name in ("CONFIG", "STATE", "CACHE")}
    assert locations.config_path() == folder["CONFIG"] / "tui-reader" / "config.toml"
    assert locations.state_path() == folder["STATE"] / "tui-reader" / "state.json"
    assert locations.analysis_cache_path() == folder["CACHE"] / "tui-reader" / "analysis.sqlite3"


def test_the_command_line_keeps_its_cache_under_tui_reader_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("TUI_READER_HOME", str(home))
    assert main(["dump", "--json", str(bundled_seeds())]) == 0
    assert '"articles"' in capsys.readouterr().out
    assert (home / "cache" / "analysis.sqlite3").is_file()
    assert list(Path(os.environ["XDG_CACHE_HOME"]).iterdir()) == []


def test_the_cache_version_covers_every_analysis_module_and_the_packing() -> None:
    """Every module of the corpus package, those of its subpackages too, as the import
    system finds them, and the packing of the results."""
    package = Path(tui_reader.corpus.__file__).parent
    sources = set(cache.analysis_sources())
    found = pkgutil.walk_packages([str(package)], "")
    for module in found:
        name = module.name.replace(".", "/")
        expected = package / name / "__init__.py" if module.ispkg else package / f"{name}.py"
        assert expected.resolve() in sources, module.name
    assert any("entities" in path.parts for path in sources)
    assert any("dates" in path.parts for path in sources)
    assert cache.PACKAGE / "store" / "packing.py" in sources
    assert all(path.is_file() for path in sources)


def copy_of_the_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the package's analysis files, which the cache version is then made of."""
    copy = tmp_path / "tui_reader"
    shutil.copytree(cache.PACKAGE / "corpus", copy / "corpus")
    (copy / "store").mkdir()
    shutil.copy(cache.PACKAGE / "store" / "packing.py", copy / "store")
    monkeypatch.setattr(cache, "PACKAGE", copy)
    return copy


@pytest.mark.parametrize(
    "changed",
    [
        "corpus/entities/words.py",
        "corpus/dates/finding.py",
        "corpus/text.py",
        "corpus/data/places.txt",
        "store/packing.py",
    ],
)
def test_a_change_to_any_analysis_file_changes_the_cache_version(
    changed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte more in one file gives another version; a file that is no part of the
    analysis does not."""
    copy = copy_of_the_analysis(tmp_path, monkeypatch)
    before = cache.pipeline_version()
    (copy / "store" / "locations.py").write_text("# not analysis\n")
    assert cache.pipeline_version() == before
    with (copy / changed).open("a") as stream:
        stream.write("\n")
    assert cache.pipeline_version() != before


@pytest.mark.parametrize("moved", ["corpus/entities/words.py", "corpus/dates/forms.py"])
def test_a_module_moved_changes_the_cache_version(
    moved: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = copy_of_the_analysis(tmp_path, monkeypatch)
    before = cache.pipeline_version()
    (copy / moved).rename(copy / "corpus" / Path(moved).name)
    assert cache.pipeline_version() != before
