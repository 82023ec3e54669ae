"""Reviewers merge and split stories in the review app, over real HTTP; the choice is stored and
applied on later runs (crosscheck/serve.py /stories, crosscheck/story_choices.py)."""
import json
import re
import threading

from click.testing import CliRunner
from test_serve import Client
from werkzeug.serving import make_server

from crosscheck.cli import main
from crosscheck.serve import review_app


class StoryServer:
    def __init__(self, corpus, db):
        self.app = review_app([corpus], str(db), secret_key="test")
        self.httpd = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()


def stories(client) -> list[list[str]]:
    """The stories the page lists, each as the ids of its articles."""
    _, page = client.get("/stories")
    return [re.findall(r'name="article" value="([^"]+)"', s) for s in page.split('<section class="story"')[1:]]


def change(client, action, ids, reviewer="Ana"):
    _, page = client.get("/stories")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/stories", [("csrf_token", token), ("action", action), ("reviewer", reviewer)]
                       + [("article", i) for i in ids])


def test_a_reviewer_merges_two_stories_and_the_choice_outlives_a_restart(mixed_corpus, tmp_path):
    db = tmp_path / "review.sqlite"
    server = StoryServer(mixed_corpus, db)
    try:
        client = Client(server.base)
        before = stories(client)
        assert len(before) == 2
        status, _, _ = change(client, "merge", [before[0][0], before[1][0]])
        assert status == 200  # followed the 303 back to /stories
        assert len(stories(client)) == 1
    finally:
        server.stop()
    restarted = StoryServer(mixed_corpus, db)  # a restart: the choice is read from the database
    try:
        assert len(stories(Client(restarted.base))) == 1
    finally:
        restarted.stop()
    # ... and the command line's report over the same database applies it too
    out = tmp_path / "r.json"
    r = CliRunner().invoke(main, ["report", str(mixed_corpus), "--db", str(db), "-o", str(tmp_path / "r.html"),
                                  "--json", str(out)])
    assert r.exit_code in (0, 3), r.output
    assert len({a["story"] for a in json.loads(out.read_text())["articles"]}) == 1


def test_a_reviewer_splits_an_article_out_and_bad_requests_change_nothing(mixed_corpus, tmp_path):
    server = StoryServer(mixed_corpus, tmp_path / "review.sqlite")
    try:
        client = Client(server.base)
        before = stories(client)
        pair = next(s for s in before if len(s) == 2)
        status, page, _ = change(client, "merge", [pair[0]])  # one story only: nothing to merge
        assert status == 400 and "two or more stories" in page
        status, _, _ = change(client, "split", [pair[0]])
        assert status == 200 and len(stories(client)) == 3
        status, _, _ = client.post("/stories", [("action", "merge")] + [("article", i) for i in pair])  # no CSRF token
        assert status == 400 and len(stories(client)) == 3
    finally:
        server.stop()
