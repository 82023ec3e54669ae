"""Correcting claims in the review app over real HTTP: verdicts recomputed, stored with history, applied
after a restart and by the next report, two reviewers at once lose nothing."""
import json
import re
import threading

import pytest
from click.testing import CliRunner
from review_server import ReviewServer as Server
from test_serve import Client, server  # noqa: F401 (the server fixture, over this module's corpus)

from crosscheck.cli import main

FIRE_A = "Three people died in the fire at the Wexby mill on Monday, the county fire service said."
FIRE_B = "Two people died in the fire at the Wexby mill on Monday, the county fire service said."


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(f"---\nsource: Outlet A\nstory: s\n---\n{FIRE_A}\n")
    (d / "b.txt").write_text(f"---\nsource: Outlet B\nstory: s\n---\n{FIRE_B}\n")
    return d


def deaths(server):
    """(group id, the id of Outlet A's 'Three' claim, the group page)."""
    c = Client(server.base)
    gid = re.search(r'href="/group/(g\w+)"[^>]*>Deaths', c.get("/")[1]).group(1)
    page = c.get(f"/group/{gid}")[1]
    cid = re.search(r'<summary><strong>Three</strong>.*?claim <code>(c\w+)</code>', page).group(1)
    return gid, cid, page


def verdict(page: str) -> str:
    return re.search(r'data-verdict="(\w+)"', page).group(1)


def correct(client, gid, cid, **form):
    _, page = client.get(f"/group/{gid}")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    base = {"lo": "3", "hi": "3", "measure": "deaths", "subject": "people"}
    return client.post(f"/claim/{cid}/correction", {"csrf_token": token, "group": gid, **base, **form})


def test_a_correction_recomputes_the_verdict_and_survives_a_restart(corpus, tmp_path):
    db = tmp_path / "review.sqlite"
    s = Server(corpus, db)
    gid, cid, page = deaths(s)
    assert verdict(page) == "conflict"
    status, page, url = correct(Client(s.base), gid, cid, lo="2", hi="2", reviewer="Ana", note="misread")
    assert status == 200 and url.endswith(f"/group/{gid}")
    assert verdict(page) == "consistent" and "corrected" in page and "misread" in page
    assert re.search(r"Ana: corrected claim <code>" + cid, page)  # in the group's history
    assert "consistent" in Client(s.base).get("/report")[1].split('id="group-' + gid)[1][:400]
    s.stop()
    s2 = Server(corpus, db)  # a restart between the correction and the next look
    _, page = Client(s2.base).get(f"/group/{gid}")
    assert verdict(page) == "consistent"
    s2.stop()
    out = CliRunner().invoke(main, ["report", str(corpus), "--db", str(db), "-o", str(tmp_path / "r.html"),
                                    "--json", str(tmp_path / "r.json")])
    assert out.exit_code == 0, out.output
    groups = json.loads((tmp_path / "r.json").read_text())["groups"]
    assert [g["verdict"] for g in groups if g["id"] == gid] == ["consistent"]


def test_not_a_claim_leaves_the_group_and_is_shown_where_it_was(server):
    gid, cid, _ = deaths(server)
    status, page, url = correct(Client(server.base), gid, cid, not_a_claim="1", reviewer="Ana")
    assert status == 200 and verdict(page) == "single_source"
    assert "Not claims" in page and f"claim <code>{cid}</code>" in page
    assert server.store.correction(cid).fields == {"not_a_claim": True}


def test_a_bad_correction_is_refused_with_the_reason_beside_its_form(server):
    gid, cid, _ = deaths(server)
    status, page, url = correct(Client(server.base), gid, cid, lo="5", hi="4", reviewer="Ana")
    assert status == 200 and "above the upper bound" in page and f'id="correct-{cid}" open' in page
    assert server.store.correction(cid) is None


def test_a_correction_without_the_csrf_token_is_refused(server):
    gid, cid, _ = deaths(server)
    status, _, _ = Client(server.base).post(f"/claim/{cid}/correction", {"group": gid, "lo": "2", "hi": "2",
                                                                        "measure": "deaths", "reviewer": "Eve"})
    assert status == 400 and server.store.correction(cid) is None


def test_two_reviewers_correcting_the_same_claim_at_once(server):
    gid, cid, _ = deaths(server)
    clients = [Client(server.base) for _ in range(2)]
    tokens = [re.search(r'name="csrf_token" value="([^"]+)"', c.get(f"/group/{gid}")[1]).group(1) for c in clients]
    barrier = threading.Barrier(len(clients))
    results = {}

    def post(i):
        barrier.wait()
        results[i] = clients[i].post(f"/claim/{cid}/correction", {
            "csrf_token": tokens[i], "group": gid, "lo": str(10 + i), "hi": str(10 + i), "measure": "deaths",
            "subject": "people", "reviewer": f"R{i}"})

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i][0] for i in range(2)] == [200, 200]
    history = server.store.correction_history(cid)
    assert sorted(h.reviewer for h in history) == ["R0", "R1"]      # both kept
    later = history[-1]
    current = server.store.correction(cid)
    assert (current.reviewer, current.fields, current.revision) == (later.reviewer, later.to_fields, 2)
    assert history[1].from_fields == history[0].to_fields           # the later one saw the earlier one
    _, page = Client(server.base).get(f"/group/{gid}")               # the later one is applied
    shown = re.search(r'id="correct-' + cid + r'".*?name="lo" value="([^"]*)"', page, re.S).group(1)
    assert float(shown) == later.to_fields["lo"]
