"""Running counts named by a noun: "the death toll from Monday's storm has risen to 48", "the number
of people still missing stands at 37", "police put the crowd at 107,000", "bringing the total to 33".

A toll noun (each measure's ``toll`` list in data/measures.toml, or a generic one: "total", "tally")
counts the figure right after a verb of reaching or standing that follows it in the same clause,
however long the noun phrase between; or the figure after "at"/"to" when a verb of setting takes the
noun as its object. A generic noun counts what the sentence counted last before it ("36 more died,
pushing the tally to 1,162"), and nothing when the sentence counted nothing, or when it is said to be
a number of something else ("the number of cases rose to 50").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from .frame import make_claim
from .reading import Found, Reading, trigger_of

# a generic noun of a count right before the figure, with "of": "the official figure of", "a tally of"
# (not "a total of" or "a number of", which say nothing of what is counted)
_FIGURE_OF = re.compile(r"\b(?P<noun>figure|tally|count)\s+of\s+$", re.IGNORECASE)
CLAUSE_REACH = 240   # characters from a toll noun to its verb: a long noun phrase, not another sentence
_NUMBER_OF_THINGS = re.compile(r"^\s+of\s+(?:the\s+)?(?P<what>[a-z-]+)", re.IGNORECASE)
# words that open a clause of its own between a noun and a verb: the verb is that clause's ("a crowd of
# men, they start throwing bottles ... there were two shots fired"); a relative clause ("which hit
# the coast") still describes the noun
_OWN_CLAUSE = re.compile(r"\b(?:I|he|she|they|we|you|there|but|while|because|although|whereas|then|when|if)\b",
                         re.IGNORECASE)


def match_toll(r: Reading, q: Quantity, sentence: str, qs_: int) -> Optional[Found]:
    """The measure whose toll noun counts the figure at ``qs_``, or None."""
    tolls = r.v.tolls
    if tolls is None:
        return None
    lead = sentence[:qs_]
    verb = tolls.reach_at_end.search(lead)
    if verb:
        head = lead[:verb.start()]
        start = max(0, len(head) - CLAUSE_REACH, head.rfind(";") + 1)
        nouns = list(tolls.nouns.finditer(head, start))
        for noun in reversed(nouns):
            if _verb_of_its_own(tolls.reach, head, noun.end()) or _OWN_CLAUSE.search(head, noun.end()):
                break  # "the toll rose to 12 and the crowd was ...": a verb between is the noun's own
            measure = _measure_of(r, noun, sentence)
            if measure:
                return _found(r, measure, sentence, noun.start(), verb.end())
            break  # the nearest noun is a number of something else
        return None
    figure_of = _FIGURE_OF.search(lead)
    if figure_of:
        # "far below the government's official figure of 316,000": a figure named by what it is a figure of
        noun = tolls.nouns.search(lead, figure_of.start("noun"))
        measure = _measure_of(r, noun, sentence) if noun and noun.start() == figure_of.start("noun") else None
        if measure:
            return _found(r, measure, sentence, figure_of.start("noun"), figure_of.end())
    setting = tolls.set_at_end.search(lead)
    if setting:
        noun = next(iter(reversed(list(tolls.nouns.finditer(lead, setting.start("np"), setting.end("np"))))), None)
        measure = _measure_of(r, noun, sentence) if noun else None
        if measure:
            return _found(r, measure, sentence, setting.start(), setting.end())
    return None


# a relative pronoun right before a verb: the verb is the relative clause's ("the earthquake that hit the coast")
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)


def _verb_of_its_own(reach: re.Pattern, head: str, pos: int) -> bool:
    """Whether a verb of reaching stands between a toll noun (ending at ``pos``) and the toll's verb, other than
    the verb of a relative clause describing the noun's event ("the toll from the storm that hit the coast
    on Monday has risen to 48")."""
    return any(not _RELATIVE_BEFORE.search(head, 0, m.start()) for m in reach.finditer(head, pos))


def _found(r: Reading, measure: str, sentence: str, start: int, end: int) -> Found:
    trigger = sentence[start:end].rstrip()
    return Found(r.v.measure(measure), trigger, (start, start + len(trigger)), "toll")


def _measure_of(r: Reading, noun: re.Match, sentence: str) -> Optional[str]:
    """The measure a toll noun counts: its own, or for a generic noun the measure named last before it."""
    own = next((r.v.tolls.measure_of_group[g] for g, v in noun.groupdict().items() if v and g != "generic"), None)
    if own:
        return own
    for word in re.finditer(r"(?<=\s)\w", sentence[noun.start():noun.end()]):
        # "the total number of pupils kidnapped": a measure's own noun that starts inside the generic one
        inner = r.v.tolls.nouns.match(sentence, noun.start() + word.start())
        own = inner and next((r.v.tolls.measure_of_group[g] for g, v in inner.groupdict().items()
                              if v and g != "generic"), None)
        if own:
            return own
    of = _NUMBER_OF_THINGS.match(sentence, noun.end())
    if of and of.group("what").lower() not in r.v.people_words:
        return None  # "the number of cases", "the total of 40 homes": not people of any measure
    low = sentence[:noun.start()].lower()
    modifier = (low.split() or [""])[-1].removesuffix("'s").removesuffix("’s")
    if any(m.after.fullmatch(modifier) for m in r.v.measures if m.counts_people):
        return None  # "the city's murder total", "the homicide count": a statistic of many incidents
    last = max(((h.end(), m.name) for m in r.v.measures if m.counts_people for h in m.after.finditer(low)), default=None)
    return last[1] if last else None


# between a running count and the figure it replaced: "rose to 934 from 863", "was 110 on Saturday, up
# from 94 the day before", "revised the toll to 275 from 288"
_FROM_EARLIER = re.compile(r"(?:(?:,|\s+and)?\s*(?:(?:up|down|rising|falling|climbing)\s+)?|[^,.;:()]{0,50}?,\s*(?:up|down)\s+)from\s+$",
                           re.IGNORECASE)


def earlier_figures(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
    """The figure a running count replaced, said right after it ("rose to 934 from 863", "110, up from 94
    the previous day"): the same measure and people, an earlier figure (``superseded``)."""
    covered = {c.quantity.start for c in claims}
    out = list(claims)
    for q in qs:
        if q.start in covered or q.unit or q.kind == "ordinal" or q.lo is None:
            continue
        count = max((c for c in claims if c.quantity.end <= q.start and r.v.measure(c.measure).counts_people
                     and (c.cumulative or (c.trigger_span and c.trigger_span[1] <= c.quantity.start))),
                    key=lambda c: c.quantity.end, default=None)
        if count is None or any(count.quantity.end <= p.start < q.start for p in qs):
            continue
        if not _FROM_EARLIER.fullmatch(sentence[count.quantity.end - s0:q.start - s0]):
            continue
        found = trigger_of(r, count, s0, "list")
        c = make_claim(r, sentence, s0, q, found, count.subject)
        out.append(replace(c, superseded=True, trigger=count.trigger, trigger_span=count.trigger_span))
    return sorted(out, key=lambda c: c.quantity.start)


# "rose from 12 to 20": the figure the count rose from; ", to 21,000 on Saturday, to 23,000": the count's
# later steps
_ROSE_FROM = re.compile(r"\b(?:risen|rose|rises|climbed|climbs|jumped|jumps|increased|increases|grew|grown|grows|soared|"
                        r"fallen|fell|falls|dropped|drops|declined|declines|decreased|decreases)\s+from\s+(?:a\s+|an\s+)?"
                        r"(?:[a-z]+\s+)?$", re.IGNORECASE)
_THEN_TO = re.compile(r"(?:,|\band|\bthen|,\s*and|,\s*then)\s+(?:then\s+)?to\s+$", re.IGNORECASE)


def count_steps(r: Reading, sentence: str, s0: int, qs: list[Quantity], claims: list[Claim]) -> list[Claim]:
    """A running count told in steps: 'the toll rose from 12 to 20' (12 is an earlier figure), 'climbed to
    15,000 on Monday, to 21,000 on Saturday and then to 23,000' (each step after a figure its verb reached
    is the same count, and all but the last are earlier figures)."""
    out = list(claims)
    for i, c in enumerate(out):
        if c.trigger_span and _ROSE_FROM.search(sentence[:c.quantity.start - s0]) and any(
                p.measure == c.measure and p.quantity.start > c.quantity.start for p in out):
            out[i] = replace(c, superseded=True)  # "rose from 12 to 20": the 12
    covered = {c.quantity.start for c in out}
    for q in qs:
        later = next((p for p in out if p.quantity.start > q.start and p.trigger_span and p.trigger_span[1] <= p.quantity.start
                      and r.v.measure(p.measure).counts_people), None)
        if q.start not in covered and not q.unit and q.lo is not None and later is not None \
                and _ROSE_FROM.search(sentence[:q.start - s0]) \
                and not any(q.end <= p.start < later.quantity.start for p in qs):
            # "has climbed from a precise 11,481 on Jan. 23 to 15,000": the figure it climbed from
            c = make_claim(r, sentence, s0, q, trigger_of(r, later, s0, "list"), later.subject)
            out.append(replace(c, superseded=True, trigger=later.trigger, trigger_span=later.trigger_span))
            covered.add(q.start)
            continue
        if q.start in covered or q.unit or q.lo is None or not _THEN_TO.search(sentence[:q.start - s0]):
            continue
        before = [i for i, p in enumerate(out) if p.quantity.end <= q.start and p.trigger_span
                  and p.trigger_span[1] <= p.quantity.start and r.v.measure(p.measure).counts_people]
        if not before:
            continue
        i = max(before, key=lambda i: out[i].quantity.end)
        prev = out[i]
        if any(prev.quantity.end <= p.start < q.start for p in qs):
            continue
        step = make_claim(r, sentence, s0, q, trigger_of(r, prev, s0, "list"), prev.subject)
        out[i] = replace(prev, superseded=True)
        out.append(replace(step, trigger=prev.trigger, trigger_span=prev.trigger_span))
        covered.add(q.start)
    return sorted(out, key=lambda c: c.quantity.start)
