"""Speed and scale over every article of ../shared/data/gva-dev (about 1,900 real news articles).

Prints, in one run:
  * end-to-end claim extraction, one core: articles per second, and the same for raw quantulum3
    over the same texts, with the ratio (target: >= 100 articles/s and >= 15x quantulum3);
  * the time at 25%, 50% and 100% of the corpus, so that linear growth is visible;
  * the full report (extract, align, HTML + JSON written) with --jobs 2: wall time (target < 60 s);
  * peak memory (resident set of this process and of the report run's workers);
  * how long `crosscheck --help` takes (target < 0.1 s).

    python benchmarks/throughput.py [--shared ../shared] [--quantulum-sample 300]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# benchmarks/numbers.py would shadow the standard library's `numbers` module: keep this folder last
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]
sys.path.insert(0, str(ROOT))

from crosscheck.api import Settings, check_articles, extract_claims  # noqa: E402
from crosscheck.models import Article  # noqa: E402


def load_articles(shared: Path) -> list[Article]:
    path = shared / "data" / "gva-dev" / "groups.jsonl"
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared PATH to the shared data folder")
    seen, out = set(), []
    for line in path.open(encoding="utf-8"):
        g = json.loads(line)
        for d in g["docs"]:
            if d["doc_id"] in seen:
                continue
            seen.add(d["doc_id"])
            out.append(Article(id=d["doc_id"], text=d["text"], title=d.get("title"), published=d.get("dct"),
                               source=d.get("url", "").split("/")[2] if d.get("url", "").count("/") > 2 else None))
    return out


def peak_rss_mib(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--quantulum-sample", type=int, default=300,
                    help="articles parsed by raw quantulum3 (it is slow; the rate is measured on this many)")
    args = ap.parse_args()
    articles = load_articles(args.shared)
    chars = sum(len(a.text) for a in articles)
    print(f"corpus: {len(articles)} articles, {chars / 1e6:.2f} M characters (gva-dev)")

    settings = Settings()
    t = time.perf_counter()
    extract_claims(articles[:1], settings)  # load vocabularies and quantulum3's unit lexicon once
    print(f"start-up (vocabularies, unit lexicon): {time.perf_counter() - t:.2f} s")

    print("\nend-to-end claim extraction, one core:")
    marks = {round(len(articles) * f): f for f in (0.25, 0.5, 1.0)}
    from crosscheck.api import Pipeline
    pipe = Pipeline(settings)
    t0 = time.perf_counter()
    n_claims = 0
    for i, a in enumerate(articles, 1):
        n_claims += len(pipe.extractor.extract(a))
        if i in marks:
            dt = time.perf_counter() - t0
            print(f"  {marks[i]:>4.0%} of the corpus ({i:>5} articles): {dt:6.2f} s  ({i / dt:6.1f} articles/s)")
    ours = len(articles) / (time.perf_counter() - t0)
    print(f"  {n_claims} claims")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
        try:  # with scikit-learn installed quantulum3 loads a pickled unit classifier that may not unpickle
            classifier.classifier("en_US")
        except Exception as e:  # noqa: BLE001 - any failure means: run it without the classifier
            classifier.USE_CLF = False
            print(f"\n(quantulum3's unit classifier did not load: {type(e).__name__}; measured without it)")
        parser.parse("warm up with 3 km")
        sample = articles[: args.quantulum_sample]
        t = time.perf_counter()
        for a in sample:
            parser.parse(a.text)
        q3 = len(sample) / (time.perf_counter() - t)
    print(f"\nraw quantulum3 (numbers only, no claims), {len(sample)} articles: {q3:6.1f} articles/s")
    print(f"crosscheck end-to-end: {ours:6.1f} articles/s = {ours / q3:.1f}x quantulum3  "
          f"(targets: >= 100 articles/s, >= 15x)")

    print("\nfull report with --jobs 2 (extract, align, write HTML and JSON):")
    from crosscheck.report import write_html, write_json
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        result = check_articles(articles, settings, jobs=2)
        t_extract = time.perf_counter() - t
        write_html(result, Path(tmp) / "r.html")
        write_json(result, Path(tmp) / "r.json")
        wall = time.perf_counter() - t
        size = (Path(tmp) / "r.html").stat().st_size / 1e6
    print(f"  wall time {wall:.1f} s (extract+align {t_extract:.1f} s), {len(result.groups)} groups, "
          f"HTML {size:.1f} MB  (target: < 60 s)")
    print("  (the corpus mixes 732 incidents: stories are clustered first, then each is aligned)")
    print(f"\npeak memory: this process {peak_rss_mib():.0f} MiB, largest worker {peak_rss_mib(resource.RUSAGE_CHILDREN):.0f} MiB")

    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "crosscheck.cli", "--help"], capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    print(f"`crosscheck --help`: {min(times):.2f} s (best of 3; target < 0.1 s)")


if __name__ == "__main__":
    main()
