"""An article's date, from wherever its page carries one, with where it came from and what is odd about it.

Each date source is a small pure function; :func:`date_article` tries them in order of trust:

1. ``given``: front matter, a row's ``published`` column or ``sources.csv`` (the user said so);
   ``page metadata``: the date a web page's metadata gives (read by trafilatura);
2. ``URL``: a date in the URL path (``/2025/03/15/``, ``/2025-03-15-``, ``/20250315/``, or only the
   month: ``/2025/03/``);
3. ``dateline``: the date beside the place at the head of the story ("TARSK, March 4 (Reuters) -"),
   or a line near the top that holds nothing but a date (and a time);
4. ``published line``: "Published on 4 March 2025", "Updated 09:10, 05-Mar-2025";
5. ``text``: the first full date in the opening lines.

Dates are ISO 8601 strings: ``YYYY-MM-DD``, or ``YYYY-MM`` when the page gives only the month (a
URL such as ``/2025/03/``): a partial date never claims a day it does not know. :func:`date_order`
compares two dates at the precision both have, so ``2025-03`` is before ``2025-04-02`` and unordered
against ``2025-03-20``.

A date in the text may be the date of the event, not of the article ("an inquiry into the events of
20 October" published a year later), so a text date never overrides the URL's: when the URL gives
only a month, a text date refines it only when it falls in that month. An archive URL
(``web.archive.org/web/20250316101500/...``) gives the day the page was captured: the page existed by
then, but may be much older, so it is used only as an upper bound (a text date after it is not
taken, a given date after it is marked), never as the date; the archived page's own URL is read for
a date as any URL is.

Odd dates are kept and marked, never fatal: a given date that cannot be read, a given date the URL
contradicts (more than a few days apart), a date after the day of the run.

The other stages read dates here too, so that one reading of a month's name and a written date serves
all: a line that is only a date (:func:`is_date_line`, for titles), the calendar dates a text names
(:func:`calendar_dates`, for stories), a sentence opening on another month (:func:`opening_month`, for
claims of an earlier event), and a date's day number (:func:`day_number`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, NamedTuple, Optional

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
# full names and the abbreviations newsrooms use ("Sept.", "Jan"): the first three letters name the month
MONTH_PATTERN = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
YEAR_PATTERN = r"(?:19|20)\d\d"
# "4 March 2025", "March 4, 2025", "Mar. 4 2025", "04-Mar-2025", "2025-03-04"
_DATE = (r"(?:(?P<d1>\d{1,2})[ -](?P<m1>" + MONTH_PATTERN + r")[ ,-]\s*(?P<y1>" + YEAR_PATTERN + r")"
         r"|(?P<m2>" + MONTH_PATTERN + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>" + YEAR_PATTERN + r")"
         r"|(?P<iso>" + YEAR_PATTERN + r"-\d\d-\d\d)"
         r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>" + YEAR_PATTERN + r"))")  # 15.03.2025: dots put the day first
_DATE_RE = re.compile(r"\b" + _DATE + r"\b", re.IGNORECASE)
_LONG_DATE_RE = re.compile(  # the text source: month names written out, as the opening lines of a story write them
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>" + "|".join(MONTH_NAMES) + r")\s+(?P<y1>" + YEAR_PATTERN + r")"
    r"|(?P<m2>" + "|".join(MONTH_NAMES) + r")\s+(?P<d2>\d{1,2}),?\s+(?P<y2>" + YEAR_PATTERN + r")"
    r"|(?P<iso>" + YEAR_PATTERN + r"-\d\d-\d\d))\b", re.IGNORECASE)

CONTRADICTION_DAYS = 3  # a given date and the URL's this far apart are time zones and late edits, not a contradiction
HEAD_CHARS = 600         # where datelines, date lines and "Published" lines are looked for


class DatedArticle(NamedTuple):
    """What :func:`date_article` found: the date (or None), which source gave it, and any marks."""
    published: Optional[str]
    source: Optional[str]            # "given", "page metadata", "URL", "dateline", "published line", "text"
    issues: tuple[str, ...] = ()     # readable marks: a contradiction, a date in the future, an unreadable date


# how the report says where an inferred date came from ("given" dates need no word)
SOURCE_WORDS = {"page metadata": "from the page's metadata", "URL": "from the URL", "dateline": "from the dateline",
                "published line": "from a “Published” line", "text": "from the text"}


def date_note(source: Optional[str]) -> Optional[str]:
    """'from the URL' for a date the URL gave; None for a given date (or none)."""
    return SOURCE_WORDS.get(source or "", None if source in (None, "given") else f"from {source}")


def is_date(value: Optional[str]) -> bool:
    """A full (``YYYY-MM-DD``) or month-only (``YYYY-MM``) ISO date: both are valid HTML ``datetime`` values."""
    return bool(value and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value))


# ---- reading one date -----------------------------------------------------------------
def full_date(year: int, month: int, day: int) -> Optional[str]:
    """An ISO date, or None when the three numbers are no date (month 13, 31 April)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(name: str) -> int:
    """1-12 for a month's name or newsroom abbreviation ("March", "Mar.", "Sept")."""
    return next(i for i, m in enumerate(MONTH_NAMES, 1) if m.startswith(name.rstrip(".").lower()[:3]))


def _from_match(m: re.Match) -> Optional[str]:
    if m.group("iso"):
        y, mo, d = m.group("iso").split("-")
        return full_date(int(y), int(mo), int(d))
    if m.groupdict().get("d3"):
        return full_date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    if m.group("d1"):
        return full_date(int(m.group("y1")), month_number(m.group("m1")), int(m.group("d1")))
    return full_date(int(m.group("y2")), month_number(m.group("m2")), int(m.group("d2")))


def read_date(value: Optional[str]) -> Optional[str]:
    """A date as people and feeds write it -> ISO (``YYYY-MM-DD``, or ``YYYY-MM`` as given), else None.

    '2025-03-15', '2025-03-15T10:00Z', '2025/03/15', '15 March 2025', 'March 15, 2025', 'Mar. 15 2025'.
    A numeric day/month order ('03/04/2025') is ambiguous and is not read."""
    value = (value or "").strip()
    m = re.fullmatch(r"(" + YEAR_PATTERN + r")[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?", value)
    if m:
        return full_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(" + YEAR_PATTERN + r")-(\d\d)", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return value
    m = _DATE_RE.fullmatch(value)
    return _from_match(m) if m else None


# ---- dates in running text, for the other stages ---------------------------------------
def day_number(value: Optional[str]) -> Optional[int]:
    """Days since 0001-01-01 of a full ISO date (its first 10 characters: a time may follow), or None
    (no date, or only a month)."""
    try:
        return date.fromisoformat((value or "")[:10]).toordinal()
    except ValueError:
        return None


def day_number_of(year: int, month: int, day: int) -> Optional[int]:
    """The day number (as :func:`day_number`) of a date, or None when the three numbers are no date (31 April)."""
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        return None


def month_day_numbers(year: int, month: int) -> tuple[int, int]:
    """The day numbers of a month's first and last days."""
    first = date(year, month, 1)
    return first.toordinal(), (first + timedelta(days=32)).replace(day=1).toordinal() - 1


def year_and_month(value: Optional[str]) -> Optional[tuple[int, int]]:
    """(year, month) of a full or month-only ISO date, or None."""
    if not value or not re.match(r"\d{4}-\d\d", value):
        return None
    return int(value[:4]), int(value[5:7])


def year_of(value: Optional[str]) -> Optional[int]:
    """The year an ISO date (or a bare year) opens with, or None."""
    return int(value[:4]) if value and re.match(r"\d{4}", value) else None


# "14 July", "14th of July", "July 14", "Jan. 12, 2010", "4 August 2020": a day and a month's name, with
# the year when one follows. Case matters: "may 5" is no date.
_CALENDAR_DATE = re.compile(r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + MONTH_PATTERN + r")"
                            r"|(?P<m2>" + MONTH_PATTERN + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\b"
                            r"(?:,?\s+(?P<y>" + YEAR_PATTERN + r")\b)?")


def calendar_dates(text: str) -> list[tuple[Optional[int], int, int]]:
    """(year or None, month, day) of every calendar date written out in ``text``, in order."""
    out = []
    for m in _CALENDAR_DATE.finditer(text):
        day = int(m["d1"] or m["d2"])
        if 1 <= day <= 31:
            out.append((int(m["y"]) if m["y"] else None, month_number(m["m1"] or m["m2"]), day))
    return out


# "January 2010", "Sept. of 2024": a month and a year with no day before it ("12 January 2010" is a
# calendar date); the day, when there is one, is matched so that the month is passed over
_CALENDAR_MONTH = re.compile(r"(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?\b(?P<m>" + MONTH_PATTERN + r")\s+(?:of\s+)?"
                             r"(?P<y>" + YEAR_PATTERN + r")\b")


def calendar_months(text: str) -> list[tuple[int, int]]:
    """(year, month) of every month named with its year but no day in ``text`` ("the January 2010
    earthquake"), in order."""
    return [(int(m["y"]), month_number(m["m"])) for m in _CALENDAR_MONTH.finditer(text) if not m["day"]]


def years_named(text: str) -> set[int]:
    """Every year (1900-2099) written in ``text``: "the 2010 quake", "since 1998"."""
    return {int(y) for y in re.findall(r"\b(" + YEAR_PATTERN + r")\b", text)}


# words a line that only gives a date or a time is made of: months, weekdays, "Updated", "Last",
# "Published", "Posted", time zones, ordinal endings (compared by their first three letters)
_DATE_LINE_WORDS = {m[:3] for m in MONTH_NAMES} | {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "upd", "las", "pub", "pos", "gmt", "utc", "am", "pm",
    "st", "nd", "rd", "th", "on", "at", "sep"}


def is_date_line(line: str) -> bool:
    """A line that only gives a date or time ("14 Jun 2017", "Posted: Tue, May 3, 2016 10:12 am")."""
    words = re.findall(r"[A-Za-z]+", line)
    return any(c.isdigit() for c in line) and all(w.lower()[:3] in _DATE_LINE_WORDS for w in words)


# "In December, ...", "Back in March 2015, ...", "Last June, ...": a sentence that opens on a month
_OPENING_MONTH = re.compile(r"^\W*(?:(?:back|earlier|later)\s+)?(?:in|last|during|this\s+past)\s+(?P<month>"
                            + "|".join(MONTH_NAMES) + r")(?:\s+(?P<year>" + YEAR_PATTERN + r"))?\s*,", re.IGNORECASE)


def opening_month(sentence: str) -> Optional[tuple[int, Optional[int]]]:
    """(month, year or None) of the month a sentence opens on ("In December, a car ..."), else None."""
    m = _OPENING_MONTH.match(sentence)
    if not m:
        return None
    return MONTH_NAMES.index(m.group("month").lower()) + 1, int(m.group("year")) if m.group("year") else None


def years_set_in(text: str) -> list[int]:
    """The years a text sets something in: "... his best friend in 2013" -> [2013]."""
    return [int(y) for y in re.findall(r"\bin\s+(" + YEAR_PATTERN + r")\b", text)]


# ---- the sources ----------------------------------------------------------------------
_ARCHIVE_RE = re.compile(r"^(?:https?://)?[^/]*archive[^/]*/(?:web/)?(?P<stamp>(?:19|20)\d{12})[a-z_]*/(?P<inner>.*)$",
                         re.IGNORECASE)
_URL_FULL_RES = (
    re.compile(r"/(?P<y>" + YEAR_PATTERN + r")/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_.])"),         # /2025/03/15/
    re.compile(r"/(?P<y>" + YEAR_PATTERN + r")/(?P<mon>[a-z]{3,9})/(?P<d>\d{1,2})(?:/|$)", re.IGNORECASE),  # /2025/mar/15/
    re.compile(r"(?<![\d])(?P<y>" + YEAR_PATTERN + r")-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])"),            # /2025-03-15-slug
    re.compile(r"/(?P<y>" + YEAR_PATTERN + r")(?P<m>\d\d)/(?P<d>\d\d)(?:/|$)"),                     # /202503/15/
    re.compile(r"/(?P<d>\d{1,2})[-.](?P<mon>[a-z]{3,9})[-.](?P<y>" + YEAR_PATTERN + r")(?:/|$)", re.IGNORECASE),  # /15-Mar-2025/
    re.compile(r"/(?P<d>\d\d)\.(?P<m>\d\d)\.(?P<y>" + YEAR_PATTERN + r")(?:/|$)"),                  # /15.03.2025/
    # /20250315/, -20250315-, /202503150124.html: eight digits that make a date, opening their run of digits
    re.compile(r"(?<![\d])(?P<y>" + YEAR_PATTERN + r")(?P<m>\d\d)(?P<d>\d\d)(?:\d{0,6})(?![\d])"),
)
_URL_MONTH_RE = re.compile(r"/(?P<y>" + YEAR_PATTERN + r")/(?P<m>\d{1,2}|[a-z]{3,9})(?:/|$)", re.IGNORECASE)  # /2025/03/slug


def split_archive_url(url: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """An archive capture URL -> (the capture's date, the archived page's own URL); else (None, url)."""
    m = _ARCHIVE_RE.match((url or "").strip())
    if not m:
        return None, url
    stamp = m.group("stamp")
    return full_date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])), m.group("inner") or None


def date_from_url(url: Optional[str]) -> Optional[str]:
    """The date in a URL's path: a full date, or ``YYYY-MM`` when the path names only the month.
    An archive capture's own timestamp is not the page's date (see :func:`split_archive_url`)."""
    _, url = split_archive_url(url)
    if not url:
        return None
    # the path only: a host's digits are no date, and a query's ids ("?event=EQ-20250315-7") name things,
    # often an event, not the day the page appeared
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE).split("?")[0].split("#")[0]
    for rx in _URL_FULL_RES:
        for m in rx.finditer(path):
            if "mon" in rx.groupindex and m.group("mon") and not _is_month_name(m.group("mon")):
                continue  # "/2025/news/15/": a word where a month would be is no month
            month = month_number(m.group("mon")) if "mon" in rx.groupindex and m.group("mon") else int(m.group("m"))
            found = full_date(int(m.group("y")), month, int(m.group("d")))
            if found:
                return found
    for m in _URL_MONTH_RE.finditer(path):
        word = m.group("m")
        month = int(word) if word.isdigit() else (month_number(word) if _is_month_name(word) else 0)
        if 1 <= month <= 12:
            return f"{m.group('y')}-{month:02d}"
    return None


def _is_month_name(word: str) -> bool:
    word = word.lower()
    return any(m == word or (len(word) >= 3 and m.startswith(word)) for m in MONTH_NAMES)


# "TARSK, March 4 (Reuters) -", "TARSK, Ruritania, Mar. 4, 2025 —", "March 4 (UPI) --": place, date, then a
# credit or dash
_DATELINE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:[A-Z][A-Za-z'.-]*(?:[ /][A-Z][A-Za-z'.-]*)*,\s+(?:[A-Z][A-Za-z. ]{1,30},\s+)?)?"
    r"(?P<m>" + MONTH_PATTERN + r")\s+(?P<d>\d{1,2})(?:,?\s+(?P<y>" + YEAR_PATTERN + r"))?\s*(?:\([^)\n]{2,40}\)\s*)?[-—–]")
# a line that holds only a date and perhaps a time: "March 4, 2025", "4 March 2025 | 10:31 am"
_DATE_LINE_RE = re.compile(r"^[ \t]*" + _DATE + r"(?:[\s,/|·-]*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
                           r"[ \t]*$", re.IGNORECASE | re.MULTILINE)

# a forum repost shows the poster's rank and the day they joined ("Senior Member" / "Mar 2, 2010"): not the
# article's date
_FORUM_PROFILE_RE = re.compile(r"\b(?:member|joined|registered|moderator|posts)\b", re.IGNORECASE)


def date_from_dateline(text: str, month_hint: Optional[str] = None) -> Optional[str]:
    """The date of a dateline at the head of the story, or of a line near the top that is only a date.

    A dateline without a year ("TARSK, March 4 (Reuters) -") is dated only with ``month_hint``
    (``YYYY-MM``, from the URL) and only when it names that month."""
    head = text[:HEAD_CHARS]
    for m in _DATE_LINE_RE.finditer(head):
        if not _FORUM_PROFILE_RE.search(head[:m.start()].rstrip().rpartition("\n")[2]):
            return _from_match(m)
    m = _DATELINE_RE.search(head)
    if not m:
        return None
    month, day = month_number(m.group("m")), int(m.group("d"))
    if m.group("y"):
        return full_date(int(m.group("y")), month, day)
    if month_hint and len(month_hint) == 7 and int(month_hint[5:]) == month:
        return full_date(int(month_hint[:4]), month, day)
    return None


_STAMP_RE = re.compile(r"(?P<word>\bfirst published|\bpublished|\blast updated|\bupdated|\bposted)\b[^\S\n]*(?:on|at)?:?"
                       r"[^\n]{0,30}?" + r"\b" + _DATE, re.IGNORECASE)


def date_from_published_line(text: str) -> Optional[str]:
    """The date of a "Published …" line near the top, else of an "Updated …"/"Posted …" one: the day the
    article first appeared is what orders it among the others."""
    found = {}
    for m in _STAMP_RE.finditer(text[:HEAD_CHARS]):
        d = _from_match(m)
        if d:
            found.setdefault("published" in m.group("word").lower(), d)
    return found.get(True) or found.get(False)


_EVENT_BEFORE = re.compile(r"(?:\b(?:on|the|from|since|of|until|before|after|yesterday|last)\W*|\()$", re.IGNORECASE)
_EVENT_AFTER = re.compile(r",?\)?\s+(?!(?:at|by)\b)[a-z]{2,}")


def reads_as_event_date(head: str, start: int, end: int) -> bool:
    """Whether a date in running text is set inside a sentence about what happened ("killed on 4 March
    2025", "the 4 March 2025 election", "a photo from 4 March 2025 shows"): the event's day, not the
    article's."""
    return bool(_EVENT_BEFORE.search(head[max(0, start - 12):start]) or _EVENT_AFTER.match(head, end))


def date_from_text(text: str) -> Optional[str]:
    """The first full date, month written out, in the opening lines that does not read as the date of an
    event (a byline's "Friday 4 April 2025 10:31", not "killed on 4 April 2025"): often the article's
    date, sometimes still the event's, so it is the last source tried."""
    head = text[:300]
    for m in _LONG_DATE_RE.finditer(head):
        if not reads_as_event_date(head, m.start(), m.end()):
            return _from_match(m)
    return None


# ---- comparing ------------------------------------------------------------------------
def date_order(a: Optional[str], b: Optional[str]) -> int:
    """1 when ``a`` is later than ``b``, -1 when earlier, 0 when they cannot be ordered (a date is
    missing, or they agree at the precision both have: ``2025-03`` and ``2025-03-20``)."""
    if not a or not b:
        return 0
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _span(value: str) -> tuple[date, date]:
    """The first and last day a full or partial ISO date may mean."""
    if len(value) == 7:
        first, last = month_day_numbers(int(value[:4]), int(value[5:]))
        return date.fromordinal(first), date.fromordinal(last)
    d = date.fromisoformat(value)
    return d, d


def days_apart(a: str, b: str) -> int:
    """Days between two dates (0 when a partial one may be the other)."""
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return max((b0 - a1).days, (a0 - b1).days, 0)


def _within(value: str, month: Optional[str]) -> bool:
    """Whether a full date may refine a partial one (same month), or there is no partial one."""
    return not month or len(month) != 7 or value[:7] == month


# ---- the cascade ----------------------------------------------------------------------
TextSource = Callable[[str, Optional[str]], Optional[str]]
# sources read from the article's text, in order of trust; each takes the text and the URL's date
TEXT_SOURCES: tuple[tuple[str, TextSource], ...] = (
    ("dateline", date_from_dateline),
    ("published line", lambda text, _: date_from_published_line(text)),
    ("text", lambda text, _: date_from_text(text)),
)


def date_article(text: str, url: Optional[str] = None, given: Optional[str] = None,
                 given_source: str = "given", today: Optional[date] = None) -> DatedArticle:
    """The article's date from the first source that has one, with the source's name and any marks."""
    today = today or date.today()
    issues = []
    archived, _ = split_archive_url(url)
    from_url = date_from_url(url)
    published, source = read_date(given), given_source
    if given and given.strip() and not published:
        issues.append(f"the {given_source} date could not be read")
    if published and from_url and days_apart(published, from_url) > CONTRADICTION_DAYS:
        issues.append(f"the URL says {from_url}")
    if not published and from_url:
        published, source = from_url, "URL"
    if not published or len(published) == 7:
        for name, find in TEXT_SOURCES:
            found = find(text, published)
            if found and _within(found, published) and not (archived and found > archived):
                published, source = found, name
                break
    if not published:
        return DatedArticle(None, None, tuple(issues))
    if archived and date_order(published, archived) > 0:
        issues.append(f"later than the page's archive capture of {archived}")
    if date_order(published, (today + timedelta(days=1)).isoformat()) > 0:
        issues.append("in the future")
    return DatedArticle(published, source, tuple(issues))
