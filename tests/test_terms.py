"""crosscheck's term counts are scikit-learn's CountVectorizer(dtype=float64), bit for bit."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.terms import english_stop_words, term_counts, word_analyzer

TEXTS = ["Three people died in a fire at the Larkspur Hotel in Merriton on Friday.",
         "Two people died on Friday in a fire at the Larkspur Hotel, the fire service said.",
         "Floods in the Ostrava valley forced 300 families from their homes."]


def test_values_by_hand():
    m, terms = term_counts(["fire fire hotel", "fire flood"])
    assert terms == ["fire", "flood", "hotel"]  # columns sorted by term
    assert np.array_equal(m.toarray(), [[2, 0, 1], [1, 1, 0]])


def test_words_stop_words_and_empty_input():
    assert word_analyzer("english")("The Hotel's 3 flood-crews and I") == ["hotel", "flood", "crews"]
    assert {"the", "and", "of"} <= english_stop_words()
    assert term_counts(["the and of", "a"], stop_words="english") is None
    assert term_counts([]) is None


sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")


def assert_same(texts, **options):
    counted = term_counts(texts, **options)
    vectorizer = sklearn_text.CountVectorizer(dtype=np.float64, **options)
    try:
        theirs = vectorizer.fit_transform(texts)
    except ValueError:  # scikit-learn's "empty vocabulary"
        assert counted is None
        return
    ours, terms = counted
    assert terms == list(vectorizer.get_feature_names_out())
    assert type(ours) is type(theirs) and ours.shape == theirs.shape
    for part in ("indptr", "indices", "data"):  # the same entries in the same order: same sums downstream
        a, b = getattr(ours, part), getattr(theirs, part)
        assert a.dtype == b.dtype and np.array_equal(a, b), part
    assert ours.has_sorted_indices == theirs.has_sorted_indices


def test_stop_words_are_scikit_learns():
    assert english_stop_words() == sklearn_text.ENGLISH_STOP_WORDS


def test_same_as_scikit_learn_on_sentences():
    assert_same(TEXTS, stop_words="english")
    assert_same(TEXTS)
    assert_same(TEXTS, analyzer=lambda t: [w for w in t.split() if w[:1].isupper()])


WORDS = st.sampled_from(["fire", "Fire", "the", "and", "hotel", "Merriton", "300", "3", "a", "it's", "café",
                         "Ostrava", "ñandú", "x", "of", "floods", "FLOODS", "--", "42nd", "in", "élan"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=1, max_size=8), st.booleans())
def test_same_as_scikit_learn_on_any_texts(texts, stop):
    assert_same(texts, **({"stop_words": "english"} if stop else {}))
