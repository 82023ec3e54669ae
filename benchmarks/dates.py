"""Dates inferred from pages, against the dates news-dev's labellers gave (../shared/data/news-dev).

For every document, crosscheck's date cascade (crosscheck/dates.py) is run on its text and URL
with the labelled ``published`` hidden. Prints:

  * how many documents get a date, by the source that gave it, for those with a labelled date and
    for those without;
  * of the documents with a labelled date, how many inferred dates agree with it: a full date equal
    to it (or within a day: time zones), a month-only date naming its month, and how many are wrong;
  * ``--show`` the wrong ones and the undated labelled ones (URL, inferred, labelled, source).

    python benchmarks/dates.py [--shared PATH] [--show 20]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck.dates import date_article, days_apart  # noqa: E402

GROUPS = Path("data/news-dev/groups.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", type=int, default=20, help="print this many wrong or missing dates")
    args = ap.parse_args()
    path = args.shared / GROUPS
    if not path.is_file():
        sys.exit(f"no {path}: pass --shared PATH to the shared data folder")
    docs = [d for line in path.open(encoding="utf-8") for d in json.loads(line)["docs"]]

    by_source = {True: Counter(), False: Counter()}
    agree = Counter()
    shown = []
    for d in docs:
        found = date_article(d["text"], url=d.get("url"))
        labelled = d.get("published")
        by_source[bool(labelled)][found.source or "undated"] += 1
        if not labelled:
            continue
        if not found.published:
            agree["undated"] += 1
            shown.append(("undated", d, found))
        elif len(found.published) == 7:
            ok = labelled.startswith(found.published)
            agree["month right" if ok else "wrong"] += 1
            if not ok:
                shown.append(("wrong", d, found))
        elif days_apart(found.published, labelled) <= 1:
            agree["day right"] += 1
        else:
            agree["wrong"] += 1
            shown.append(("wrong", d, found))

    n_lab = sum(by_source[True].values())
    n_unl = sum(by_source[False].values())
    print(f"news-dev: {len(docs)} documents, {n_lab} with a labelled date, {n_unl} without")
    for labelled, n in ((True, n_lab), (False, n_unl)):
        dated = n - by_source[labelled]["undated"]
        parts = ", ".join(f"{s} {k}" for s, k in by_source[labelled].most_common())
        print(f"  {'labelled' if labelled else 'unlabelled'}: dated {dated}/{n} ({parts})")
    dated = n_lab - agree["undated"]
    right = agree["day right"] + agree["month right"]
    print(f"labelled date hidden: {dated}/{n_lab} dated; of those, {right}/{dated} agree "
          f"({agree['day right']} the day (±1), {agree['month right']} the month of a month-only date), "
          f"{agree['wrong']} wrong")
    for kind, d, found in shown[: args.show]:
        print(f"  {kind:7}  inferred {found.published or '-':10}  labelled {d['published']}  "
              f"{found.source or '':16} {d.get('url', '')[:90]}")


if __name__ == "__main__":
    main()
