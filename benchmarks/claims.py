"""Claim extraction against the Gun Violence Archive's recorded counts (../shared/data/gva-dev).

Each of the 732 groups is a set of real news articles about one US shooting, with the incident's
recorded killed / injured counts (`gold`). For crosscheck and for a naive baseline, in one run:

  (a) share of groups in which some article's deaths (injuries) claim equals the recorded count,
      over groups with gold > 0 and, separately, gold == 0 ("no one was hurt" is a claim of 0);
  (b) share of the extracted deaths (injuries) claims whose value equals the recorded count
      (a precision proxy): exact figures equal to gold, intervals containing it, increments and
      parts of a whole (and figures the extractor marks as background, roundups of several
      incidents or earlier figures the article corrects) reported apart;
  (c) claims per article;
  (d) samples for a human to read: groups where no article matched gold, and wrong claims.

gold is the incident's *final* count, so an article may rightly say less (an earlier figure) or
count differently: agreement with it is a proxy, read the samples before trusting the numbers.

    python benchmarks/claims.py [--shared PATH] [--limit N] [--sample 30] [--seed 0]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gva import (add_common_args, closed, articles, casualty_sentences, fmt, holds, is_exact, load_groups,  # noqa: E402
                  marked, pct, sample, sentences, table)

from crosscheck.claims import ClaimExtractor  # noqa: E402

MEASURES = (("deaths", "killed"), ("injuries", "injured"))
TARGET_A = {"deaths": 0.85, "injuries": 0.75}
TARGET_B = 0.75


# ---- the naive baseline ---------------------------------------------------------------------
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()) if i}
KEYWORDS = {**dict.fromkeys(("killed", "dead", "died", "death", "deaths"), "deaths"),
            **dict.fromkeys(("injured", "wounded", "hurt"), "injuries")}
TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z]+")
WINDOW = 6


@dataclass(frozen=True)
class Figure:
    """Just enough of crosscheck's Quantity for the scoring below."""
    text: str
    start: int
    end: int
    lo: float
    hi: float
    kind: str = "exact"
    lo_open: bool = False
    hi_open: bool = False
    increment: bool = False


@dataclass(frozen=True)
class BaselineClaim:
    article: str
    measure: str
    quantity: Figure
    sentence: str
    sentence_start: int
    trigger: str
    part_of: Optional[str] = None
    implicit: bool = False
    cumulative: bool = False
    hedged: bool = False
    compared_as_total: bool = True  # the baseline knows no increments, parts or roundups
    roundup: bool = False


def baseline_extract(article) -> list[BaselineClaim]:
    """Every number (digits, or one..twenty) takes the nearest casualty keyword within 6 words."""
    out = []
    text = article.text
    for s, e in sentences(text):
        sent = text[s:e]
        toks = list(TOKEN.finditer(sent))
        words = [t.group().lower() for t in toks]
        for i, w in enumerate(words):
            value = NUMBER_WORDS.get(w)
            if value is None and w[0].isdigit():
                value = float(w.replace(",", ""))
            if value is None:
                continue
            for d in range(1, WINDOW + 1):
                j = next((j for j in (i + d, i - d) if 0 <= j < len(words) and words[j] in KEYWORDS), None)
                if j is not None:
                    t = toks[i]
                    out.append(BaselineClaim(article.id, KEYWORDS[words[j]],
                                             Figure(t.group(), s + t.start(), s + t.end(), float(value), float(value)),
                                             sent, s, toks[j].group()))
                    break
    return out


# ---- scoring --------------------------------------------------------------------------------
def whole(c) -> bool:
    """A figure that stands for the incident's total: not "another two", not "two of them", not
    background ("44 homicides this year") and not a roundup of several incidents ("five killed in
    separate shootings across the city") and not an earlier figure the article corrects ("police
    initially said five"), where the extractor marks those."""
    return c.compared_as_total and not c.roundup


def evaluate(groups, claims_by_doc) -> dict:
    """Per measure: group-level recall (a), claim-level precision (b), misses and wrong claims."""
    res = {}
    for m, key in MEASURES:
        a = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}  # gold>0? -> [groups, exact, exact-or-interval, no wrong total]
        b = Counter()
        misses, wrong = [], []
        for g in groups:
            gold = g["gold"][key]
            cs = [c for a_ in articles(g) for c in claims_by_doc[a_.id] if c.measure == m]
            totals = [c for c in cs if whole(c)]
            hit_exact = any(is_exact(c.quantity) and c.quantity.lo == gold for c in totals)
            hit_any = any(holds(c.quantity, gold) for c in totals)
            row = a[gold > 0]
            row[0] += 1
            row[1] += hit_exact
            row[2] += hit_any
            row[3] += all(holds(c.quantity, gold) for c in totals)
            if not hit_exact:
                misses.append((g, m, gold))
            for c in cs:
                # a figure the extractor reads as some of the people ("two remain hospitalized",
                # "one died at the scene") claims a lower bound, and is compared as one
                ok = gold >= closed(c.quantity)[0] if getattr(c, "some_only", False) else holds(c.quantity, gold)
                if not whole(c):
                    b["part", ok] += 1
                elif is_exact(c.quantity):
                    b["exact", ok] += 1
                else:
                    b["interval", ok] += 1
                if whole(c):
                    b["implicit" if c.implicit else "explicit", ok] += 1
                    if not ok:
                        wrong.append((g, c, gold))
        res[m] = {"a": a, "b": b, "misses": misses, "wrong": wrong}
    return res


def extract_all(groups, extract) -> tuple[dict, int, float]:
    t = time.perf_counter()
    out = {}
    for g in groups:
        for a in articles(g):
            if a.id not in out:
                out[a.id] = extract(a)
    return out, len(out), time.perf_counter() - t


# ---- printing -------------------------------------------------------------------------------
def print_headline(groups, ours, base, n_articles, cc_claims, bl_claims) -> None:
    print("\n(a) groups in which some article's claim equals the recorded count "
          "(exact figure; 'or interval' also counts a range/bound containing it)")
    rows = []
    for m, _ in MEASURES:
        for positive in (True, False):
            o, bl = ours[m]["a"][positive], base[m]["a"][positive]
            target = f">= {TARGET_A[m]:.0%}" if positive else ""
            rows.append([f"{m} gold{'>0' if positive else '=0'}", o[0], pct(o[1], o[0]), pct(o[2], o[0]),
                         pct(bl[1], bl[0]), target])
    print(table(rows, ["", "groups", "crosscheck", "crosscheck or interval", "baseline", "target"]))
    for m, _ in MEASURES:
        o, bl = ours[m]["a"][False], base[m]["a"][False]
        print(f"  {m} gold=0 groups where no article gives a non-zero total: crosscheck {pct(o[3], o[0]).strip()}, "
              f"baseline {pct(bl[3], bl[0]).strip()} (articles rarely say 'no one was hurt')")

    print("\n(b) extracted claims whose value equals the recorded count (precision proxy)")
    rows = []
    for m, _ in MEASURES:
        for name, r in (("crosscheck", ours[m]["b"]), ("baseline", base[m]["b"])):
            n = lambda k: r[k, True] + r[k, False]
            tot_ok = r["exact", True] + r["interval", True]
            tot = n("exact") + n("interval")
            rows.append([f"{m} {name}", pct(tot_ok, tot), pct(r["exact", True], n("exact")),
                         pct(r["interval", True], n("interval")), pct(r["part", True], n("part")),
                         f">= {TARGET_B:.0%}"])
    print(table(rows, ["", "totals (exact+interval)", "exact == gold", "interval holds gold",
                       "increments/parts/background/roundups/earlier (apart)", "target"]))
    for m, _ in MEASURES:
        r = ours[m]["b"]
        share = lambda k: pct(r[k, True], r[k, True] + r[k, False]).strip()
        print(f"  crosscheck {m}: explicit figures {share('explicit')}, "
              f"implicit singulars ('a man was killed') {share('implicit')}")
    # context, not a correction of the figure above: "five people shot" may count the dead too, and
    # the report and the aligner say so; against the Archive's injured count such a figure is wrong
    vocabulary = ClaimExtractor().v
    weak = [(g, c) for g, c, _ in ours["injuries"]["wrong"]
            if vocabulary.measure("injuries").is_weak_trigger(c.trigger) and is_exact(c.quantity)]
    with_dead = sum(1 for g, c in weak if c.quantity.lo == g["gold"]["killed"] + g["gold"]["injured"])
    print(f"  of the {len(ours['injuries']['wrong'])} wrong crosscheck injuries totals, {len(weak)} are 'N shot' "
          f"figures (shown as 'may include the dead'); {with_dead} of them equal killed + injured")

    print(f"\n(c) claims per article ({n_articles} articles)")
    rows = []
    for name, cbd in (("crosscheck", cc_claims), ("baseline", bl_claims)):
        allc = [c for cs in cbd.values() for c in cs]
        per = Counter(c.measure for c in allc)
        silent = sum(1 for cs in cbd.values() if not any(c.measure in ("deaths", "injuries") for c in cs))
        rows.append([name, f"{len(allc) / n_articles:.2f}", f"{per['deaths'] / n_articles:.2f}",
                     f"{per['injuries'] / n_articles:.2f}", f"{silent / n_articles:.1%}"])
    print(table(rows, ["", "all measures", "deaths", "injuries", "articles with no deaths/injuries claim"]))
    per = Counter(c.measure for cs in cc_claims.values() for c in cs)
    print("  crosscheck by measure: " + ", ".join(f"{k} {v}" for k, v in per.most_common()))


def claim_line(c) -> str:
    flags = [f for f in ("implicit", "cumulative", "hedged") if getattr(c, f, False)]
    if c.quantity.increment:
        flags.append("increment")
    if c.part_of:
        flags.append("part_of")
    if getattr(c, "background", False):
        flags.append("background")
    if getattr(c, "roundup", False):
        flags.append("roundup")
    return (f"{c.measure} {fmt(c.quantity)} '{c.quantity.text}' trigger='{c.trigger}'"
            + (f" [{', '.join(flags)}]" if flags else ""))


def print_misses(ours, claims_by_doc, n, seed) -> None:
    # groups with gold 0 are left out: their articles almost never state a zero, so nearly all are misses
    misses = [x for m, _ in MEASURES for x in ours[m]["misses"] if x[2] > 0]
    print(f"\n(d1) {min(n, len(misses))} of {len(misses)} misses (group x measure with gold > 0 where no article's "
          f"claim equals gold)")
    for g, m, gold in sample(misses, n, seed):
        arts = articles(g)
        print(f"\n-- {g['group_id']} {m}: gold {gold} (killed {g['gold']['killed']}, injured {g['gold']['injured']}), "
              f"{len(arts)} article(s)")
        for a in arts[:2]:
            cs = [c for c in claims_by_doc[a.id] if c.measure in ("deaths", "injuries")]
            print(f"   * {a.title!r} ({a.source}, {a.published})")
            print("     claims: " + ("; ".join(claim_line(c).replace(' trigger=', ' ') for c in cs) or "none"))
            for s in casualty_sentences(a.text):
                print(f"     | {s}")
        if len(arts) > 2:
            print(f"   (+{len(arts) - 2} more article(s))")


def print_wrong(ours, n, seed) -> None:
    wrong = [x for m, _ in MEASURES for x in ours[m]["wrong"]]
    print(f"\n(d2) {min(n, len(wrong))} of {len(wrong)} wrong claims (a total whose value is not the recorded count)")
    for g, c, gold in sample(wrong, n, seed + 1):
        q0 = c.quantity.start - c.sentence_start
        print(f"\n-- {g['group_id']} gold {c.measure}={gold}: {claim_line(c)}")
        print(f"   {marked(c.sentence, q0, q0 + len(c.quantity.text))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_args(ap)
    ap.add_argument("--sample", type=int, default=30, help="misses and wrong claims printed (each)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    groups = load_groups(args.shared, args.limit)
    extractor = ClaimExtractor()
    extractor.extract(articles(groups[0])[0])  # vocabularies and unit lexicon loaded before timing
    cc_claims, n_articles, t_cc = extract_all(groups, extractor.extract)
    bl_claims, _, t_bl = extract_all(groups, baseline_extract)
    ours, base = evaluate(groups, cc_claims), evaluate(groups, bl_claims)

    print(f"gva-dev: {len(groups)} groups, {n_articles} articles ({args.shared / 'data/gva-dev'})")
    print(f"crosscheck extraction: {t_cc:.1f} s, {n_articles / t_cc:.0f} articles/s; "
          f"baseline: {t_bl:.1f} s, {n_articles / t_bl:.0f} articles/s")
    print_headline(groups, ours, base, n_articles, cc_claims, bl_claims)
    if args.sample:
        print_misses(ours, cc_claims, args.sample, args.seed)
        print_wrong(ours, args.sample, args.seed)
    print(f"\nelapsed {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
