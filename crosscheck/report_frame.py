"""A claim's frame as a reader checks it, and a group's figures arranged by that frame.

A figure means little without its frame: whom it counts, where, according to whom, and as of when. Each claim
card states the frame in words (:func:`claim_frame`); a group whose parties disagree reads as each
party's position side by side (:func:`party_positions`); a running total that changed reads as a
timeline, earliest first (:func:`timeline`); a party that lowered its own figure is named
(:func:`revisions`).

Pure functions over the claim views the report builds (``report._claim_view``): each view carries its
``frame`` (below), its source, its figure as the reader sees it and the link to its sentence. Both the
HTML report and the review app render what they return (templates/_group.html.j2).
"""
from __future__ import annotations

from typing import Iterable, Optional

from .dates import date_note, is_date
from .models import Article, Claim

__all__ = ["claim_frame", "when_order", "party_positions", "timeline", "revisions", "SIDE_LABELS", "PLACE_LEVEL_LABELS"]

# how a party's side is said beside its name; a side a user's parties.toml adds is shown as written
# how a place's level is said beside it ("Juliaca, a named place"); a national figure says "nationwide" itself
PLACE_LEVEL_LABELS = {"site": "a site", "named": "a named place", "national": None, "whole": "the whole event"}
SIDE_LABELS = {"official": "official side", "organisers": "organisers' side", "independent": "independent",
               "opposition": "opposition side", "pollsters": "pollsters", "witnesses": "witnesses"}


def _as_of_text(as_of: str) -> str:
    """'2025-03-04T19:00' -> '2025-03-04 19:00' (the 'T' is for machines)."""
    return as_of.replace("T", " ")


def claim_frame(claim: Claim, article: Optional[Article]) -> dict:
    """Who is counted, where, according to whom, as of when: the frame of one claim, in words.

    ``where`` is the place the figure's own clause names ("Juliaca", "airport", "nationwide"; None when
    it names none), with its level in words (``where_level``).

    ``when`` is the moment the figure stood: its sentence's own time when it gives one (``as_of``:
    "as at 29 August", "till 7 pm"), else the article's date with where that date came from, else
    nothing (``undated``). ``when_key`` orders figures by that moment (None when undated)."""
    published = article.published if article and is_date(article.published) else None
    if claim.as_of:
        when = {"text": _as_of_text(claim.as_of), "datetime": claim.as_of,
                "basis": "as its sentence says", "undated": False, "from_sentence": True}
    elif published:
        note = date_note(article.date_source)
        # an odd date (contradicted by the URL, in the future) is kept, but the order it gives is doubtful
        odd = "; " + "; ".join(article.date_issues) if article.date_issues else ""
        when = {"text": published, "datetime": published,
                "basis": "article date" + (f", {note}" if note else "") + odd, "undated": False,
                "from_sentence": False}
    else:
        when = {"text": "undated", "datetime": None, "basis": None, "undated": True, "from_sentence": False}
    side = claim.side
    return {
        "who": claim.subject,
        "where": claim.place, "where_level": PLACE_LEVEL_LABELS.get(claim.place_level, claim.place_level),
        "according_to": claim.attribution,
        "party": claim.party,
        # the party is worth saying only when the words do not already say it ("the Central Committee of
        # Sudanese Doctors" -> medics); "a police spokesman" -> police says nothing new
        "party_differs": bool(claim.party and claim.party.lower() not in (claim.attribution or "").lower()),
        "side": side, "side_label": SIDE_LABELS.get(side, side) if side else None,
        "when": when, "when_key": claim.as_of or published,
        "time_words": claim.scope,
        # of an election result: how far the count had got ("97% counted", "preliminary", "exit poll")
        "count_stage": claim.count_stage,
        "lo": claim.quantity.lo, "hi": claim.quantity.hi,
    }


def when_order(view: dict, index: int = 0) -> tuple:
    """Sort key of a claim view: earliest moment first, undated last, then the given order."""
    key = view["frame"]["when_key"]
    return (key is None, key or "", index)


def _outlet(view: dict) -> dict:
    return {"source": view["source"], "anchor": view["anchor"], "claim": view["id"],
            "when": view["frame"]["when"]}


def _wording(view: dict) -> Optional[str]:
    """The figure as the article wrote it, when that says more than the figure shown ("about 25,000"
    beside 22,500–27,500; nothing beside a plain "61")."""
    text = " ".join(view["figure_text"].split())
    return text if text and text.replace(" ", "") != view["value"].replace(" ", "") else None


def _merge(views: Iterable[dict], key) -> list[dict]:
    """Views merged by ``key``, earliest first, each entry with the figure shown, its wordings, the
    outlets that report it (each once) and the moment of its earliest report."""
    merged: dict = {}
    for v in sorted(views, key=when_order):
        entry = merged.setdefault(key(v), {"value": v["value"], "texts": [], "outlets": [], "when": v["frame"]["when"],
                                           "lo": v["frame"]["lo"], "hi": v["frame"]["hi"], "change": None})
        text = _wording(v)
        if text and text not in entry["texts"]:
            entry["texts"].append(text)
        if all(o["source"] != v["source"] for o in entry["outlets"]):
            entry["outlets"].append(_outlet(v))
    return list(merged.values())


def _figures(views: Iterable[dict]) -> list[dict]:
    """Views merged by the figure they give, as the reader sees it."""
    return _merge(views, lambda v: v["value"])


def party_positions(pairs: Iterable[tuple[str, str]], shown: list[dict], view_of: dict[str, dict]) -> Optional[dict]:
    """Each party's position in a dispute, side by side: one column per party with its side, its
    figures and the outlets that report them; and the group's figures no party is named for.

    ``pairs`` are the group's disputed pairs (claim ids), ``shown`` the views the card lists (one per
    article), ``view_of`` every claim view by id. Parties come in the order the disputes name them;
    figures within a party earliest first. None when there is no dispute."""
    disputed = [view_of[cid] for pair in pairs for cid in pair if cid in view_of]
    if not disputed:
        return None
    ids = {v["id"] for v in disputed}
    # a representative figure whose party is in the dispute stands with it: it is that party's figure too
    parties = list(dict.fromkeys(v["frame"]["party"] for v in disputed if v["frame"]["party"]))
    members = [v for v in disputed if v["frame"]["party"]] + [v for v in shown if v["id"] not in ids
                                                            and v["frame"]["party"] in parties]
    columns = []
    for party in parties:
        views = [v for v in members if v["frame"]["party"] == party]
        side = next((v["frame"]["side_label"] for v in views if v["frame"]["side_label"]), None)
        columns.append({"party": party, "side": side, "figures": _figures(views)})
    # the rest of the card's figures, unless the same outlet already gives the same figure in a column
    # (a headline with no party over a body that names one)
    placed = {(v["source"], v["value"]) for v in members}
    rest = [v for v in shown if (v["source"], v["value"]) not in placed]
    unplaced = _figures(v for v in rest if not v["frame"]["party"])
    others = _figures(v for v in rest if v["frame"]["party"])
    return {"columns": columns, "unattributed": unplaced, "other_parties": others}


def _change(before: dict, after: dict) -> str:
    """How a running total moved from one point to the next, in words (never colour alone)."""
    lo0, hi0, lo1, hi1 = before["lo"], before["hi"], after["lo"], after["hi"]
    if lo1 is not None and hi0 is not None and lo1 > hi0:
        return "rose"
    if hi1 is not None and lo0 is not None and hi1 < lo0:
        return "fell"
    return "overlaps" if (lo0, hi0) != (lo1, hi1) else "same"


def timeline(views: list[dict]) -> list[dict]:
    """A changing figure's points in time order, earliest first, undated last: one point per moment
    and figure with the outlets reporting it, and how it moved from the point before."""
    out = _merge(views, lambda v: (v["frame"]["when"]["text"], v["value"]))
    for before, after in zip(out, out[1:]):
        # an undated report's figure has no place in the order: it is only listed after the dated ones
        after["change"] = "unordered" if after["when"]["undated"] else _change(before, after)
    return out


def revisions(pairs: Iterable[tuple[str, str]], view_of: dict[str, dict]) -> list[dict]:
    """Who lowered their own figure, from the group's revised pairs: the party, its earlier (higher)
    figure and its later (lower) one, each with the outlet and the moment. A revision is a party
    going below what it said before, so the lower figure is the later one whatever the dates say."""
    out, seen = [], set()
    for a, b in pairs:
        if a not in view_of or b not in view_of:
            continue
        va, vb = view_of[a], view_of[b]
        later, earlier = sorted((va, vb), key=lambda v: (v["frame"]["hi"] if v["frame"]["hi"] is not None
                                                         else float("inf")))
        key = (earlier["value"], later["value"], later["frame"]["party"])
        if key in seen:
            continue
        seen.add(key)
        out.append({"party": later["frame"]["party"] or earlier["frame"]["party"],
                    "side": later["frame"]["side_label"], "earlier": _figures([earlier])[0],
                    "later": _figures([later])[0]})
    return out
