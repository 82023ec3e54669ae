"""The unit lexicon cache: the cached lexicon is the built one, and a bad cache never breaks a run."""
import json
import sys

import pytest

from crosscheck import units
from crosscheck.numbers import NumberFinder


@pytest.fixture(scope="module")
def fresh() -> units.UnitLexicon:
    return units.build_unit_lexicon()


def no_build():
    raise AssertionError("the lexicon was built although a valid cache was there")


def test_cached_lexicon_is_the_built_one(tmp_path, fresh, monkeypatch):
    first = units.load_unit_lexicon(tmp_path)  # cold: built and written
    [written] = tmp_path.glob("units-*.json")
    assert written.name == f"units-{units.lexicon_key()}.json"
    monkeypatch.setattr(units, "build_unit_lexicon", no_build)
    again = units.load_unit_lexicon(tmp_path)  # warm: read back
    assert first == fresh and again == fresh
    assert again.surfaces["kilometres"] == "kilometre" and again.symbols["£"] == "pound sterling"


def test_figures_read_the_same_units_from_the_cache(tmp_path, fresh, monkeypatch):
    text = ("The trail runs 12 kilometres, a 3-mile loop; tickets cost 25 euros, "
            "and the lake is 40 metres deep at 18°C after 2 hours and 5 km of rowing.")
    numbers = sys.modules["crosscheck.numbers"]
    monkeypatch.setattr(numbers, "unit_lexicon", lambda: fresh)
    built = [q.unit for q in NumberFinder().find(text)]
    units.load_unit_lexicon(tmp_path)
    monkeypatch.setattr(units, "build_unit_lexicon", no_build)
    monkeypatch.setattr(numbers, "unit_lexicon", lambda: units.load_unit_lexicon(tmp_path))
    cached = [q.unit for q in NumberFinder().find(text)]
    assert cached == built == ["kilometre", "mile", "euro", "metre", "degree Celsius", "hour", "kilometre"]


def test_other_keys_are_ignored_and_removed(tmp_path, fresh):
    old = tmp_path / "units-0123456789abcdef.json"
    old.write_text(json.dumps({"key": "0123456789abcdef", "surfaces": {"kilometres": "parsec"}, "symbols": {}}))
    assert units.load_unit_lexicon(tmp_path) == fresh
    assert not old.exists()
    assert [p.name for p in tmp_path.glob("units-*.json")] == [f"units-{units.lexicon_key()}.json"]


@pytest.mark.parametrize("content", ["", "{\"key\": ", "[]", "{\"key\": \"KEY\", \"surfaces\": []}"])
def test_a_truncated_or_foreign_file_is_rebuilt(tmp_path, fresh, content):
    path = tmp_path / f"units-{units.lexicon_key()}.json"
    path.write_text(content.replace("KEY", units.lexicon_key()))
    assert units.load_unit_lexicon(tmp_path) == fresh
    assert json.loads(path.read_text())["surfaces"] == fresh.surfaces


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path, fresh):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert units.load_unit_lexicon(blocker / "cache") == fresh
    assert units.load_unit_lexicon(None) == fresh


def test_key_follows_versions_and_rules(monkeypatch):
    key = units.lexicon_key()
    monkeypatch.setattr("crosscheck.__version__", "999.0")
    assert units.lexicon_key() != key
    monkeypatch.undo()
    monkeypatch.setattr(units, "NOT_UNIT_SURFACES", units.NOT_UNIT_SURFACES + ("mile",))
    assert units.lexicon_key() != key
    monkeypatch.undo()
    import importlib.metadata
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.0.1" if name == "quantulum3" else real(name))
    assert units.lexicon_key() != key
    monkeypatch.undo()
    assert units.lexicon_key() == key


def test_cache_folder_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(units.CACHE_ENV, str(tmp_path / "mine"))
    assert units.cache_dir() == tmp_path / "mine"
    if sys.platform.startswith("linux"):  # platformdirs follows the XDG convention there
        monkeypatch.delenv(units.CACHE_ENV)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert units.cache_dir() == tmp_path / "xdg" / "crosscheck"
