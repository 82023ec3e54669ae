"""Results of a part of the count or of several candidates together: a share won in one region ("the
party polled 45% in the Northern Cape") is not its share of the nation, and "between them the two allies
polled 41%" is no single party's share. Either is written into the figure's subject, so alignment never
compares it with the nation's share of one party, and the results table shows it in a row of its own:

- a region: "<subject> in <region>" ("Harbour Party in Northern Cape"), keyed "<subject's key> in <region>";
- a sum: "<A> + <B>", keyed by its parties' keys ("Harbour Alliance + Open List" meets "HA + Open List").

The region is named in the figure's own clause ("won 45% in Talvia", "was leading in Talvia, with
45%"), in a clause the figure's sentence opens with ("In Talvia, the Greens took 45%"), or before a
"where" the figure's clause hangs on ("support flowed in from Talvia, where the Greens polled 45%"); a
country is the whole count, not a region. Place words are data/places.toml's (claims/place.py).
"""
from __future__ import annotations

import re
from typing import Optional

from .election_words import ElectionWords, fold
from .place import default_place_grammar

REGION_JOIN = " in "      # "<subject> in <region>"
SUM_JOIN = " + "          # "<A> + <B>"

# a place the figure's clause names before it: "was leading in Talvia, with 45%", "in Talvia the Greens took 45%"
_PLACE_BEFORE = re.compile(r"(?-i:\b(?:in|across|throughout)\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’-]*){0,3}))"
                           r"(?P<tail>[^.;:\d]{0,40})$")
# "... strongest in Talvia, where it polled 45%", "In Talvia, where counting ended, the Greens had 45%"
_WHERE = re.compile(r"(?-i:\b(?:in|from|across|throughout)\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’-]*){0,3}))"
                    r"\s*,?\s+where\b[^.;]{0,80}$")
# after the figure, in its own clause: "45% in Talvia", "45% of the vote in the Northern Cape province"
_PLACE_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:votes?|ballots)\s+(?:cast\s+)?)?(?-i:(?:in|across|throughout)\s+"
                          r"(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’-]*){0,3}))", re.IGNORECASE)
# words that make the place before a figure someone's home or a speaker's, not where the result was counted
_NOT_WHERE_COUNTED = re.compile(r"\b(?:speaking|spoke|based|headquartered|born|lives?|living|voted|voting|casting|cast|"
                                r"rally|rallies|campaign\w*|said|says|told|addressing|visit\w*|published|released|announced|"
                                r"reported|issued)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# between the place and the figure: the place is the speaker's ("the commission in Harare said Dask won 52%")
_SAID_AFTER_PLACE = re.compile(r"\b(?:said|says|announced|reported|declared|told|according|showed|shows)\b", re.IGNORECASE)
# a relative clause still open before the place: "Dask, whose support is strongest in Harare, got 44%"
_RELATIVE_OPEN = re.compile(r"\b(?:who|whose|which)\b[^,]*$", re.IGNORECASE)
# a clause that says the figure is the whole country's
_NATIONAL_NEAR = re.compile(r"\b(?:nationally|nationwide|national(?:\s+\w+)?\s+(?:vote|result|results|tally|count|level)|"
                            r"across\s+the\s+country|countrywide|overall)\b", re.IGNORECASE)
# after a capitalised word, a noun that makes it the election's name: "in the European elections", "in the
# Scottish referendum", "in the Senate race"
_EVENT_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:elections?|votes?|polls?|referend(?:um|a)|races?|ballots?|contests?|primar(?:y|ies)|"
                          r"run-?offs?|rounds?|campaigns?)\b", re.IGNORECASE)
# the break between two clauses of a result sentence
_BREAK = re.compile(r"[;]|\.\s|\b(?:while|whereas|but)\b")


def region_of(ew: ElectionWords, sentence: str, qs_: int, qe_: int, lead: str = "") -> Optional[str]:
    """The region a vote share or count at ``qs_:qe_`` of ``sentence`` was won in, when the sentence
    says so; None for the whole count (no place, a country, "nationally", a place the article's
    ``lead`` — its headline and opening — names: where the election itself was, "Dask won 52% in
    Talvia" in a story on Talvia's governor race)."""
    region = _said_region(ew, sentence, qs_, qe_)
    return None if region and re.search(r"\b" + re.escape(region) + r"\b", lead) else region


def _said_region(ew: ElectionWords, sentence: str, qs_: int, qe_: int) -> Optional[str]:
    after = sentence[qe_:qe_ + 80]
    m = _PLACE_AFTER.match(after)
    if m:
        return None if _EVENT_AFTER.match(after[m.end():]) else _region(ew, m.group("name"))
    start = max((b.end() for b in _BREAK.finditer(sentence[:qs_])), default=0)
    clause = sentence[start:qs_]
    if _NATIONAL_NEAR.search(clause[-60:]) or _NATIONAL_NEAR.match(after[:30].lstrip(" ,")):
        return None
    m = _PLACE_BEFORE.search(clause)
    if m and not _NOT_WHERE_COUNTED.search(clause[:m.start()]) and not re.search(r"\d", m.group("tail")) \
            and not _SAID_AFTER_PLACE.search(m.group("tail")) \
            and not (_RELATIVE_OPEN.search(clause[:m.start()]) and re.match(r"[^,]*,\s*(?!with\b)\w", m.group("tail"))):
        return None if _EVENT_AFTER.match(m.group("tail")) else _region(ew, m.group("name"))
    m = _WHERE.search(sentence[:qs_])
    if m:
        return _region(ew, m.group("name"))
    opening = re.match(r"^\W*(?:In|Across|Throughout)\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’-]*){0,3})\s*,", sentence)
    if opening and opening.end() <= qs_:
        return _region(ew, opening.group("name"))
    return None


def region_carried(sentence: str, prev_end: int, qs_: int) -> bool:
    """'The Greens topped the poll in Talvia on 43%, whereas the Harbour Party trailed on 19%': a clause that goes on
    comparing after a region's result (joined by "while", "whereas", "and") and names no place of its
    own, nor the nation, is about the same region."""
    between = sentence[prev_end:qs_]
    return bool(re.search(r"\b(?:while|whereas|and)\b", between)) and not re.search(r"[;]|\.\s|\bbut\b", between) \
        and not _NATIONAL_NEAR.search(between + sentence[qs_:qs_ + 40]) \
        and not re.search(r"(?-i:\b(?:in|across|throughout)\s+(?:the\s+)?[A-Z])", between)


def region_named_again(sentence: str, region: str, qs_: int) -> bool:
    """'The Greens topped the poll in Talvia on 43%. Their old Talvia rival, the Harbour Party, managed 16%': a sentence right after a
    region's results that names the region again, before its figure, and neither another place nor the
    nation, is about the same region."""
    before = sentence[:qs_]
    return bool(re.search(r"\b" + re.escape(region) + r"\b", before)) \
        and not _NATIONAL_NEAR.search(sentence[:qs_ + 40]) \
        and not re.search(r"(?-i:\b(?:in|across|throughout)\s+(?:the\s+)?(?!" + re.escape(region) + r"\b)[A-Z])", before)


_EVENT_WORD = re.compile(r"(?:elections?|votes?|polls?|referend(?:um|a|ums)|races?|primar(?:y|ies)|ballots?|run-?offs?)",
                         re.IGNORECASE)


def _region(ew: ElectionWords, raw: str) -> Optional[str]:
    """A place name as a region, or None: a country (the whole count), a time, a chamber, a body."""
    g = default_place_grammar()
    words = re.sub(r"^the\s+", "", raw.strip(" .,'’-")).split()
    owner = max((i for i, w in enumerate(words[:-1]) if re.search(r"['’]s$", w)), default=-1)
    words = words[owner + 1:]  # "in Talvia's Eastmoor": Eastmoor
    while words and (re.sub(r"['’]s$", "", words[-1]) in g.not_places or fold(words[-1]) in ew.not_names):
        if _EVENT_WORD.fullmatch(words.pop()):
            return None  # "in the General Election": the election, not a place
    if not words or re.search(r"['’]s$", words[-1]):
        return None  # "in Sunday's vote", "in Poland's election": a time or the election itself
    name = " ".join(words)
    if name in g.countries or words[0] in g.not_places or any(fold(w) in ew.bodies or fold(w) in ew.not_names for w in words):
        return None
    return name


def in_region(subject: Optional[str], region: Optional[str]) -> Optional[str]:
    """'Harbour Party' won in 'Talvia': 'Harbour Party in Talvia'."""
    if not subject or not region or subject.endswith(REGION_JOIN + region):
        return subject
    return f"{subject}{REGION_JOIN}{region}"


def split_region(subject: str) -> tuple[str, Optional[str]]:
    """'Harbour Party in Talvia' -> ('Harbour Party', 'Talvia'); other subjects -> (subject, None)."""
    m = re.fullmatch(r"(?P<who>.+?)" + REGION_JOIN + r"(?P<region>[A-Z][^()]*)", subject)
    return (m.group("who"), m.group("region")) if m else (subject, None)


# "between them the two allies polled 41%", "the three parties combined won 52%", "Sorin and Dask together
# had 80%": a sum of shares, said in the figure's clause with no other figure between
_SUM_WORDS = re.compile(r"\b(?:(?:in\s+)?total|together|combined|jointly|between\s+them)\b[^.;\d]{0,60}$", re.IGNORECASE)
_SUM_COUNT = re.compile(r"\bthe\s+(?P<n>two|three|four)\s+(?:\w+\s+)?(?:blocs?|blocks?|parties|lists|coalitions|groups|alliances|"
                        r"allies|partners|candidates)\b[^.;\d]*$", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4}


def sum_of(sentence: str, qs_: int, told: list[str], named: list[str] = ()) -> Optional[str]:
    """'Between them the two allies polled 41%', after shares of 'Harbour Alliance' and 'Open List': the
    subjects ``told`` last (as many as the clause counts), added up ("Harbour Alliance + Open List"); or
    the names the clause itself gives, when two or more ('Sorin and Dask together had 80%'). None when
    the figure's clause does not say it adds up, or does not say how many."""
    start = max((b.end() for b in _BREAK.finditer(sentence[:qs_])), default=0)
    # a relative clause says something else of its noun ("The Greens, who together with Labour form the
    # government, won 24%"), and "together with" joins a partner, not a sum
    clause = re.sub(r",\s*(?:who|which|whose)\b[^,]*,", ",", sentence[start:qs_])
    if not _SUM_WORDS.search(clause) or re.search(r"\btogether\s+with\b", clause, re.IGNORECASE):
        return None
    if len(named) == 1 and all(part in told for part in named[0].split(" and ")):
        named = named[0].split(" and ")  # "Velkova and Dask together", both told before (not "Law and Justice")
    if len(set(named)) >= 2:
        return SUM_JOIN.join(dict.fromkeys(named))
    count = _SUM_COUNT.search(clause)
    if not count:
        return None  # "the opposition together won 48%": how many parties is not said
    n = _COUNTS[count.group("n").lower()]
    names: list[str] = []
    for s in reversed(told):
        if s not in names:
            names.insert(0, s)
        if len(names) == n:
            return SUM_JOIN.join(names)
    return None


def split_sum(subject: str) -> list[str]:
    """'Harbour Alliance + Open List' -> ['Harbour Alliance', 'Open List']; another subject -> [subject]."""
    return subject.split(SUM_JOIN)


def row_scope(key: str) -> Optional[str]:
    """'region' for a results-table row keyed by a region's result, 'sum' for several candidates added
    up: neither is one candidate's share of the whole count."""
    if SUM_JOIN in key:
        return "sum"
    return "region" if REGION_JOIN in key else None
