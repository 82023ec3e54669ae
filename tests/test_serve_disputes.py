"""A real dispute in the review app: the aligner's disputed group (police against organisers, in one
article) is decided by choosing either party's figure, over real HTTP."""
import re

from test_serve import Client
from test_serve_stories import StoryServer


def test_either_party_s_figure_can_be_judged_right(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("---\nsource: Tarsk Daily\npublished: 2025-04-05\n---\nPolice said 18,000 people "
                                  "marched through Tarsk on Saturday, while organisers said 75,000 took part.\n")
    server = StoryServer(corpus, tmp_path / "review.sqlite")
    try:
        client = Client(server.base)
        _, index = client.get("/")
        gid = re.search(r'href="/group/(g\w+)"', index).group(1)
        _, page = client.get(f"/group/{gid}")
        choices = re.findall(r'value="figure_right:(c\w+)"', page)
        assert len(choices) == 2 and "organisers" in page and "police" in page
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        status, _, _ = client.post(f"/group/{gid}/decision", {"csrf_token": token, "reviewer": "Ana",
                                                               "decision": f"figure_right:{choices[1]}"})
        assert status == 200
        _, page = client.get(f"/group/{gid}")
        assert re.search(r'value="figure_right:' + choices[1] + r'"[^>]*checked', page)
    finally:
        server.stop()
