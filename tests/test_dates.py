"""Dates from wherever a page carries them (crosscheck/dates.py), each source on its own, then the cascade."""
from __future__ import annotations

from datetime import date

import pytest

from crosscheck.dates import (date_article, date_from_dateline, date_from_published_line, date_from_text,
                              date_from_url, date_order, days_apart, read_date, split_archive_url)
from crosscheck.ingest import article_from_text

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize("value, expected", [
    ("2025-03-15", "2025-03-15"), ("2025-03-15T10:00:00Z", "2025-03-15"), ("2025/3/5", "2025-03-05"),
    ("15 March 2025", "2025-03-15"), ("March 15, 2025", "2025-03-15"), ("Mar. 15 2025", "2025-03-15"),
    ("2025-03", "2025-03"), ("15.03.2025", "2025-03-15"),
    ("03/04/2025", None),      # day or month first? not guessed
    ("2025-02-30", None), ("soon", None), ("", None), (None, None),
])
def test_read_date(value, expected):
    assert read_date(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/2025/03/15/flood-toll-rises/", "2025-03-15"),
    ("https://news.example.org/world/2025/3/5/storm", "2025-03-05"),
    ("https://example.net/2025-03-15-quake-toll.html", "2025-03-15"),
    ("https://example.net/stories/20250315/quake", "2025-03-15"),
    ("https://example.net/alerts/EQ-20250315-0042", "2025-03-15"),
    ("https://example.net/alerts?id=EQ-20250315-0042", None),            # a query names things, often the event
    ("https://example.net/stories/202503150917.html", "2025-03-15"),   # a date opening a serial number
    ("https://example.net/a/202503/15/item.html", "2025-03-15"),
    ("https://example.net/15-Mar-2025/riot-report", "2025-03-15"),
    ("https://example.net/2025/mar/15/riot-report", "2025-03-15"),
    ("https://example.net/15.03.2025/801.html", "2025-03-15"),
    ("https://example.net/2025/03/quake-toll-rises.html", "2025-03"),    # only the month: kept partial
    ("https://example.net/politics/2025/march/recount", "2025-03"),
    ("https://example.net/news/20252203-story", None),                   # no month 22: an id, not a date
    ("https://example.net/news/483920/story", None),
    ("https://www2025.example.net/news", None),                          # a host's digits are no date
    (None, None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_an_archive_capture_is_no_publication_date_but_the_archived_url_may_carry_one():
    assert split_archive_url("http://web.archive.org/web/20250316101500/http://example.org/") == \
        ("2025-03-16", "http://example.org/")
    assert date_from_url("http://web.archive.org/web/20250316101500/http://example.org/") is None
    assert date_from_url("https://web.archive.org/web/20250316101500/https://example.org/2024/11/02/riot") == "2024-11-02"
    assert split_archive_url("https://example.org/2024/11/02/riot") == (None, "https://example.org/2024/11/02/riot")


@pytest.mark.parametrize("text, hint, expected", [
    ("TARSK, Ruritania, March 4, 2025 (Reuters) - Nine people died.", None, "2025-03-04"),
    ("Flood toll rises\n\nTARSK, Mar. 4 (Wire) -- Nine people died.", "2025-03", "2025-03-04"),
    ("TARSK, Mar. 4 (Wire) -- Nine people died.", None, None),            # no year, no month from the URL
    ("TARSK, Mar. 4 (Wire) -- Nine people died.", "2025-04", None),       # the URL says another month
    ("Flood toll rises\nBy A. Writer\n4 March 2025 | 10:31 am\n\nNine people died.", None, "2025-03-04"),
    ("Nine people died on the fourth day.", None, None),
    ("Storm toll rises\nGold Member\nMar 2, 2019\n\nTARSK — Nine people died.", None, None),  # a poster's join date
])
def test_date_from_dateline(text, hint, expected):
    assert date_from_dateline(text, hint) == expected


@pytest.mark.parametrize("text, expected", [
    ("Flood toll rises\nPublished on March 4, 2025 by staff\nNine died.", "2025-03-04"),
    ("Flood toll rises\nUpdated 09:10, 05-Mar-2025\nNine died.", "2025-03-05"),
    ("Last updated: 5 March 2025\nPublished: 4 March 2025\nNine died.", "2025-03-04"),  # first appearance wins
    ("Published 04/03/2025\nNine died.", None),                                       # ambiguous order
    ("Nine died. The report was published in 2025.", None),
])
def test_date_from_published_line(text, expected):
    assert date_from_published_line(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Desk reporter / Friday 7 March 2025 10:20\n\nNine people died in the floods.", "2025-03-07"),
    ("Nine people died on March 4, 2025 as the river rose.", None),           # the day it happened
    ("The March 2, 2025 election drew a record turnout.", None),
    ("A photo from 2 March 2025 shows the square. Written 9 March 2025.", "2025-03-09"),
    ("No date here.", None),
])
def test_date_from_text_skips_the_events_dates(text, expected):
    assert date_from_text(text) == expected


def test_the_cascade_trusts_the_given_date_then_the_url_then_the_text():
    text = "TARSK, March 9, 2025 (Wire) - Nine people died."
    assert date_article(text, given="2025-03-10", today=TODAY) == ("2025-03-10", "given", ())
    assert date_article(text, url="https://example.org/2025/03/10/x", today=TODAY).source == "URL"
    assert date_article(text, today=TODAY)[:2] == ("2025-03-09", "dateline")
    # a month from the URL is refined by a dateline of that month, never replaced by an earlier event's date
    assert date_article(text, url="https://example.org/2025/03/x", today=TODAY)[:2] == ("2025-03-09", "dateline")
    inquiry = "The inquiry into the shooting of 9 March 2024 reported on Monday.\n\nTARSK, March 9, 2024 (Wire) -"
    assert date_article(inquiry, url="https://example.org/2025/04/inquiry", today=TODAY)[:2] == ("2025-04", "URL")


def test_odd_dates_are_kept_and_marked_never_fatal():
    contradicted = date_article("Nine died.", url="https://example.org/2025/05/20/x", given="2025-03-01", today=TODAY)
    assert contradicted.published == "2025-03-01" and contradicted.issues == ("the URL says 2025-05-20",)
    near = date_article("Nine died.", url="https://example.org/2025/03/x", given="2025-02-27", today=TODAY)
    assert near.issues == ()   # two days before the URL's month: a time zone or a late edit
    future = date_article("Nine died.", given="2031-01-01", today=TODAY)
    assert future.published == "2031-01-01" and future.issues == ("in the future",)
    unreadable = date_article("Nine died.", given="<b>someday</b>", today=TODAY)
    assert unreadable == (None, None, ("the given date could not be read",))
    assert date_article("Nine died.", today=TODAY) == (None, None, ())
    archived = "http://web.archive.org/web/20250316101500/http://example.org/"
    assert date_article("Nine died.", url=archived, given="2025-04-01", today=TODAY).issues == \
        ("later than the page's archive capture of 2025-03-16",)
    # a text date after the capture cannot be the page's: not taken
    assert date_article("Written 9 April 2025.", url=archived, today=TODAY).published is None


def test_partial_dates_order_only_at_the_precision_both_have():
    assert date_order("2025-04-02", "2025-03") == 1
    assert date_order("2025-03", "2025-04-02") == -1
    assert date_order("2025-03", "2025-03-20") == 0
    assert date_order("2025-03-21", "2025-03-20") == 1
    assert date_order(None, "2025-03-20") == 0
    assert days_apart("2025-03", "2025-04-02") == 2 and days_apart("2025-03", "2025-03-20") == 0


def test_ingest_records_where_the_date_came_from():
    front = "---\nurl: https://example.org/2025/03/12/storm\n---\nNine people died in the storm.\n"
    a = article_from_text(front, "a.md")
    assert (a.published, a.date_source, a.inferred) == ("2025-03-12", "URL", ("source", "published"))
    b = article_from_text("---\npublished: 2025-03-12\n---\nNine people died.\n", "b.md")
    assert (b.date_source, "published" in b.inferred) == ("given", False)
    c = article_from_text("Nine people died.\n", "c.md")
    assert (c.published, c.date_source, c.date_issues) == (None, None, ())


def test_the_aligner_orders_a_month_only_date_against_full_ones():
    from crosscheck.api import check_articles
    from crosscheck.models import Article

    def verdict(first: str, second: str) -> tuple[str, str]:
        arts = [Article("a", "14 people died in the floods.", source="Wire One", published=first),
                Article("b", "31 people died in the floods.", source="Wire Two", published=second)]
        g = next(g for g in check_articles(arts).groups if g.measure == "deaths")
        return g.verdict, g.reason
    assert verdict("2025-03", "2025-04-02") == ("update", "a later article reports a changed figure: "
                                                          "14 (Wire One), then 31 (Wire Two)")
    assert verdict("2025-03-02", "2025-04") == ("update", "a later article reports a changed figure: "
                                                          "14 (Wire One), then 31 (Wire Two)")
    # the same month: which came first is unknown, and nothing in the text says the toll rose
    assert verdict("2025-03", "2025-03-20")[0] == "conflict"


def test_the_report_and_json_say_where_each_date_came_from_and_what_is_odd(tmp_path):
    from crosscheck.api import check
    from crosscheck.report import render_html, to_json_dict

    def write(name: str, front: str, text: str) -> None:
        (tmp_path / name).write_text(f"---\nsource: {name[0].upper()} Post\n{front}---\n{text}\n", encoding="utf-8")
    write("a.md", "url: https://a.example/2025/03/storm\n", "Nine people died in the storm on Monday.")
    write("b.md", "published: 2025-03-04\nurl: https://b.example/2025/05/20/storm\n", "Twelve people died in the storm.")
    write("c.md", "published: 2099-01-01\n", "Ten people died in the storm.")
    write("d.md", "", "Eleven people died in the storm.")
    result = check([tmp_path])
    arts = {a["id"]: a for a in to_json_dict(result)["articles"]}
    assert (arts["a.md"]["published"], arts["a.md"]["date_source"]) == ("2025-03", "URL")
    assert arts["b.md"]["date_issues"] == ["the URL says 2025-05-20"]
    assert arts["c.md"]["date_issues"] == ["in the future"]
    assert (arts["d.md"]["published"], arts["d.md"]["date_source"]) == (None, None)
    page = render_html(result)
    assert '<time datetime="2025-03">2025-03</time> <span class="inferred">(inferred from the URL)</span>' in page
    assert "date: the URL says 2025-05-20" in page and "date: in the future" in page
    assert "<dt>Published</dt><dd>undated" in page


def test_a_word_where_a_month_would_be_is_no_date_and_no_crash():
    from crosscheck.dates import date_from_url
    assert date_from_url("https://example.org/2025/news/15/story") in (None, "2025")
    assert date_from_url("https://example.org/15-xyz-2025/") is None


def test_dates_in_running_text_for_the_other_stages():
    from crosscheck.dates import (calendar_dates, day_number, is_date_line, opening_month, year_and_month,
                                  years_set_in)
    assert calendar_dates("Rain fell on 3rd of May and again Sept. 9, 2024; may 5 is no date.") == [
        (None, 5, 3), (2024, 9, 9)]
    assert day_number("2024-09-09T08:00Z") == date(2024, 9, 9).toordinal()
    assert day_number("2024-09") is None and day_number(None) is None
    assert year_and_month("2024-09") == (2024, 9) and year_and_month("2024") is None
    assert is_date_line("Updated: Tue, Sep 3, 2024 10:12 am") and not is_date_line("Two hurt in Sep 3 fire")
    assert opening_month("Back in October 2023, the dam leaked.") == (10, 2023)
    assert opening_month("Last June, it leaked.") == (6, None) and opening_month("It leaked in June, too.") is None
    assert years_set_in("The mill burned in 2019, and again in 2021.") == [2019, 2021]


def test_months_named_with_their_year_and_years_named():
    from crosscheck.dates import calendar_months, years_named
    text = "After the March 2019 flood (it began on 3 March 2019, or March 3, 2019), a board met in Sept. of 2020."
    assert calendar_months(text) == [(2019, 3), (2020, 9)]
    assert years_named("the 2019 flood, 20190 litres, 1,500 homes and 1998") == {2019, 1998}


def test_day_numbers_of_a_date_and_of_a_months_ends():
    from crosscheck.dates import day_number_of, month_day_numbers
    assert day_number_of(2024, 2, 29) == date(2024, 2, 29).toordinal() and day_number_of(2023, 2, 29) is None
    assert month_day_numbers(2023, 12) == (date(2023, 12, 1).toordinal(), date(2023, 12, 31).toordinal())
    assert month_day_numbers(2024, 2)[1] == date(2024, 2, 29).toordinal()
