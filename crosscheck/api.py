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
    """User vocabulary files that extend or override the shipped ones (all optional), and how
    articles are split into stories: "auto" clusters articles that have no ``story`` of their own
    (see crosscheck.stories), "one" treats them all as one story."""
    numbers_config: Optional[str] = None
    measures_config: Optional[str] = None
    align_config: Optional[str] = None
    stories: str = "auto"
    # reviewers' merges and splits of stories (crosscheck.story_choices), applied under "auto"
    story_choices: tuple = ()


def check(paths: Iterable[str | Path], settings: Optional[Settings] = None, *, jobs: int = 1,
          progress: bool = False, scheduler: Optional[str] = None, corrections: Iterable = (), align: bool = True) -> Result:
    """Read the articles under ``paths``, extract their claims, and align them into groups.

    ``jobs`` > 1 extracts claims in that many worker processes (the output is identical);
    ``scheduler`` (a Dask scheduler address) runs extraction and alignment on that cluster
    instead; ``progress`` shows a progress bar on stderr. ``corrections`` (reviewers' corrections of
    claims, crosscheck.corrections.Correction, e.g. ``ReviewStore(db).corrections()``) are applied to
    the claims before they are aligned. ``align=False`` stops after extraction (and corrections):
    no stories, no groups; a claim depends on neither, so listing claims needs neither.
    """
    from .ingest import read_paths
    ingested = read_paths(paths)
    result = check_articles(ingested.articles, settings, jobs=jobs, progress=progress, scheduler=scheduler,
                            corrections=corrections, align=align)
    result.skipped = ingested.skipped
    result.warnings = ingested.warnings
    return result


def check_articles(articles: list[Article], settings: Optional[Settings] = None, *, jobs: int = 1,
                   progress: bool = False, scheduler: Optional[str] = None, corrections: Iterable = (), align: bool = True) -> Result:
    """The same as :func:`check`, for articles already in memory."""
    settings = settings or Settings()
    corrections = list(corrections)
    if not align and not scheduler:
        claims = extract_claims(list(articles), settings, jobs=jobs, progress=progress)
        if not corrections:
            return Result(articles=list(articles), claims=claims, groups=[])
        from .corrections import apply_corrections
        claims, reviewed = apply_corrections(claims, list(articles), corrections)
        return Result(articles=list(articles), claims=claims, groups=[], corrections=reviewed)
    articles = split_stories(list(articles), settings.stories, settings.story_choices)
    if scheduler:
        if corrections:
            raise RuntimeError("review corrections are applied by the local engine only (drop --engine dask)")
        from .distributed import check_on_cluster
        return check_on_cluster(articles, settings, scheduler)
    pipeline = Pipeline(settings)
    claims = extract_claims(articles, settings, jobs=jobs, progress=progress, pipeline=pipeline)
    return with_corrections(Result(articles=list(articles), claims=claims, groups=[]), corrections,
                            aligner=pipeline.aligner)


def with_corrections(extracted: Result, corrections: Iterable, settings: Optional[Settings] = None,
                     aligner=None) -> Result:
    """The hook for reviewers' corrections: ``extracted`` (its claims as the extractor read them) with
    ``corrections`` applied to the claims and the claims aligned again, so verdicts follow the
    corrections. Used by every run (report, JSON, CSV, the review app), so all show the same."""
    from .corrections import apply_corrections
    claims, reviewed = apply_corrections(extracted.claims, extracted.articles, corrections)
    aligner = aligner or pipeline_for(settings or Settings()).aligner
    groups = aligner.align(claims, extracted.articles)
    return Result(articles=extracted.articles, claims=claims, groups=groups, skipped=extracted.skipped,
                  warnings=extracted.warnings, decisions=extracted.decisions, corrections=reviewed)


def split_stories(articles: list[Article], mode: str = "auto", choices=()) -> list[Article]:
    """Give every article a story so claims are only compared within one.

    A story given in the input always wins. With mode "auto" reviewers' ``choices`` (merged or split
    stories, crosscheck.story_choices) come next, and the others are clustered by text, names and dates. A story's id comes from its earliest member (crosscheck.stories), so
    it — and the group ids and review decisions keyed by it — stays the same when later
    articles join the corpus, whether they join this story or start another.
    """
    if mode == "one":
        return articles
    if choices:
        from .story_choices import apply_story_choices
        articles = apply_story_choices(articles, choices)
    if all(a.story for a in articles):
        return articles
    from .stories import assign_stories
    return assign_stories(articles)


CHUNK = 32  # articles per task sent to a worker: large enough to amortise pickling, small enough to balance


def extract_claims(articles: list[Article], settings: Settings, *, jobs: int = 1, progress: bool = False,
                   pipeline: Optional["Pipeline"] = None) -> list:
    """Claims of every article, in article order, sequentially or in ``jobs`` processes."""
    bar = _progress(len(articles)) if progress else None
    out: list = []
    if jobs <= 1 or len(articles) <= CHUNK:
        pipeline = pipeline or Pipeline(settings)
        for a in articles:
            out.extend(pipeline.extractor.extract(a))
            bar and bar.update(1)
    else:
        from concurrent.futures import ProcessPoolExecutor

        from .units import unit_lexicon
        unit_lexicon()  # built (on a cold cache) and cached once here, not by every worker at once
        chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
        from functools import partial
        # each worker compiles its pipeline once, at start; map keeps the input order, so the
        # claims (and their ids) are those of --jobs 1
        with ProcessPoolExecutor(jobs, initializer=pipeline_for, initargs=(settings,)) as pool:
            for chunk, claims in zip(chunks, pool.map(partial(_extract_chunk, settings=settings), chunks)):
                out.extend(claims)
                bar and bar.update(len(chunk))
    bar and bar.close()
    return out


_worker_pipelines: dict[Settings, "Pipeline"] = {}


def pipeline_for(settings: Settings) -> "Pipeline":
    """This process's pipeline for ``settings``: vocabularies compiled once per process, not per task."""
    if settings not in _worker_pipelines:
        _worker_pipelines[settings] = Pipeline(settings)
    return _worker_pipelines[settings]


def _extract_chunk(articles: list[Article], settings: Settings) -> list:
    pipe = pipeline_for(settings)
    return [c for a in articles for c in pipe.extractor.extract(a)]


def _progress(total: int):
    """A progress bar on stderr when it is a terminal; nothing otherwise (logs stay clean)."""
    import sys
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="article", file=sys.stderr, leave=False)


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
