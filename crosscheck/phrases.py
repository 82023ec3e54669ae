"""Regular expressions built from word lists: the vocabularies of ``data/*.toml`` become
alternations that match any of their phrases, the longest first, a space matching any blank."""
from __future__ import annotations

import re
from typing import Iterable


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


def word_alternation(phrases: Iterable[str]) -> str:
    """Like :func:`phrase_alternation`, but a phrase that starts with a letter must start a word ("over", not
    "hangover"); symbols (">", "≥") may follow anything ("x>10")."""
    return "|".join((r"(?<!\w)" if p[:1].isalnum() else "") + re.escape(p).replace(r"\ ", r"\s+")
                    for p in sorted(set(phrases), key=len, reverse=True))


def phrase_trie(phrases: Iterable[str]) -> str:
    """An alternation of literal phrases built as a trie ('t(?:en|h(?:ree|irty)|wo)'): it matches
    what :func:`phrase_alternation` matches, longest first, but tests each letter once. The core scan tries its
    word lists at every word of a text, so this is most of its speed. Spaces match any blank."""
    tree: dict = {}
    for p in set(phrases):
        node = tree
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def build(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body  # the longer phrase first
    return build(tree) or r"(?!x)x"
