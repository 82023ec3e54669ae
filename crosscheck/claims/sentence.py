"""One sentence read: every figure in it becomes a claim or not, using attachment, filters, frame, lists and singulars."""
from __future__ import annotations

import re
from dataclasses import replace

from ..models import Claim, Quantity
from ..numbers import UNITS
from .attachment import measure_for
from .distributive import largest_total_before, list_members
from .filters import of_a_narrower_set, one_of_a_set, same_measure_before, some_of_them, uncounted_whole_before
from .frame import make_claim, occasion_of, purpose_of, subject_of
from .lists import among_the, merge_coordinated, merge_others, shared_verb, split_totals, victims_included, with_the_killer, with_them
from .patterns import DIED, OTHERS_AFTER, SEVERITY, SEVERITY_ANY
from .reading import Found, Reading, trigger_of
from .rivals import rival_figure, rival_trigger
from .singulars import implicit_claims, ordinal_claim
from .tolls import count_steps, earlier_figures

_MEASURE_NOUN_AFTER_ZERO = re.compile(r"^\s*(?:of the\s+)?(?:injuries|wounds|deaths|arrests|shots|bullets|"
                                      r"charges|details|injured|wounded|dead|victims|killed|deceased)\b", re.IGNORECASE)

# "Four people were injured. One of the men later died": the next sentence says who of them died
_DIED_OF_THE_WOUNDED = re.compile(
    r"(?P<n>one|two|three|four|five|\d{1,2})\s+of\s+(?:them|those\s+(?:shot|wounded|injured|hurt)|the\s+(?:victims|wounded|injured|"
    r"men|women|people|teens|teenagers|boys|girls|males|females))\b(?:,[^,.;]{1,60},)?\s+" + DIED, re.IGNORECASE)

_ONE_OF_BEFORE = re.compile(r"\b(?:one|two|three|four|five|\d+|both|all|each|none|some|several|many|most|first|second|"
                            r"third|fourth|fifth|last|latest|another)\s+of\s+(?:the\s+)?$|"
                            # "three attackers out of 10-15": the set they were of
                            r"\bout\s+of\s+(?:a\s+total\s+of\s+|the\s+|an?\s+(?:group|band|team)\s+of\s+)?$|"
                            # "the identities of three victims": some of them, named
                            r"\b(?:identit(?:y|ies)|names?)\s+of\s+(?:the\s+)?$|"
                            # "his other two murder victims": the rest of a set counted elsewhere
                            r"\b(?:his|her|their|its)\s+other\s+$|"
                            # "a father of three": his children, not a count of the story
                            r"\b(?:father|mother|parent|dad|mom|mum|grandfather|grandmother|grandparent)\s+of\s+$",
                            re.IGNORECASE)

# ... but "one of the 129 schoolgirls abducted", "two of the five people killed": a participle right after the
# set's noun says what the set is, and the set's figure counts it
_SET_PARTICIPLE = re.compile(r"\s+(?:(?!(?:was|were|is|are|has|have|had|been)\b)[\w'’-]+\s+){0,2}?(?:killed|dead|injured|wounded|hurt|abducted|kidnapped|arrested|"
                             r"detained|missing|displaced|evacuated)\b", re.IGNORECASE)

# a figure followed by how badly: part of the total before it ("four wounded, one critically",
# "left four injured, one in critical condition", "seven hospitalized, one with critical injuries")
_BREAKDOWN_AFTER = re.compile(r"^\s*(?:of them\s+|of those\s+)?(?:" + SEVERITY + r"\b|(?:is\s+|was\s+|remains?\s+)?in\s+"
                              r"(?:critical|serious|grave|stable|fair|good|satisfactory)(?:\s+but\s+stable)?\s+condition\b|"
                              r"with\s+(?:" + SEVERITY + r"|critical|serious|grave|minor)\s+(?:injur|wound|gunshot))",
                              re.IGNORECASE)

# what stands before a breakdown figure: "four injured, one ...", "including one critically", "leaving one"
_BREAKDOWN_LEAD = re.compile(r"(?:,|\bincluding|\bleaving|\bwith|\s[–—]|--)\s*$", re.IGNORECASE)
_DASH_LEAD = re.compile(r"\s*(?:[–—]|--)\s*")

# an aside between paired dashes right after people counted: "three others -- two men and a woman --"
_DASH_ASIDE = re.compile(r"(?<=[a-z])(?P<aside>\s+(?:--|—|–)\s+[^-—–;:.]{3,60}?\s+(?:--|—|–)\s+)")


# an ordinal that counts days or nights, not people: "for a third day", "a fourth straight night"
_TIME_AFTER_ORDINAL = re.compile(r"\s+(?:(?:straight|consecutive|successive)\s+)?(?:day|night|week|month|year|time|"
                                 r"morning|evening|weekend)s?\b", re.IGNORECASE)


# ---- explicit figures ------------------------------------------------------------------
def sentence_claims(r: Reading, sentence: str, s0: int, qs: list[Quantity], earlier: list[Claim]) -> list[Claim]:
    out = []
    parts_seen: set[str] = set()  # measures this sentence breaks down ("two of the victims...")
    # ("thousands were spending a fourth night in the open": a time, no figure that ends a trigger search)
    figures = [(q.start - s0, q.end - s0) for q in qs
               if not (q.kind == "ordinal" and _TIME_AFTER_ORDINAL.match(sentence, q.end - s0))]
    for q in qs:
        qs_, qe_ = q.start - s0, q.end - s0
        if q.kind == "ordinal":
            claim = ordinal_claim(r, sentence, s0, q, figures)
            if claim:
                out.append(claim)
            continue
        if re.fullmatch(r"(?:million|thousand|hundred|billion)", q.text.strip(), re.IGNORECASE):
            continue  # "the March of the Million": a bare scale word names something, it counts nothing
        if q.lo == 0 and q.hi == 0 and _MEASURE_NOUN_AFTER_ZERO.match(sentence[qe_:qe_ + 30]):
            continue  # "none of the injuries was life-threatening": about the injuries, not a count
        one_of = _ONE_OF_BEFORE.search(sentence[max(0, qs_ - 20):qs_])
        if one_of and not (re.search(r"\bof\s+the\s+$", one_of.group(), re.IGNORECASE)
                           and not re.match(r"(?:identit|names?)", one_of.group(), re.IGNORECASE)
                           and _SET_PARTICIPLE.match(sentence, qe_)):
            continue  # "one of five victims dies": the five is the whole, the verb is the one's
        if re.search(r"\battempted\s+(?:murders?|homicides?|killings?)\s+of\s+$", sentence[max(0, qs_ - 40):qs_], re.IGNORECASE):
            continue  # "the attempted murder of one victim": not a death, and not said to be hurt
        if q.lo == 1 and q.text.lower() == "one" and re.match(
                r"\s+(?:used|found|seen|carried|fired|recovered|owned|bought|stolen|described)\b", sentence[qe_:qe_ + 15]):
            continue  # "a gun like one used in the killings": a thing, not a person
        if q.lo == 1 and re.match(r"\s+[a-z]+\s+to\s+the\s+next\b", sentence[qe_:qe_ + 30], re.IGNORECASE):
            continue  # "running from one homicide to the next": an idiom, not a count
        if q.lo == 1 and re.match(r"\s+\d{1,3}\s*,?\s+and\s+the\s+other\b", sentence[qe_:qe_ + 30], re.IGNORECASE):
            continue  # "two teenagers, one 16 and the other 17": one of the pair, by age
        if re.match(r"\s+(?:for|per)\s+(?:each|every)\b", sentence[qe_:qe_ + 15], re.IGNORECASE):
            continue  # "17 counts of attempted murder, one for each person wounded"
        if (re.match(r"\s+(?:remaining|most\s+recent|latest|earliest|first|last)\b", sentence[qe_:qe_ + 20], re.IGNORECASE)
                and not (q.hi == 0 and re.match(r"\s+remaining\s+(?:[\w-]+\s+)?(?:missing|unaccounted|displaced|evacuees|homeless)\b",
                                                 sentence[qe_:qe_ + 40], re.IGNORECASE))) \
                or re.search(r"\bthe\s+(?:last|previous|first|latest)\s+$", sentence[max(0, qs_ - 20):qs_], re.IGNORECASE):
            continue  # "the four remaining victims", "the two most recent killings", "the last two officers slain"
        found = measure_for(r, q, sentence, qs_, qe_, figures, earlier)
        part = bool(found and found.measure.counts_people and not q.unit
                    and some_of_them(q, found.measure, sentence, qs_, qe_)
                    and not of_a_narrower_set(r, q, sentence, qe_))
        # "two of the victims were in critical condition and two suffered minor injuries": the
        # second two is the rest of the same breakdown
        of_people = re.match(r"\s+of\s+(?:the\s+|those\s+|these\s+)?([a-z]+)", sentence[qe_:qe_ + 25], re.IGNORECASE)
        if part or (of_people and of_people.group(1).lower() in r.v.people_words | {"them", "whom"}):
            # "two of the victims were in critical condition and ...": a breakdown of people
            parts_seen.add(found.measure.name if found else "*")
        part = part or bool(found and (found.measure.name in parts_seen or "*" in parts_seen)
                            and SEVERITY_ANY.search(sentence[qe_:max(qe_, found.span[1]) + 25]))
        if found is not None and part:
            # "one of the dead men", "two of the victims were hurt": a part of a whole stated elsewhere
            whole = next((p for p in reversed(out + earlier) if p.measure == found.measure.name
                          and p.part_of is None and not p.implicit), None)
            if whole is None:
                continue
            c = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, qs_, qe_, found))
            out.append(replace(c, part_of=f"@{whole.quantity.start}"))
            continue
        if found is None and out and r.v.subset.search(sentence[max(0, qs_ - 25):qs_]):
            # "hundreds were injured, among them over 120 officers": counted as the whole is
            found = trigger_of(r, out[-1], s0, "whole") if out[-1].trigger_span else None
        if found is None and out and out[-1].trigger_span and _DASH_LEAD.fullmatch(
                sentence, out[-1].trigger_span[1] - s0, qs_) and _BREAKDOWN_AFTER.match(sentence[qe_:qe_ + 40]):
            # "227 people injured – seven seriously –": how badly some of them were hurt, set off by a dash
            found = trigger_of(r, out[-1], s0, "before")
        rival = rival_figure(r, sentence, s0, qs_, qe_, out) if found is None else None
        if rival is not None:
            # "... while the Red Cross said 69": the same people's count, by its own verb of saying
            found = rival_trigger(r, rival, sentence, s0, qs_)
        if found is None:
            continue
        if _BREAKDOWN_AFTER.match(sentence[qe_:qe_ + 40]) and (
                found.direction == "before" or _BREAKDOWN_LEAD.search(sentence[:qs_])):
            whole = next((p for p in reversed(out) if p.measure == found.measure.name and p.part_of is None
                          and (p.quantity.lo or 0) > (q.lo or 0)), None)
            if whole is not None:
                # "4 people wounded, 1 critically": the one is among the four
                c = make_claim(r, sentence, s0, q, found, subject_of(r, sentence, qs_, qe_, found))
                out.append(replace(c, part_of=f"@{whole.quantity.start}"))
                continue
            if _BREAKDOWN_LEAD.search(sentence[:qs_]) and (
                    found.direction == "before" or uncounted_whole_before(q, qs, out)):
                # "seven remained hospitalized, one with critical injuries", "others were wounded,
                # two critically": a part of a whole the sentence gives no figure of
                continue
        if r.v.subset.search(sentence[max(0, qs_ - 25):qs_]) and uncounted_whole_before(q, qs, out) \
                and not any(p.measure == found.measure.name for p in out):
            continue  # "three people reported being targeted, including one who suffered a minor injury"
        if re.search(r"\bthe\s+(?:other|remaining)\s+$", sentence[max(0, qs_ - 20):qs_], re.IGNORECASE) and (
                same_measure_before(found.measure, sentence[:qs_])
                or (not sentence[:qs_].strip(" \"“'‘").lower().removesuffix("the other").removesuffix("the remaining").strip()
                    and any(c.measure == found.measure.name for c in earlier))):
            continue  # "one has life-threatening injuries, while the other two have minor injuries"
        if re.search(r"\bthe\s+$", sentence[max(0, qs_ - 5):qs_], re.IGNORECASE) and re.match(
                r"\s+other\b", sentence[qe_:qe_ + 8], re.IGNORECASE) and any(
                c.measure == found.measure.name for c in earlier):
            continue  # "the two other injured victims", after the article has counted the injured
        if one_of_a_set(r, found, sentence, qe_):
            continue
        subject = subject_of(r, sentence, qs_, qe_, found) if not found.measure.purposes \
            else purpose_of(found.measure, sentence, qs_, qe_)
        subject = found.subject or occasion_of(found.measure, sentence, qs_) or subject
        if found.measure.purposes and subject and re.search(r"\beach\b", sentence[qe_:qe_ + 40], re.IGNORECASE):
            subject += " each"  # "$10 million bond each": per person, not the sum another source gives
        claim = make_claim(r, sentence, s0, q, found, subject)
        if rival is not None:
            claim = replace(claim, subject=claim.subject or rival.subject)
        if found.some:
            # "a total of 303 were taken to hospital ... Of those, 121 remain in hospital": those still
            # cared for are a part of a larger count of the hurt given before them, else a lower bound
            whole = largest_total_before(found.measure.name, out + earlier, q)
            claim = replace(claim, part_of=f"@{whole.quantity.start}") if whole else claim
        out.append(claim)
    out = split_totals(r, sentence, s0, qs, out)
    out = [with_the_killer(c, sentence, s0) for c in out]
    out.sort(key=lambda c: c.quantity.start)
    out = [with_them(c, sentence, s0) for c in
           merge_others(merge_coordinated(r, out, sentence, s0, qs), sentence, s0, qs, r.v.subset_lead)]
    out = among_the(r, sentence, s0, qs, out, earlier)
    out = victims_included(r, sentence, s0, qs, out, earlier)
    out = shared_verb(r, sentence, s0, qs, out)
    out = earlier_figures(r, sentence, s0, qs, out)  # "rose to 934 from 863"
    out = count_steps(r, sentence, s0, qs, out)  # "rose from 12 to 20", "to 150,000 on Friday, to 212,000 on Saturday"
    # "32 deaths were confirmed in Wajima, followed by 22 in Suzu": the later items share the verb
    return list_members(r, sentence, s0, qs, out, earlier)


def besides_someone_hurt(r: Reading, sentence: str, s0: int, qs: list[Quantity], new: list[Claim]) -> list[Claim]:
    """'A pregnant woman was shot five times ... in a shooting that injured four other people':
    the others are besides a person the sentence has already said was hurt the same way, so the
    figure is not all of them: a lower bound. After "a man was killed", others hurt are all the
    hurt. The person counts even if "shot" may mean she died: a lower bound is safe either way."""
    others = [c for c in new if not c.implicit and not c.some_only and r.v.measure(c.measure).counts_people
              and OTHERS_AFTER.match(r.text[c.quantity.end:c.quantity.end + 25])]
    if not others:
        return new
    singles = [s for s in implicit_claims(r, sentence, s0, qs, [], weak_ok=True) if not s.increment]
    besides = {id(c) for c in others for s in singles if s.measure == c.measure and s.quantity.end <= c.quantity.start}
    return [replace(c, some_only=True) if id(c) in besides else c for c in new]


def died_of_the_wounded(r: Reading, sentence: str, s0: int, new: list[Claim],
                         earlier: list[Claim]) -> list[Claim]:
    """'Police said 10 people were wounded. One of the victims was killed.': the dead were among
    those counted as hurt, so the injured are the rest (9), and someone died (at least one).

    The wounded figure is the last injuries total of the last sentence that gives a figure, in the
    same paragraph ("Four people were injured. Two men and two women were taken to hospitals. One
    of the men later died."); ``earlier`` is updated in place, and the death is returned with ``new``."""
    m = _DIED_OF_THE_WOUNDED.match(sentence)
    if not m or not earlier:
        return new
    read = [c for c in new if c.measure == "deaths"]  # "One of the men" read already, as a part of a toll
    if any(c.quantity.start != s0 + m.start("n") for c in read):
        return new
    prev = [i for i, c in enumerate(earlier) if c.sentence_start == earlier[-1].sentence_start
            and c.measure == "injuries" and c.compared_as_total and not (c.roundup or c.implicit)
            and c.quantity.kind == "exact"]
    gap = r.text[earlier[prev[-1]].sentence_start + len(earlier[prev[-1]].sentence):s0] if prev else ""
    if not prev or len(gap) > 200 or "\n\n" in gap:
        return new  # only soon after the sentence that counts the wounded, in its paragraph
    word = m.group("n").lower()
    k = float(word) if word.isdigit() else float(UNITS[word])
    i = prev[-1]
    q = earlier[i].quantity
    if q.lo is None or q.lo <= k:
        return new
    earlier[i] = replace(earlier[i], quantity=replace(q, lo=q.lo - k, hi=q.lo - k, value=q.lo - k))
    if read:
        return new
    dq = Quantity(text=m.group("n"), start=s0 + m.start("n"), end=s0 + m.end("n"), lo=k, hi=k, kind="exact", value=k)
    found = Found(r.v.measure("deaths"), m.group("died"), m.span("died"), "after")
    # those of the wounded who died, not necessarily all the dead ("a man was killed and four
    # hurt; one of the injured later died"): a singular beside the other deaths, a lower bound
    death = replace(make_claim(r, sentence, s0, dq, found, None, implicit=k == 1), some_only=True)
    return sorted(new + [death], key=lambda c: c.quantity.start)


def without_asides(sentence: str, s0: int, qs: list[Quantity]) -> tuple[str, list[Quantity]]:
    """The sentence with each aside that follows a count of people blanked out (offsets kept), and
    the figures outside the asides."""
    # (an aside of some of them, "516 people – including 203 men and 213 women – are missing", names
    # parts of the count: `lists.aside_parts` reads them from the whole sentence)
    spans = [m.span("aside") for m in _DASH_ASIDE.finditer(sentence)
             if re.search(r"\b(?:others|people|persons|victims|men|women|children)$", sentence[:m.start()], re.IGNORECASE)]
    if not spans:
        return sentence, qs
    read = sentence
    for a, b in spans:
        read = read[:a] + " " * (b - a) + read[b:]
    return read, [q for q in qs if not any(a <= q.start - s0 < b for a, b in spans)]
