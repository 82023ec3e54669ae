"""The review app shows the election results table: on the queue (folded) and on a vote group's page,
with that group's row marked and every row linking to its group's page."""
from __future__ import annotations

import re
import urllib.request
from html import unescape

import pytest
from election_corpus import write_election_corpus
from review_server import ReviewServer

from crosscheck.api import check


@pytest.fixture
def lorwen(tmp_path):
    corpus = write_election_corpus(tmp_path / "lorwen")
    # and a story of another kind, whose groups' pages have no results table
    (corpus / "flood.txt").write_text("---\nsource: Marsh Herald\npublished: 2031-05-13\n---\nFour people died "
                                      "when the river Tamsel flooded the town of Brackwater on Tuesday, police said.\n")
    server = ReviewServer(corpus, tmp_path / "review.sqlite")
    yield server, check([corpus])
    server.stop()


def get(server, path) -> str:
    with urllib.request.urlopen(server.base + path) as r:
        return r.read().decode()


def test_a_vote_groups_page_shows_its_storys_table_with_its_row_marked(lorwen):
    server, result = lorwen
    crane = next(g for g in result.groups if g.measure == "vote_share" and g.subject_class == "crane")
    page = get(server, f"/group/{crane.id}")
    assert page.index('class="group') < page.index('class="rt"') < page.index('id="decide-h"')  # card, table, decision
    current = re.findall(r'<tr class="rt-row[^"]*rt-current[^"]*">(.*?)</tr>', page, re.S)
    assert len(current) == 1 and "Tobias Crane" in current[0] and "this group" in current[0]
    links = set(re.findall(r'<a class="rt-group[^"]*" href="/group/(g[0-9a-f]+)"', page))
    assert crane.id in links and links <= {g.id for g in result.groups}


def test_the_queue_folds_the_table_and_other_groups_pages_do_without(lorwen):
    server, result = lorwen
    index = get(server, "/")
    fold = re.search(r'<details class="results-fold" id="results">(.*?)</details>', index, re.S)
    assert fold and "Maren Holt" in fold.group(1)
    summary = " ".join(unescape(re.sub(r"<[^>]+>", " ", fold.group(1))).split())
    assert "1 story with vote shares or counts · 2 rows with disagreeing figures" in summary
    other = [g for g in result.groups if g.measure not in ("vote_share", "votes", "turnout")]
    assert other
    for g in other:
        assert 'class="rt"' not in get(server, f"/group/{g.id}")
