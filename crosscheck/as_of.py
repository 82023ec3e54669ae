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

from .dates import full_date, is_date

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# parts of a day, as the hour a count given then is taken to stand at (only to order one day's figures)
_PART_OF_DAY = {"morning": 9, "noon": 12, "midday": 12, "afternoon": 15, "evening": 19, "night": 21, "late": 22,
                "tonight": 21, "midnight": 24}

_DAY = (r"(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening))"
        r"|(?:(?P<late>late|early)\s+)?(?:on\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")(?:\s+(?P<part>morning|afternoon|evening|night))?"
        r"|(?P<md_m>" + _MONTH + r")\s+(?P<md_d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})"
        r"|(?P<dm_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>" + _MONTH + r")(?!\s*\d{4})")
_CLOCK = (r"(?:(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)(?!\d))"
          r"(?:\s+(?:on\s+)?(?P<wd2>" + "|".join(_WEEKDAYS) + r"))?")  # "by 5 p.m. on Sunday"
# what makes a day or an hour the moment a figure stood: "as of", "by", "till", or a verb giving it
_ANCHOR = (r"\b(?:as\s+(?:of|at)|by|until|till|up\s+to|"
           r"(?:said|says|announced|reported|released|published|issued|confirmed|updated|recorded|given)"
           r"(?:\s+on(?=\s+\w+day))?)\s+")
_AS_OF_RE = re.compile(_ANCHOR + r"(?:(?:" + _DAY + r")(?:,?\s+(?:at\s+|around\s+)?(?=\d))?)?(?:" + _CLOCK + r")?",
                       re.IGNORECASE)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(w[:3]))


def _day_of(m: re.Match, published: date) -> Optional[date]:
    """The day a match names, resolved against the article's date; None when it cannot be."""
    if m.group("rel"):
        return published - timedelta(days=1) if m.group("rel").lower() == "yesterday" else published
    weekday = m.group("wd") or m.group("wd2")
    if weekday:
        back = (published.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
        return published - timedelta(days=back)  # "on Tuesday": the latest Tuesday, today included
    month = _month(m.group("md_m") or m.group("dm_m"))
    day = int(m.group("md_d") or m.group("dm_d"))
    year = published.year - (1 if month > published.month + 1 else 0)  # "29 December" in a January article
    iso = full_date(year, month, day)
    return date.fromisoformat(iso) if iso else None


def _hour_of(m: re.Match) -> Optional[tuple[int, int]]:
    if m.group("h"):
        h, mins = int(m.group("h")), int(m.group("min") or 0)
        if not 1 <= h <= 12 or mins > 59:
            return None
        return (h % 12 + (12 if m.group("ap").lower() == "p" else 0), mins)
    if m.group("h24"):
        return (int(m.group("h24")), int(m.group("m24")))
    rel = (m.group("rel") or "").split()
    part = (m.group("part") or m.group("late") or (rel[-1] if rel else "")).lower()
    if part in _PART_OF_DAY and part != "early":
        return (min(_PART_OF_DAY[part], 23), 0 if _PART_OF_DAY[part] < 24 else 59)
    return None


def as_of(sentence: str, published: Optional[str]) -> Optional[str]:
    """When the figure of ``sentence`` stood, as an ISO date or date and time; None when its sentence
    does not say, or the article's date is not a full date to resolve it against."""
    if not is_date(published) or len(published) != 10:
        return None
    pub = date.fromisoformat(published)
    found = None
    for m in _AS_OF_RE.finditer(sentence):
        named_day = any(m.group(k) for k in ("rel", "wd", "wd2", "md_m", "dm_m"))
        if not (named_day or m.group("h") or m.group("h24")):
            continue  # "said that ...": an anchor with no day or hour after it
        day = _day_of(m, pub) if named_day else pub
        if day is None or day > pub:
            continue
        hour = _hour_of(m)
        found = day.isoformat() + (f"T{hour[0]:02d}:{hour[1]:02d}" if hour else "")
        break  # the first: the figure's own clause comes before what the sentence goes on to say
    return found


def when_given(reading, claims: list) -> list:
    """An article pass (claims/extractor.py): each claim with the moment its own sentence says it
    stood, against the article's date."""
    published = reading.article.published
    return [replace(c, as_of=as_of(c.sentence, published)) for c in claims] if is_date(published) else claims
