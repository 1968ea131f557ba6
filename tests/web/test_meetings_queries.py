"""No N+1: the meeting page and the forum's meeting list cost the same number of queries
whether there are a few or many agenda items, replies, questions and meetings."""

from __future__ import annotations

from tests.factories import make_user
from tests.factories_meetings import People, make_meeting, make_question, make_reply


def _busy_meeting(db, people, size: int):
    meeting = make_meeting(db, people.forum, agenda=size, closed=size)
    for n in range(size):
        user = make_user(db)
        people.forum.memberships  # noqa: B018  (keep the forum loaded)
        make_reply(db, meeting, user, large_print=n % 2 == 0)
        make_question(db, meeting, user, private=n % 3 == 0)
    return meeting


def _count(client, count_queries, url) -> int:
    with count_queries() as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_meeting_page_query_count_does_not_grow(client, db, sign_in, count_queries):
    people = People(db)
    small, large = _busy_meeting(db, people, 2), _busy_meeting(db, people, 20)
    sign_in(people.convenor)
    few = _count(client, count_queries, f"/meetings/{small.id}")
    many = _count(client, count_queries, f"/meetings/{large.id}")
    assert few == many, (few, many)


def test_prep_page_query_count_does_not_grow(client, db, sign_in, count_queries):
    people = People(db)
    small, large = _busy_meeting(db, people, 2), _busy_meeting(db, people, 20)
    sign_in(people.convenor)
    few = _count(client, count_queries, f"/meetings/{small.id}/prepare")
    many = _count(client, count_queries, f"/meetings/{large.id}/prepare")
    assert few == many, (few, many)


def test_forum_meetings_list_query_count_does_not_grow(client, db, sign_in, count_queries):
    small, large = People(db), People(db)
    for _ in range(2):
        make_reply(db, make_meeting(db, small.forum), small.member)
    for n in range(20):
        make_reply(db, make_meeting(db, large.forum, days_from_now=n - 10), large.member)
    sign_in(small.member)
    few = _count(client, count_queries, f"/forums/{small.forum.slug}/meetings")
    sign_in(large.member)
    many = _count(client, count_queries, f"/forums/{large.forum.slug}/meetings")
    assert few == many, (few, many)
