"""Running a check on a Dask cluster (``--engine dask --scheduler ADDRESS``).

Extraction is embarrassingly parallel by article, and alignment by story: claims are only
ever compared within a story. So the articles go to the cluster in partitions, each worker
extracting claims with its own compiled pipeline; the claims come back as a pandas DataFrame
that is split by story with ``groupby``, and each story is aligned on the cluster too. The
result is assembled in the same order as the local engine, so the output is identical.

Dask is an optional dependency: ``pip install 'crosscheck[dask]'``.
"""
from __future__ import annotations

from .api import CHUNK, Settings, _extract_chunk, pipeline_for
from .align import sort_groups
from .models import Article, Claim
from .result import Result


def _align_story(claims: list[Claim], articles: list[Article], settings: Settings):
    return pipeline_for(settings).aligner.align(claims, articles)


def check_on_cluster(articles: list[Article], settings: Settings, scheduler: str) -> Result:
    try:
        from dask.distributed import Client
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'crosscheck[dask]'") from e
    import pandas as pd

    with Client(scheduler, set_as_default=False) as client:
        chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
        futures = client.map(_extract_chunk, chunks, settings=settings, pure=False)
        claims = [c for part in client.gather(futures) for c in part]

        # group the claims by story as a table; each story is aligned independently on a worker
        story_of = {a.id: a.story or "" for a in articles}
        table = pd.DataFrame({"i": range(len(claims)), "story": [story_of[c.article] for c in claims]})
        by_story = {story: [claims[i] for i in rows["i"]] for story, rows in table.groupby("story", sort=True)}
        arts_by_story: dict[str, list[Article]] = {}
        for a in articles:
            arts_by_story.setdefault(a.story or "", []).append(a)
        futures = [client.submit(_align_story, cs, arts_by_story.get(story, []), settings, pure=False)
                   for story, cs in by_story.items()]
        groups = [g for part in client.gather(futures) for g in part]
    return Result(articles=list(articles), claims=claims, groups=sort_groups(groups))
