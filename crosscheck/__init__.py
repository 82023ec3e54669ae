"""crosscheck: cross-check the figures news articles report.

    >>> import crosscheck
    >>> result = crosscheck.check(["articles/"])
    >>> result.claims_df, result.groups_df
"""
__version__ = "0.1.0"

__all__ = ["check", "check_articles", "Settings", "__version__"]


def __getattr__(name):
    # heavy modules load on first use, so `crosscheck --help` stays fast
    if name in ("check", "check_articles", "Settings", "example_corpus"):
        from . import api
        return getattr(api, name)
    raise AttributeError(name)
