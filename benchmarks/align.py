"""Alignment over real groups of articles about one shooting (../shared/data/gva-dev).

Each of the 732 groups is one story; crosscheck's ``check_articles`` is run on each. Prints:

  * per measure, how many stories end with each verdict (a story's verdict for a measure is its
    worst over subject classes: conflict > update > consistent > single_source), and how many
    claim groups crosscheck made in all;
  * ``--show`` conflicts, the disagreeing sentences one above the other (source, date, figure,
    sentence with the figure marked), for a person to judge whether they are real;
  * how many groups are consistent only because one article gives both differing figures (a stale
    headline over an updated body), and ``--show-explained`` of them, to judge that rule;
  * ``--show-updates`` update verdicts, the earlier figure above the later one;
  * for deaths / injuries conflicts, how often the recorded count (gold) lies within the range of
    the conflicting figures — a rough sanity check: gold is the final count, not what each article says.

    python benchmarks/align.py [--shared PATH] [--limit N] [--show 20] [--show-explained 0]
                               [--show-updates 0] [--seed 0]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gva import add_common_args, articles, closed, fmt, load_groups, marked, pct, sample, table  # noqa: E402

from crosscheck.api import check_articles  # noqa: E402

from crosscheck.models import VERDICTS  # noqa: E402  (conflict, disputed, revised, update, consistent, single_source)
FIRST = ("deaths", "injuries", "detentions")
GOLD_KEY = {"deaths": "killed", "injuries": "injured", "detentions": "arrested_participants"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_args(ap)
    ap.add_argument("--show", type=int, default=20, help="conflicts printed with their sentences")
    ap.add_argument("--show-explained", type=int, default=0,
                    help="groups made consistent by an article giving both figures, printed with their sentences")
    ap.add_argument("--show-updates", type=int, default=0,
                    help="update verdicts, the earlier figure above the later one")
    args = ap.parse_args()

    t0 = time.perf_counter()
    groups = load_groups(args.shared, args.limit)
    check_articles(articles(groups[0])[:1])  # vocabularies loaded before timing
    story_verdict: dict[str, Counter] = defaultdict(Counter)   # measure -> verdict -> stories
    group_verdict: dict[str, Counter] = defaultdict(Counter)   # measure -> verdict -> claim groups
    conflicts = []   # (gva group, Group, claims by id, articles by id)
    updates = []
    explained = []   # consistent only because an article gives both differing figures
    n_articles = 0
    t = time.perf_counter()
    for g in groups:
        arts = articles(g)
        n_articles += len(arts)
        result = check_articles(arts)
        by_id = {c.id: c for c in result.claims}
        by_art = {a.id: a for a in arts}
        worst: dict[str, str] = {}
        for grp in result.groups:
            group_verdict[grp.measure][grp.verdict] += 1
            if grp.measure not in worst or VERDICTS.index(grp.verdict) < VERDICTS.index(worst[grp.measure]):
                worst[grp.measure] = grp.verdict
            if grp.verdict == "conflict":
                conflicts.append((g, grp, by_id, by_art))
            elif grp.verdict == "update":
                updates.append((g, grp, by_id, by_art))
            if grp.verdict != "conflict" and grp.explained_pairs:
                explained.append((g, grp, by_id, by_art))
        for m, v in worst.items():
            story_verdict[m][v] += 1
    t_check = time.perf_counter() - t

    print(f"gva-dev: {len(groups)} groups (stories), {n_articles} articles ({args.shared / 'data/gva-dev'})")
    print(f"check_articles per story: {t_check:.1f} s, {n_articles / t_check:.0f} articles/s")

    measures = [m for m in FIRST] + sorted(set(story_verdict) - set(FIRST))
    rows = []
    for m in measures:
        sv, gv = story_verdict[m], group_verdict[m]
        none = len(groups) - sum(sv.values())
        rows.append([m] + [sv[v] for v in VERDICTS] + [none, sum(gv.values()),
                                                       " ".join(f"{gv[v]}" for v in VERDICTS)])
    print("\nstories by verdict per measure (worst over subject classes; 'none' = no claim of that measure)")
    print(table(rows, ["measure", *VERDICTS, "none", "claim groups", "of which c/d/r/u/c/s"]))
    for m in FIRST:
        sv = story_verdict[m]
        multi = sum(sv[v] for v in ("conflict", "update", "consistent"))
        print(f"  {m}: conflict in {pct(sv['conflict'], multi).strip()} of the stories where two or more "
              f"articles give a figure")

    by_measure = Counter(grp.measure for _, grp, _, _ in explained)
    print(f"\ngroups not in conflict only because an article also gives a figure that fits the other's: "
          f"{len(explained)} (" + ", ".join(f"{m} {n}" for m, n in by_measure.most_common()) + ")")

    print("\nsanity check against the recorded count (gold is the final count: a rough check only)")
    rows = []
    for m in ("deaths", "injuries"):
        cs = [(g, grp, by_id) for g, grp, by_id, _ in conflicts if grp.measure == m]
        inside = equal = 0
        for g, grp, by_id in cs:
            gold = g["gold"][GOLD_KEY[m]]
            figs = [by_id[i] for pair in grp.conflicting_pairs for i in pair]
            lo = min(closed(c.quantity)[0] for c in figs)
            hi = max(closed(c.quantity)[1] for c in figs)
            inside += lo <= gold <= hi
            equal += any(closed(c.quantity)[0] <= gold <= closed(c.quantity)[1] for c in figs)
        us = [(g, grp, by_id) for g, grp, by_id, _ in updates if grp.measure == m]
        latest_ok = 0
        for g, grp, by_id in us:
            gold = g["gold"][GOLD_KEY[m]]
            latest = [by_id[later] for _, later in grp.update_pairs]
            latest_ok += any(closed(c.quantity)[0] <= gold <= closed(c.quantity)[1] for c in latest)
        rows.append([m, len(cs), pct(inside, len(cs)), pct(equal, len(cs)), len(us), pct(latest_ok, len(us))])
    print(table(rows, ["", "conflicts", "gold within their range", "gold = one of the figures",
                       "updates", "gold = a later figure"]))

    if args.show:
        shown = sample(conflicts, args.show, args.seed)
        print(f"\n{len(shown)} of {len(conflicts)} conflicts (the most distant pair of each; all figures listed as "
              f"figure@source/date; flags: i implicit singular, + running total, ? hedged)")
        for g, grp, by_id, by_art in shown:
            gold = g["gold"].get(GOLD_KEY.get(grp.measure, ""), None)
            reps = [by_id[i] for i in grp.claims]
            print(f"\n-- {g['group_id']} {grp.measure} ({grp.subject_class}) severity {grp.severity:.2f}"
                  + (f", gold {gold}" if gold is not None else "")
                  + f"; {len(grp.conflicting_pairs)} conflicting pair(s)")
            where = lambda c: f"{by_art[c.article].source}/{by_art[c.article].published}"
            print("   figures: " + ", ".join(f"{fmt(c.quantity)}@{where(c)}" for c in reps))
            a, b = (by_id[i] for i in grp.conflicting_pairs[0])
            w = max(len(by_art[c.article].source or "") for c in (a, b))
            for c in (a, b):
                print(_claim_line(c, by_art, w))
    if args.show_explained:
        shown = sample(explained, args.show_explained, args.seed)
        print(f"\n{len(shown)} of {len(explained)} groups made consistent by an article that gives both figures"
              f" (the differing pair, then every figure of the article that gives more than one)")
        for g, grp, by_id, by_art in shown:
            print(f"\n-- {g['group_id']} {grp.measure} ({grp.subject_class}) {grp.verdict}")
            a, b = (by_id[i] for i in grp.explained_pairs[0])
            for c in (a, b):
                print(_claim_line(c, by_art, 22))
            for c in (a, b):
                for o in by_id.values():
                    if o.article == c.article and o.id != c.id and o.measure == c.measure and o.compared_as_total \
                            and not o.roundup:
                        print("      also:" + _claim_line(o, by_art, 22))
    if args.show_updates:
        shown = sample(updates, args.show_updates, args.seed)
        print(f"\n{len(shown)} of {len(updates)} updates (the first update pair: earlier figure, then later)")
        for g, grp, by_id, by_art in shown:
            gold = g["gold"].get(GOLD_KEY.get(grp.measure, ""), None)
            print(f"\n-- {g['group_id']} {grp.measure} ({grp.subject_class})" + (f", gold {gold}" if gold is not None else ""))
            for i in grp.update_pairs[0]:
                print(_claim_line(by_id[i], by_art, 22))
    print(f"\nelapsed {time.perf_counter() - t0:.1f} s")


def _claim_line(c, by_art, width: int) -> str:
    """One figure for a person to judge: source, date, figure with its flags, the marked sentence."""
    art = by_art[c.article]
    q0 = c.quantity.start - c.sentence_start
    flags = "".join(f for f, on in (("i", c.implicit), ("+", c.cumulative), ("?", c.hedged)) if on)
    return (f"   {(art.source or ''):<{width}}  {art.published}  {fmt(c.quantity):>6}{flags:<2} "
            f"{marked(c.sentence, q0, q0 + len(c.quantity.text), 240)}")


if __name__ == "__main__":
    main()
