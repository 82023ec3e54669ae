"""The Python API: ``check(paths) -> Result``. The CLI is a thin layer over these functions."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .models import Article
from .result import Result


@dataclass(frozen=True)
class Settings:
    """User vocabulary files that extend or override the shipped ones (all optional)."""
    numbers_config: Optional[str] = None
    measures_config: Optional[str] = None
    align_config: Optional[str] = None


def check(paths: Iterable[str | Path], settings: Optional[Settings] = None) -> Result:
    """Read the articles under ``paths``, extract their claims, and align them into groups."""
    from .ingest import read_paths
    ingested = read_paths(paths)
    result = check_articles(ingested.articles, settings)
    result.skipped = ingested.skipped
    result.warnings = ingested.warnings
    return result


def check_articles(articles: list[Article], settings: Optional[Settings] = None) -> Result:
    """The same as :func:`check`, for articles already in memory."""
    pipeline = Pipeline(settings or Settings())
    claims = [c for a in articles for c in pipeline.extractor.extract(a)]
    groups = pipeline.aligner.align(claims, articles)
    return Result(articles=list(articles), claims=claims, groups=groups)


class Pipeline:
    """The configured stages, built once (vocabularies compiled) and reused for every article."""

    def __init__(self, settings: Settings):
        from .align import Aligner, load_align_config
        from .claims import ClaimExtractor, load_measures
        from .numbers import NumberFinder, load_vocabulary
        finder = NumberFinder(load_vocabulary(settings.numbers_config)) if settings.numbers_config else None
        measures = load_measures(settings.measures_config) if settings.measures_config else None
        self.extractor = ClaimExtractor(measures, finder)
        self.aligner = Aligner(load_align_config(settings.align_config) if settings.align_config else None, measures)


def example_corpus() -> Path:
    """The folder of example articles bundled with the package."""
    return Path(str(resources.files("crosscheck").joinpath("examples/riverside")))
