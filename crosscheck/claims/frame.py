"""The frame of a claim: whom it counts (subject), where (scope), according to whom (attribution), and whether
it is about this event at all (background, roundup, superseded, provisional); `make_claim` builds the Claim."""
from __future__ import annotations

import re
from typing import Optional

from ..dates import opening_month, year_and_month, year_of, years_set_in
from ..models import Claim
from .reading import Found, Reading
from .vocabulary import Measure

# another, earlier event: "In December, a woman drove her car onto the sidewalk, injuring 36" (in an
# article of January); "arrested on charges stemming from a 2013 search" (in an article of 2016)
_YEAR_EVENT = re.compile(r"\b(?:a|an|the|his|her|their|its)\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?(?:search|incident|shooting|"
                         r"case|killing|murder|homicide|arrest|attack|crash|conviction|robbery|raid|investigation|charges?)\b",
                         re.IGNORECASE)

_THAT_EVENT = re.compile(r"\b(?:that|this|the\s+earlier|the\s+previous|the\s+prior)\s+(?:killing|murder|homicide|shooting|"
                         r"death|case|crime|attack|slaying)\b", re.IGNORECASE)

_SEVERE_ADVERB_BEFORE = re.compile(r"\b(?:critically|seriously|severely|gravely|badly)\s+$", re.IGNORECASE)


def before_the_article(sentence: str, clause_after: str, published: Optional[str]) -> bool:
    """Whether the figure is set in an earlier month or year than the article's own date: a sentence
    opening on another month ("In December, ..."), or an event of an earlier year named in the figure's
    clause after it ("charged in the 2013 incident"). Undated articles tell nothing."""
    when = year_and_month(published)
    if not when:
        return False
    year, month = when
    opening = opening_month(sentence)
    if opening and (opening[0] != month or (opening[1] and opening[1] < year)):
        return True
    m = _YEAR_EVENT.search(clause_after)
    return bool(m and int(m.group("year")) < year)


def that_earlier_event(clause_after: str, text_before: str, published: Optional[str]) -> bool:
    """'... they believe he murdered Shelton's best friend in 2013. Nobody has been charged in that
    killing': a figure said of 'that killing' when the sentence before sets an event in an earlier year."""
    year = year_of(published)
    if year is None or not _THAT_EVENT.search(clause_after):
        return False
    previous = re.split(r"(?<=[.!?])\s+", text_before.strip())[-1]
    return any(y < year for y in years_set_in(previous))


def purpose_of(m: Measure, sentence: str, qs_: int, qe_: int) -> Optional[str]:
    """What a sum of money is for: the purpose word nearest the figure ('bond', 'reward')."""
    best = None
    for hit in m.purposes.finditer(sentence):
        d = min(abs(hit.start() - qe_), abs(qs_ - hit.end()))
        if d <= 60 and (best is None or d < best[0]):
            best = (d, hit.group(1).lower())
    return m.purpose_names.get(best[1], best[1]) if best else None


_PARTITIVE_SUBJECT = re.compile(r"\s+of\s+(?:the|those|them|these)\b[^,;.]{0,50}?\b(?:were|was|are|is)\s+"
                                r"(?:all\s+|also\s+)?(?:[a-z-]+\s+)?(?P<who>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", re.IGNORECASE)


# people named by their nationality: the endings of demonyms, capitalised (a headline's "12 Pilgrims" or
# "40 Villagers" is no nationality)
_NATIONALITY = re.compile(r"(?-i:([A-Z][a-z]+(?:ians|eans|ans|ese|is|ish|ch|ons)))\b(?!['’])")


_NATIONALITY_BEFORE_NOUN = re.compile(r"(?-i:([A-Z][a-z]+(?:ian|ean|an|ese|i|ish|ch)))\s+(?:deaths|dead|victims|nationals|citizens|"
                                      r"tourists|fatalities|casualties|people|soldiers|troops|civilians|workers|pilgrims)\b")
# ... and after "were", also the adjective: "were Italian", "were Japanese", "were Israeli"
_NATIONALITY_AFTER_BE = re.compile(r"(?-i:([A-Z][a-z]+(?:ians?|eans?|ans?|ese|is?|ish|ch|ons)))")


def _people(nationality: str) -> str:
    """The people of an adjective of nationality: 'Italian' -> 'Italians', 'Israeli' -> 'Israelis', 'Japanese'."""
    return nationality + "s" if nationality.endswith(("an", "i")) else nationality


def subject_of(r: Reading, sentence: str, qs_: int, qe_: int, found: Found) -> Optional[str]:
    if found.direction == "toll":
        # "the number of kidnapped schoolgirls still missing has risen to 276": the toll's own noun phrase
        words = re.findall(r"[a-z][a-z'’-]*", sentence[found.span[0]:found.span[1]].lower())
        named = next((r.v.subjects[w] for w in reversed(words) if w in r.v.subjects), None)
        if named:
            return named
        # ... else the noun after the figure: "among the dead were several children"
    # a partitive names its people after the verb: "twelve of the dead were children"
    part = _PARTITIVE_SUBJECT.match(sentence, qe_)
    if part and part.group("who").lower() in r.v.subjects:
        return r.v.subjects[part.group("who").lower()]
    # ... or their nationality: "three of the dead were Japanese", "four were Italian" (as "four Italians")
    nationality = _NATIONALITY_AFTER_BE.fullmatch(part.group("who").split()[0]) if part else None
    if nationality:
        return _people(nationality.group(1))
    # the noun after the figure: "three protesters died", "detained hundreds more protesters"
    tail = sentence[qe_:qe_ + 60].lstrip(" ,")
    m = r.g.subject_re.match(tail)
    if m:
        return r.v.subjects[m.group(1).lower()]
    # a nationality is a subject of its own: "two Tunisians", "20 Israelis", "five Japanese"
    nationality = _NATIONALITY.match(tail)
    if nationality:
        return nationality.group(1)
    # ... also as an adjective before the count's noun: "the two Colombian deaths", "three Japanese victims"
    adjective = _NATIONALITY_BEFORE_NOUN.match(tail)
    if adjective:
        return _people(adjective.group(1))
    if found.direction == "after":
        between = sentence[qe_:found.span[0]]
        for w in reversed(between.lower().split()):
            if w.strip(",") in r.v.subjects:
                return r.v.subjects[w.strip(",")]
    return None


def make_claim(r: Reading, sentence, s0, q, found: Found, subject, *, implicit=False, cumulative=None) -> Claim:
    local = sentence.lower()
    near = local[max(0, q.start - s0 - 60):min(len(local), q.end - s0 + 80)]
    cumulative = bool(r.v.cumulative.search(local[max(0, q.start - s0 - 40):q.start - s0 + 1])) \
        if cumulative is None else cumulative
    lowered = bool(r.v.lowered and r.v.lowered.search(local[max(0, q.start - s0 - 40):q.start - s0]))
    hedged = bool(r.v.hedge.search(near)) and not (q.qualifier and q.qualifier == "as many as" and
                                                       not r.v.hedge.search(near.replace("as many as", "")))
    ts = (found.span[0] + s0, found.span[1] + s0) if found.direction != "unit" else None
    scope = scope_of(r, sentence, q.start - s0)
    # "67 officers have been killed in the line of duty this year through July 20": a period
    # named in the figure's own clause after it is its scope, even if a day is nearer before it
    trigger_end = ts[1] - s0 if ts else q.end - s0
    clause_after = re.split(r"[,;:—–()]|\.\s", local[max(trigger_end, q.end - s0):])[0]
    background = found.measure.counts_people and bool(
        (scope and r.v.background.match(scope.lower())) or r.v.background_in.search(clause_after)
        or r.v.other_incident.search(local[:q.start - s0])
        or before_the_article(sentence, clause_after, r.article.published)
        or that_earlier_event(clause_after, r.text[max(0, s0 - 400):s0],
                               r.article.published)
        # "three wounded (on Sunday) in another shooting"; not "the shooting that killed two was in
        # retaliation for ...", where the clause goes on to speak of the figure's own shooting
        or r.v.other_incident.match(re.sub(r"^\s*(?:(?!(?:was|were|is|are|has|had)\b)[\w-]+\s+){0,3}?(?=in\b)", "",
                                              clause_after)))
    # "the four men killed were among seven people gunned down in three separate shootings": the
    # seven is the roundup, the four are this incident's
    among = re.search(r"^[^,;]{0,60}?\b(?:were|was|are|is)\s+among\b", sentence[q.end - s0:], re.IGNORECASE)
    roundup = found.measure.counts_people and not background and not among and bool(r.v.roundup.search(sentence))
    some_only = found.measure.name == "deaths" and bool(r.v.some_only.match(sentence[max(trigger_end, q.end - s0):]))
    # "two people were critically wounded": those hurt that badly, of the injured; others may
    # have lesser wounds, so the figure is compared as a lower bound
    some_only = some_only or bool(found.measure.graded and ts and not implicit and _SEVERE_ADVERB_BEFORE.search(
        sentence[max(0, ts[0] - s0 - 25):ts[0] - s0]))
    # "Soon after, two people were fatally shot at the barbershop": one scene of the event
    some_only = some_only or bool(found.measure.counts_people and r.v.phase.match(sentence)) or found.some
    # "an image shows the funeral of three civilians killed in the attack": the people pictured
    some_only = some_only or bool(found.measure.counts_people and r.v.caption and r.v.caption.search(sentence))
    clause = local[max(0, q.start - s0 - 10):max(trigger_end, q.end - s0) + 60]
    contested = found.measure.name == "deaths" and bool(r.v.contested.search(clause))
    # "in initial reports, police announced two killed and five wounded, but two more have since died"
    # ... only within the figure's own clause: "initial reports said two; police now say 5"
    lead_clause = re.split(r"[;:]|\b(?:but|now|later|since|then)\b", local[max(0, q.start - s0 - 80):q.start - s0])[-1]
    superseded = bool(r.v.superseded.search(lead_clause))
    provisional = not background and bool(r.v.provisional.search(sentence))
    attribution = attribution_of(r, sentence, q.start - s0)
    party, side = r.v.party_of(attribution)
    if party is None and r.v.passed_on_by(attribution):
        party, side = r.v.party_of(_who_told(sentence, attribution))
    if party is None and attribution and (document := _THE_DOCUMENT.fullmatch(attribution)):
        party, side = r.v.party_of(_whose_document(r.text[max(0, s0 - 600):s0], document.group("doc")))
    return Claim(id="", article=r.article.id, measure=found.measure.name, subject=subject, quantity=q,
                 sentence=sentence, sentence_start=s0, trigger=found.trigger if ts else None, trigger_span=ts,
                 attribution=attribution, party=party, side=side, scope=scope, hedged=hedged, implicit=implicit,
                 cumulative=cumulative, background=background, roundup=roundup, some_only=some_only,
                 contested=contested, superseded=superseded, provisional=provisional, lowered=lowered)


# ---- context ---------------------------------------------------------------------------
def attribution_of(r: Reading, sentence: str, pos: int = 0) -> Optional[str]:
    """Who the sentence says gave the figure at ``pos``: the nearest "according to X", "X said" or
    "said X", preferring one in the figure's own clause ("the ministry put the toll at 46, while
    doctors said 108": 46 is the ministry's, 108 the doctors')."""
    found = [(m.span(), clean_who(m.group("who"))) for m in r.g.attr_according.finditer(sentence)]
    found += [(m.span(), clean_who(m.group("who"))) for m in r.g.attr_said_after.finditer(sentence)]
    found += [(m.span(), clean_who(m.group("who"))) for m in r.g.attr_possessive.finditer(sentence)]
    found += [(m.span(), clean_who(m.group("who"))) for m in r.g.attr_said_before.finditer(sentence)]
    found = [(span, who) for span, who in found if who and who.lower() not in ("he", "she", "they", "it", "i", "we")
             and not (_SHOWN.search(sentence[span[0]:span[1]]) and not _A_COUNT.search(who))
             and not _A_DOCUMENT.fullmatch(who)]  # ("X released a report saying": X, not "a report")
    if not found:
        return None
    clause = _clause_of(sentence, pos)
    # "62 people (the Red Cross put it at 69) had been killed": who gave the bracket's figure did not give 62
    brackets = [m.span() for m in re.finditer(r"\([^()]*\)", sentence)]

    def elsewhere(s: int) -> bool:
        # ... nor who reported the figure set against it: "234, far more than the 85 reported by officials"
        than = re.search(r"\b(?:than|from)\s+(?:the\s+)?(?P<n>\d[\d,.]*)\s+(?:[a-z]+\s+)?$", sentence[:s])
        # ... nor whose figure of another number it is: "46,000 to 85,000, far below the government's official
        # figure of 316,000"
        own = _FIGURE_OF_N.match(sentence, s)
        return any(a <= s < b and not a <= pos < b for a, b in brackets) or bool(
            than and not than.start("n") <= pos < than.end("n")) or bool(own and not own.start("n") <= pos < own.end("n"))

    def distance(item) -> tuple:
        (s, e), _ = item
        return (not (clause[0] <= s < clause[1]), min(abs(s - pos), abs(e - pos)))
    found = [item for item in found if not elsewhere(item[0][0])]
    return min(found, key=distance)[1] if found else None


_FIGURE_OF_N = re.compile(r"[^.;:()\d]{0,60}?\b(?:figure|count|toll|tally|estimate|total)s?\s+(?:of|at|was|is)\s+(?:some\s+|about\s+)?"
                          r"(?P<n>\d[\d,.]*)", re.IGNORECASE)
# "shows" gives a figure only when a count does ("an AP tally showed"): an image or a video that shows
# something names no one who gave a figure
_SHOWN = re.compile(r"\bshow(?:s|ed|n|ing)?\b", re.IGNORECASE)
_A_COUNT = re.compile(r"\b(?:count|tally|tallies|figures|data|records|statistics|toll)\b", re.IGNORECASE)
# "The report estimates ...": a document named before, whose maker gives the figure ("a report commissioned
# by the US government has concluded. The report estimates ...")
_A_DOCUMENT = re.compile(r"(?:a|an|its|their)\s+(?:new\s+)?(?:report|study|survey|assessment|audit)", re.IGNORECASE)
_THE_DOCUMENT = re.compile(r"(?:the|this|that)\s+(?P<doc>report|study|survey|assessment|analysis|audit|review|document)",
                           re.IGNORECASE)


def _whose_document(before: str, doc: str) -> Optional[str]:
    """Who made or ordered the document last named in ``before`` ("a report commissioned by the US
    government", "a study for the health ministry", "the UN's report"), or None."""
    found = None
    for m in re.finditer(r"\b(?:a|an|the|its|their)\s+(?:new\s+|draft\s+|preliminary\s+|final\s+)?" + doc +
                         r"\s+(?:(?:commissioned|prepared|published|released|compiled|funded|ordered|written|drawn up)\s+)?"
                         r"(?:by|for)\s+(?P<who>(?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*|\s+(?:government|ministry|agency|"
                         r"department|office|commission|committee|council|authorities))*)", before, re.IGNORECASE):
        found = m.group("who")
    for m in re.finditer(r"(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)['’]s?\s+" + doc + r"\b", before):
        found = m.group("who")
    return found


_CLAUSE_BREAK = re.compile(r";|\s(?:while|whereas|but|although)\s|\s[—–]\s", re.IGNORECASE)


def _who_told(sentence: str, agency: str) -> Optional[str]:
    """Who told a news agency the figure: the words of the clause before "told Reuters" ("a spokesman for
    the disaster ministry told Reuters that 2,053 died"); None when the agency only reported it
    ("..., Reuters reported"), so no one else's words are taken for the source."""
    told = re.search(r"\b(?:told|said\s+to|informed)\s+(?:the\s+)?" + re.escape(re.sub(r"^(?:the|an?)\s+", "", agency,
                                                                                          flags=re.IGNORECASE)),
                     sentence, re.IGNORECASE)
    if not told:
        return None
    return sentence[_clause_of(sentence, told.start())[0]:told.start()]


def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    """The span of the clause around ``pos``, between breaks such as ';', 'while', 'but'."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def scope_of(r: Reading, sentence: str, pos: int) -> Optional[str]:
    best = None
    for m in r.v.scopes.finditer(sentence):
        d = min(abs(m.start() - pos), abs(m.end() - pos))
        if best is None or d < best[0]:
            best = (d, m.group())
    return best[1] if best else None


def occasion_of(m: Measure, sentence: str, qs_: int) -> Optional[str]:
    """The gathering a crowd figure counts, named in its sentence, nearest the figure: 'Five attended
    graduation ceremonies' counts a ceremony, not the crowd the gunman fired into."""
    hits = [(abs(h.start() - qs_), occ) for occ, rx in m.occasions for h in rx.finditer(sentence)]
    return min(hits)[1] if hits else None


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"


def clean_who(who: str) -> Optional[str]:
    """Who gave a figure, without the day it was given ("the ministry on Friday"): a day alone is no one
    ("the count showed Thursday")."""
    who = " ".join(who.split()).strip(" ,.\"“”'")
    who = re.sub(r"\s+(?:(?:on|in|at)\s+)?" + _WEEKDAY + r"$", "", who)
    return None if re.fullmatch(_WEEKDAY, who, re.IGNORECASE) else (who or None)
