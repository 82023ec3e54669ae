"""How two figures of one count relate: whether they can both hold, which stood later, and whether
parties on different sides or the same party gave them (the pair rules align.py's verdicts are built on).

A figure is compared as a closed interval (:func:`closed`: open ends tightened, a floor of a running count
closed at its reach, an implicit or some-only figure a lower bound). Two figures *fit* when their
intervals meet (:class:`Fits`, which keeps a floor open against a figure of no known day). When each
stood (:func:`when_stood`) is the moment its sentence names, else its article's date; :func:`ordered`
also reads an election's count stage and a text that says the figure rose or was revised down.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Optional

from .claims.place import NATION_JOIN, places_differ
from .claims.votes import as_written, counted_further
from .dates import date_order
from .models import Claim

RETROSPECTIVE = "9999-12-31"  # the date a retrospective source is compared as: after every article


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals meet: the figures can both hold."""
    return not (a[1] < b[0] or b[1] < a[0])


@dataclass(frozen=True)
class Fits:
    """Whether two figures can both hold: their intervals (``iv``) meet, or one is a floor of a count
    (closed in ``iv``, see Aligner._floor_reach) whose open reading (``loose``) meets the other's while
    one of them stands at no known day. "At least 16" on the 18th and 32 on the 18th disagree; against
    an undated 32, the 32 may be the later count."""
    iv: dict
    loose: dict
    dates: dict

    def __call__(self, a: Claim, b: Claim) -> bool:
        if meet(self.iv[a.id], self.iv[b.id]):
            return True
        if a.id not in self.loose and b.id not in self.loose or \
                known_day(a, self.dates) and known_day(b, self.dates):
            return False
        return meet(self.loose.get(a.id, self.iv[a.id]), self.loose.get(b.id, self.iv[b.id]))


def known_day(c: Claim, dates: dict[str, Optional[str]]) -> bool:
    when = when_stood(c, dates)
    return bool(when) and len(when) >= 10


def fitting_pair(xs: list[Claim], ys: list[Claim], fits: Fits) -> Optional[tuple[Claim, Claim]]:
    """A figure of one article and a figure of another that fit each other, if any."""
    return next(((x, y) for x in xs for y in ys if fits(x, y) and not places_differ(x, y)), None)


def closed(c: Claim, less: float = 0.0, whole: bool = False, reach: Optional[float] = None) -> tuple[float, float]:
    """The claim's interval with open ends tightened (counts are whole: 'more than 200' >= 201).

    An implicit count ("a woman died", "a third person died", "a double murder") says at least
    that many: the article speaks of those people, not of the whole toll. It is compared as a
    lower bound, so "the woman died" never contradicts "three dead"; so is a figure that counts
    only some of the people ("one died at the scene"). A figure that includes someone sources
    often leave out ("5 dead, including the gunman", "an unborn child") may be one more than
    theirs: it is compared as [N-1, N]. ``less`` widens the low end: "five people shot" in an
    article silent on deaths may include the story's dead ([5 - deaths, 5]). ``reach`` closes a
    floor: "at least 16 dead" with reach 1.5 is compared as [16, 24] (see Aligner._floor_reach).
    """
    q = c.quantity
    lo = float("-inf") if q.lo is None else q.lo
    # (a some-only zero too: "no officers were seriously hurt" says nothing of the officers hurt less badly)
    hi = float("inf") if q.hi is None or (not whole and c.implicit and q.lo is not None and q.lo > 0) \
        or (not whole and c.some_only and q.lo is not None and q.lo >= 0) else q.hi
    lo, hi = as_written(c) or (lo, hi)  # an election result as rounded or cut short: "52%" for 52.6%
    if reach and q.hi is None and q.lo is not None:
        hi = q.lo * reach
    if c.contested and q.lo is not None and q.lo >= 1:
        lo -= 1  # "5 dead, including the gunman" fits "he killed 4 people"
    if less and q.lo is not None:
        lo = max(0.0, lo - less)
    whole = q.unit in (None, "")
    step = 1.0 if whole else 1e-9
    if q.lo_open and q.lo is not None:
        lo += step
    if q.hi_open and q.hi is not None:
        hi -= step
    return lo, hi


def relative_gap(a: Claim, b: Claim, iv: Optional[dict[str, tuple[float, float]]] = None) -> float:
    """How far apart two non-overlapping intervals are, relative to the larger near end (0..1)."""
    alo, ahi = iv[a.id] if iv else closed(a)
    blo, bhi = iv[b.id] if iv else closed(b)
    if ahi < blo:
        near_lo, near_hi = ahi, blo
    elif bhi < alo:
        near_lo, near_hi = bhi, alo
    else:
        return 0.0
    return min(1.0, (near_hi - near_lo) / max(abs(near_hi), 1e-9))


def when_stood(c: Claim, dates: dict[str, Optional[str]]) -> Optional[str]:
    """When a figure stood: the moment its sentence names ("as at 29 August", "till 7 pm"), else its
    article's date (a retrospective source stays after every article)."""
    day = dates.get(c.article)
    return day if day == RETROSPECTIVE else (c.as_of or day)


def later_of(a: Claim, b: Claim, dates: dict[str, Optional[str]]) -> Optional[tuple[Claim, Claim]]:
    """(later, earlier) by when each figure stood, compared at the precision both have: a month-only
    date ("2025-03", from a URL) is neither before nor after a day of that month, nor a day before
    one of its hours."""
    order = date_order(when_stood(a, dates), when_stood(b, dates))
    if not order:
        return None
    return (a, b) if order > 0 else (b, a)


def said_to_have_risen(a: Claim, b: Claim, iv: dict) -> Optional[tuple[Claim, Claim]]:
    """Between articles of the same day (or undated), a figure the text says has risen ("the reward
    has been increased to $5,000", "the toll rose to six") is the later one, when it is the larger;
    so is a larger figure than one its article calls provisional ("no third death at this time")."""
    for new, old in ((a, b), (b, a)):
        # two figures both said to have risen ("rose to 14", "climbed to 17"): the larger came later
        if (new.cumulative or (old.provisional and not new.provisional)) and iv[new.id][0] > iv[old.id][1]:
            return new, old
        # a figure said to have gone down ("the toll was revised down to 171") came after a larger one
        if new.lowered and not old.lowered and iv[new.id][1] < iv[old.id][0]:
            return new, old
    return None


def ordered(a: Claim, b: Claim, dates: dict[str, Optional[str]], iv: dict) -> Optional[tuple[Claim, Claim]]:
    """(later, earlier) when anything orders two figures: how far an election count had got (better than
    the date), when each stood, or the text saying one rose or fell; parties on different sides each say
    their own figure rose, so only the dates order them."""
    return counted_further(a, b) or later_of(a, b, dates) or (None if disputed(a, b) else said_to_have_risen(a, b, iv))


def disputed(a: Claim, b: Claim) -> bool:
    """Figures given by parties on different sides ("police" and "organisers", the health ministry
    and a doctors' committee), or by two states ("government of Japan", "government of Tunisia"): a
    dispute between them, not a contradiction between outlets."""
    if a.side and b.side and a.side != b.side:
        return True
    na, nb = (c.party.partition(NATION_JOIN)[2] if c.party else "" for c in (a, b))
    return bool(na and nb and na != nb)


def revised(later: Claim, earlier: Claim, iv: dict) -> bool:
    """The same party lowered its own figure ("359 dead", then "253 after some were counted twice")."""
    return bool(later.party and later.party == earlier.party and iv[later.id][1] < iv[earlier.id][0])


def party_disputes(comparable: list[Claim], fits: Fits) -> list[tuple[Claim, Claim]]:
    """Pairs of figures, from any articles (one article often reports both), that parties on
    different sides (or two states) give and that cannot both hold."""
    sided = [c for c in comparable if c.side]
    return [(a, b) for a, b in combinations(sided, 2) if disputed(a, b) and not fits(a, b)
            and not places_differ(a, b)]


# ---- grouping --------------------------------------------------------------------------
