"""Term counts of texts, as scikit-learn's ``CountVectorizer`` computes them.

Story clustering (crosscheck/stories.py) needs one thing from scikit-learn: the term-count matrix of
a list of texts (it weighs the terms itself, by their rarity in English: stories.term_weights). Importing scikit-learn for it costs about a second (it imports scipy.stats, pandas
and more on start-up), longer than clustering a few hundred articles, and most runs are over a
handful of articles. This module computes the same matrix with numpy and scipy.sparse, bit for bit:
the same tokens (lower-cased, words of two or more word characters, the same English stop words),
the same column order (terms sorted), the same order of entries within a row (the order in which
terms first appear in the corpus). The order of entries matters: sparse products add in storage order, so
a different order would change the last bits of a similarity, and so, rarely, a story.
``tests/test_terms.py`` compares it with scikit-learn's when that is installed.
"""
from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Callable, Collection, Iterable, Optional

# scikit-learn's default token_pattern, r"(?u)\b\w\w+\b"
_TOKEN = re.compile(r"\b\w\w+\b")


@functools.lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    data = resources.files("crosscheck").joinpath("data/stop_words.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(data)["english"])


def word_analyzer(stop_words: Optional[str | Collection[str]] = None) -> Callable[[str], list[str]]:
    """The terms of a text: its lower-cased words of two or more characters, without ``stop_words``
    ("english" for the shipped list)."""
    stop = english_stop_words() if stop_words == "english" else frozenset(stop_words or ())

    def analyze(text: str) -> list[str]:
        return [w for w in _TOKEN.findall(text.lower()) if w not in stop]
    return analyze


def term_counts(texts: Iterable[str], *, stop_words: Optional[str | Collection[str]] = None,
                analyzer: Optional[Callable[[str], list[str]]] = None):
    """Term counts of ``texts`` as scikit-learn's ``CountVectorizer(dtype=float64)`` gives them: a
    scipy CSR matrix (one row per text, a column per term in sorted order, entries of a row in the
    order terms first appear in the corpus) and the sorted terms; None when no text has a term.
    ``analyzer`` turns a text into its terms (default: :func:`word_analyzer` with ``stop_words``)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    analyze = analyzer or word_analyzer(stop_words)
    vocabulary: dict[str, int] = {}  # term -> column, in order of first appearance
    columns: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for term in analyze(text):
            col = vocabulary.setdefault(term, len(vocabulary))
            row[col] = row.get(col, 0) + 1
        columns.extend(row)
        counts.extend(row.values())
        indptr.append(len(columns))
    if not vocabulary:
        return None
    index_type = np.int32 if len(columns) <= np.iinfo(np.int32).max else np.int64
    matrix = csr_matrix((np.asarray(counts, dtype=np.intc), np.asarray(columns, dtype=index_type),
                         np.asarray(indptr, dtype=index_type)),
                        shape=(len(indptr) - 1, len(vocabulary)), dtype=np.float64)
    matrix.sort_indices()  # by order of first appearance, as scikit-learn leaves them
    # number the columns by term, without reordering the entries of a row
    sorted_column = np.empty(len(vocabulary), dtype=matrix.indices.dtype)
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        sorted_column[old] = new
    # a new matrix, so scipy does not trust the stale "indices are sorted" flag of the old one
    matrix = csr_matrix((matrix.data, sorted_column.take(matrix.indices, mode="clip"), matrix.indptr),
                        shape=matrix.shape)
    return matrix, sorted(vocabulary)
