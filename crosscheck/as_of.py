"""As of when a figure was given, read from its own sentence: "as at 29 August", "recorded till 7 pm",
"the ministry said on Tuesday", "statistics released late on Tuesday", "announced yesterday".

A count in progress is given at a moment. Two reports of one day, or of days close together, are
ordered by that moment better than by their publication dates: a briefing "as at 29 August" carried on
the 31st is older than a bulletin "released late on Tuesday" (the 30th), and turnout "till 7 pm" is
older than turnout "by 9 pm" of the same day. Only phrases that say when the figure stood or was given
count; an event's own date ("the March 22 attacks", "killed on Tuesday") says nothing of when it was
counted, so a day is read only after "as of", "by", "till", or a verb of giving a figure.

The result is an ISO date ("2024-08-30") or a date and time ("2024-04-19T19:00"). Relative days need the
article's full date; a day that would fall after the article's own date is not read (it is a plan or a
forecast: "results are expected by Friday").
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from .dates import MONTH_PATTERN, YEAR_PATTERN, full_date, is_date, month_number

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# capitalised, as a date writes them: "3 may still be trapped" names no month
_MONTH = r"(?-i:" + MONTH_PATTERN + r")"
# parts of a day, as the hour a count given then is taken to stand at (only to order one day's figures)
_PART_OF_DAY = {"morning": 9, "noon": 12, "midday": 12, "afternoon": 15, "evening": 19, "night": 21, "late": 22,
                "tonight": 21, "midnight": 24}

_DAY = (r"(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening))"
        r"|(?:(?P<late>late|early)\s+)?(?:on\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<md_m>" + _MONTH + r")\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?P<md_y>" + YEAR_PATTERN + r")\b)?"
        r"|(?P<dm_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>" + _MONTH + r")(?:,?\s*(?P<dm_y>" + YEAR_PATTERN + r")\b)?")
_CLOCK = r"(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)(?!\d)"
_JOIN = r"(?:,?\s*(?:on|at|around)\s+|,\s*|\s+)?"  # "9:00 pm, on January 16", "Thursday at 10:30"
# a day that names an event is no moment: "by Tuesday's storm", "damaged by March 3 floods"
_EVENT_AFTER = (r"(?!['’]s\b|\s+(?:floods?|storms?|quake|earthquake|attacks?|bombings?|blasts?|explosions?|fires?|"
                r"crash|clashes|protests?|shootings?|raids?|strikes?|massacre|elections?|votes?|referendum|disaster|"
                r"tsunami|hurricane|cyclone|typhoon|landslides?|stampede|crush|riots?|uprising|coup|eruption)\b)")
_DAY_RE = re.compile(_JOIN + r"(?:" + _DAY + r")(?![\w'’-])" + _EVENT_AFTER, re.IGNORECASE)
_CLOCK_RE = re.compile(_JOIN + r"(?:" + _CLOCK + r")", re.IGNORECASE)
# what makes a day or an hour the moment a figure stood: "as of", "by", "till", or a verb giving it
_ANCHOR_RE = re.compile(r"\b(?:as\s+(?:of|at)|by|until|till|up\s+to|"
                        r"(?:said|says|announced|reported|released|published|issued|confirmed|updated|recorded|given)"
                        r"(?:\s+on(?=\s+\w+day))?)\s+", re.IGNORECASE)


def _day_of(m: re.Match, published: Optional[date]) -> Optional[date]:
    """The day a match names, resolved against the article's date; None when it cannot be (a day
    named without its year needs the article's date)."""
    year = m.group("md_y") or m.group("dm_y")
    if m.group("md_m") or m.group("dm_m"):
        month, day = month_number(m.group("md_m") or m.group("dm_m")), int(m.group("md_d") or m.group("dm_d"))
        if not year and not published:
            return None
        # "29 December" in a January article is last year's
        year = int(year) if year else published.year - (1 if month > published.month + 1 else 0)
        iso = full_date(year, month, day)
        return date.fromisoformat(iso) if iso else None
    if not published:
        return None
    try:
        if m.group("rel"):
            return published - timedelta(days=1) if m.group("rel").lower() == "yesterday" else published
        back = (published.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        return published - timedelta(days=back)  # "on Tuesday": the latest Tuesday, today included
    except OverflowError:  # the day before 1 January of year 1
        return None


def _hour_of(day: Optional[re.Match], clock: Optional[re.Match]) -> Optional[tuple[int, int]]:
    if clock and clock.group("h"):
        h, mins = int(clock.group("h")), int(clock.group("min") or 0)
        if not 1 <= h <= 12 or mins > 59:
            return None
        return (h % 12 + (12 if clock.group("ap").lower() == "p" else 0), mins)
    if clock:
        h, mins = int(clock.group("h24")), int(clock.group("m24"))
        return (h, mins) if mins <= 59 else None
    if not day:
        return None
    rel = (day.group("rel") or "").split()
    part = (day.group("part") or day.group("late") or (rel[-1] if rel else "")).lower()
    if part in _PART_OF_DAY:
        return (min(_PART_OF_DAY[part], 23), 0 if _PART_OF_DAY[part] < 24 else 59)
    return None


def _moment_after(sentence: str, pos: int) -> tuple[Optional[re.Match], Optional[re.Match]]:
    """The day and the hour named right after an anchor, in either order ("9 pm on Sunday", "Sunday
    at 9 pm"), each None when not named."""
    day = clock = None
    for _ in range(2):
        if day is None and (m := _DAY_RE.match(sentence, pos)):
            day, pos = m, m.end()
        elif clock is None and (m := _CLOCK_RE.match(sentence, pos)):
            clock, pos = m, m.end()
        else:
            break
    return day, clock


def _article_day(published: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(published) if is_date(published) and len(published) == 10 else None
    except ValueError:  # the right shape, but no day ("2025-02-30")
        return None


def as_of(sentence: str, published: Optional[str], pos: Optional[int] = None) -> Optional[str]:
    """When the figure at ``pos`` in ``sentence`` stood, as an ISO date or date and time; None when its
    sentence does not say, or says it relative to a date the article does not have ("on Tuesday" in an
    undated article; a date written with its year needs none). Of several moments, the nearest one
    named before the figure is its own ("said on Monday that 12 had died, and by Wednesday 20"), else
    the first after it ("reached 1,130, according to figures released late on Tuesday")."""
    pub = _article_day(published)
    moments = []
    for anchor in _ANCHOR_RE.finditer(sentence):
        day, clock = _moment_after(sentence, anchor.end())
        if not (day or clock):
            continue  # "said that ...": an anchor with no day or hour after it
        when = _day_of(day, pub) if day else pub
        if when is None or (pub and when > pub):
            continue
        hour = _hour_of(day, clock)
        moments.append((anchor.start(), when.isoformat() + (f"T{hour[0]:02d}:{hour[1]:02d}" if hour else "")))
    if not moments:
        return None
    before = [m for m in moments if pos is not None and m[0] < pos]
    return (before[-1] if before else moments[0])[1]


def when_given(reading, claims: list) -> list:
    """An article pass (claims/extractor.py): each claim with the moment its own sentence says it
    stood, against the article's date. A figure whose sentence names no moment takes the one another
    figure of the same count in the article is given at, when the two fit ("some 5,800 detained" in the
    lead, "the authorities announced yesterday that they had arrested almost 6,000" below): one count,
    one moment (the first such figure's; none when two of them name different moments)."""
    published = reading.article.published
    timed = [replace(c, as_of=as_of(c.sentence, published, c.quantity.start - c.sentence_start)) for c in claims]
    out = []
    for c in timed:
        if c.as_of is None:
            moments = {o.as_of for o in timed if o.as_of and _same_count(c, o)}
            if len(moments) == 1:
                c = replace(c, as_of=moments.pop())
        out.append(c)
    return out


def _same_count(a, timed) -> bool:
    """Whether ``a`` is the count ``timed`` gives: the same people counted the same way, ``timed`` a
    closed figure ("almost 6,000", not "at least 12") that holds ``a``'s own number."""
    if a.measure != timed.measure or a.subject != timed.subject or a.part_of or timed.part_of or a.background \
            or timed.background or a.quantity.increment or timed.quantity.increment:
        return False
    lo, hi, value = timed.quantity.lo, timed.quantity.hi, a.quantity.value
    return None not in (lo, hi, value) and lo <= value <= hi
