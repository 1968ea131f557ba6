"""Who had a say: different people this year, by route, first-timers, the ten who said most,
and small numbers shown as "fewer than 5"."""

from __future__ import annotations

from datetime import UTC, datetime

from forum_site.models import Source
from forum_site.services import reach
from tests.factories import make_forum, make_user
from tests.factories_contributions import make_contribution
from tests.factories_meetings import text_of

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
