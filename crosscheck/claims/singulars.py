"""Implicit singulars and ordinals: "a man was killed" (one death), "a third person died" (the toll reached three)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..dates import MONTH_NAMES
from ..models import Claim, Quantity
from .attachment import match_after, match_before, match_implicit_after, words_after, words_before
from .filters import hurt_or_killed, is_agent
from .frame import make_claim
from .patterns import STATE_WORDS
from .reading import Found, Reading

# Capitalised words that open a sentence or name an institution, not a person.
_NOT_NAMES = frozenset("The A An He She They It This That Police Officers Officials Authorities Deputies "
                       "Investigators Sheriff Witnesses One Two Three Four Five Nobody No Someone Everyone "
                       "Both Each Neither Family Friends Relatives Doctors Hospital Medics Troopers Agents "
                       # "a man who was shot on Sunday died": a day is not a person
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tonight Yesterday".split()
                      + [m.title() for m in MONTH_NAMES])

# an active verb with its object between a person and the trigger: the trigger is the object's
_DID_IT_BETWEEN = re.compile(r"^(?:(?!\b(?:was|were|is|are|been|being)\b).)*?\b(?:shoots|kills|stabs|wounds|injures|hits|shot|killed|stabbed)\s+"
                             r"(?:his|her|their|a|an|the|two|three|four|\d+)\b", re.IGNORECASE)

# "a man who shot and killed his son": the person did it (a passive "who was shot" is not this)
_WHO_DID = re.compile(r"\s*,?\s+who\s+(?:allegedly\s+|reportedly\s+|then\s+|police\s+say\s+)?(?:shot|killed|murdered|stabbed|"
                      r"fatally\s+shot|opened\s+fire|gunned\s+down|wounded|injured)\b"
                      r"(?!(?:\s+and\s+killed)?\s+(?:himself|herself|themselves))", re.IGNORECASE)  # "the boy who shot himself"


def later_died(r: Reading, sentence: str, pos: int) -> bool:
    """Whether the person just said to be hurt dies later in the sentence (no one else named between)."""
    rest = sentence[pos:]
    death = r.v.measure("deaths").after.search(rest.lower())
    if death is None:
        return False
    between = rest[:death.start()]
    if re.search(r"\b(?:charged|accused|convicted|suspected|arrested|indicted)\s+(?:\w+\s+){0,2}$", between, re.IGNORECASE):
        return False  # "woman hurt in drive-by shooting now charged with murder"
    if re.search(r"\bwhere\s+(?:he|she)\s+(?:was\s+|later\s+|had\s+|has\s+)*$", between, re.IGNORECASE) \
            and not r.g.implicit_re.search(between):
        return True  # "rushed the boy to a hospital, where he was pronounced dead"
    # "a pregnant woman was shot five times and her unborn baby was killed": someone else died
    return not (r.g.implicit_re.search(between) or r.g.possessed_re.search(between) or re.search(
        r"\b(?:another|other|others|\d+|two|three|four|that|which|who|whom|where|when|after|before|but)\b|[;:]",
        between, re.IGNORECASE))


# ---- ordinals and implicit singulars --------------------------------------------------
def ordinal_claim(r: Reading, sentence, s0, q: Quantity, figures) -> Optional[Claim]:
    """'a third person died' — the toll reached 3; 'the sixth time' is nothing."""
    qs_, qe_ = q.start - s0, q.end - s0
    if not re.search(r"\b(?:an?)\s+$", sentence[max(0, qs_ - 4):qs_], re.IGNORECASE):
        return None
    noun = r.g.ordinal_noun.match(sentence[qe_:qe_ + 40])
    if not noun:
        return None
    after = words_after(r, sentence, qe_, figures)
    found = match_after(r, replace(q, kind="exact"), after)
    if not found or found.measure.name not in ("deaths", "injuries", "detentions", "missing"):
        return None
    exact = replace(q, kind="exact", text=sentence[qs_ - 2:qe_] if sentence[qs_ - 2:qs_].lower() == "a " else q.text,
                    start=q.start - 2 if sentence[qs_ - 2:qs_].lower() == "a " else q.start)
    subject = r.v.subjects.get(noun.group(1).lower() + "s") or r.v.subjects.get(noun.group(1).lower())
    if found.measure.name != "deaths":
        # "three were found shot to death and a fourth person was injured": the ordinal numbers
        # the victims of every kind, so it says one more injured person, not four injured
        one_more = replace(exact, lo=1.0, hi=1.0, value=1.0, increment=True)
        return make_claim(r, sentence, s0, one_more, found, subject, implicit=True, cumulative=False)
    return make_claim(r, sentence, s0, exact, found, subject, implicit=True, cumulative=True)


def implicit_claims(r: Reading, sentence, s0, qs: list[Quantity], explicit_claims: list[Claim],
                     weak_ok: bool = False) -> list[Claim]:
    out = []
    implicit_measures = [m for m in r.v.measures if m.implicit]
    if not implicit_measures:
        return out
    # a sentence that gives a figure for a measure already says how many: "the toll rose to
    # three after a woman died" is not a second claim of one death
    explicit = {c.measure for c in explicit_claims}
    figures = [(q.start - s0, q.end - s0) for q in qs]
    for measure, rx, n, at_least in r.v.implicit_phrases:
        pm = rx.search(sentence)
        if pm and measure not in explicit and not any(s <= pm.start() < e for s, e in figures):
            lead = len(pm.group()) - len(pm.group().lstrip(",; "))  # the figure starts at its first word
            q = Quantity(text=pm.group()[lead:], start=s0 + pm.start() + lead, end=s0 + pm.end(), lo=n,
                         hi=None if at_least else n, kind="lower_bound" if at_least else "exact", value=n)
            found = Found(r.v.measure(measure), pm.group(), pm.span(), "phrase")
            out.append(make_claim(r, sentence, s0, q, found, "people", implicit=True))
            explicit = explicit | {measure}
    matches = list(r.g.implicit_re.finditer(sentence))
    # a headline's bare noun: "Teen injured in accidental shooting", "Belgrade boy dies"
    matches += [m for m in r.g.bare_re.finditer(sentence)
                if not any(m.start() < x.end() and x.start() < m.end() for x in matches)]
    matches += [m for m in r.g.named_re.finditer(sentence)
                if m.group("det").split()[0] not in _NOT_NAMES and not any(m.start() < x.end() and x.start() < m.end() for x in matches)]
    covered = -1  # the end of the last person phrase counted ("a man and a woman were killed")
    for m in sorted(matches, key=lambda m: m.start()):
        det_s, det_e = m.span("det")
        if det_s < covered:
            continue  # "a woman" in "a man and a woman were killed": counted with the man
        if any(m.start() <= s < m.end() or s <= det_s < e for s, e in figures):
            continue  # "one person", "a third person" are figures already
        noun_e = m.end("noun") if "noun" in m.re.groupindex else m.end("det")
        if re.match(r"^\s+of\b", sentence[noun_e:noun_e + 5]):
            continue
        if _WHO_DID.match(sentence, noun_e):
            continue  # "Man who shot and killed son, himself": the one who did it
        if re.search(r"\bas\s+$", sentence[max(0, det_s - 4):det_s], re.IGNORECASE) and m.group("det").lower() in ("a", "an") \
                and not re.search(r"\b(?:a|an|the)\s", sentence[det_e:noun_e], re.IGNORECASE):
            continue  # "charged as an adult", "worked as a security guard": a role, not a person
        # "One of the victims, a man, is in critical condition": one of several (but "one of the
        # victims, Jeffery Webb, later died" is most often the one death among the wounded)
        one_of_several = bool(re.search(r"\bone\s+of\s+(?:the|them|those)\b[^,.;]{0,30},\s*$", sentence[:det_s],
                                        re.IGNORECASE))
        q = Quantity(text=m.group("det"), start=s0 + det_s, end=s0 + det_e, lo=1.0, hi=1.0, kind="exact", value=1.0,
                     # "an additional passenger sustained minor injuries": one more
                     increment=bool(re.match(r"\s+(?:additional|further|extra)\b", sentence[det_e:det_e + 15], re.IGNORECASE)))
        if m.re is r.g.bare_re and (listed_before := r.g.bare_list_before.search(sentence[:det_s])):
            # a headline's list of bare nouns: "Toddler, Man Killed", "Mother, toddler killed"
            n = 1 + len(re.findall(r",", listed_before.group("items")))
            q = replace(q, text=sentence[listed_before.start("items"):det_e], start=s0 + listed_before.start("items"),
                        lo=float(n), hi=float(n), value=float(n))
        # "a 39-year-old woman, a 21-year-old man and a girl were wounded": the list's trigger
        listed = r.g.list_singles.match(sentence, noun_e)
        chain_end = noun_e  # "the suspect and the minor child were transported": the pair's trigger
        while (link := r.g.and_single.match(sentence, chain_end)) is not None:
            chain_end = link.end()
        if re.match(r"^\s+of\b", sentence[chain_end:chain_end + 5]):
            continue  # "the mother and brother of a girl who died"
        after = words_after(r, sentence, listed.end() if listed else chain_end, figures)
        found = None
        for f in (match_after(r, q, after), match_implicit_after(r, after),
                  # "police arrested a man", "killing a woman"
                  match_before(r, q, words_before(r, sentence, det_s, figures), sentence, noun_e, figures)):
            if f is None or not f.measure.implicit or f.measure.names_no_count(sentence, f.span):
                continue
            if f.direction == "before" and (f.trigger.split()[0] in f.measure.before_needs_after
                                            or f.measure.lacks_its_noun(f.trigger, sentence[noun_e:noun_e + 20])):
                continue
            if f.direction == "after" and is_agent(sentence, f.span):
                continue  # "a man shot and killed his wife": the man is the one who killed
            if hurt_or_killed(sentence, f.span):
                continue  # "the gunman killed or injured 8 people"
            found = f
            break
        if found is None or found.measure.name in explicit or (one_of_several and found.measure.graded):
            continue
        if found.direction == "after" and _DID_IT_BETWEEN.search(sentence[noun_e:found.span[0]]):
            continue  # "Boy accidentally shoots his sister, leaves her in critical condition": the sister
        if re.search(r"\b(?:until|unless|if|once)\s+(?:[\w'’-]+\s+){0,2}$", sentence[max(0, found.span[0] - 30):found.span[0]],
                     re.IGNORECASE):
            continue  # "they will not release his name until he is arrested": it has not happened
        # "a man was shot and killed", "the victim was taken to hospital in critical condition and
        # pronounced dead": the person is one of the dead, not of the injured
        if found.measure.name == "injuries" and found.direction != "before" and later_died(r, sentence, found.span[1]):
            found = Found(r.v.measure("deaths"), found.trigger, found.span, found.direction)
        if not weak_ok and found.measure.is_weak(found.trigger, r.text):
            continue  # "a woman was shot" in an article where she died: not an injury
        noun = (m.group("noun") if "noun" in m.re.groupindex else "person").lower()
        subject = r.v.subjects.get(noun + "s") or r.v.subjects.get(noun) or "people"
        q, covered = people_named(r, sentence, s0, q, det_s, noun_e, found, listed, covered)
        out.append(make_claim(r, sentence, s0, q, found, subject, implicit=True))
    return out


def people_named(r: Reading, sentence: str, s0: int, q: Quantity, det_s: int, noun_e: int, found: Found,
                  listed: Optional[re.Match], covered: int) -> tuple[Quantity, int]:
    """How many people the phrase that starts with a single person names, and where it ends.

    People joined by "and" or listed share the trigger and are counted together ("a 2-year-old
    boy and a man were killed", "killing a man and his son", "a woman, a man and a girl were
    wounded"); a shooter is one of those shot with "himself and a friend"."""
    if found.direction == "after":
        joined = list(r.g.and_single.finditer(sentence[noun_e:found.span[0]]))
        end = noun_e + joined[-1].end() if joined else None
        if listed and listed.end() <= found.span[0]:
            joined = list(r.g.one_single.finditer(listed.group()))
            end = listed.end()
    else:
        joined = [j for j in [r.g.and_single.match(sentence, noun_e)] if j]
        end = joined[0].end() if joined else None
    if joined and not STATE_WORDS.search(sentence[det_s:end]):
        n = 1 + len(joined)
        return replace(q, text=sentence[det_s:end], end=s0 + end, lo=float(n), hi=float(n), value=float(n)), end
    if found.direction == "after" and re.fullmatch(r"\s*shot", found.trigger, re.IGNORECASE) and (
            r.g.self_and_single.match(sentence, found.span[1])):
        return replace(q, lo=2.0, hi=2.0, value=2.0), covered
    if reflexive := re.search(r"\b(?:both\s+)?(?:himself|herself)\s+and\s+$", sentence[:det_s], re.IGNORECASE):
        # "a shooting that sent both himself and an 11-year-old girl to the hospital"
        return replace(q, text=sentence[reflexive.start():q.end - s0], start=s0 + reflexive.start(),
                       lo=q.lo + 1, hi=q.hi + 1, value=q.lo + 1), covered
    return q, covered
