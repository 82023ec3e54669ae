"""The claims stage as one call: read an article sentence by sentence, then apply the article passes.

The order is the contract. Per sentence: its figures (`sentence.sentence_claims`), then its implicit
singulars and who else was hurt; then the sentence passes, which look back at the claims read so far.
Per article, once every sentence is read: the article passes. Every pass is a named function in
`passes.py` with its own tests; the extractor keeps nothing between articles.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..models import Article, Claim, Quantity
from ..numbers import NumberFinder, default_finder
from ..text import split_sentences
from . import passes, votes
from .lists import aside_parts
from .reading import Reading, compile_grammar
from .sentence import besides_someone_hurt, died_of_the_wounded, sentence_claims, without_asides
from .singulars import implicit_claims
from .vocabulary import MeasureVocabulary, default_measures
from ..as_of import when_given
from .place import with_places

# after each sentence, over its new claims and the claims before it (in this order)
SENTENCE_PASSES = (votes.whose_votes, passes.in_addition, passes.more_than_another_measure, passes.severity_parts,
                   passes.coordinated_parts)
# once the whole article is read (in this order)
ARTICLE_PASSES = (passes.zeros_of_some, passes.by_hospital, passes.headline_read_as_the_body,
                  passes.provisional_measures, passes.singulars_beside_figures, when_given, with_places, passes.drop_repeats,
                  passes.with_ids, passes.parts_given_by_their_whole)


def headline_end(article: Article) -> int:
    """Where the headline ends in the text: the headline summarises the story ("1 dead, 3 hurt" above
    "two others were also injured") and is not the people the body's "also" adds to."""
    text = article.text
    return text.find("\n\n") if article.title and text.startswith(article.title.strip()[:40]) else 0


class ClaimExtractor:
    """Turns an article's quantities into claims. Build once (it compiles the vocabulary), call per
    article; it holds no state about the article being read, so one extractor may serve many threads."""

    def __init__(self, vocabulary: Optional[MeasureVocabulary] = None, finder: Optional[NumberFinder] = None):
        self.v = vocabulary or default_measures()
        self.grammar = compile_grammar(self.v)
        self.finder = finder or default_finder()

    def extract(self, article: Article, quantities: Optional[list[Quantity]] = None) -> list[Claim]:
        text = article.text
        quantities = self.finder.find(text) if quantities is None else quantities
        r = Reading(self.grammar, article, headline_end(article), tuple(split_sentences(text)))
        claims: list[Claim] = []
        qi = 0
        for s_start, s_end in r.sentences:
            in_sentence = []
            while qi < len(quantities) and quantities[qi].start < s_end:
                if quantities[qi].start >= s_start:
                    in_sentence.append(quantities[qi])
                qi += 1
            claims.extend(read_sentence(r, text[s_start:s_end], s_start, in_sentence, claims))
        for article_pass in ARTICLE_PASSES:
            claims = article_pass(r, claims)
        return claims


def read_sentence(r: Reading, sentence: str, s0: int, qs: list[Quantity], earlier: list[Claim]) -> list[Claim]:
    """The claims of one sentence, given the claims read before it (``earlier`` may be revised in
    place by `died_of_the_wounded`: 'ten were wounded. One of them died' leaves nine wounded)."""
    # "two officers and three others -- two men and a woman -- were wounded": the aside names
    # the others; read without it, and its figures are not claims of their own
    read, outside = without_asides(sentence, s0, qs)
    new = sentence_claims(r, read, s0, outside, earlier)
    # "516 people – including 203 men and 213 women – are missing": an aside of some of them names parts
    new = aside_parts(r, sentence, s0, qs, new)
    qs = outside
    new += implicit_claims(r, read, s0, qs, new)
    new += votes.result_claims(r, read, s0, qs, new, earlier)
    new = besides_someone_hurt(r, read, s0, qs, new)
    if read is not sentence:
        new = [replace(c, sentence=sentence) for c in new]
    new.sort(key=lambda c: c.quantity.start)
    for sentence_pass in SENTENCE_PASSES:
        new = sentence_pass(r, new, earlier)
    new = died_of_the_wounded(r, read, s0, new, earlier)
    return passes.link_subsets(r, new, earlier)


def extract_claims(article: Article, extractor: Optional[ClaimExtractor] = None) -> list[Claim]:
    return (extractor or ClaimExtractor()).extract(article)
