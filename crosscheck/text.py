"""Sentence and word boundaries for news prose (no model: rules tuned to wire copy)."""
from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = ("mr mrs ms dr prof gen col lt sgt cpl capt maj adm gov sen rep st ave rd blvd jr sr inc ltd co corp "
           "no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m "
           "u.s u.k u.n e.u d.c mt ft pt ca ph.d i.e e.g rev hon pres sup det insp supt").split()
_ABBREV_RE = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in _ABBREV) + r")|\b[A-Z])\.$", re.IGNORECASE)
# it can only match this near the end: searched from there, not across the whole sentence each time
# (a search from a position still sees the character before it, so \b is judged as on the whole text)
_ABBREV_REACH = max(len(a) for a in _ABBREV) + 2
# A sentence ends at . ! ? (and a closing quote or bracket) before white space and a capital,
# a digit or an opening quote; or at a blank line.
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-•*#–—])")


# a line break inside a sentence: the next line goes on in lower case, or the line stops at a word
# that cannot end one (an article, a preposition, a conjunction)
_GOES_ON = re.compile(r"[ \t]*\n[ \t]*[a-z]")
_CANNOT_END = re.compile(r"\b(?:a|an|the|of|on|in|at|to|by|for|from|with|and|or|but|than)[ \t]*$")


def _wrapped(text: str, newline: int, line: str) -> bool:
    return bool(_GOES_ON.match(text, newline) or _CANNOT_END.search(line))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END_RE.finditer(text):
        end = m.end()
        piece = text[start:m.start() + 1].rstrip()
        if m.group()[0] == "." and _ABBREV_RE.search(piece, max(0, len(piece) - _ABBREV_REACH)):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    # a single newline between a headline-like line and prose also ends a sentence; a hard-wrapped
    # line does not ("Tens of\nthousands marched", "people took to the streets on\nSaturday")
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cut = s
        for m in re.finditer(r"\n", text[s:e]):
            line = text[cut:s + m.start()]
            if line.strip() and line.rstrip()[-1] not in ",;:" and not _wrapped(text, s + m.start(), line):
                _add(out, text, cut, s + m.start())
                cut = s + m.end()
        _add(out, text, cut, e)
    return out


def _add(spans: list, text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def normalise(text: str) -> str:
    """Lower case, single spaces, straight quotes: for comparing and hashing text."""
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').lower().split())
