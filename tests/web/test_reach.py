"""Who had a say: different people this year, by route, first-timers, the ten who said most,
and small numbers shown as "fewer than 5"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from forum_site.models import Source
from forum_site.services import reach
from forum_site.services.topics import core
from forum_site.services.viewer import load_viewer
from tests.factories import make_forum, make_organisation, make_user
from tests.factories_contributions import make_contribution
from tests.factories_meetings import make_meeting, text_of
from tests.factories_topics import make_topic, topic_world
from tests.web.easy_read_sentences import long_sentences

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
THIS_YEAR = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LAST_YEAR = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)


def _people(db, n):
    return [make_user(db) for _ in range(n)]


def test_people_routes_and_first_timers_are_counted_for_this_year(db):
    people = _people(db, 7)
    forum = make_forum(db, members=people)
    make_contribution(db, forum, people[0], made_at=LAST_YEAR)  # an old hand
    for person in people:
        make_contribution(db, forum, person, made_at=THIS_YEAR)
    make_contribution(db, forum, people[1], made_at=THIS_YEAR, source=Source.PHONE_CALL)
    make_contribution(db, forum, None, made_at=THIS_YEAR, source=Source.AT_MEETING, group=True)
    make_contribution(db, forum, people[2], made_at=LAST_YEAR)  # last year only: not counted

    figures = reach.forum_reach(db, forum, now=NOW)

    assert figures.year == 2026
    assert figures.points.value == 9
    assert figures.people.value == 8  # seven members and one unnamed group
    assert figures.first_time.value == 5  # people[0] and people[2] spoke before 2026
    routes = {r.source: r for r in figures.by_route}
    assert routes[Source.ONLINE].people.value == 7
    assert routes[Source.PHONE_CALL].people.value == 1
    assert routes[Source.PHONE_CALL].people.is_small
    assert routes[Source.PAPER_FORM].people.value == 0
    assert not routes[Source.PAPER_FORM].people.is_small
    assert figures.top_share is None  # ten or fewer people: the top ten is everyone


def test_the_share_from_the_ten_who_said_most(db):
    people = _people(db, 12)
    forum = make_forum(db, members=people)
    for person in people[:10]:
        for _ in range(4):
            make_contribution(db, forum, person, made_at=THIS_YEAR)
    for person in people[10:]:
        make_contribution(db, forum, person, made_at=THIS_YEAR)

    figures = reach.forum_reach(db, forum, now=NOW)

    assert figures.people.value == 12
    assert figures.top_share == round(100 * 40 / 42)


def test_other_forums_do_not_count(db):
    person = make_user(db)
    here, there = make_forum(db, members=[person]), make_forum(db, members=[person])
    make_contribution(db, there, person, made_at=THIS_YEAR)
    figures = reach.forum_reach(db, here, now=NOW)
    assert figures.points.value == 0 and figures.people.value == 0
    assert figures.first_time.value == 0


def test_the_page_shows_small_numbers_as_fewer_than_5(client, db):
    people = _people(db, 3)
    forum = make_forum(db, members=people)
    for person in people:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))

    page = client.get(f"/forums/{forum.slug}/who-had-a-say")

    assert page.status_code == 200
    figures = page.soup.select_one("#reach-figures").get_text(" ")
    assert "fewer than 5" in figures
    assert " 3 " not in f" {figures} "
    routes = page.soup.select_one("#reach-routes").get_text(" ")
    assert "fewer than 5" in routes
    assert "Not shown" in figures


def test_a_small_count_cannot_be_worked_out_by_subtraction(client, db):
    """12 people: 9 online, 3 by phone. "12" and "9" shown would give away the 3, so the
    next smallest route is not shown either, and no route's number can be taken away."""
    people = _people(db, 12)
    forum = make_forum(db, members=people)
    for person in people[:9]:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))
    for person in people[9:]:
        make_contribution(db, forum, person, made_at=datetime.now(UTC), source=Source.PHONE_CALL)

    page = client.get(f"/forums/{forum.slug}/who-had-a-say")

    figures = page.soup.select_one("#reach-figures").get_text(" ")
    assert "12" in figures
    rows = {
        row.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in row("td")]
        for row in page.soup.select("#reach-routes tbody tr")
    }
    shown = [int(cell) for cells in rows.values() for cell in cells[:1] if cell.isdigit()]
    assert 9 not in shown and sum(shown) <= 12 - 5
    assert any(cells[0] == "fewer than 5" for cells in rows.values())
    assert any(cells[0] == "not shown" for cells in rows.values())


@pytest.mark.parametrize(
    ("total", "parts", "hidden"),
    [
        (12, [9, 3, 0], [True, True, False]),  # 9 goes with the 3: 12 - 0 leaves 12
        (30, [20, 6, 4], [False, True, True]),  # the next smallest is enough
        (30, [26, 2, 2], [True, True, True]),  # 2 + 2 is still small: 26 goes too
        (3, [2, 1], [True, True]),  # a small total is itself hidden
        (20, [10, 10], [False, False]),  # nothing small: everything shown
    ],
)
def test_parts_of_a_shown_total_protect_their_small_counts(total, parts, hidden):
    from forum_site.services.small_numbers import parts_of

    assert [count.hidden for count in parts_of(total, parts)] == hidden


def test_the_page_shows_counts_of_5_and_more(client, db):
    people = _people(db, 6)
    forum = make_forum(db, members=people)
    for person in people:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))
    page = client.get(f"/forums/{forum.slug}/who-had-a-say")
    people_row = page.soup.select_one("#reach-figures div").get_text(" ")
    assert "People who had a say" in people_row and "6" in people_row


def test_easy_read_says_it_in_plain_words(client, db, sign_in):
    people = _people(db, 6)
    forum = make_forum(db, members=people)
    for person in people:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))
    people[0].easy_read = True
    db.flush()
    sign_in(people[0])
    page = client.get(f"/forums/{forum.slug}/who-had-a-say")
    shown = text_of(page)
    assert "6 people told us what they think this year." in shown
    assert "we do not say the number" in shown
    assert long_sentences(page.soup) == []


def test_a_private_forums_reach_is_not_found_for_outsiders(client, db, sign_in):
    member, outsider = make_user(db), make_user(db)
    forum = make_forum(db, private=True, members=[member])
    make_contribution(db, forum, member, made_at=datetime.now(UTC))
    assert client.get(f"/forums/{forum.slug}/who-had-a-say").status_code in {302, 404}
    sign_in(outsider)
    assert client.get(f"/forums/{forum.slug}/who-had-a-say").status_code == 404
    client.post("/sign-out")
    sign_in(member)
    assert client.get(f"/forums/{forum.slug}/who-had-a-say").status_code == 200


def test_the_forum_menu_links_to_it(client, db):
    forum = make_forum(db)
    page = client.get(f"/forums/{forum.slug}")
    links = [a["href"] for a in page.soup.select(".forum-sections a")]
    assert f"/forums/{forum.slug}/who-had-a-say" in links


def _topic_with_points(db):
    """A topic with a meeting of its own: points about that meeting belong to the topic."""
    world = topic_world(db)
    topic = make_topic(db, world)
    mine = make_meeting(db, world["forum"], title="Breaks: what you need", days_from_now=10)
    other = make_meeting(db, world["forum"], title="Something else", days_from_now=20)
    core.set_links(db, load_viewer(db, world["commissioner"]), topic, {"meetings": [mine.id]})
    people = _people(db, 6)
    for person in people:
        make_contribution(db, world["forum"], person, made_at=datetime.now(UTC), meeting_id=mine.id)
    make_contribution(
        db, world["forum"], world["member"], made_at=datetime.now(UTC), meeting_id=other.id
    )
    make_contribution(db, world["forum"], world["member"], made_at=datetime.now(UTC))
    return world, topic


def test_a_topics_reach_counts_only_its_points(db):
    world, topic = _topic_with_points(db)
    figures = reach.topic_reach(db, topic)
    assert figures.points.value == 6
    assert figures.people.value == 6
    assert figures.first_time.value == 6


def test_the_topic_page_links_to_its_reach(client, db, sign_in):
    world, topic = _topic_with_points(db)
    sign_in(world["member"])
    story = client.get(f"/topics/{topic.id}")
    assert f"/topics/{topic.id}/who-had-a-say" in [a["href"] for a in story.soup.select("a")]
    page = client.get(f"/topics/{topic.id}/who-had-a-say")
    assert page.status_code == 200
    assert "Who had a say: Respite breaks from 2027" in page.soup.h1.get_text()
    assert "6" in page.soup.select_one("#reach-figures div").get_text(" ")


def test_a_private_topics_reach_is_not_found_for_outsiders(client, db, sign_in):
    world = topic_world(db, private=True)
    topic = make_topic(db, world)
    sign_in(world["outsider"])
    assert client.get(f"/topics/{topic.id}/who-had-a-say").status_code == 404


def test_an_organisations_reach_counts_only_forums_the_viewer_may_see(client, db, sign_in):
    council = make_organisation(db, name="Hillside Council")
    insiders = _people(db, 6)
    shown = make_forum(db, name="Open Forum", members=_people(db, 1), organisations=[council])
    hidden = make_forum(db, private=True, members=insiders, organisations=[council])
    make_contribution(db, shown, None, made_at=datetime.now(UTC), group=True)
    for person in insiders:
        make_contribution(db, hidden, person, made_at=datetime.now(UTC))

    page = client.get(f"/organisations/{council.id}/who-had-a-say")
    assert page.status_code == 200
    assert "Open Forum" in page.soup.select_one("main").get_text()
    assert "fewer than 5" in page.soup.select_one("#reach-figures div").get_text(" ")

    sign_in(insiders[0])
    page = client.get(f"/organisations/{council.id}/who-had-a-say")
    assert "7" in page.soup.select_one("#reach-figures div").get_text(" ")
    assert client.get("/organisations/2147483647/who-had-a-say").status_code == 404


def test_each_months_people_and_first_timers(db):
    """People are counted in every month they had a say; first-timers only in the month of
    their first point, and they add up to the year's first-timers."""
    people = _people(db, 8)
    forum = make_forum(db, members=people)
    make_contribution(db, forum, people[0], made_at=LAST_YEAR)  # an old hand
    march, may = datetime(2026, 3, 5, tzinfo=UTC), datetime(2026, 5, 9, tzinfo=UTC)
    for person in people:
        make_contribution(db, forum, person, made_at=march)
    for person in people[:6]:
        make_contribution(db, forum, person, made_at=may)

    figures = reach.forum_reach(db, forum, now=NOW)

    months = {m.month: m for m in figures.months}
    assert list(months) == [f"2026-{n:02d}" for n in range(1, 12)]  # January to November
    assert months["2026-03"].people.value == 8
    assert months["2026-05"].people.value == 6  # all of them had a say in March too
    assert months["2026-03"].first_time.value == 7  # people[0] first spoke in 2025
    assert months["2026-05"].first_time.value == 0
    assert sum(m.first_time.value for m in figures.months) == figures.first_time.value


def _reach_page(client, db, online, by_phone):
    people = _people(db, online + by_phone)
    forum = make_forum(db, members=people)
    for person in people[:online]:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))
    for person in people[online:]:
        make_contribution(db, forum, person, made_at=datetime.now(UTC), source=Source.PHONE_CALL)
    return client.get(f"/forums/{forum.slug}/who-had-a-say")


def _bar_widths(figure):
    return {
        item.select_one(".share-label").get_text(" ", strip=True): (
            float(item.select(".share-part")[0]["width"]) if item.select(".share-part") else None
        )
        for item in figure.select("li")
    }


def test_the_route_chart_draws_each_route_as_its_share_of_the_people(client, db):
    page = _reach_page(client, db, online=15, by_phone=5)
    bars = _bar_widths(page.soup.select_one("#reach-route-chart"))
    assert bars["Sent on this site: 15"] == 75.0
    assert bars["From a phone call: 5"] == 25.0
    assert all(width == 0 for label, width in bars.items() if label.endswith(": 0"))


def test_a_hidden_count_draws_no_bar_that_would_tell_its_number(client, db):
    """9 online and 3 by phone: both routes are hidden on the page, so neither may have a
    bar (its length out of the 12 shown would give the number away), in the route chart
    or in the month chart."""
    page = _reach_page(client, db, online=9, by_phone=3)
    bars = _bar_widths(page.soup.select_one("#reach-route-chart"))
    assert bars["Sent on this site: not shown"] is None
    assert bars["From a phone call: fewer than 5"] is None
    assert all(width == 0 for label, width in bars.items() if label.endswith(": 0"))
    months = page.soup.select_one("#reach-months").get_text(" ")
    assert "12 people" in months  # this month
    assert " 3 " not in months and " 9 " not in months


def test_the_busiest_month_is_the_longest_bar(client, db):
    page = _reach_page(client, db, online=6, by_phone=0)
    bars = _bar_widths(page.soup.select_one("#reach-months"))
    assert [width for label, width in bars.items() if "6 people" in label] == [100.0]


def test_the_month_chart_hides_a_small_month(client, db):
    page = _reach_page(client, db, online=3, by_phone=0)
    bars = _bar_widths(page.soup.select_one("#reach-months"))
    this_month = [label for label in bars if "fewer than 5 people" in label]
    assert len(this_month) == 1 and bars[this_month[0]] is None
    assert all(not width for label, width in bars.items() if ": 0 people" in label)


def test_the_ten_who_said_most_as_one_bar(client, db):
    people = _people(db, 12)
    forum = make_forum(db, members=people)
    for person in people[:10]:
        for _ in range(3):
            make_contribution(db, forum, person, made_at=datetime.now(UTC))
    for person in people[10:]:
        for _ in range(5):
            make_contribution(db, forum, person, made_at=datetime.now(UTC))
    page = client.get(f"/forums/{forum.slug}/who-had-a-say")
    figure = page.soup.select_one("#reach-top-chart")
    share = round(100 * (2 * 5 + 8 * 3) / 40)  # the ten who made most: 2 with 5, 8 with 3
    assert f"{share} of every 100 points this year came from 10 people." in figure.get_text(" ")
    assert float(figure.select_one(".share-part")["width"]) == share


def test_easy_read_starts_a_sentence_with_a_capital_even_when_the_count_is_hidden(
    client, db, sign_in
):
    people = _people(db, 7)
    forum = make_forum(db, members=people)
    make_contribution(db, forum, people[0], made_at=LAST_YEAR)
    make_contribution(db, forum, people[1], made_at=LAST_YEAR)
    make_contribution(db, forum, people[2], made_at=LAST_YEAR)
    for person in people:
        make_contribution(db, forum, person, made_at=datetime.now(UTC))
    people[0].easy_read = True
    db.flush()
    sign_in(people[0])
    shown = text_of(client.get(f"/forums/{forum.slug}/who-had-a-say"))
    assert "7 people told us what they think this year." in shown
    assert "Fewer than 5 of them had a say for the first time." in shown
    assert "fewer than 5 of them" not in shown
