"""Election results on labelled news: whose vote share, and do counts and their disagreements come out?

Runs the shared reference scorer (../shared/tools/score_news.py, the program that scores the held-out
sets) over news-dev's elections with the installed `crosscheck`, for the measures issue 20 names
(vote_share, votes, turnout), and prints its line: claims F1, vote subjects right, conflict and update
recall and precision. Then the vote subjects again, among the labels a subject can match at all: the
scorer compares the words of three letters or more, so a label such as "DA", "MK" or "no" matches no
subject, however it is written (the subject "Democratic Alliance (DA)" included).

    python benchmarks/elections.py [--shared PATH] [--show]
"""
from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from verdicts import ROOT, news_dev  # noqa: E402
SUBJECTS = re.compile(r"vote subjects right (?P<ratio>[\d.]+) \((?P<right>\d+)/(?P<all>\d+)\)")


def matchable(label: str) -> bool:
    """Whether a labelled subject has a word the scorer compares (its `words`: three letters or more,
    not 'the', 'and', 'for', 'party', 'votes', 'vote')."""
    import unicodedata
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return bool(set(re.findall(r"[a-z]{3,}", text)) - {"the", "and", "for", "party", "votes", "vote"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", action="store_true", help="also list the vote subjects missed")
    args = ap.parse_args()
    scorer, groups, exe = news_dev(args.shared)
    out = subprocess.run([sys.executable, str(scorer), str(groups), exe, "--domain", "election",
                          "--measures", "vote_share,votes,turnout", "--show"],
                         capture_output=True, text=True, timeout=3600).stdout.splitlines()
    last = out[-1] if out else ""
    m = SUBJECTS.search(last)
    if not m:
        raise SystemExit(f"could not read the scorer's last line: {last!r}")
    print("news-dev elections (targets: claims F1 >= 0.85, vote subjects right >= 0.90, conflicts R >= 0.75 "
          "P >= 0.75, updates R >= 0.75)")
    print(last)
    # the "vote subject" misses: (group, doc, figure, labelled subject, crosscheck's subject)
    misses, section = [], None
    for line in out:
        if line.startswith("== "):
            section = line[3:].rsplit(" (", 1)[0]
        elif section == "vote subject" and line.strip().startswith("("):
            misses.append(ast.literal_eval(line.strip()))
    never = [x for x in misses if not matchable(x[3] or "")]
    right, labelled = int(m["right"]), int(m["all"])
    can = labelled - len(never)
    print(f"vote subjects right among the labels a subject can match: {right / can if can else 0:.2f} ({right}/{can}); "
          f"{len(never)} labels have no word of three letters ({', '.join(sorted({x[3] for x in never}))})")
    if args.show:
        for x in misses:
            if matchable(x[3] or ""):
                print(f"   {x[0]} {x[1]}: {x[2]!r} labelled {x[3]!r}, read {x[4]!r}")


if __name__ == "__main__":
    main()
