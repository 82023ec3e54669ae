"""quantulum3's unit lexicon, flattened to the two lookups the numbers stage makes, and cached.

The numbers stage only asks what unit the word (or symbol) right after a figure names. Building
that from quantulum3 takes seconds: ``load.units`` imports inflect (which instruments itself with
typeguard on import) and pluralises every unit name. The flattened result is two small
dictionaries, so it is built once and kept as JSON in the user's cache folder
(``platformdirs.user_cache_dir("crosscheck")``, or ``$CROSSCHECK_CACHE_DIR``), where later runs
read it in milliseconds.

The file's name carries a key: the versions of quantulum3, inflect (its plurals are surfaces) and
crosscheck, and the flattening rules below. Upgrading any of them, or editing the rules, makes a new
key, so a stale lexicon is never read; the file of an older key is deleted when the new one is
written. A cache folder that cannot be written is not an error: the lexicon is built in memory, as
it always was, and the run is only slower. Deleting the folder is always safe.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

CACHE_ENV = "CROSSCHECK_CACHE_DIR"
FORMAT = 1  # bump when the way the lexicon is flattened changes (the rule lists are hashed anyway)

# The senses of an ambiguous unit word or symbol, most likely in news first.
NEWS_ENTITIES = ("temperature", "length", "time", "currency", "mass", "volume", "speed", "area")
# Surfaces that are far more often plain English than units in news ("people", "a", "second"...).
NOT_UNIT_SURFACES = ("people", "man", "men", "persons", "pound", "a", "time", "times", "second", "point",
                     "points", "mark", "marks", "rand", "tick", "ticks", "degree", "degrees", "won", "cent")


@dataclass(frozen=True)
class UnitLexicon:
    surfaces: dict[str, str]  # lower-case unit word or phrase -> unit name ("kilometres" -> "kilometre")
    symbols: dict[str, str]   # case-sensitive symbol -> unit name ("km" -> "kilometre", "£" -> "pound sterling")


@functools.lru_cache(maxsize=1)
def unit_lexicon() -> UnitLexicon:
    """This process's lexicon: read from the cache, or built (and cached) on first use."""
    return load_unit_lexicon(cache_dir())


def load_unit_lexicon(folder: Optional[Path]) -> UnitLexicon:
    """The lexicon cached in ``folder`` under the current key; built and written there when absent,
    unreadable or of another key. ``folder`` None: built, not cached."""
    if folder is None:
        return build_unit_lexicon()
    key = lexicon_key()
    path = folder / f"units-{key}.json"
    cached = _read(path, key)
    if cached is not None:
        return cached
    lexicon = build_unit_lexicon()
    _write(path, key, lexicon)
    return lexicon


def cache_dir() -> Path:
    """Where crosscheck keeps what it computes once per installation: ``$CROSSCHECK_CACHE_DIR`` if
    set, else the platform's user cache folder (``~/.cache/crosscheck`` on Linux, honouring
    ``$XDG_CACHE_HOME``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("crosscheck", appauthor=False))


def lexicon_key() -> str:
    """What the lexicon is built from: library versions and the flattening rules, hashed."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"
    parts = [FORMAT, installed("quantulum3"), installed("inflect"), __version__, NEWS_ENTITIES, NOT_UNIT_SURFACES]
    return hashlib.sha1(json.dumps(parts).encode("utf-8")).hexdigest()[:16]


def build_unit_lexicon() -> UnitLexicon:
    """quantulum3's unit names and symbols, flattened to one unit name each (takes seconds)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load
        units = load.units("en_US")

    def first(d):
        out = {}
        for k, v in d.items():
            v = [u for u in v if u.entity.name not in ("dimensionless", "unknown")]
            if v:
                # quantulum3 keeps the senses of a surface in a set, whose order changes from run
                # to run: take the sense news means ("30C" is Celsius, "£5" and "5p" money,
                # "pounds" sterling), then the plain one ("minute", not "minute of arc")
                v.sort(key=lambda u: (NEWS_ENTITIES.index(u.entity.name) if u.entity.name in NEWS_ENTITIES
                                      else len(NEWS_ENTITIES), len(u.name), u.name))
                out[k] = v[0].name
        return out
    surfaces = first(units.surfaces_lower)
    for word in NOT_UNIT_SURFACES:
        surfaces.pop(word, None)
    return UnitLexicon(surfaces, first(units.symbols))


def _read(path: Path, key: str) -> Optional[UnitLexicon]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent, unreadable or truncated: build it again
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    surfaces, symbols = data.get("surfaces"), data.get("symbols")
    if not (isinstance(surfaces, dict) and isinstance(symbols, dict)):
        return None
    return UnitLexicon(surfaces, symbols)


def _write(path: Path, key: str, lexicon: UnitLexicon) -> None:
    """Write atomically (a reader never sees half a file; parallel workers may both write) and
    delete the lexicons of older keys. Any failure only means the next run builds it again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".units-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"key": key, "surfaces": lexicon.surfaces, "symbols": lexicon.symbols}, f,
                          ensure_ascii=False, sort_keys=True)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob("units-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
