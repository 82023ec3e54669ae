"""Where a figure was counted, as the figure's own clause says: a site ("at the airport", "in the camps"), a
named place ("in Juliaca", "in Tel Aviv alone"), the whole country ("nationwide") or the whole event ("in total").

Only the clause that holds the figure counts: in "the clashes killed 12 in Juliaca, while 39 have died
nationwide" 12 is Juliaca's and 39 the nation's. A sentence that opens on a place ("In Suzu, ...") gives it
to the figures whose own clause names none. A figure whose clause names no place has none: alignment keeps
it comparable with every figure (align.py). The words are data (data/places.toml); the grammar is here.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from typing import Optional

from ..models import Claim
from ..phrases import phrase_alternation  # longest first: "metro station" wins over "metro"

SITE, NAMED, NATIONAL, WHOLE = "site", "named", "national", "whole"
NATIONWIDE = "nationwide"  # the place of every national figure: all are the same whole
IN_TOTAL = "in total"      # the place of a figure said of the whole event ("overall", "all told")

# where a figure's clause ends: punctuation, a conjunction that starts another clause, or the next figure
_NUMBERISH = r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|some|dozens|" \
             r"scores|hundreds|thousands|millions|tens)\b)"
# ("and" ends the clause only before another figure: "11 at the airport and 15 on the metro", not "marches and rallies")
_CLAUSE_END = re.compile(r"[;:,()\[\]—–]|\s-\s|\d|\b(?:and|or)\s+(?:[a-z-]+\s+)?(?=" + _NUMBERISH + r")|"
                         r"\b(?:while|whereas|but|as|including|among|compared|against|with|after|before|when|where|"
                         r"which|who|that|since|than|because)\b", re.IGNORECASE)
_MAX_CLAUSE = 100  # characters after the figure searched for its place


@dataclass(frozen=True)
class Place:
    name: str   # "Juliaca", "airport" (a site's kind), "nationwide"
    level: str  # SITE, NAMED or NATIONAL


@dataclass(frozen=True)
class PlaceGrammar:
    national: re.Pattern
    whole: re.Pattern
    site: re.Pattern
    named: re.Pattern
    site_kinds: dict[str, str]        # a site word -> its kind
    not_places: frozenset[str]
    event_nouns: frozenset[str]
    countries: frozenset[str]
    nation_names: Optional[re.Pattern] = None  # a country's name or an irregular word for it ([demonyms])
    nation_of_word: Optional[dict[str, str]] = None  # that word -> the country


@functools.lru_cache(maxsize=1)
def default_place_grammar() -> PlaceGrammar:
    raw = tomllib.loads(resources.files("crosscheck").joinpath("data/places.toml").read_text("utf-8"))
    return compile_places(raw)


def compile_places(raw: dict) -> PlaceGrammar:
    preps = phrase_alternation(raw["prepositions"])
    site_kinds = {w.lower(): kind for kind, words in raw["sites"].items() for w in words}
    # "in all of Peru", "in the country's history": not a whole-country figure
    national, whole = (re.compile(r"\b(?:" + phrase_alternation(raw[key]) + r")\b(?!['’]s)(?!\s+(?:of|the)\b)", re.IGNORECASE)
                       for key in ("national", "whole"))
    # "at the airport", "in one camp", "on the crowded metro train": a site word after up to three small words
    site = re.compile(r"\b(?:" + preps + r")\s+(?:(?:the|a|an|one|two|three|several|its|their|this|that|these|"
                      r"those|both|each|all|main|local|[a-z-]+)\s+){0,3}?(?P<site>" + phrase_alternation(site_kinds)
                      + r")\b(?!['’]s)", re.IGNORECASE)
    kinds = phrase_alternation(raw["place_kinds"])
    named = re.compile(r"(?-i:\b(?P<prep>in|at|across|throughout|streets\s+of)\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]+){0,3}))"
                       r"(?:\s+(?P<kind>" + kinds + r")\b)?", re.IGNORECASE)
    # a country's own name, unless the demonyms table says whose it is ("America", "Britain")
    words = {c: c for c in raw["countries"] if not c.startswith("the ")}
    words.update({w: country for country, ws in raw.get("demonyms", {}).items() for w in ws})
    names = re.compile(r"(?<![\w.])(?P<name>" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                       + r")(?:['’]s)?(?![\w-])")
    return PlaceGrammar(national, whole, site, named, site_kinds, frozenset(raw["not_places"]),
                        frozenset(w.lower() for w in raw["event_nouns"]), frozenset(raw["countries"]), names, words)


STATE_SIDE = "official"  # the side of a state's parties (data/parties.toml): they carry their state
NATION_JOIN = " of "      # "government of Japan": a party of one state (no party's own name has " of ")
# a word for a country's people, as an adjective: "Iranian", "Japanese", "Israeli", "Turkish" (singular: a
# plural or a place such as "Indianapolis" is no adjective of a state); atomic, so that runs of such words
# cannot make the search backtrack
_DEMONYM = re.compile(r"(?-i:\b(?>[A-Z][a-z]{2,}(?:ian|ean|an|ese|i|ish))\b)")
# a capitalised word right before or after a country's name makes it part of another name: "Panama City",
# "New Mexico", "Police Chief Mike Jordan", "Sheriff Chad Bianco", "Georgia Bureau of Investigation"
_NAME_BEFORE = re.compile(r"(?-i:\b(?!The\b)[A-Z][\w'’-]*\s+$)")
_NAME_AFTER = re.compile(r"(?-i:^\s+[A-Z])")


def _nations(text: str, g: PlaceGrammar) -> list[tuple[int, str]]:
    """(position, country) of each state or people a text names: a country's name standing alone
    (not inside another name), or a word for its people that begins as the country's name does, less its
    last letter ("Tunisian" for Tunisia, "Iraqi" for Iraq; the longest such name: "Austrian" is
    Austria's, "Australian" Australia's); irregular words are in the [demonyms] table."""
    found, taken = [], []

    def inside_a_name(m: re.Match) -> bool:
        return bool(_NAME_BEFORE.search(text[max(0, m.start() - 40):m.start()])) or \
            (not m.group(0).endswith(("'s", "’s")) and bool(_NAME_AFTER.match(text[m.end():m.end() + 3])))
    for m in g.nation_names.finditer(text) if g.nation_names else ():
        taken.append((m.start(), m.end()))
        if not inside_a_name(m):
            found.append((m.start(), g.nation_of_word[m.group("name")]))
    for m in _DEMONYM.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or inside_a_name(m):
            continue  # ("Israeli" is in the table: counted once)
        word = m.group(0)
        fits = [c for c in g.countries if len(c) >= 4 and word.startswith(c[:-1])]
        if fits:
            # the whole name first ("Iranian" is Iran's, not Iraq's), then the longest, then by name: the
            # same answer in every run (the set's order is not)
            best = max(fits, key=lambda c: (word.startswith(c), len(c), c))
            found.append((m.start(), g.nation_of_word.get(best, best)))
    return sorted(found)


def nation_of(text: Optional[str], g: Optional[PlaceGrammar] = None) -> Optional[str]:
    """The country a text names first as a state's or its people's ("Japan's prime minister", "Iranian
    officials", "the U.S. government", "the Hamas-run health ministry"); None when it names none."""
    found = _nations(text, g or default_place_grammar()) if text else []
    return found[0][1] if found else None


def nations_named(text: str, g: Optional[PlaceGrammar] = None) -> list[str]:
    """Every country a text names, by name or by a word for its people, in order (see _nations)."""
    return [country for _, country in _nations(text, g or default_place_grammar())]


def state_party(party: str, country: str) -> str:
    """'government' of 'United States' -> 'government of the United States' (see figure_pairs.disputed)."""
    return f"{party}{NATION_JOIN}{with_article(country)}"


def with_article(country: str) -> str:
    """'the United States', 'the Philippines'; 'Japan' as it is."""
    return f"the {country}" if re.match(r"United |Netherlands|Philippines|Czech|Central African|Gambia", country) else country


def _headline_like(sentence: str) -> bool:
    """A Title Case headline capitalises every word: its capitals say nothing of names."""
    words = re.findall(r"[A-Za-z][\w'’-]*", sentence)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _named(g: PlaceGrammar, m: re.Match, text: str) -> Optional[Place]:
    words = re.sub(r"^the\s+", "", m.group("name")).split()
    while words and re.sub(r"['’]s$", "", words[-1]) in g.not_places:
        words.pop()  # "in Tel Aviv Saturday night"
    if not words or re.sub(r"['’]s$", "", words[0].rstrip(".")) in g.not_places:
        return None  # "in March", "in Saturday's quake"
    name = " ".join(words)
    owner = re.match(r"\s+([a-z]+)\b", text[m.end():]) if re.search(r"['’]s$", name) else None
    if owner:
        name += " " + owner.group(1)  # "in Sudan's capital"
    if len(words) == len(m.group("name").split()) - m.group("name").startswith("the ") and not m.group("kind") \
            and re.match(r"\s+(?:country|nation)\b", text[m.end():]):
        return Place(NATIONWIDE, NATIONAL)  # "in the South Asian country"
    if not m.group("kind") and _names_the_event(g, text[m.end():]):
        return None  # "killed in Brussels attacks", "the toll in Nice terror attack": the event's name, counted whole
    if name in g.countries or m.group("name") in g.countries:
        if m.group("prep") in ("across", "throughout"):
            return Place(NATIONWIDE, NATIONAL)  # "450,000 marched across Israel"
        # "17 died in Peru as protesters stormed an airport": where the event was, not a count of the whole
        # country; "nationwide" says that
        return None
    return Place(name + (f" {m.group('kind').lower()}" if m.group("kind") else ""), NAMED)


_LINKS = frozenset("on in at during after when as and since from by while for of near with".split())


def _names_the_event(g: PlaceGrammar, after: str) -> bool:
    """Whether the words after a place's name make it the event's name: an event noun within the next
    three words, with no link word between ("in Nice terror attack", not "in Nice during clashes")."""
    if re.match(r"['’]s\b", after):
        return True  # "in Juliaca's clashes"
    for word in re.findall(r"[\w'’-]+", after)[:3]:
        if word.lower() in g.event_nouns:
            return True
        if word.lower() in _LINKS or not word.islower():
            return False
    return False


def place_in(g: PlaceGrammar, text: str, headline: bool = False) -> Optional[Place]:
    """The first place ``text`` (a piece of one clause) names, if any."""
    hits: list[tuple[int, Place]] = []
    for rx, found in ((g.national, Place(NATIONWIDE, NATIONAL)), (g.whole, Place(IN_TOTAL, WHOLE))):
        m = rx.search(text)
        if m:
            hits.append((m.start(), found))
    m = g.site.search(text)
    # ("15 died in the underground blast" is the metro's; "in the Grenfell Tower disaster" names the event)
    if m and not (m.group("site")[0].isupper() and _names_the_event(g, text[m.end():])):
        hits.append((m.start(), Place(g.site_kinds[" ".join(m.group("site").lower().split())], SITE)))
    if not headline:
        for m in g.named.finditer(text):
            named = _named(g, m, text)
            if named:
                hits.append((m.start(), named))
                break
    return min(hits, key=lambda h: h[0])[1] if hits else None


_OPENING = re.compile(r"^\s*(?!At\s+(?:least|most|times|first|last)\b)(?!In\s+(?:all|addition|fact|turn)\b)"
                      r"(?P<phrase>(?:In|At|On|Inside|Across|Nationwide|Overall)\b[^,;]{0,60}),")
_WHERE_BEFORE = re.compile(r"(?P<at>\b(?:in|at|on|inside)\s+[^,;]{1,50}?),?\s+where\s+[^,;]*$")
_TOLL_BEFORE = re.compile(r"\b(?:toll|tally|count|number|figure)\s+(?P<at>\S.*)$", re.IGNORECASE)


def place_of(g: PlaceGrammar, sentence: str, start: int, end: int) -> Optional[Place]:
    """The place the figure at ``start:end`` of ``sentence`` is given for, by its own clause."""
    headline = _headline_like(sentence)
    after = sentence[end:end + _MAX_CLAUSE]
    stop = _CLAUSE_END.search(after)
    own = place_in(g, after[:stop.start()] if stop else after, headline)
    if own:
        return own
    # "the toll in Juliaca rose to 17", "the death toll nationwide stands at 39": the place of the count named before it
    before = sentence[:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before) if not m.group().isdigit()), default=0)
    toll = _TOLL_BEFORE.search(before[cut:])
    # ("the toll from the attacks at the airport and the metro rose to 35": both sites, the whole event)
    if toll and not re.search(r"\b(?:and|or)\b", toll.group("at")):
        own = place_in(g, toll.group("at"), headline)
        if own:
            return own
    # "The biggest march was in Tel Aviv, where up to 300,000 took part"
    where = _WHERE_BEFORE.search(before)
    if where:
        own = place_in(g, where.group("at"), headline)
        if own:
            return own
    # "In Suzu, 22 people died": a sentence that opens on a place gives it to its figures
    opening = _OPENING.match(sentence)
    if opening and opening.end() <= start:
        phrase = opening.group("phrase")
        return place_in(g, phrase if phrase[0].islower() else phrase[0].lower() + phrase[1:], headline)
    return None


def with_places(r, claims: list[Claim]) -> list[Claim]:
    """Article pass: each claim's place, read from its own clause."""
    g = default_place_grammar()
    out = []
    for c in claims:
        s0 = c.sentence_start
        # the figure's clause runs past its trigger: "12 people were killed in Juliaca"
        place = place_of(g, c.sentence, c.quantity.start - s0, c.quantity.end - s0)
        out.append(replace(c, place=place.name, place_level=place.level) if place else c)
    return out


def places_differ(a: Claim, b: Claim) -> bool:
    """Whether two figures are given for different places, both stated: not the same total. Only three
    splits are safe: the whole country against a part of it ("12 in Juliaca", "39 nationwide"), the whole
    event against one site of it ("34 in total", "11 at the airport"), and two different kinds of site
    ("11 at the airport", "15 on the metro"). Two named places are often one event's place by two names (a
    town and its region), a town's figure may be its one site's, and "in total" may be said of the town the
    event was in: those stay compared. A figure with no place may be of any place, and is compared with
    every other."""
    if not (a.place and b.place):
        return False
    levels = {a.place_level, b.place_level}
    if NATIONAL in levels:
        return bool(levels & {SITE, NAMED})
    if WHOLE in levels:
        return SITE in levels
    return levels == {SITE} and a.place.lower() != b.place.lower()
