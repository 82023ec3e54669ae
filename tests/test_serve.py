"""The review app over real HTTP: decisions persist, CSRF holds, text is escaped, reviewers race."""
import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from review_server import ReviewServer as Server

from crosscheck.serve import is_loopback


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("---\nsource: Outlet A\n---\nThree people died in the fire. Dozens were hurt.\n")
    (d / "b.txt").write_text("---\nsource: Outlet B\n---\nTwo people died in the fire, <script>window.x=1</script> "
                             "officials said. Hundreds were hurt.\n")
    return d




@pytest.fixture
def server(corpus, tmp_path):
    s = Server(corpus, tmp_path / "review.sqlite")
    yield s
    s.stop()


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path) as r:
            return r.status, r.read().decode()

    def post(self, path, data):
        req = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(data).encode(), method="POST")
        try:
            with self.opener.open(req) as r:
                return r.status, r.read().decode(), r.url
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(), None

    def decide(self, gid, **form):
        _, page = self.get(f"/group/{gid}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.post(f"/group/{gid}/decision", {"csrf_token": token, **form})


def group_ids(server):
    """The group ids in the order the app lists them (severity order)."""
    return re.findall(r'href="/group/(g\w+)"', Client(server.base).get("/")[1])


def test_index_lists_groups_in_severity_order_and_escapes_text(server):
    status, page = Client(server.base).get("/")
    assert status == 200 and "Deaths" in page and "Injuries" in page
    assert page.index("Deaths") < page.index("Injuries")  # exact conflict first
    gid = group_ids(server)[0]
    _, page = Client(server.base).get(f"/group/{gid}")
    assert "<script>window.x=1</script>" not in page and "&lt;script&gt;window.x=1&lt;/script&gt;" in page


def test_decision_persists_across_restart_and_shows_in_report(corpus, tmp_path):
    db = tmp_path / "review.sqlite"
    s = Server(corpus, db)
    gid = group_ids(s)[0]
    status, page, url = Client(s.base).decide(gid, decision="confirmed", reviewer="Ana", note="two outlets differ")
    assert status == 200
    s.stop()
    s2 = Server(corpus, db)  # a restart: a new app over the same database
    _, page = Client(s2.base).get(f"/group/{gid}")
    assert "confirmed contradiction" in page and "two outlets differ" in page and "Ana" in page
    _, report = Client(s2.base).get("/report")
    assert "Reviewed:" in report and "confirmed contradiction" in report
    s2.stop()


def test_dismiss_needs_a_reason(server):
    gid = group_ids(server)[0]
    status, page, url = Client(server.base).decide(gid, decision="dismissed", reviewer="Ana")
    assert "needs a reason" in page and server.store.get(gid) is None


def test_post_without_csrf_token_is_refused(server):
    gid = group_ids(server)[0]
    status, page, _ = Client(server.base).post(f"/group/{gid}/decision", {"decision": "confirmed", "reviewer": "Eve"})
    assert status == 400 and server.store.get(gid) is None


def test_state_changes_only_by_post(server):
    gid = group_ids(server)[0]
    with pytest.raises(urllib.error.HTTPError) as e:
        Client(server.base).get(f"/group/{gid}/decision?decision=confirmed&reviewer=Eve")
    assert e.value.code == 405


def test_two_reviewers_at_the_same_moment_lose_nothing(server):
    gid = group_ids(server)[0]
    clients = [Client(server.base) for _ in range(6)]
    tokens = []
    for c in clients:
        _, page = c.get(f"/group/{gid}")
        tokens.append(re.search(r'name="csrf_token" value="([^"]+)"', page).group(1))
    barrier = threading.Barrier(len(clients))
    results = []

    def post(i):
        barrier.wait()
        results.append(clients[i].post(f"/group/{gid}/decision", {"csrf_token": tokens[i], "decision": "follow_up",
                                                                  "reviewer": f"R{i}", "note": f"note {i}"}))

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r[0] == 200 for r in results)
    history = server.store.history(gid)
    assert sorted(h.reviewer for h in history) == [f"R{i}" for i in range(6)]


def test_token_required_on_every_request(corpus, tmp_path):
    s = Server(corpus, tmp_path / "r.sqlite", token="s3cret")
    try:
        with pytest.raises(urllib.error.HTTPError) as e:
            Client(s.base).get("/")
        assert e.value.code == 401
        c = Client(s.base)
        assert c.get("/?token=s3cret")[0] == 200
        assert c.get("/")[0] == 200  # the cookie carries it from then on
    finally:
        s.stop()


def test_beyond_loopback_needs_a_token(corpus):
    from crosscheck.serve import serve
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and not is_loopback("0.0.0.0")
    with pytest.raises(ValueError, match="--token"):
        serve([corpus], None, "0.0.0.0", 0, None)


def test_group_id_and_decision_survive_an_added_article(corpus, tmp_path):
    db = tmp_path / "r.sqlite"
    s = Server(corpus, db)
    gid = group_ids(s)[0]
    Client(s.base).decide(gid, decision="confirmed", reviewer="Ana")
    s.stop()
    (corpus / "c.txt").write_text("---\nsource: Outlet C\n---\nFour people died in the fire.\n")
    s2 = Server(corpus, db)
    assert gid in group_ids(s2)
    _, page = Client(s2.base).get(f"/group/{gid}")
    assert "confirmed contradiction" in page and "changed since this decision" in page
    s2.stop()


def test_orphaned_decision_is_kept_and_shown(server):
    server.store.decide("gdeadbeef00", "confirmed", "Ana", snapshot={"measure": "deaths"})
    _, page = Client(server.base).get("/")
    assert "Orphaned decisions" in page and "gdeadbeef00" in page
    _, page = Client(server.base).get("/group/gdeadbeef00")
    assert "Orphaned decision" in page
