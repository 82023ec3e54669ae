"""The words of election results (data/elections.toml, extended by a user's ``[elections]`` table),
compiled once: aliases of names, words that are no candidate, referendum options, count progress and
stages, who produced a figure, what is not a share, ballot totals and ballot kinds."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Optional


def fold(text: str) -> str:
    """Lower case without accents: 'Gálvez' and 'Galvez', 'Łukašenka' and 'lukasenka' meet."""
    text = text.replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass(frozen=True)
class ElectionWords:
    aliases: dict[str, str]                   # folded spelling -> canonical name
    translations: dict[str, str]              # folded name in another language (or an acronym) -> English name
    not_names: frozenset[str]                 # folded words that are no name on their own
    bodies: frozenset[str]                    # folded words that make a name a counting or reporting body
    options: tuple[tuple[str, re.Pattern, re.Pattern], ...]  # (option, after the figure, before it)
    progress_after: re.Pattern
    progress_before: re.Pattern
    stages: tuple[tuple[str, re.Pattern], ...]
    producers: tuple[tuple[str, re.Pattern], ...]
    pollsters: re.Pattern
    not_share_after: re.Pattern
    not_share_before: re.Pattern
    totals_before: re.Pattern
    totals_after: re.Pattern
    kinds: tuple[tuple[str, re.Pattern], ...]

    def canonical(self, name: str) -> str:
        """The name as the alias table spells it: the whole name, else one of its words ("Marta
        Welkowa" is "Velkova" when the table lists "Welkowa"); referendum options only whole."""
        whole = self.aliases.get(fold(name))
        if whole:
            return whole
        for word in name.split():
            canon = self.aliases.get(fold(word))
            if canon and canon not in ("yes", "no") and len(word) > 3:
                return canon
        return name


    def in_english(self, name: str) -> str:
        """A name written in another language with its English name beside it: 'Konfederacja' as
        'Konfederacja (Confederation)', an acronym after the English name ('KO' as 'Civic Coalition (KO)'),
        'Koalicja Obywatelska (KO)' as 'Koalicja Obywatelska (Civic Coalition, KO)'; other names as they are."""
        m = re.fullmatch(r"(?P<bare>.*?)\s*\((?P<acronym>[^)]+)\)", name)
        bare, acronym = (m.group("bare"), m.group("acronym")) if m else (name, None)
        english = self.translations.get(fold(bare)) or (self.translations.get(fold(acronym)) if acronym else None)
        if not english or fold(english) in fold(bare):
            return name  # (already in English: "Civic Coalition (KO)")
        if acronym:
            return f"{bare} ({english}, {acronym})"
        if is_acronym(bare):
            return f"{english} ({bare})"
        return f"{bare} ({english})"

    def english_name(self, subject: str) -> Optional[str]:
        """The English name a subject written by `in_english` gives ('Terza Via (Third Way)' -> 'Third
        Way'), None for any other subject."""
        m = re.search(r"\((?P<english>[^(),]+)(?:,\s*[^()]+)?\)\s*$", subject)
        if m and m.group("english") in self.english_names:
            return m.group("english")
        return None

    @property
    def english_names(self) -> frozenset[str]:
        return frozenset(self.translations.values())


def is_acronym(word: str) -> bool:
    """'KO', 'PiS', 'M.K.': a party's initials, not a word."""
    return bool(re.fullmatch(r"(?:[A-Z][a-z]?\.?){2,6}|[A-Z][A-Za-z]?[A-Z]{1,4}", word))


def _any(patterns, anchor: str = "{}") -> re.Pattern:
    from .vocabulary import words_re  # the vocabulary's own way of joining word patterns (it imports this module)
    return words_re(patterns, anchor)


def _merged(raw: dict, extra: Optional[dict]) -> dict:
    """The shipped tables with a user's lists added to them (and a user's tables added whole)."""
    for table, entries in (extra or {}).items():
        base = raw.setdefault(table, {})
        for k, v in entries.items():
            base[k] = list(base.get(k, [])) + list(v) if isinstance(v, list) else v
    return raw


def load_election_words(extra: Optional[dict] = None) -> ElectionWords:
    raw = _merged(tomllib.loads(resources.files("crosscheck").joinpath("data/elections.toml").read_text("utf-8")), extra)
    aliases = {}
    for canon, spellings in raw["aliases"].items():
        for s in [canon, *spellings]:
            aliases[fold(s)] = canon
    translations = {fold(s): english for english, spellings in raw.get("translations", {}).items() for s in spellings}
    o, c, p, n, t = raw["options"], raw["count"], raw["producers"], raw["not_shares"], raw["totals"]
    return ElectionWords(
        aliases=aliases,
        translations=translations,
        not_names=frozenset(fold(w) for w in raw["names"]["not_names"]),
        bodies=frozenset(fold(w) for w in raw["names"]["bodies"]),
        options=(("yes", _any(o["yes_after"], r"^\s*(?:{})"), _any(o["yes_before"])),
                 ("no", _any(o["no_after"], r"^\s*(?:{})"), _any(o["no_before"]))),
        progress_after=_any(c["progress_after"], r"^\s*(?:{})"),
        progress_before=_any(c["progress_before"]),
        stages=tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in c["stages"]),
        producers=tuple((k.replace("_", " "), re.compile(v, re.IGNORECASE)) for k, v in p.items() if isinstance(v, str)),
        pollsters=re.compile(r"\b(?:" + "|".join(re.escape(x) for x in p.get("pollster_names", [])) + r")\b") if p.get(
            "pollster_names") else re.compile(r"(?!x)x"),
        not_share_after=_any(n["after"], r"^\s*(?:{})"),
        not_share_before=_any(n["before"], r"\b(?:{})"),
        totals_before=_any(t["before"], r"\b(?:{})"),
        totals_after=_any(t["after"], r"^\s*(?:{})"),
        kinds=tuple((kind, _any(words, r"\b(?:{})\b")) for kind, words in raw["kinds"].items()))
