"""Claims stage: which figures count something, what, of whom, according to whom, and when.

A figure from the numbers stage becomes a :class:`~crosscheck.models.Claim` when a trigger of a
measure stands near it in the same sentence: after it ("three protesters died", "Thousands have been
arrested") or before it ("killing three", "police detained 140", "the death toll rose to 27"). The
vocabulary — triggers, subjects, person nouns, signal words — is ``data/measures.toml``; a user file
of the same shape adds measures or words without touching code.

The stage is a package of parts, each with one job (read them in this order):

- ``vocabulary`` — the measures and word lists, loaded from TOML;
- ``reading``    — the compiled grammar and the article being read (immutable, passed along);
- ``attachment`` — which trigger counts a figure (after it, or before it);
- ``tolls``      — running counts named by a noun: "the death toll ... has risen to 48";
- ``filters``    — what is not a count: things, agents, "hurt or killed", one of a set;
- ``frame``      — subject, scope, attribution, background; builds the Claim;
- ``lists``      — sums and breakdowns inside a sentence ("3 men, 1 woman", "five shot, one fatally");
- ``distributive`` — later items of a breakdown ("22 in Suzu and five in Nanao") share the first's verb;
- ``singulars``  — "a man was killed", "a third person died";
- ``rivals``     — another party's figure of the same people: "... while the Red Cross said 69";
- ``sentence``   — one sentence read, using the parts above;
- ``votes``      — election results: whose share or count, how far the count had got (+ ``election_words``);
- ``passes``     — decisions that need the sentences before (increments, parts, zeros, repeats);
- ``extractor``  — the order in which they run.
"""
from .extractor import ARTICLE_PASSES, SENTENCE_PASSES, ClaimExtractor, extract_claims
from .passes import claim_id
from .vocabulary import Measure, MeasureVocabulary, default_measures, load_measures

__all__ = ["ClaimExtractor", "extract_claims", "claim_id", "Measure", "MeasureVocabulary", "default_measures",
           "load_measures", "SENTENCE_PASSES", "ARTICLE_PASSES"]
