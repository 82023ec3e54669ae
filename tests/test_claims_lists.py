"""Distributive lists (crosscheck/claims/distributive.py): later items share the first one's verb."""
import pytest

from crosscheck.claims import ClaimExtractor
from crosscheck.models import Article


@pytest.fixture(scope="module")
def extractor():
    return ClaimExtractor()


def read(extractor, text):
    return extractor.extract(Article(id="t", text=text))


def test_a_breakdown_by_place_gives_each_place_its_part(extractor):
    claims = read(extractor, "Of the 90 deaths recorded by Sunday, 41 were in Tarsk, 30 in Olen and 19 in Brel.")
    whole = next(c for c in claims if c.lo == 90)
    parts = {c.subject: c.lo for c in claims if c.part_of == whole.id}
    assert parts == {"Tarsk": 41, "Olen": 30, "Brel": 19}
    assert whole.compared_as_total and not any(c.compared_as_total for c in claims if c.part_of)


def test_followed_by_continues_the_list(extractor):
    claims = read(extractor, "Twenty-six deaths were confirmed in Varn, followed by 12 in Osk and four in Lund.")
    assert sorted(c.lo for c in claims if c.measure == "deaths") == [4, 12, 26]


def test_countries_with_figures_continue_a_toll(extractor):
    claims = read(extractor, "The toll reached 410, with Amaria reporting 160 dead, Belor with 95 and Corvin with 60.")
    assert {c.lo for c in claims if c.measure == "deaths" and c.part_of} >= {95, 60}


@pytest.mark.parametrize("text", [
    "Police recovered 14 rifles and three pistols in the raid on Tarsk, where two people were killed.",
    "The storm killed 12 people in Olen, and 40 homes in Brel were flattened.",
    "Two people died in Osk on Monday, and 300 volunteers in Lund cleared the roads.",
])
def test_things_and_other_counts_are_not_list_items(extractor, text):
    deaths = [c for c in read(extractor, text) if c.measure == "deaths"]
    assert len(deaths) == 1
