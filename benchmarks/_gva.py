"""Shared helpers for the benchmarks over ../shared/data/gva-dev (real news about US shootings).

The data stays in ../shared: these helpers read it and print from it, never copy it into the repo.
Each gva group is one story: its documents become one list of :class:`crosscheck.models.Article`.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from pathlib import Path
from typing import Iterable, Optional, Sequence
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crosscheck.ingest import with_headline
from crosscheck.models import Article  # noqa: E402

GROUPS = Path("data") / "gva-dev" / "groups.jsonl"

# words a reader looks for when checking a casualty figure by eye
CASUALTY_WORDS = re.compile(r"\b(?:kill|die[ds]?\b|dying|dead|death|fatal|shot|shoot|injur|wound|hurt)", re.IGNORECASE)


def add_common_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared data folder (default: ../shared next to the repository)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N groups (for development)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the printed samples")


def load_groups(shared: Path, limit: Optional[int] = None) -> list[dict]:
    """The gva-dev groups, in file order (the first ``limit`` of them)."""
    path = Path(shared) / GROUPS
    if not path.exists():
        sys.exit(f"error: {path} not found.\n"
                 f"These benchmarks need the shared data folder (../shared next to the repository);"
                 f" pass --shared PATH to point at it.")
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) >= limit:
                    break
    return out


def host(url: Optional[str]) -> Optional[str]:
    """The site of a url, without 'www.' or port; looks through web.archive.org wrappers.

    'http://web.archive.org/web/2014.../http://www.ajc.com:80/news/...' -> 'ajc.com'
    """
    if not url:
        return None
    m = re.search(r"web\.archive\.org/web/[^/]+/(.+)$", url)
    if m:
        url = m.group(1)
    if "://" not in url:
        url = "http://" + url
    name = (urlsplit(url).hostname or "").lower()
    if name.startswith("www."):
        name = name[4:]
    return name or None


def articles(group: dict) -> list[Article]:
    """One Article per document of the group (duplicates within a group dropped)."""
    seen, out = set(), []
    for d in group["docs"]:
        if d["doc_id"] in seen:
            continue
        seen.add(d["doc_id"])
        # as crosscheck's ingestion reads it: the headline is the article's first paragraph
        out.append(with_headline(Article(id=d["doc_id"], text=d["text"], source=host(d.get("url")),
                                         title=d.get("title"), published=d.get("dct") or None, url=d.get("url"))))
    return out


# ---- text for humans ------------------------------------------------------------------------
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (the benchmark's own, independent of the library's splitter)."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def squash(s: str) -> str:
    return " ".join(s.split())


def marked(sentence: str, start: int, end: int, width: int = 320) -> str:
    """The sentence on one line with [[the figure]] marked, cut to about ``width`` characters around it."""
    text = sentence[:start] + "[[" + sentence[start:end] + "]]" + sentence[end:]
    text_start = len(squash(sentence[:start]))
    text = squash(text)
    if len(text) <= width:
        return text
    lo = max(0, text_start - width // 2)
    hi = min(len(text), lo + width)
    lo = max(0, hi - width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def casualty_sentences(text: str, n: int = 3, width: int = 260) -> list[str]:
    """Up to ``n`` sentences with kill/die/dead/shot/injur/wound words, those with a figure first."""
    hits, seen = [], set()
    for s, e in sentences(text):
        sent = text[s:e]
        if CASUALTY_WORDS.search(sent) and squash(sent) not in seen:
            seen.add(squash(sent))
            has_fig = bool(re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|no one|nobody)\b",
                                     sent, re.IGNORECASE))
            hits.append((not has_fig, s, sent))
    chosen = sorted(sorted(hits)[:n], key=lambda h: h[1])
    out = []
    for _, _, sent in chosen:
        sent = squash(sent)
        out.append(sent if len(sent) <= width else sent[:width] + "…")
    return out


def sample(items: Sequence, n: int, seed: int) -> list:
    """A deterministic sample of ``n`` items (all of them when there are fewer), in input order."""
    if len(items) <= n:
        return list(items)
    idx = sorted(random.Random(seed).sample(range(len(items)), n))
    return [items[i] for i in idx]


# ---- figures --------------------------------------------------------------------------------
def closed(q) -> tuple[float, float]:
    """A Quantity's interval with open ends tightened to whole counts."""
    lo = -math.inf if q.lo is None else q.lo + (1 if q.lo_open else 0)
    hi = math.inf if q.hi is None else q.hi - (1 if q.hi_open else 0)
    return lo, hi


def is_exact(q) -> bool:
    return q.lo is not None and q.lo == q.hi and not q.lo_open and not q.hi_open


def holds(q, value: float) -> bool:
    """Whether ``value`` lies in the figure's interval."""
    lo, hi = closed(q)
    return lo <= value <= hi


def fmt(q) -> str:
    """A figure as 'exact 3', 'range [2, 4]', 'lower_bound (20, inf)'."""
    if is_exact(q):
        v = q.lo
        return f"{int(v) if v == int(v) else v}"
    lo = "-inf" if q.lo is None else f"{q.lo:g}"
    hi = "inf" if q.hi is None else f"{q.hi:g}"
    return f"{q.kind} {'(' if q.lo_open or q.lo is None else '['}{lo}, {hi}{')' if q.hi_open or q.hi is None else ']'}"


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}% ({num}/{den})" if den else "   n/a (0/0)"


def table(rows: Iterable[Sequence], header: Sequence[str]) -> str:
    rows = [list(map(str, r)) for r in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h)) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(list(map(str, header))), line(["-" * w for w in widths])] + [line(r) for r in rows])
