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

import json
import sys
import tempfile
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
from crosscheck.ingest import read_paths  # noqa: E402
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


NEWS = Path("data") / "news-dev" / "groups.jsonl"


def front_matter(doc: dict) -> str:
    """The front-matter block ../shared/tools/score_news.py writes above each document."""
    lines = ["---"] + [f"{k}: {doc[k]}" for k in ("source", "published", "url") if doc.get(k)] + ["---"]
    return "\n".join(lines) + "\n"


def news_folder_articles(docs: list[tuple[str, dict]]) -> list[Article]:
    """The articles ``crosscheck report`` reads from a folder of ``name.txt`` files, written as the
    scorer writes them (front matter + text), so titles, sources and dates are inferred alike."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, d in docs:
            Path(tmp, name + ".txt").write_text(front_matter(d) + d["text"], encoding="utf-8")
        return read_paths([tmp]).articles


def load_news(shared: Path) -> list[dict]:
    path = Path(shared) / NEWS
    if not path.exists():
        sys.exit(f"error: {path} not found (pass --shared PATH)")
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def news_report(shared: Path, params: dict, show: int) -> None:
    """news-dev: each group alone (as the scorer runs it), then every group mixed in one folder."""
    groups = load_news(shared)
    split = []
    for g in groups:
        arts = stories.assign_stories(news_folder_articles([(d["doc_id"], d) for d in g["docs"]]), **params)
        if len({a.story for a in arts}) > 1:
            split.append((g["group_id"], arts))
    print(f"news-dev alone: {len(split)} of {len(groups)} single-event groups split into several stories")
    for gid, arts in split[:show]:
        print(f"  {gid}: " + ", ".join(f"{a.id}->{a.story[:6]}" for a in arts))
    # mixed: file names carry the group index (doc ids repeat across groups); the name is the article id
    docs = [(f"{i:02d}-{d['doc_id']}", d) for i, g in enumerate(groups) for d in g["docs"]]
    truth = {name: groups[int(name[:2])]["group_id"] for name, _ in docs}
    t = time.perf_counter()
    arts = stories.assign_stories(news_folder_articles(docs), **params)
    elapsed = time.perf_counter() - t
    rows = [(0, truth[Path(a.id).stem], a) for a in arts]
    p, r, f = pairwise_scores([g for _, g, _ in rows], [a.story for a in arts])
    print(f"news-dev mixed: {len(arts)} articles  stories predicted {len({a.story for a in arts})} / true "
          f"{len(groups)}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {elapsed:.2f} s")
    if show:
        show_examples(rows, arts, show)


def gva_alone(rows, params: dict) -> None:
    """gva-dev incidents run one at a time, as a user checks one event: how many split."""
    by_group = defaultdict(list)
    for index, _, a in rows:
        by_group[index].append(a)
    several = [arts for arts in by_group.values() if len(arts) > 1]
    split = sum(len({a.story for a in stories.assign_stories(arts, **params)}) > 1 for arts in several)
    print(f"gva-dev alone: {split} of {len(several)} incidents with 2+ articles split into several stories")


def parse_params(pairs_: list[str]) -> dict:
    """``name=value`` overrides of assign_stories' keyword defaults (Python literals: 0.1, 1500, None)."""
    from ast import literal_eval
    out = {}
    for item in pairs_:
        name, _, value = item.partition("=")
        out[name.strip().replace("-", "_")] = literal_eval(value.strip() or "None")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _gva.add_common_args(ap)
    ap.add_argument("--half", choices=["all", "even", "odd", "each"], default="each",
                    help="which incidents to mix: all, even- or odd-numbered groups, or each of the three")
    ap.add_argument("--examples", type=int, default=4, help="worst merges and splits to print")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a keyword default of assign_stories (e.g. --set threshold=0.3)")
    ap.add_argument("--skip", choices=["news", "gva", "alone"], action="append", default=[],
                    help="leave out a part (for quick tuning runs)")
    args = ap.parse_args()
    params = parse_params([p for p in args.set if not p[:1].isupper()])
    for item in [p for p in args.set if p[:1].isupper()]:  # module constants, for tuning
        name, _, value = item.partition("=")
        setattr(stories, name, float(value))
        params[name] = float(value)
    print("parameters: " + (", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"))
    params = {k: v for k, v in params.items() if not k[:1].isupper()}
    t = time.perf_counter()
    stories.assign_stories([Article(id="a", text="warm up"), Article(id="b", text="warm up")])
    print(f"start-up (imports, vocabularies): {time.perf_counter() - t:.2f} s; times below are one core's clustering")
    if "news" not in args.skip:
        news_report(args.shared, params, args.examples)
        print()
    if "gva" in args.skip:
        return
    rows = load(args.shared, args.limit)
    halves = {"all": rows, "even": [r for r in rows if r[0] % 2 == 0], "odd": [r for r in rows if r[0] % 2 == 1]}
    names = {"all": "all incidents", "even": "even groups (tuning)", "odd": "odd groups (held out)"}
    chosen = ["all", "even", "odd"] if args.half == "each" else [args.half]
    results = {h: evaluate(halves[h], params, names[h]) for h in chosen}
    if "alone" not in args.skip:
        gva_alone(rows, params)
    speed(rows, params)
    first = chosen[0]
    if args.examples:
        show_examples(halves[first], results[first], args.examples)


def speed(rows, params: dict) -> None:
    """Seconds per 1,000 articles at a quarter, half and all of gva-dev: linear growth keeps it flat."""
    cells = []
    for share in (0.25, 0.5, 1.0):
        part = [a for _, _, a in rows[:max(2, int(len(rows) * share))]]
        t = time.perf_counter()
        stories.assign_stories(part, **params)
        cells.append(f"{len(part)} articles {1000 * (time.perf_counter() - t) / len(part):.2f} s")
    print("time per 1,000 articles: " + ", ".join(cells))


if __name__ == "__main__":
    main()
