"""A handful of articles at a time: whole `crosscheck` processes, start-up included.

Fact-checkers run crosscheck on a few articles at a time, so what they wait for is mostly start-up.
Every figure here is a whole process (started, run to the end, reaped), beside raw quantulum3
parsing the same texts in a process of its own. Prints, in one run:
  * `crosscheck --help` (target < 0.1 s);
  * `crosscheck report` on the two seed articles: wall time and peak memory, against quantulum3
    parsing the two texts (target: ratio <= 0.5);
  * `crosscheck claims` over the first 400 gva-dev articles (distinct texts, written to a temporary
    JSONL file): articles per second including start-up (target >= 120) and against quantulum3
    parsing the same 400 texts (target >= 15x), with peak memory;
  * both crosscheck runs with a cold cache too: an empty cache folder ($CROSSCHECK_CACHE_DIR), as on
    the first run after installing, when the unit lexicon is built from quantulum3 and cached.
Warm crosscheck runs and quantulum3 on the seeds are the best of --repeat runs (the machine may be
shared); quantulum3 over 400 articles runs once (it takes about a minute). quantulum3 runs with its
heuristic unit disambiguation (its pickled classifier is skipped), its faster path.

    python benchmarks/startup.py [--shared ../shared] [--articles 400] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# benchmarks/numbers.py would shadow the standard library's `numbers` module: keep this folder last
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

from _gva import add_common_args, load_groups  # noqa: E402

# Raw quantulum3: parse each text given (files, or the "text" of each JSONL row) and nothing else.
QUANTULUM = """
import json, sys, warnings
warnings.simplefilter("ignore")
from quantulum3 import classifier, parser
classifier.USE_CLF = False
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f] if path.endswith(".jsonl") else [f.read()]
    for text in texts:
        parser.parse(text)
"""


def run(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident memory (MiB) of one whole process; exits if it fails.
    CPU time is printed beside wall time because it hardly moves when the machine is shared."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}):\n{err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux reports KiB


def best(cmd: list[str], env: dict, repeat: int) -> tuple[float, float, float]:
    runs = [run(cmd, env) for _ in range(repeat)]
    return min(w for w, _, _ in runs), min(c for _, c, _ in runs), max(m for _, _, m in runs)


def crosscheck_command() -> list[str]:
    """The installed `crosscheck` script beside this Python, as a user runs it; else the module."""
    script = Path(sys.executable).with_name("crosscheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "crosscheck.cli"]


def first_articles(shared: Path, n: int) -> list[dict]:
    """The first ``n`` gva-dev documents with distinct texts (as crosscheck's ingest judges them)."""
    seen, rows = set(), []
    for g in load_groups(shared):
        for d in g["docs"]:
            key = " ".join(d["text"].lower().split())
            if key in seen or d["doc_id"] in {r["id"] for r in rows}:
                continue
            seen.add(key)
            rows.append({"id": d["doc_id"], "text": d["text"], "title": d.get("title"),
                         "published": d.get("dct"), "url": d.get("url")})
            if len(rows) == n:
                return rows
    return rows


def line(label: str, wall: float, cpu: float, mib: float, note: str = "") -> None:
    print(f"  {label:<32} {wall:7.2f} s {cpu:7.2f} s {mib:5.0f} MiB  {note}".rstrip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_args(ap)
    ap.add_argument("--articles", type=int, default=400, help="gva-dev articles for the claims run")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each warm figure; the best is printed")
    args = ap.parse_args()
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    if len(seeds) != 2:
        sys.exit(f"expected the two seed articles in {args.shared / 'seeds'}")
    cc = crosscheck_command()
    q3 = [sys.executable, "-c", QUANTULUM]
    versions = subprocess.run([sys.executable, "-c", "from importlib.metadata import version as v; "
                               "print(v('crosscheck'), v('quantulum3'))"], capture_output=True, text=True,
                              check=True).stdout.split()
    print(f"crosscheck {versions[0]}, quantulum3 {versions[1]}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; warm figures: best of {args.repeat}")

    with tempfile.TemporaryDirectory(prefix="crosscheck-startup-") as tmp:
        tmp = Path(tmp)
        warm_cache = tmp / "cache"
        env = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_CACHE_DIR"}
        warm = env | {"CROSSCHECK_CACHE_DIR": str(warm_cache)}

        def cold() -> dict:  # an empty cache folder of its own
            return env | {"CROSSCHECK_CACHE_DIR": tempfile.mkdtemp(dir=tmp, prefix="cold-")}

        print(f"\n  {'':<32} {'wall':>9} {'CPU':>9} {'peak':>9}")
        line("crosscheck --help", *best(cc + ["--help"], warm, max(args.repeat, 5)), "(target < 0.1 s)")

        print("\nthe two seed articles:")
        report = cc + ["report", *map(str, seeds), "-o", str(tmp / "seeds.html")]
        line("crosscheck report, cold cache", *run(report, cold()), "(first run after installing)")
        run(report, warm)  # fills the warm cache
        ours = best(report, warm, args.repeat)
        line("crosscheck report", *ours)
        theirs = best(q3 + list(map(str, seeds)), env, args.repeat)
        line("raw quantulum3, parse only", *theirs)
        print(f"  {'crosscheck / quantulum3':<32} {ours[0] / theirs[0]:7.2f}   {ours[1] / theirs[1]:7.2f}"
              f"          (target <= 0.5)")

        rows = first_articles(args.shared, args.articles)
        corpus = tmp / "gva.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        n = len(rows)
        chars = sum(len(r["text"]) for r in rows)
        print(f"\n{n} gva-dev articles ({chars / 1e6:.2f} M characters), articles/s including start-up:")
        claims = cc + ["claims", str(corpus)]
        def per_second(figures: tuple[float, float, float]) -> str:
            return f"{n / figures[0]:6.1f} articles/s ({n / figures[1]:.1f} per CPU second)"
        cold_run = run(claims, cold())
        line("crosscheck claims, cold cache", *cold_run, per_second(cold_run))
        ours = best(claims, warm, args.repeat)
        line("crosscheck claims", *ours, per_second(ours) + "  (target >= 120)")
        theirs = run(q3 + [str(corpus)], env)
        line("raw quantulum3, parse only", *theirs, per_second(theirs))
        print(f"  {'crosscheck / quantulum3':<32} {theirs[0] / ours[0]:7.1f}x  {theirs[1] / ours[1]:7.1f}x"
              f"          (target >= 15x)")


if __name__ == "__main__":
    main()
