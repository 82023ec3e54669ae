"""Story clustering over a mixed corpus: every gva-dev article (~1,900, 732 real shooting incidents).

All articles are mixed together (duplicate doc_ids dropped), clustered with
``crosscheck.stories.assign_stories``, and compared with the true grouping (one incident = one story):

  * pairwise precision, recall and F1 over pairs of articles (a pair is positive when both articles
    are in one story), the number of predicted and true stories, and the time taken (target F1 >= 0.90);
  * the same on each half of the incidents: even-numbered groups (the half the defaults were tuned on)
    and odd-numbered groups (held out), to show the parameters generalise;
  * the worst merges (predicted stories mixing the most incidents) and splits (incidents cut into the
    most stories), titles only, for a human to read.

    python benchmarks/stories.py [--shared ../shared] [--limit N] [--half all|even|odd|each]
                                 [--examples 4] [--threshold 0.11] [--window-days 2]
                                 [--junk-chars 200] [--junk-title-weight 0.5] ...
"""
from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This folder holds numbers.py, which as the script's folder (first on sys.path) would shadow the
# standard library's numbers module that numpy imports: look here last, after the library.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import argparse  # noqa: E402

import _gva  # noqa: E402
from crosscheck import stories  # noqa: E402
from crosscheck.models import Article  # noqa: E402


def load(shared: Path, limit=None) -> list[tuple[int, str, Article]]:
    """(group index, group id, article) for every distinct article, in file order."""
    seen, out = set(), []
    for index, group in enumerate(_gva.load_groups(shared, limit)):
        for a in _gva.articles(group):
            if a.id in seen:  # one article listed under two incidents: keep the first
                continue
            seen.add(a.id)
            out.append((index, group["group_id"], a))
    return out


def pairs(sizes) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise_scores(truth: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over article pairs, from the contingency table (no n^2 loop)."""
    both = pairs(Counter(zip(truth, predicted)).values())
    pred_pairs, true_pairs = pairs(Counter(predicted).values()), pairs(Counter(truth).values())
    p = both / pred_pairs if pred_pairs else 1.0
    r = both / true_pairs if true_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(rows, params: dict, label: str) -> list[Article]:
    arts = [a for _, _, a in rows]
    truth = [g for _, g, _ in rows]
    t = time.perf_counter()
    out = stories.assign_stories(arts, **params)
    elapsed = time.perf_counter() - t
    pred = [a.story for a in out]
    p, r, f = pairwise_scores(truth, pred)
    print(f"{label:<22} {len(arts):>5} articles  stories predicted {len(set(pred)):>4} / true {len(set(truth)):>4}"
          f"  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {elapsed:.2f} s")
    return out


def show_examples(rows, out: list[Article], n: int) -> None:
    """The predicted stories that mix the most incidents, and the incidents cut into the most stories."""
    by_pred, by_true = defaultdict(list), defaultdict(list)
    for (_, g, a), o in zip(rows, out):
        by_pred[o.story].append((g, a))
        by_true[g].append((o.story, a))

    def wrong_pairs(members):  # pairs in this bucket that disagree on the other grouping
        return pairs([len(members)]) - pairs(Counter(k for k, _ in members).values())

    def show(members):
        for key, a in sorted(members, key=lambda m: (m[0], m[1].published or "")):
            print(f"    {key:<12} {a.published or '?':<10}  {(a.title or '')[:90]}")

    merges = sorted((m for m in by_pred.values() if wrong_pairs(m)), key=wrong_pairs, reverse=True)[:n]
    print(f"\nworst merges (one predicted story; left: true incident) - {len(merges)} shown")
    for m in merges:
        print(f"  {len({g for g, _ in m})} incidents, {len(m)} articles:")
        show(m)
    splits = sorted((m for m in by_true.values() if wrong_pairs(m)), key=wrong_pairs, reverse=True)[:n]
    print(f"\nworst splits (one true incident; left: predicted story) - {len(splits)} shown")
    for m in splits:
        print(f"  {len({s for s, _ in m})} stories, {len(m)} articles:")
        show(m)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _gva.add_common_args(ap)
    ap.add_argument("--half", choices=["all", "even", "odd", "each"], default="each",
                    help="which incidents to mix: all, even- or odd-numbered groups, or each of the three")
    ap.add_argument("--examples", type=int, default=4, help="worst merges and splits to print")
    ap.add_argument("--threshold", type=float, default=stories.THRESHOLD)
    ap.add_argument("--window-days", type=float, default=stories.WINDOW_DAYS)
    ap.add_argument("--time-decay", type=float, default=stories.TIME_DECAY)
    ap.add_argument("--lead-chars", type=int, default=stories.LEAD_CHARS)
    ap.add_argument("--entity-weight", type=float, default=stories.ENTITY_WEIGHT)
    ap.add_argument("--boilerplate-min-docs", type=int, default=stories.BOILERPLATE_MIN_DOCS)
    ap.add_argument("--shrink", type=float, default=stories.SHRINK)
    ap.add_argument("--junk-chars", type=int, default=stories.JUNK_CHARS)
    ap.add_argument("--junk-title-weight", type=float, default=stories.JUNK_TITLE_WEIGHT)
    args = ap.parse_args()
    params = dict(threshold=args.threshold, window_days=args.window_days, time_decay=args.time_decay,
                  lead_chars=args.lead_chars, entity_weight=args.entity_weight,
                  boilerplate_min_docs=args.boilerplate_min_docs, shrink=args.shrink,
                  junk_chars=args.junk_chars, junk_title_weight=args.junk_title_weight)
    rows = load(args.shared, args.limit)
    print("parameters: " + ", ".join(f"{k}={v}" for k, v in params.items()))
    t = time.perf_counter()
    stories.assign_stories([a for _, _, a in rows[:2]])  # imports scipy: not clustering time
    print(f"start-up (imports): {time.perf_counter() - t:.2f} s; times below are one core's clustering")
    halves = {"all": rows, "even": [r for r in rows if r[0] % 2 == 0], "odd": [r for r in rows if r[0] % 2 == 1]}
    names = {"all": "all incidents", "even": "even groups (tuning)", "odd": "odd groups (held out)"}
    chosen = ["all", "even", "odd"] if args.half == "each" else [args.half]
    results = {h: evaluate(halves[h], params, names[h]) for h in chosen}
    first = chosen[0]
    if args.examples:
        show_examples(halves[first], results[first], args.examples)


if __name__ == "__main__":
    main()
