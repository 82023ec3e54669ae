import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts) -> Path:
    """A path under ../shared, or a clean skip when it is absent (a user's fresh clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: shared benchmark data is only beside the project in CI and dev sessions")
    return p


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
