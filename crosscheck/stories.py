"""Stories: cluster a mixed corpus into events, so that claims are only compared within one.

:func:`assign_stories` returns the articles, in the same order, each with ``story`` set.

Method
------
1. **Clean text.** Pages carry furniture: banners, newsletter prompts, copyright lines, lists of
   other stories. A short line found under ``boilerplate_min_docs`` different titles (or under two
   titles from one source) is dropped; lines are compared by their lower-case words, so templates
   that differ only in a name ("Get email notifications on Jane Roe daily!") count as one line.
   Lines that are not prose (no final full stop and under 15 words: headings, captions, related-story
   links) are dropped too, and so are title segments shared by many titles (outlet names).
2. **What an article is about**: its cleaned title plus the first ``lead_chars`` characters of
   what remains. A page left with under ``junk_chars`` of body (a sign-in wall, a list of other
   stories, a tweet) is also compared by title with every other title, at ``junk_title_weight`` times
   that similarity, and the higher of the two similarities counts.
3. **Similarity** = ``(1 - entity_weight) * words + entity_weight * names``, each a cosine of
   sublinear term counts weighted by :func:`term_weights`: IDF over the input read beside
   ``PRIOR_DOCS`` ordinary English articles whose word use comes from wordfreq. A small folder is
   weighed by general English (common words nothing, the event's place and nouns much), so five
   reports of one explosion stay one story; in a large corpus the input's own counts take over (a
   city named in hundreds of its articles singles nothing out). *words*: lower-cased words without
   English stop words. *names*: proper nouns (words the input capitalises mid-sentence: places,
   people, streets, days), figures (ages, "100 block", counts, house numbers) and calendar dates
   ("@07-14"). Cosines are shrunk for short texts by a fixed pad (``pad``), since a headline-only
   page that names a city and nothing else is not evidence of anything.
4. **Time.** A city has many incidents of one kind: time is what tells them apart. Articles
   more than ``window_days`` apart have their similarity multiplied by
   ``(window_days / gap) ** time_decay``; a trial report months later must be correspondingly closer
   in words and names. The distance is between the days the articles are about: the publication
   day and the dates each names (:func:`event_days`), so a report years later that names the
   attack's day is as near it as the first reports. So is one whose headline or opening sentence
   names the event's month ("the January 2010 earthquake"), or its year while the day is named
   without one ("the 2010 quake" ... "the January 12 quake", on an anniversary); a report of a new
   event that recalls an old one further down is not brought near it. Undated articles are never kept
   apart for their date.
5. **Clustering**: average-linkage agglomerative clustering (scipy) on ``1 - similarity``, cut at
   ``1 - threshold``: two groups join when their articles are, on average, at least ``threshold``
   similar. Unlike connected components, one article that resembles two events does not chain them.
   It runs within the connected components of the graph "similarity >= threshold" (average linkage
   cannot join across them), so memory follows the components, not the square of the input.

Stories given in the input win: articles that arrive with the same ``story`` end up together under
that id, articles with different given stories are never merged, and an article without one joins a
given story when similar enough (it then takes that id). Reviewers' merges and splits arrive the
same way, as given stories (crosscheck.story_choices, applied by crosscheck.api.split_stories).

Ids
---
A new story's id is ``s`` + the first 10 hex digits of sha1 of the id of its *earliest* member (by
publication date, undated last, then by article id). It depends on the members only, so it does not
change when unrelated articles are added, nor when later reports of the same event are. (The
input's counts enter the weights as it grows, so adding many articles can move one that sits right
at the threshold; the id of a story whose members are unchanged never moves.)

:func:`describe_stories` says why: the terms most of a story's articles share ("beirut, port,
explosion, 4 August"), and which articles sit alone; the report shows it (JSON ``stories``).

Speed: the 1,943 articles of gva-dev take about 2-3 s on one core (plus about 0.3 s to import
scipy and load the word list, done on first use); see benchmarks/stories.py.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date
from typing import Optional, Sequence

from .dates import calendar_dates, calendar_months, day_number, day_number_of, month_day_numbers, years_named
from .models import Article

# Defaults, tuned on the even-numbered incidents of gva-dev and checked on the odd ones and on
# news-dev (benchmarks/stories.py); gva's F1 is flat within about +-0.01 for threshold 0.09-0.11,
# entity weight 0.4-0.6, pad 2-9, prior 100-300, so they are not fitted to the last digit.
THRESHOLD = 0.105         # average similarity at which two groups of articles are one story
WINDOW_DAYS = 2           # articles published further apart than this ...
TIME_DECAY = 0.2          # ... have their similarity multiplied by (window / gap) ** TIME_DECAY
LEAD_CHARS = 8000         # characters of body prose (after boilerplate) compared; most articles are shorter
ENTITY_WEIGHT = 0.4       # share of the similarity that comes from names, places and figures
PAD = 3.5                 # how much short texts' similarities are pulled down (see _shrunk)
BOILERPLATE_MIN_DOCS = 3  # a short line seen under this many different titles is boilerplate
BOILERPLATE_MAX_WORDS = 30  # longer lines are content even when repeated (wire copies)
PROPER_RATIO = 0.8        # a word capitalised this often mid-sentence is a name
JUNK_CHARS = 200          # a page with less body prose than this (after boilerplate) is judged by its title ...
JUNK_TITLE_WEIGHT = 0.5   # ... whose similarity to other titles counts this much (a headline is weak evidence)


def assign_stories(articles: Sequence[Article], *, threshold: float = THRESHOLD,
                   window_days: Optional[float] = WINDOW_DAYS, time_decay: float = TIME_DECAY,
                   lead_chars: int = LEAD_CHARS, entity_weight: float = ENTITY_WEIGHT,
                   boilerplate_min_docs: int = BOILERPLATE_MIN_DOCS, pad: float = PAD,
                   junk_chars: int = JUNK_CHARS, junk_title_weight: float = JUNK_TITLE_WEIGHT) -> list[Article]:
    """The articles, in the same order, each with ``story`` set to the id of its event.

    ``threshold``: average similarity (0-1) at which articles are one story; higher splits more.
    ``window_days``, ``time_decay``: the similarity of articles published more than ``window_days``
    apart is multiplied by ``(window_days / gap) ** time_decay`` (``time_decay=0`` or
    ``window_days=None``: no discount), so the further apart, the more alike they must be.
    ``lead_chars``: how much of each body's prose, after the title, is compared.
    ``entity_weight``: share (0-1) of the similarity given to shared names, places and figures.
    ``boilerplate_min_docs``: a short line (or title segment) found under this many different titles
    is dropped as boilerplate.
    ``pad``: how much the similarities of short texts are pulled down (0: plain cosine).
    ``junk_chars``, ``junk_title_weight``: a page with less body prose than ``junk_chars`` is also
    compared by title, at ``junk_title_weight`` times the titles' similarity (0: never).
    An article whose ``story`` is already set keeps it; others may join it (see the module docstring).
    """
    articles = list(articles)
    if not articles:
        return []
    sites, leads, proper = compared_texts(articles, boilerplate_min_docs, lead_chars)
    vectors = similarity_vectors(leads, entity_weight, proper, pad)
    titles = title_vectors(articles, leads, sites, junk_chars, junk_title_weight, entity_weight, proper, pad)
    days = [event_days(a) for a in articles]
    given = [a.story for a in articles]
    labels = [-1] * len(articles)
    next_label = 0
    for component in candidate_components(vectors, days, threshold, window_days, time_decay, titles):
        sim = pair_similarity(vectors[component], titles and tuple(t[component] for t in titles)).toarray()
        sim *= time_factor([days[i] for i in component], window_days, time_decay, sim, threshold / 2)
        local = average_linkage(sim, threshold, [given[i] for i in component])
        for i, lab in zip(component, local):
            labels[i] = next_label + lab  # labels are only grouping keys; ids come from members
        next_label += max(local) + 1
    return with_story_ids(articles, labels)


def compared_texts(articles: list[Article], boilerplate_min_docs: int = BOILERPLATE_MIN_DOCS,
                   lead_chars: int = LEAD_CHARS) -> tuple[frozenset[str], list[str], frozenset[str]]:
    """(outlet-name title segments, each article's :func:`lead_text`, the input's proper nouns):
    what is compared, once boilerplate and furniture are gone."""
    sites = site_names(articles, boilerplate_min_docs)
    keyed = [keyed_lines(a.text) for a in articles]
    boiler = boilerplate_lines(articles, boilerplate_min_docs, sites, keyed=keyed)
    leads = [lead_text(a, boiler, sites, lead_chars, lines) for a, lines in zip(articles, keyed)]
    return sites, leads, proper_nouns(articles)


# ---------------------------------------------------------------- text

_NON_WORD = re.compile(r"\W+")


def _norm_line(line: str) -> str:
    """Words only, lower case: how titles and their segments are compared (punctuation varies by site)."""
    return _NON_WORD.sub(" ", line).strip().lower()


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def line_key(line: str) -> str:
    """A line's identity for boilerplate counting.

    Site templates differ only in names and numbers ("Get email notifications on Jane Doe daily!"),
    so a line with at least three lower-case words is known by those words alone; a shorter one
    ("Advertisement", "Copyright 2016 WXYZ") by all its words, lower-cased.
    """
    words = _WORD.findall(line)
    lower = [w for w in words if w[0].islower()]
    return " ".join(lower) if len(lower) >= 3 else " ".join(words).lower()


def keyed_lines(text: str) -> list[tuple[str, str]]:
    """The non-blank lines of ``text`` with their :func:`line_key` (computed once, used twice)."""
    return [(line, line_key(line)) for line in text.splitlines() if line.strip()]


def boilerplate_lines(articles: Sequence[Article], min_docs: int, sites: frozenset[str] = frozenset(),
                      max_words: int = BOILERPLATE_MAX_WORDS, keyed: Optional[list] = None) -> frozenset[str]:
    """Keys (:func:`line_key`) of the short lines that are a site's furniture, not news.

    A line is furniture when it appears under ``min_docs`` different titles, or under two different
    titles from one source (a site prints its banners on every page; two of its pages are enough).
    Counting titles, not articles, keeps what copies of one wire story share (they carry the same
    headline): that is evidence they are one story. Long lines are exempt for the same reason:
    follow-ups of one event repeat its background paragraph.
    """
    titles: dict[str, set[str]] = {}
    by_source: dict[tuple[str, str], set[str]] = {}
    for a, lines in zip(articles, keyed or [keyed_lines(a.text) for a in articles]):
        title = _norm_line(clean_title(a.title, sites)) or a.id  # untitled articles count apart
        for key in {key for line, key in lines if len(line.split()) <= max_words}:
            if key:
                titles.setdefault(key, set()).add(title)
                if a.source:
                    by_source.setdefault((a.source, key), set()).add(title)
    found = {key for key, ts in titles.items() if len(ts) >= min_docs}
    found.update(key for (_, key), ts in by_source.items() if len(ts) >= 2)
    return frozenset(found)


# What separates a headline from the outlet's name: "Man shot downtown - WXYZ News | City".
_TITLE_SEP = re.compile(r"\s+[-|·–—:]\s+")


def _segment_key(segment: str) -> str:
    """A title segment's identity: its first three words (sites cut long titles at varying lengths,
    "KSLA News 12 Shreveport, Louisi...", so the start of the outlet's name is what recurs)."""
    return " ".join(_norm_line(segment).split()[:3])


def site_names(articles: Sequence[Article], min_docs: int) -> frozenset[str]:
    """Keys of the title segments after the first that recur in at least ``min_docs`` titles.

    "Man shot downtown - WXYZ News | City": headlines of different events from one outlet share its
    name, which would make them look alike. The first segment is the headline itself.
    """
    counts: Counter[str] = Counter()
    for a in articles:
        counts.update({_segment_key(seg) for seg in _TITLE_SEP.split(a.title or "")[1:]})
    return frozenset(seg for seg, c in counts.items() if c >= min_docs and seg)


def clean_title(title: Optional[str], sites: frozenset[str]) -> str:
    """The title without its outlet-name segments."""
    segments = _TITLE_SEP.split(title or "")
    return " - ".join(segments[:1] + [seg for seg in segments[1:] if _segment_key(seg) not in sites])


# The end of a sentence, possibly inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
PROSE_MIN_WORDS = 15  # a line this long is prose even without a final full stop


def is_prose(line: str) -> bool:
    """Whether a line reads as running text, not a heading, caption, menu item or related-story link.

    Pages list other stories' headlines ("1:22 Sister shares family's grief") around the article;
    they are short and end without a full stop, and they would make unrelated articles look alike.
    """
    line = line.strip()
    return bool(_SENTENCE_END.search(line)) or len(line.split()) >= PROSE_MIN_WORDS


def lead_text(article: Article, boilerplate: frozenset[str], sites: frozenset[str], lead_chars: int,
              lines: Optional[list[tuple[str, str]]] = None) -> str:
    """Cleaned title plus the first ``lead_chars`` characters of the body's prose lines that are not
    boilerplate (``lines``: the body's :func:`keyed_lines`, when already computed)."""
    body, size = [], 0
    for line, key in lines if lines is not None else keyed_lines(article.text):
        if key in boilerplate or not is_prose(line):
            continue
        body.append(line)
        size += len(line)
        if size >= lead_chars:
            break
    return clean_title(article.title, sites) + "\n" + "\n".join(body)[:lead_chars]


# A capitalised word not at the start of a line or sentence: there, capitals mark a name.
_MID_SENTENCE_WORD = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b[A-Za-z][a-z'’]+", re.M)


def proper_nouns(articles: Sequence[Article], ratio: float = PROPER_RATIO) -> frozenset[str]:
    """Lower-cased words capitalised in at least ``ratio`` of their mid-sentence uses in the bodies.

    Headlines capitalise every word and sentences their first one, so capitals alone would make
    "Shooting" or "Police" names; how the corpus writes the word mid-sentence tells places and
    people ("Gresham", "Navarro", "Saturday") from ordinary words.
    """
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for a in articles:
        for word, n in Counter(_MID_SENTENCE_WORD.findall(a.text)).items():  # count first: fewer loops
            (capital if word[0].isupper() else lower)[word.lower().replace("’", "'")] += n
    return frozenset(w for w, c in capital.items() if c >= ratio * (c + lower[w]))


# Candidate names (capitalised words) and figures: ages ("15-year-old"), address blocks ("100 block"),
# counts and house numbers. Figures single out an incident as well as names do: two shootings in one
# city a week apart rarely share the victims' ages and the block.
_NAME_OR_FIGURE = re.compile(r"\b[A-Z][A-Za-z'’.-]*[A-Za-z]|\b\d[\d,]*(?:-year-old| block)?")


def names_and_figures(text: str, proper: frozenset[str]) -> list[str]:
    """The proper nouns (see :func:`proper_nouns`), figures and dates ("@07-14", year left out: a
    report a year on names the day as the first reports did) of ``text``, lower-cased."""
    out = [f"@{month:02d}-{day:02d}" for _, month, day in calendar_dates(text)]
    for token in _NAME_OR_FIGURE.findall(text):
        if token[0].isdigit():
            out.append("#" + token.replace(",", ""))  # kept apart from words of the same spelling
        elif (word := token.lower().replace("’", "'").rstrip(".")) in proper:
            out.append(word)
    return out


def similarity_vectors(leads: list[str], entity_weight: float, proper: frozenset[str] = frozenset(),
                       pad: float = PAD):
    """Sparse vectors whose dot products are the combined similarity.

    ``(1 - w) * cos(words) + w * cos(names)``: each part weighs a term by how rare it is in English
    at large (:func:`background_weight`), not in the input, so the similarity of two articles is
    the same whatever else is in the folder. Each part is scaled by the square root of its weight,
    so that stacking the parts adds the two similarities. ``pad``: see :func:`_shrunk`.
    """
    from scipy.sparse import csr_matrix, hstack
    words = _weighted_terms(leads, stop_words="english")
    names = _weighted_terms(leads, names=True, analyzer=lambda text: names_and_figures(text, proper))
    parts = [_shrunk(m, pad) * w ** 0.5
             for m, w in ((words, 1 - entity_weight), (names, entity_weight)) if m is not None and w > 0]
    return hstack(parts).tocsr() if parts else csr_matrix((len(leads), 1))


def title_vectors(articles: Sequence[Article], leads: list[str], sites: frozenset[str], junk_chars: int,
                  title_weight: float, entity_weight: float, proper: frozenset[str], pad: float):
    """``(all, junk)``: vectors of every cleaned title, and the same with only the rows of junk pages
    kept (less than ``junk_chars`` of body prose) and scaled by ``title_weight``; None when no page is
    junk (or ``title_weight`` is 0).

    A page whose body is all furniture (a sign-in wall, a list of other stories) is compared by its
    lead, which is its title alone, against other pages' whole leads: the cosine is small however well
    the titles match, and the page is left out of its story. Against other titles, it is on equal terms.
    Headlines of different shootings in one city read alike, though ("Man killed in Shreveport
    shooting"), so a title match counts for less than a body match (``title_weight``; at 0.8 and above,
    wrong merges outnumber the pages recovered on gva-dev).
    """
    import numpy as np
    from scipy.sparse import diags
    junk = np.array([len(lead) - len(lead.split("\n", 1)[0]) - 1 < junk_chars for lead in leads], dtype=float)
    if not junk.any() or title_weight <= 0:
        return None
    tv = similarity_vectors([clean_title(a.title, sites) for a in articles], entity_weight, proper, pad)
    return tv, diags(junk * title_weight) @ tv


def pair_similarity(rows, titles, cols=None, col_titles=None):
    """Similarities of ``rows`` with ``cols`` (default: ``rows``): the dot product of their vectors or,
    for a pair with a junk page (see :func:`title_vectors`), of their titles when that is higher."""
    cols = rows if cols is None else cols
    sim = rows @ cols.T
    if titles is not None:
        t_all, t_junk = titles
        c_all, c_junk = (t_all, t_junk) if col_titles is None else col_titles
        sim = sim.maximum(t_junk @ c_all.T).maximum(t_all @ c_junk.T)
    return sim


def _shrunk(matrix, pad: float):
    """Rows divided by ``sqrt(norm ** 2 + pad ** 2)``.

    Plain cosine gives a headline-only page ("Atlanta news: 3 dead") a similarity of 1 with any other
    page that names only Atlanta: little text is little evidence. The padding is what a private,
    unshared term of weight ``pad`` would add: it barely changes long texts and pulls short ones down.
    It is a fixed amount, so a pair's similarity does not depend on the rest of the input.
    """
    import numpy as np
    from scipy.sparse import diags
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, np.sqrt(norms ** 2 + pad ** 2), out=np.zeros_like(norms), where=norms > 0)
    return diags(scale) @ matrix


PRIOR_DOCS = 300.0  # the input is read as if beside this many ordinary English articles (see term_weights)
ARTICLE_TOKENS = 500  # words in an ordinary article, to turn a word's frequency into a share of articles
NAME_ZIPF = 4.0      # a name ("Nice", "Reading") weighs at least as a word this rare: its use as a name is
#                    rarer than the English word's (wordfreq does not tell "nice" from "Nice")
RARE_ZIPF = 1.0       # words unknown to the background list (most names) count as this rare (Zipf scale)


def _background() -> dict[str, float]:
    """Word -> frequency in general English (wordfreq's "small" list, ~29,000 words), loaded once."""
    global _BACKGROUND
    if _BACKGROUND is None:
        from wordfreq import get_frequency_dict
        _BACKGROUND = get_frequency_dict("en", wordlist="small")
    return _BACKGROUND


_BACKGROUND: Optional[dict[str, float]] = None
_FIGURE_DIGITS = re.compile(r"\d+")


def background_share(term: str, name: bool = False) -> float:
    """The share of ordinary English articles that use ``term``, from its frequency in general
    English (wordfreq): ``1 - exp(-frequency * ARTICLE_TOKENS)``. "the": 1; "said": about 0.4;
    "explosion": about 0.03; a name the list does not know: about 5 in a million. Figures ("#15",
    "#100 block") count as their digits do in English text: small counts are common, house numbers rare.
    ``name``: the term was written as a name, so it is at most as common as a word of ``NAME_ZIPF``.
    """
    if term.startswith("#"):
        digits = "".join(_FIGURE_DIGITS.findall(term))
        freq = 10 ** (_figure_zipf(digits) - 9) if digits else 0.0
    else:
        freq = _background().get(term, 0.0)
        if name and NAME_ZIPF is not None and not term.startswith("@"):
            freq = min(freq, 10 ** (NAME_ZIPF - 9))
    freq = max(freq, 10 ** (RARE_ZIPF - 9))
    return 1.0 - math.exp(-freq * ARTICLE_TOKENS)


@lru_cache(maxsize=65536)
def _figure_zipf(digits: str) -> float:
    from wordfreq import zipf_frequency
    return zipf_frequency(digits, "en", wordlist="small")


def term_weights(terms, df, n: int, prior_docs: Optional[float] = None, names: bool = False):
    """IDF of each term over the input read beside ``prior_docs`` ordinary articles:
    ``ln((n + m) / (df + m * background_share))``.

    Plain input IDF fitted on a folder of five reports of one explosion gives "explosion" and the
    city, which all five use, the least weight of all, and nearly the same to "said" and "people":
    the reports fall apart. Against the background, common English words weigh nothing and the
    event's words much, whatever the folder's size. In a large corpus the input's own counts take
    over: a city named in hundreds of its articles no longer singles out one event.
    """
    import numpy as np
    m = PRIOR_DOCS if prior_docs is None else prior_docs
    share = np.array([background_share(t, names) for t in terms])
    return np.log((n + m) / (df + m * share))


def _weighted_terms(texts: list[str], names: bool = False, **options):
    """Rows of sublinear term counts times :func:`term_weights` (not normalised), or None when
    the texts have no usable term."""
    import numpy as np
    from scipy.sparse import diags
    from .terms import term_counts  # scikit-learn's CountVectorizer, without its second of imports
    counted = term_counts(texts, **options)
    if counted is None:  # empty vocabulary: every text empty or only stop words
        return None
    matrix, terms = counted
    matrix.data = 1.0 + np.log(matrix.data)
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    return matrix @ diags(term_weights(terms, df, len(texts), names=names))


# ---------------------------------------------------------------- graph and time

def candidate_components(vectors, days: list[Days], threshold: float, window_days: Optional[float],
                         time_decay: float, titles=None, block: int = 512) -> list[list[int]]:
    """Index lists of the connected components of the graph "time-discounted similarity >= threshold".

    Average linkage only merges groups with some pair at or above the threshold, so no story spans
    two components. Similarities are computed a block of rows at a time to bound memory.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    n = vectors.shape[0]
    rows, cols = [], []
    for start in range(0, n, block):
        part = titles and tuple(t[start:start + block] for t in titles)
        sims = pair_similarity(vectors[start:start + block], part, vectors, titles).tocoo()
        r = sims.row + start
        gaps = pair_gaps(days, r, sims.col, window_days, sims.data >= threshold)
        keep = sims.data * _discount(gaps, window_days, time_decay) >= threshold
        rows.append(r[keep])
        cols.append(sims.col[keep])
    rows_a, cols_a = np.concatenate(rows), np.concatenate(cols)
    graph = coo_matrix((np.ones(len(rows_a)), (rows_a, cols_a)), shape=(n, n))
    count, label = connected_components(graph, directed=False)
    comps: list[list[int]] = [[] for _ in range(count)]
    for i, c in enumerate(label):
        comps[c].append(i)
    return comps


MAX_EVENT_DAYS = 8  # dates an article names, besides its own, that can bring it near another in time

# What an article is about in time: day numbers (date.toordinal), or (first, last) day-number spans
# for a month named without its day.
Days = tuple


def event_days(article: Article) -> Days:
    """The days an article is about: its publication day first, then the dates it names, then the
    earlier months it names without a day (as (first, last) spans), then anniversaries (below).

    A date without a year is taken as its last occurrence on or before the publication day (news
    looks back: "on July 14"); without a publication day, only dates with a year count. A report
    published six years on that names the attack's date is then as near it in time as the first
    reports. A piece written months or a year on often names the event's day without its year and
    the year elsewhere ("the January 12 quake", "the 2010 earthquake", on an anniversary), or the
    month with its year ("the January 2010 earthquake"): a day without a year is also read in each
    earlier year the article names, and a month is the span of its days. Those years and months are
    read only in the title and the :func:`lede`, where a news story says which event it is about:
    a report of a new earthquake recalls the last one further down ("the deadliest since the April
    2016 quake"), and that does not make it a report of the old one. Empty when nothing is known.
    """
    published = day_number(article.published)
    found: list[int] = []
    anniversaries: list[int] = []
    opening = (article.title or "") + "\n" + lede(article.text)
    earlier_years = sorted(years_named(opening), reverse=True)
    for year, month, day in calendar_dates(article.text):
        # (the last day a date can hold: an article dated 31 December 9999 has no next day)
        candidates = [year] if year else ([] if published is None else
                                          [date.fromordinal(min(published + 1, date.max.toordinal())).year - k
                                           for k in (0, 1)])
        for y in candidates:
            ordinal = day_number_of(y, month, day)
            if ordinal is not None and (year or ordinal <= published + 1):
                found.append(ordinal)
                if not year:  # the same day in an earlier year the article names
                    anniversaries.extend(o for o in (day_number_of(e, month, day) for e in earlier_years if e < y)
                                         if o is not None)
                break
    # an undated article's named days stand in for its own; a month is too vague for that
    months = [] if published is None else [span for span in (month_day_numbers(y, m) for y, m in calendar_months(opening))
                                           if span[1] < published]
    head = [] if published is None else [published]
    named = sorted(set(found) - set(head)) + list(dict.fromkeys(months)) \
        + sorted(set(anniversaries) - set(found) - set(head))
    return tuple(head + named[:MAX_EVENT_DAYS])


# the end of a sentence: a stop before a space and a capital, a quote or a bracket ("Jan. 12" goes on)
_SENTENCE_STOP = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“(\[]?[A-Z])")


def lede(text: str) -> str:
    """The opening of a story: whatever precedes its first prose line (headline, dateline, date
    line) and that line's first sentence."""
    lines = text.lstrip().splitlines()
    for i, line in enumerate(lines):
        if is_prose(line):
            stop = _SENTENCE_STOP.search(line)
            return "\n".join(lines[:i] + [line[:stop.end()] if stop else line])
    return text


def _day_table(days: list[Days], width: int):
    """(first, last) day-number tables, one row per article and one column per day or span of
    :func:`event_days` (a day is a span of one), NaN where an article has fewer."""
    import numpy as np
    first = np.full((len(days), width), np.nan)
    last = np.full((len(days), width), np.nan)
    for i, d in enumerate(days):
        for j, item in enumerate(d[:width]):
            first[i, j], last[i, j] = item if isinstance(item, tuple) else (item, item)
    return first, last


def pair_gaps(days: list[Days], rows, cols, window_days: Optional[float], refine=None):
    """Days between the articles of each pair (``rows[k]``, ``cols[k]``): the smallest distance
    between any day (or span) one is about and any day the other is about (see :func:`event_days`);
    NaN when either has no day. Publication days are compared first, and named dates only for the
    pairs where those lie further apart than ``window_days`` (elsewhere they cannot change the
    discount) and, when ``refine`` (a boolean per pair) is given, only where it is true."""
    import numpy as np
    first, last = _day_table(days, 1 + MAX_EVENT_DAYS)
    gap = np.abs(first[rows, 0] - first[cols, 0])
    if window_days is None:
        return gap
    more = ~np.isnan(first[:, 1])
    todo = (gap > window_days) & (more[rows] | more[cols])
    if refine is not None:
        todo &= refine
    k = np.flatnonzero(todo)
    if len(k):
        # spans [a0, a1] and [b0, b1] are max(b0 - a1, a0 - b1, 0) days apart
        diff = np.maximum(np.maximum(first[cols[k], None, :] - last[rows[k], :, None],
                                     first[rows[k], :, None] - last[cols[k], None, :]), 0)
        diff = diff.reshape(len(k), -1)
        gap[k] = np.nanmin(np.where(np.isnan(diff), np.inf, diff), axis=1)
    return gap


def _discount(gap, window_days: Optional[float], time_decay: float):
    """``(window_days / gap) ** time_decay`` beyond the window, 1 within it or when a date is unknown.

    One city has many incidents of one kind, so place and kind do not single one out; time does. But
    a trial months later still reports the same event, so distance in time raises the bar smoothly
    (a year apart with the defaults: x0.35) instead of forbidding the match.
    """
    import numpy as np
    if window_days is None or time_decay <= 0:
        return np.ones_like(gap)
    window = max(window_days, 1e-9)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = (window / gap) ** time_decay
    return np.where(np.isnan(gap) | (gap <= window), 1.0, factor)


def time_factor(days: list[Days], window_days: Optional[float], time_decay: float, sim=None,
                least: float = 0.0):
    """The matrix of :func:`_discount` factors for every pair of ``days`` (see :func:`pair_gaps`);
    named dates are only looked at for pairs whose similarity ``sim`` is at least ``least``."""
    import numpy as np
    n = len(days)
    rows, cols = np.divmod(np.arange(n * n), n)
    refine = None if sim is None else np.asarray(sim).ravel() >= least
    return _discount(pair_gaps(days, rows, cols, window_days, refine), window_days, time_decay).reshape(n, n)


# ---------------------------------------------------------------- clustering

def average_linkage(sim, threshold: float, given: list[Optional[str]]) -> list[int]:
    """Cluster labels 0..k-1 (in order of first appearance) by average linkage on ``1 - sim``.

    ``given`` are the input stories: articles with different given stories are put at a distance
    no average can bring under the cut, and articles sharing one are united afterwards (average
    linkage alone may place one of them elsewhere when ties are broken arbitrarily).
    """
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    n = len(given)
    if n == 1:
        return [0]
    dist = np.clip(1.0 - sim, 0.0, 1.0)
    g = np.array([x if x is not None else "" for x in given], dtype=object)
    has = np.array([x is not None for x in given])
    same = has[:, None] & has[None, :] & (g[:, None] == g[None, :])
    other = has[:, None] & has[None, :] & ~same
    # Larger than any average of distances that includes it can dilute to below 1 (n*n pairs at most).
    dist[other] = 2.0 + n * n
    dist[same] = 0.0
    np.fill_diagonal(dist, 0.0)
    raw = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - threshold,
                   criterion="distance")
    return _unite_given(list(raw), given)


def _unite_given(raw: list[int], given: list[Optional[str]]) -> list[int]:
    """Relabel so that articles sharing a given story share a label; labels by first appearance."""
    parent = {r: r for r in raw}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x
    first_of: dict[str, int] = {}
    for r, s in zip(raw, given):
        if s is None:
            continue
        if s in first_of:
            parent[find(r)] = find(first_of[s])
        else:
            first_of[s] = r
    order: dict[int, int] = {}
    return [order.setdefault(find(r), len(order)) for r in raw]


# ---------------------------------------------------------------- explanation

@dataclass(frozen=True)
class StoryNote:
    """Why a story's articles were put together: the terms most of them share, weighted as the
    clustering weighs them ("beirut", "port", "explosion", "4 August"); ``alone`` when it has one
    article in an input of several stories (nothing else was close enough)."""
    id: str
    title: str
    articles: tuple[str, ...]
    shared: tuple[str, ...]
    alone: bool


SHARED_TERMS = 6  # terms named per story


def describe_stories(articles: Sequence[Article], top: int = SHARED_TERMS) -> list[StoryNote]:
    """One :class:`StoryNote` per story of ``articles`` (which have ``story`` set), largest first;
    none when no article has a story.

    A term is "shared" when at least half of the story's articles (and two) use it in what was
    compared (cleaned title and body prose); terms are ranked by weight (:func:`term_weights`)
    times the number of members using them, so the event's place and nouns come before words
    that merely recur.
    """
    import numpy as np

    from .terms import term_counts
    articles = list(articles)
    if not any(a.story for a in articles):  # compared as one story by request: nothing to explain
        return []
    _, leads, proper = compared_texts(articles)
    members: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        members.setdefault(a.story or a.id, []).append(i)
    many = len(members) > 1
    terms, weights, used = [], [], []
    for options in ({"stop_words": "english"}, {"analyzer": lambda text: names_and_figures(text, proper)}):
        counted = term_counts(leads, **options)
        if counted is None:
            continue
        matrix, names = counted
        matrix.data[:] = 1.0  # whether an article uses the term, not how often
        matrix = matrix.tocsc()
        terms.extend(names)
        weights.extend(term_weights(names, np.diff(matrix.indptr), len(leads)))
        used.append(matrix)
    from scipy.sparse import hstack
    table = hstack(used).tocsr() if used else None
    notes = []
    for story, rows in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        shared: list[str] = []
        if table is not None and len(rows) > 1:
            uses = np.asarray(table[rows].sum(axis=0)).ravel()
            ok = uses >= max(2, len(rows) / 2)
            ranked = sorted(np.flatnonzero(ok), key=lambda k: (-weights[k] * uses[k], terms[k]))
            shared = _readable_terms([terms[k] for k in ranked], top, proper)
        first = next((articles[i] for i in rows if articles[i].title), articles[rows[0]])
        notes.append(StoryNote(story, first.title or first.id, tuple(articles[i].id for i in rows),
                               tuple(shared), many and len(rows) == 1))
    return notes


def _readable_terms(terms: list[str], top: int, proper: frozenset[str] = frozenset()) -> list[str]:
    """Terms as a reader writes them: "@08-04" -> "4 August", "#84" -> "84", names capitalised; a
    word also found as a name once, and a day's figure not beside its date ("22" and "22 March")."""
    out: list[str] = []
    for t in terms:
        if t.startswith("@"):
            month, day = t[1:].split("-")
            t = f"{int(day)} {date(2000, int(month), 1):%B}"
        elif t.startswith("#"):
            t = t[1:]
        elif t in proper:
            t = t[:1].upper() + t[1:]
        if t.lower() not in {o.lower() for o in out}:
            out.append(t)
    days = {o.split(" ")[0] for o in out if " " in o and o.split(" ")[0].isdigit()}
    return [o for o in out if o not in days][:top]


# ---------------------------------------------------------------- ids

def story_id(members: Sequence[Article]) -> str:
    """``s`` + sha1(id of the earliest member)[:10]; earliest by date (undated last), then id."""
    first = min(members, key=lambda a: (day_number(a.published) is None, day_number(a.published) or 0, a.id))
    return "s" + hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:10]


def with_story_ids(articles: list[Article], labels: list[int]) -> list[Article]:
    """The articles with ``story`` set: a cluster's given story if it has one, else :func:`story_id`."""
    clusters: dict[int, list[Article]] = {}
    for a, lab in zip(articles, labels):
        clusters.setdefault(lab, []).append(a)
    ids = {}
    for lab, members in clusters.items():
        given = sorted({a.story for a in members if a.story is not None})
        ids[lab] = given[0] if given else story_id(members)
    return [a if a.story is not None else replace(a, story=ids[lab]) for a, lab in zip(articles, labels)]
