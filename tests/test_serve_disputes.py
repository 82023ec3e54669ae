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


def test_the_queue_and_the_page_show_each_party_s_position_and_when(tmp_path):
    """The queue's row of a dispute says whose figure is whose; the group's page shows the parties' columns
    (their outlets linking into the full report) and says, in each choice, the party's side and the date."""
    import lxml.html
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("---\nsource: Orlen Post\npublished: 2021-09-14\n---\nMarch in Orlen\n\nPolice "
                                  "put the crowd at 6,000 as the march reached the harbour on Saturday.\n")
    (corpus / "b.txt").write_text("---\nsource: Harbour Voice\n---\nOrlen harbour march\n\nAbout 40,000 people "
                                  "marched to the harbour, the organisers said.\n")
    server = StoryServer(corpus, tmp_path / "review.sqlite")
    try:
        client = Client(server.base)
        _, index = client.get("/")
        row = lxml.html.fromstring(index).xpath('//tr[.//span[contains(@class, "v-disputed")]]')[0]
        figures = " ".join(row.xpath("./td")[4].text_content().split())
        assert figures in ("police: 6,000 · organisers: 36,000–44,000", "organisers: 36,000–44,000 · police: 6,000")
        gid = row.get("data-group")
        _, page = client.get(f"/group/{gid}")
        doc = lxml.html.fromstring(page)
        heads = sorted(" ".join(h.text_content().split()) for h in doc.xpath('//section[@class="positions"]//h5'))
        assert heads == ["organisers (organisers' side)", "police (official side)"]
        links = doc.xpath('//section[@class="positions"]//a/@href')
        assert links and all(h.startswith("/report#art-") for h in links)
        # each choice without its key number ("1", "2"), which follows the order the pairs give
        choices = {" ".join(label.text_content().split()).split(" ", 1)[1]
                   for label in doc.xpath('//fieldset[@class="dispute"]/label')
                   if label.xpath('.//input[starts-with(@value, "figure_right:")]')}
        assert choices == {"6,000 — Orlen Post (police, official side) as of 2021-09-14",
                           "36,000–44,000 — Harbour Voice (organisers, organisers' side) undated"}
    finally:
        server.stop()
