"""crosscheck's TF-IDF is scikit-learn's TfidfVectorizer(sublinear_tf=True, norm=None), bit for bit."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.tfidf import english_stop_words, tfidf_rows, word_analyzer

TEXTS = ["Three people died in a fire at the Larkspur Hotel in Merriton on Friday.",
         "Two people died on Friday in a fire at the Larkspur Hotel, the fire service said.",
         "Floods in the Ostrava valley forced 300 families from their homes."]


def test_values_by_hand():
    m = tfidf_rows(["fire fire hotel", "fire flood"])
    # columns sorted by term: fire, flood, hotel; idf = 1 + ln((1 + n) / (1 + df))
    idf = {"fire": 1 + math.log(3 / 3), "flood": 1 + math.log(3 / 2), "hotel": 1 + math.log(3 / 2)}
    expected = [[(1 + math.log(2)) * idf["fire"], 0, idf["hotel"]], [idf["fire"], idf["flood"], 0]]
    assert np.allclose(m.toarray(), expected)


def test_words_stop_words_and_empty_input():
    assert word_analyzer("english")("The Hotel's 3 flood-crews and I") == ["hotel", "flood", "crews"]
    assert {"the", "and", "of"} <= english_stop_words()
    assert tfidf_rows(["the and of", "a"], stop_words="english") is None
    assert tfidf_rows([]) is None


sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")


def assert_same(texts, **options):
    ours = tfidf_rows(texts, **options)
    try:
        theirs = sklearn_text.TfidfVectorizer(sublinear_tf=True, norm=None, dtype=np.float64,
                                              **options).fit_transform(texts)
    except ValueError:  # scikit-learn's "empty vocabulary"
        assert ours is None
        return
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
