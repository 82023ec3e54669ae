"""A day of review over real HTTP: the queue filtered and counted, disputes decided as disputes, a
group's whole history on its page, the reviewer's name remembered."""
import re

import pytest
from test_serve import Client, corpus, group_ids, server  # noqa: F401 (fixtures)
from test_serve_corrections import correct

from crosscheck.api import check


def decide(client, gid, path_query="", **form):
    _, page = client.get(f"/group/{gid}{path_query}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post(f"/group/{gid}/decision{path_query}", {"csrf_token": token, **form})


def listed(page: str) -> list[str]:
    return re.findall(r'<tr data-group="(g\w+)"', page)


def test_the_unreviewed_queue_shrinks_and_progress_counts(server):
    c = Client(server.base)
    every = group_ids(server)
    assert len(every) >= 2
    _, page = c.get("/")
    assert f"0 of {len(every)} groups reviewed" in page
    status, page, url = decide(c, every[0], "?status=unreviewed", decision="confirmed", reviewer="Ana")
    # "save and next" stays in the queue: the next group not yet reviewed, carrying the filter
    assert url.endswith(f"/group/{every[1]}?status=unreviewed")
    _, page = c.get("/?status=unreviewed")
    assert listed(page) == every[1:] and f"1 of {len(every)} groups reviewed" in page
    _, page = c.get("/?status=reviewed")
    assert listed(page) == every[:1]
    assert 'value="Ana"' in c.get(f"/group/{every[1]}")[1]  # the reviewer's name, remembered


def test_filter_by_verdict_measure_and_story(mixed_corpus, tmp_path):
    from review_server import ReviewServer
    s = ReviewServer(mixed_corpus, tmp_path / "r.sqlite")
    try:
        res = check([mixed_corpus])
        c = Client(s.base)
        for key in ("verdict", "measure", "story"):
            for value in {getattr(g, key) for g in res.groups}:
                _, page = c.get(f"/?{key}={value}")
                assert listed(page) == [g.id for g in res.groups if getattr(g, key) == value], (key, value)
        _, page = c.get("/")
        assert len(re.findall(r'<select name="story">', page)) == 1  # two stories: a story filter
        g = res.groups[0]
        _, page = c.get(f"/group/{g.id}?measure={g.measure}")
        assert "in this queue" in page and f'href="/?measure={g.measure}"' in page
    finally:
        s.stop()


def test_a_disputed_group_is_decided_by_whose_figure_is_right(disputed_aligner, server):
    c = Client(server.base)
    gid = group_ids(server)[0]
    _, page = c.get(f"/group/{gid}")
    assert 'data-verdict="disputed"' in page and "Whose figure is right?" in page
    claims = re.findall(r'value="figure_right:(c\w+)"', page)
    assert len(claims) == 2 and "cannot tell which is right" in page
    status, page, _ = decide(c, gid, decision=f"figure_right:{claims[0]}", reviewer="Ana", then="stay")
    d = server.store.get(gid)
    assert (d.decision, d.right_claim) == ("figure_right", claims[0])
    assert "this figure is right" in page and "Outlet A" in page.split('class="decided"')[1][:400]
    status, page, _ = decide(c, gid, decision="figure_right:cdeadbeef00", reviewer="Ana", then="stay")
    assert "not one of this group" in page and server.store.get(gid).right_claim == claims[0]
    decide(c, gid, decision="cannot_tell", reviewer="Ben", then="stay")
    hist = server.store.history(gid)
    assert [(h.to_decision, h.to_claim) for h in hist] == [("figure_right", claims[0]), ("cannot_tell", None)]
    assert hist[1].from_claim == claims[0]
    _, report = c.get("/report")
    assert "Reviewed:</strong> cannot tell which is right" in report


def test_a_groups_page_shows_its_whole_history(server):
    c = Client(server.base)
    gid = group_ids(server)[0]
    decide(c, gid, decision="follow_up", reviewer="Ana", note="ask the desk", then="stay")
    _, page = c.get(f"/group/{gid}")
    cid = re.search(r'id="correct-(c\w+)"', page).group(1)
    lo = re.search(r'id="correct-' + cid + r'".*?name="lo" value="([^"]*)"', page, re.S).group(1)
    measure = re.search(r'id="correct-' + cid + r'".*?<option value="(\w+)" selected', page, re.S).group(1)
    correct(c, gid, cid, lo=lo, hi="", measure=measure, subject="", reviewer="Ben", note="no upper bound")
    decide(c, gid, decision="confirmed", reviewer="Cai", then="stay")
    _, page = c.get(f"/group/{gid}")
    history = page.split('id="hist-h"')[1]
    order = [history.index(x) for x in ("Ana: none", "Ben: corrected claim", "Cai: needs follow-up")]
    assert order == sorted(order) and "ask the desk" in history and "no upper bound" in history


@pytest.mark.parametrize("query, everything", [("?status=nonsense", True), ("?verdict=%3Cb%3E", False),
                                               ("?story=x&measure=y", False)])
def test_an_unknown_filter_value_is_harmless(server, query, everything):
    status, page = Client(server.base).get("/" + query)
    assert status == 200 and listed(page) == (group_ids(server) if everything else [])
