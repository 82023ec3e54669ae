"""Verdicts on labelled news: are contradictions and rising counts given the right verdict?

Runs the shared reference scorer (../shared/tools/score_news.py, the program that scores the held-out
sets) over news-dev with the installed `crosscheck`, and prints the figures issue 19 names:
conflict recall and precision (conflict, disputed and revised count as one kind), update recall and
precision, and the share of labelled disagreements given the right verdict kind. Then the same per
domain. gva-dev has no verdict labels: `benchmarks/align.py` prints its verdicts per measure and the
conflicts for a person to read.

    python benchmarks/verdicts.py [--shared PATH] [--domains]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"conflicts R (?P<cr>[\d.]+) \((?P<cf>\d+)/(?P<cg>\d+), \+(?P<cu>\d+) as updates\) "
                  r"P (?P<cp>[\d.]+) \((?P<cpo>\d+)/(?P<cpn>\d+), (?P<cpx>\d+) labelled updates\); "
                  r"updates R (?P<ur>[\d.]+) \((?P<uf>\d+)/(?P<ug>\d+), \+(?P<uc>\d+) as conflicts\) "
                  r"P (?P<up>[\d.]+) \((?P<upo>\d+)/(?P<upn>\d+), (?P<upx>\d+) labelled conflicts\)")


def score(scorer: Path, groups: Path, exe: str, *extra: str) -> dict:
    out = subprocess.run([sys.executable, str(scorer), str(groups), exe, *extra], capture_output=True, text=True,
                         timeout=3600).stdout.strip().splitlines()
    last = out[-1] if out else ""
    m = LINE.search(last)
    if not m:
        raise SystemExit(f"could not read the scorer's last line: {last!r}")
    d = {k: float(v) for k, v in m.groupdict().items()}
    d["line"] = last
    labelled = d["cg"] + d["ug"]
    d["kind_right"] = (d["cf"] + d["uf"]) / labelled if labelled else 0.0
    d["found_any_kind"] = (d["cf"] + d["cu"] + d["uf"] + d["uc"]) / labelled if labelled else 0.0
    return d


def show(name: str, d: dict) -> None:
    print(f"{name:10s} conflicts R {d['cr']:.2f} ({d['cf']:.0f}/{d['cg']:.0f}) P {d['cp']:.2f} ({d['cpo']:.0f}/{d['cpn']:.0f})"
          f"   updates R {d['ur']:.2f} ({d['uf']:.0f}/{d['ug']:.0f}) P {d['up']:.2f} ({d['upo']:.0f}/{d['upn']:.0f})"
          f"   right kind {d['kind_right']:.2f} (found at all {d['found_any_kind']:.2f})")


def news_dev(shared: Path) -> tuple[Path, Path, str]:
    """The reference scorer, news-dev's labelled groups and the installed `crosscheck`, or exit saying
    what is missing."""
    scorer = shared / "tools" / "score_news.py"
    groups = shared / "data" / "news-dev" / "groups.jsonl"
    exe = shutil.which("crosscheck")
    if not (scorer.exists() and groups.exists() and exe):
        raise SystemExit("needs ../shared (tools/score_news.py, data/news-dev) and crosscheck installed")
    return scorer, groups, exe


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--domains", action="store_true", help="also score each domain on its own")
    args = ap.parse_args()
    scorer, groups, exe = news_dev(args.shared)
    print("news-dev verdicts (targets: conflicts R >= 0.75 and P >= 0.75, updates R >= 0.75 and P >= 0.75, "
          "right kind >= 0.8)")
    d = score(scorer, groups, exe)
    print(d["line"])
    show("all", d)
    if args.domains:
        for domain in ("protest", "election", "disaster", "conflict"):
            show(domain, score(scorer, groups, exe, "--domain", domain))


if __name__ == "__main__":
    main()
