import json
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The unit lexicon cache (crosscheck/units.py) of a test run is its own: tests neither read a lexicon
# an earlier version left in the user's cache nor write there. Subprocesses inherit it.
_CACHE = tempfile.TemporaryDirectory(prefix="crosscheck-test-cache-")
os.environ["CROSSCHECK_CACHE_DIR"] = _CACHE.name


def shared_path(*parts) -> Path:
    """A path under ../shared, or a clean skip when it is absent (a user's fresh clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: shared benchmark data is only beside the project in CI and dev sessions")
    return p


@pytest.fixture
def mixed_corpus(tmp_path) -> Path:
    """A folder with two events in it (a hotel fire, two articles; floods, one): two stories."""
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text("---\nsource: A\ntitle: Hotel fire in Merriton\n---\nThree people died on Friday when a fire "
                             "swept through the Larkspur Hotel in Merriton, the Merriton fire service said.\n")
    (d / "b.txt").write_text("---\nsource: B\n---\nTwo people died on Friday in a fire at the Larkspur Hotel in "
                             "Merriton, according to the Merriton fire service.\n")
    (d / "c.txt").write_text("---\nsource: C\ntitle: Ostrava floods\n---\nFloods in the Ostrava valley forced 300 "
                             "families from their homes, officials in Ostrava said on Monday.\n")
    return d


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def seeds_expected(seeds_dir) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text())


@pytest.fixture(scope="session")
def seeds_result(seeds_dir):
    import crosscheck
    return crosscheck.check([seeds_dir])


@pytest.fixture
def disputed_aligner(monkeypatch):
    """The aligner calling every conflict 'disputed' (the verdict of sources contesting each other's
    figure, which the review app decides as a dispute) until the aligner sets it itself."""
    from crosscheck.align import Aligner
    original = Aligner.align

    def align(self, claims, articles):
        groups = original(self, claims, articles)
        for g in groups:
            if g.verdict == "conflict":
                g.verdict = "disputed"
        return groups

    monkeypatch.setattr(Aligner, "align", align)
