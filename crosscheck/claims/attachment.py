"""Attachment: which trigger a figure is counted by. A trigger after the figure (within a few words, up to the
next figure or clause break) wins; otherwise one before it with no other figure between."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..models import Claim, Quantity
from .filters import article_counted, beyond_the_dead, counts_a_thing, hurt_or_killed, is_agent, owned_by_figure_before, units_ok
from .patterns import SEVERITY_ADVERBS
from .reading import Found, Reading
from .tolls import match_toll

AFTER_WINDOW = 9    # words between a figure and a trigger that follows it

BEFORE_WINDOW = 6   # words between a trigger and the figure that follows it

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?|[;:()\"“”]|—|–|(?<!-)--(?!-)")

# Clause breaks a trigger search does not cross.
_BREAKS = {";", ":", "(", ")", "—", "–", "--", "but", "while", "whereas", "although", "though", "after", "before",
           "when", "since", "because", "which", "as"}

# "20 are still listed as missing", "9,000 counted as evacuees": "as" after a verb of listing names the
# category the figure is counted in, not a clause of its own
# ("two people previously reported as missing have been found dead": the category they were in before)
_LISTED_AS = re.compile(r"(?<!previously )(?<!earlier )(?<!initially )(?<!originally )(?<!formerly )(?<!once )"
                        r"\b(?:listed|identified|counted|registered|recorded|classified|classed|reported|declared|"
                        r"confirmed|considered|treated|officially)\s+as$", re.IGNORECASE)

# Verbs that, between a figure and a trigger, show the figure is their subject, not the casualties.
# ("still" and "remain" + a state keep the trigger: "75 are still missing", "80,000 remain homeless";
# but "two remain hospitalized" is some of the hurt, those not yet released)
_OTHER_VERB_RE = re.compile(r"\b(?:remain(?:s|ed)?(?!\s+(?:\w+\s+)?(?:missing|unaccounted|homeless|evacuated|displaced|"
                            r"dead|detained|jailed|behind\b|in\s+(?:police\s+)?custody|in\s+(?:[\w-]+\s+){0,2}(?:camps|shelters|tents)\b))|indicted|sentenced|"
                            r"convicted|accused|identified(?!\s+as\s+(?:having\s+)?(?:died|dead|killed))|named|sought|wanted|suspected|"
                            r"arraigned|acquitted|released|freed|honou?red|remembered|mourned|buried(?!\s+(?:alive|under|beneath|by|in\s+(?:the\s+)?(?:debris|rubble|ruins|mud)))|questioned|"
                            r"testified|pleaded|pled|appeared|fired|opened|responded|witnessed|saw|heard|called|describe|described|"
                            r"describes|recalled|recall|say|said(?!\s+to\s+(?:have|be)\b)|says|told|tell|watched|remember|"
                            # "nobody likes to hear of a kid getting killed": a feeling, not a count
                            r"likes?\s+to|loves?\s+to|hates?\s+to|wants?\s+to|deserves?)\b", re.IGNORECASE)

# "two were seriously injured": how badly, said of the verb (not "suffered non-life threatening injuries",
# the usual way of giving the count of the injured)
_SEVERITY_BEFORE = re.compile(r"\b(?:" + SEVERITY_ADVERBS + r")\s+$", re.IGNORECASE)

# "20 were hurt, with 16 suffering gunshot wounds and four others...": a breakdown, not a sum
# "fired one shot", "heard a single shot": a shot, not a person shot
_FIRED_BEFORE = re.compile(r"\b(?:fired|fire|fires|firing|heard|hear|hears|let off|squeezed off|got off|was|there was)"
                           r"\s+(?:a\s+total\s+of\s+|only\s+|just\s+|at\s+least\s+)?$", re.IGNORECASE)

_MODAL_RE = re.compile(r"\b(?:going to|will|would|wants? to|wanted to|trying to|tried to|threatened to|plans? to|planned to|"
                       r"planning to|plotted to|intended to|intends? to|meant to|vowed to)\b", re.IGNORECASE)

_NEGATION_RE = re.compile(r"\b(?:not|never|n't|no longer)\b", re.IGNORECASE)

_CURRENCY_UNITS = ("dollar", "euro", "pound", "yen", "rupee", "ruble", "rouble", "franc", "real", "yuan",
                   "peso", "lira", "won", "krona", "krone", "rand", "shekel", "dinar", "dirham", "hryvnia", "zloty")


def measure_for(r: Reading, q: Quantity, sentence: str, qs_: int, qe_: int, figures, earlier: list[Claim]) -> Optional[Found]:
    unit = (q.unit or "").lower()
    is_money = any(c in unit for c in _CURRENCY_UNITS)
    for m in r.v.measures:
        if "currency" in m.unit_kinds and is_money:
            return Found(m, q.text, (qs_, qe_), "unit")
    if q.unit and unit not in ("percent", "percentage point") and not is_money:
        return None  # a length, a weight, a duration: not a count of people
    # "the death toll from the storm that hit the coast on Monday has risen to 48": the noun phrase
    # names what the figure counts, however far the noun is from it
    toll = match_toll(r, q, sentence, qs_)
    after = words_after(r, sentence, qe_, figures)
    before = words_before(r, sentence, qs_, figures)
    toll = toll if toll and units_ok(r, toll.measure, q) else None
    candidates = [toll, match_after(r, q, after, sentence), match_before(r, q, before, sentence, qe_, figures)]
    if _verb_governs(candidates[2], candidates[1], sentence, qs_, qe_):
        candidates[1], candidates[2] = candidates[2], candidates[1]
    if candidates[2] and re.search(r"\band\b|,", candidates[2].trigger) and not candidates[1]:
        # "30 dead and 12 remain critical": the 12's own words say what it counts
        candidates.insert(2, some_of_the_measure(r, q, sentence, qe_))
    for found in candidates:
        if found:
            m = found.measure
            if m.counts_people and counts_a_thing(r, sentence, qe_):
                return None
            if m.counts_people and q.kind == "exact" and q.lo is not None and q.lo != int(q.lo):
                return None  # people come in whole numbers: "1 / 44" under a photo is not a count
            if m.counts_people and re.match(r"^\s+shot\b", sentence[qe_:qe_ + 8], re.IGNORECASE) \
                    and _FIRED_BEFORE.search(sentence[max(0, qs_ - 30):qs_]):
                return None  # "fired one shot at the man"
            if m.counts_people and hurt_or_killed(sentence, found.span):
                return None  # "eight have been hurt or killed": neither measure alone
            if found.direction == "before" and owned_by_figure_before(r, sentence, found.span, figures, qs_):
                continue  # "of the four wounded, three worked at the salon": 'wounded' is the four's
            if m.names_no_count(sentence, found.span):
                continue  # "one count of attempted murder"
            if found.direction == "after" and is_agent(sentence, found.span):
                continue  # "two people and injured a woman": not the injured; "killed" before may still count them
            if m.is_weak(found.trigger, r.text) and not beyond_the_dead(r, q, m, sentence, qs_, qe_):
                # (not when its own sentence goes on to say some of them died: "all four were taken to the
                # hospital, where one was pronounced dead" counts the dead too)
                if m.weak_patterns_subject and m.weak_patterns and m.weak_patterns.match(found.trigger.lower()) \
                        and not m.weak_unless.search(sentence, max(qe_, found.span[1])) \
                        and not _BESIDE_THE_DEAD.search(sentence, max(0, qs_ - 12), found.span[0]):
                    # "50 were taken to hospital" beside a toll: the people taken there, a count of its own
                    return replace(found, subject=m.weak_patterns_subject)
                return None  # the article speaks of deaths: "four people were shot" counts them too
            if found.direction == "after" and _SEVERITY_BEFORE.search(sentence[max(0, found.span[0] - 25):found.span[0]]) \
                    and article_counted(m.name, sentence[:qs_], earlier):
                return None  # "four were shot and two were seriously injured": a breakdown, not a total
            return found
    return some_of_the_measure(r, q, sentence, qe_) or counted_by_its_noun(r, q, sentence, qe_)


def counted_by_its_noun(r: Reading, q: Quantity, sentence: str, qe_: int) -> Optional[Found]:
    """'some 60 demonstrators displayed banners', 'scores of protesters chanted': a figure no trigger
    counts, of people a measure counts by their noun alone (``noun_alone`` in measures.toml): some of
    them, a lower bound (a part of a larger count when the article gives one)."""
    if q.unit or q.lo is None or q.lo == 0 or counts_a_thing(r, sentence, qe_):
        return None
    for m in r.v.measures:
        hit = m.noun_alone.match(sentence, qe_) if m.noun_alone else None
        if hit:
            word = re.search(r"[\w'’-]+$", hit.group())
            # some of the crowd, at least ("about a dozen protesters tried to stop them" is no crowd size)
            return Found(m, word.group(), (hit.start() + word.start(), hit.end()), "after", some=True)
    return None


def some_of_the_measure(r: Reading, q: Quantity, sentence: str, qe_: int) -> Optional[Found]:
    """'121 remain in hospital', '37 people receiving treatment': words right after the figure (and
    its noun) that make it some of a measure's people, read as a lower bound of them."""
    if q.unit or q.kind not in ("exact", "approximate", "lower_bound", "vague") or counts_a_thing(r, sentence, qe_):
        return None
    # ("25 of those are reported to be in intensive care": a report of their state)
    noun = re.match(r"\s+(?:(?:more|other|of\s+them|of\s+those|of\s+whom|people|persons|victims|patients|others)\b\s*)?"
                    r"(?:(?:are|were|is|was)\s+(?:reported|said|believed|thought|understood)\s+to\s+be\s+)?",
                    sentence[qe_:qe_ + 60], re.IGNORECASE)
    start = qe_ + (noun.end() if noun else 0)
    for m in r.v.measures:
        hit = m.some_after.match(sentence, start) if m.some_after else None
        if hit and units_ok(r, m, q):
            return Found(m, hit.group().strip(), (hit.start() + len(hit.group()) - len(hit.group().lstrip()), hit.end()),
                         "after", some=True)
    return None


# what the words after a figure may be before a trigger there stops being the figure's own:
# "killed at least 95 people and left many others missing" (the figure is the verb's object)
_OWN_CLAUSE_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}?(?:and|but|while|,)\s", re.IGNORECASE)


def _verb_governs(before: Optional[Found], after: Optional[Found], sentence: str, qs_: int, qe_: int) -> bool:
    """Whether a trigger right before the figure ("killed 95") is its verb rather than a trigger after it
    that belongs to a clause of its own ("... 95 people and left many others missing")."""
    if before is None or after is None or before.measure is after.measure or before.measure.is_weak_trigger(before.trigger):
        return False  # ("shot two mothers and their daughters to death": 'shot' says nothing alone)
    if sentence[before.span[1]:qs_].strip(" ,") and not re.fullmatch(
            r"\s*(?:at least|more than|over|nearly|almost|about|around|some|up to|an estimated)\s*",
            sentence[before.span[1]:qs_], re.IGNORECASE):
        return False  # the trigger is not right before the figure
    return bool(_OWN_CLAUSE_AFTER.match(sentence[qe_:after.span[0] + 1]))


_NOT_FIGURE_ASIDE = re.compile(r",\s*not\s+(?:the\s+)?[\d,.]+(?:\s+(?:as\s+)?(?:earlier|first|previously|initially)"
                               r"(?:\s+(?:reported|said|stated|announced))?)?\s*,")

# the people's own words before a figure of things: "340 people from 19 countries", "nine tourists from two ships"
_OF_THINGS_BETWEEN = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}(?:from|in|of|across)\s+", re.IGNORECASE)

# people named as besides the dead or as the shooting's victims ("three others", "the other six", "four
# victims were taken to hospital"): the wounded of a shooting, counted with the dead when it is not said who died
_BESIDE_THE_DEAD = re.compile(r"\b(?:others?|victims?|wounded|injured|shot)\b", re.IGNORECASE)

_OUT_OF_SET = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?P<set>out\s+of\s+(?:a\s+total\s+of\s+|an?\s+(?:group|band|team)\s+of\s+)?"
                         r"(?:some\s+|about\s+|around\s+)?[\d–-]+(?:\s+(?:in\s+)?(?:total|all))?)", re.IGNORECASE)

# another party's figure of the same people, in brackets: "(the Red Cross put it at 69)", "(69 according to
# the Red Cross)", "(the charity says 70)"
_RIVAL_ASIDE = re.compile(r"\s*\((?=[^()]{0,80}\b(?:according\s+to|put\s+it|puts\s+it|gave|gives|says?|said|"
                          r"counted|counts|reported|reports|estimated|estimates|claimed|claims)\b)[^()]{1,80}\)")

_ATTRIBUTION_ASIDE = re.compile(r",\s*(?:according\s+to|citing)\b[^,;:()]{0,80}(?:\([^()]{0,20}\))?,", re.IGNORECASE)

# a verb right before a figure: the figure is its object ("shot 4", "killing 12", "left two")
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+(?:ed|ing)|shot|hit|left|hurt|kill|kills|shoot|shoots|took|take|takes|sent|put)\s+$")


def words_after(r: Reading, sentence: str, qe_: int, figures) -> tuple[str, int]:
    """The words after a figure up to the next figure or clause break, and where they start.

    The last word or two before the next figure are left out: a verb there governs that
    figure ("killed three and injured five"), not this one.
    """
    # a subset clause right after the figure (and its noun) is skipped with its figures: "79 people,
    # including 16 children, were injured" counts the 79 by "injured"
    # (not the object of a verb before it: in "the teen who shot 4, including 2 agents, is killed" the
    # verb after the aside is not the 4's)
    qs_ = next((s for s, e in figures if e == qe_), qe_)
    aside = None if _VERB_BEFORE.search(sentence[max(0, qs_ - 30):qs_]) \
        else r.v.subset_clause.search(sentence, qe_, min(len(sentence), qe_ + 130))
    aside = aside if aside and re.fullmatch(r"\s*(?:[\w'’-]+\s*){0,2}", sentence[qe_:aside.start()]) else None
    # "46, not 108, killed": the figure set aside is not the verb's; the one before it is
    aside = aside or _NOT_FIGURE_ASIDE.match(sentence, qe_)
    # "Nine people, according to the disaster agency, were killed": who said so, between figure and verb
    # ... or another party's figure in brackets: "62 people (the Red Cross put it at 69) had been killed"
    said = _ATTRIBUTION_ASIDE.search(sentence, qe_, min(len(sentence), qe_ + 130)) \
        or _RIVAL_ASIDE.search(sentence, qe_, min(len(sentence), qe_ + 130))
    said = said if said and re.fullmatch(r"\s*(?:[\w'’-]+\s*){0,2}", sentence[qe_:said.start()]) else None
    aside = aside or said
    # "three attackers out of 10-15 were killed": the size of the set they were of is no figure of the verb
    out_of = _OUT_OF_SET.match(sentence, qe_)
    later = [(s, e) for s, e in sorted(figures) if s >= qe_ and not (aside and aside.start() <= s < aside.end())
             and not (out_of and s < out_of.end())]
    # "340 people from 19 countries were injured": a figure of things between is no figure of people
    if later and _OF_THINGS_BETWEEN.fullmatch(sentence, qe_, later[0][0]) and counts_a_thing(r, sentence, later[0][1]):
        later = later[1:]
    nxt, nxt_end = later[0] if later else (None, None)
    chunk = sentence[qe_:nxt] if nxt is not None else sentence[qe_:]
    unblanked = chunk
    chunk = r.v.subset_clause.sub(lambda m: " " * len(m.group()), chunk)
    if out_of:
        chunk = chunk[:out_of.start("set") - qe_] + " " * (out_of.end() - out_of.start("set")) + chunk[out_of.end() - qe_:]
    chunk = _NOT_FIGURE_ASIDE.sub(lambda m: " " * len(m.group()), chunk, count=1)
    if said:
        a, b = said.start() - qe_, said.end() - qe_
        chunk = chunk[:a] + " " * (min(b, len(chunk)) - a) + chunk[b:] if a < len(chunk) else chunk
    # ... unless the next figure counts things or time: "two people were killed two days ago"
    if nxt is not None and not counts_a_thing(r, sentence, nxt_end) \
            and sentence[nxt:nxt_end].split()[-1].lower() not in r.v.counted_things:
        tail = re.search(r"\b[\w'’-]+(?:\s+(?:at least|more than|another|a further|nearly|about|some|up to|over))?\s*$", chunk)
        # ("300 people died, including 50 children, 80 women": a list of some of them stands between
        # the verb and the next figure, which it does not govern)
        # (nor a passive verb: in "227 people were injured six severely" the six is how badly, not the verb's object)
        if tail and unblanked[tail.start():].strip() == chunk[tail.start():].strip() \
                and not re.search(r"\b(?:were|was|are|is|been|be)\s+$", chunk[:tail.start()], re.IGNORECASE):
            chunk = chunk[:tail.start()]
    words = list(_WORD.finditer(chunk))
    stop = len(chunk)
    # ("five of the attackers were also reported to have been killed": the partitive is the figure's noun phrase)
    window = AFTER_WINDOW + (2 if re.match(r"\s+of\s+(?:the|those|these)\s", chunk, re.IGNORECASE) else 0)
    for i, w in enumerate(words):
        # (a quotation that closes on a clause's end ends the figure's words: in '“21 dead, 1 child,” and among
        # the injured ...' the child is not counted by the words after it; '“seven or eight” homicides' is)
        quote_ends = w.group() == "”" and chunk[:w.start()].rstrip().endswith((",", ".", "!", "?"))
        if i >= window or quote_ends or w.group().lower() in _BREAKS and not _LISTED_AS.search(chunk, 0, w.end()):
            stop = w.start()
            break
    return chunk[:stop], qe_


def words_before(r: Reading, sentence: str, qs_: int, figures) -> tuple[str, int]:
    prev = max((e for _, e in figures if e <= qs_), default=0)
    chunk = sentence[prev:qs_]
    words = list(_WORD.finditer(chunk))
    start = 0
    for i, w in enumerate(reversed(words)):
        if i >= BEFORE_WINDOW + 6 or w.group().lower() in (_BREAKS - {"as"}) or w.group() in ".":
            start = w.end()
            break
    return chunk[start:], prev + start


def match_after(r: Reading, q: Quantity, after: tuple[str, int], sentence: str = "") -> Optional[Found]:
    chunk, base = after
    # "two men indicted in the shooting death": the figure counts who was indicted
    governed = _OTHER_VERB_RE.search(chunk)
    if governed:
        chunk = chunk[:governed.start()]
    low = chunk.lower()
    best: Optional[tuple[int, Found]] = None
    for w in _WORD.finditer(chunk):
        pos = w.start()
        for m in r.v.measures:
            if not units_ok(r, m, q):
                continue
            hit = m.after.match(low, pos)
            if hit and (best is None or pos < best[0]):
                best = (pos, Found(m, chunk[hit.start():hit.end()], (base + hit.start(), base + hit.end()), "after"))
        if best:
            break
    if best and re.search(r"\b(?:the|a|one|that|this|fatal|single|warning)\s+$", chunk[:best[0]], re.IGNORECASE) \
            and best[1].trigger.lower().startswith("shot"):
        return None  # "the officer who fired the shot": a noun, not a verb
    if best and re.fullmatch(r"\s*,\s*", chunk[:best[0]]) and re.match(r"[a-z]+ing\b", best[1].trigger, re.IGNORECASE) \
            and not re.match(r"\s+(?:her|him|them|both|all|each)\b", chunk[best[0] + len(best[1].trigger):], re.IGNORECASE):
        # "a shooting that wounded 5, killing an unborn baby": the -ing clause has its own object
        # ("shooting a pregnant teenager, killing her" speaks of the same person)
        return None
    if best and sentence and re.search(r"\b[a-z]+\s*,\s*$", chunk[:best[0]], re.IGNORECASE) and re.match(
            r"[a-z]+ly\s+[a-z]+ing\s+(?:one|two|a|an|the|his|her|their)\b", sentence[base + best[0]:], re.IGNORECASE):
        # "two men got out and opened fire, fatally shooting one of the others": the figure is who fired
        return None
    if best and _NEGATION_RE.search(chunk[:best[0]]):
        return None  # "two children were not injured"
    if best and _MODAL_RE.search(chunk[:best[0]]):
        return None  # "no one is going to hurt you": not a report of what happened
    return best[1] if best else None


def match_implicit_after(r: Reading, after: tuple[str, int]) -> Optional[Found]:
    chunk, base = after
    for m in r.v.measures:
        hit = m.implicit_after.search(chunk) if m.implicit_after else None
        if hit and not _NEGATION_RE.search(chunk[:hit.start()]):
            return Found(m, hit.group(), (base + hit.start(), base + hit.end()), "after")
    return None


def match_before(r: Reading, q: Quantity, before: tuple[str, int], sentence: str, qe_: int, figures) -> Optional[Found]:
    chunk, base = before
    # strip words between the trigger and the figure that don't change what is counted:
    # "killing at least", "detained", "the death toll rose to"
    low = chunk.lower().rstrip()
    measures = [m for m in r.v.measures if units_ok(r, m, q)]
    for cut in tail_cuts(low):
        head = low[:cut].rstrip()
        # the most specific trigger wins ("fatally shot two" over "shot two"), unless it reaches
        # across a coordination: "left a man dead and injured five" counts the injured
        hits = sorted(((m, hit) for m in measures for hit in [m.before.search(head)] if hit),
                      key=lambda mh: (bool(re.search(r"\b(?:and|or)\b|,", mh[1].group())), mh[1].start()))
        for m, hit in hits:
            trig = hit.group()
            if re.match(r"\s+at\b(?!\s+least\b)", low[hit.end():]):
                continue  # "fired one shot at the other man", "shot at pedestrians": aimed at, not hit
            if re.match(r"\s+by\b", low[hit.end():]):
                continue  # "after being shot by two men": the figure counts who shot
            if trig in ("shooting", "stabbing") and re.match(r"\s+(?:had|has|have)\b", low[hit.end():]):
                continue  # "news of the shooting had one local mother keeping her boys inside"
            if _MODAL_RE.search(low[max(0, hit.start() - 20):hit.start()]):
                continue  # "planned to kill hundreds": not a report of what happened
            if m.lacks_its_noun(trig, sentence[qe_:qe_ + 20]):
                continue  # "claimed 30 seats": not the dead ("claimed at least 158 lives" is)
            if trig.split()[0] in m.before_needs_after:
                after = words_after(r, sentence, qe_, figures)
                if not m.after.search(after[0].lower()):
                    continue
            if m.before_context and not m.before_context.search(sentence):
                continue
            return Found(m, chunk[hit.start():hit.end()], (base + hit.start(), base + hit.end()), "before")
    return None


# words that may stand between a before-trigger and its figure ("killed at least", "rose to about")
_FILLER_BEFORE_FIGURE = re.compile(
    r"\s*\b(?:at least|more than|as many as|some|about|an estimated|another|a further|a total of|"
    r"the|a|an|of|to|at|with|by|nearly|almost|around|over|least|up|rose|has|have|had|risen|"
    r"now|stands|stood|reached|climbed|increased|jumped|was|is|were|been|they|police|authorities|"
    r"officers|also|reportedly|on|thursday|friday|saturday|sunday|monday|tuesday|wednesday|"
    r"further|additional|left|leaving|among them|among those|including|of whom|"
    r"of them|among whom|,)\s*$")


def tail_cuts(low: str) -> list[int]:
    """Where a before-trigger may end: right before the figure, or before a few filler words."""
    cuts = [len(low)]
    filler = _FILLER_BEFORE_FIGURE
    cur = low
    for _ in range(6):
        m = filler.search(cur)
        if not m or m.start() == len(cur):
            break
        cur = cur[:m.start()]
        cuts.append(len(cur))
    return cuts
