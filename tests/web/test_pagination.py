"""Long lists come a page at a time: the next page is a real link (filters kept), htmx
adds the next rows in place, and a page costs the same number of queries at any length."""

from __future__ import annotations

import re
from datetime import timedelta

from forum_site.services.pagination import decode_cursor, encode_cursor
from tests.factories import make_forum, make_user
from tests.factories_contributions import START, make_contribution


def _forum_with(db, count: int):
    member = make_user(db)
    forum = make_forum(db, members=[member])
    for n in range(count):
        make_contribution(
            db, forum, member, text=f"Point {n:03d} about lunch", made_at=START + timedelta(hours=n)
        )
    return forum


def _next_link(html: str) -> str | None:
    found = re.search(r'<a class="button button-secondary" rel="next" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_the_list_comes_a_page_at_a_time_newest_first(client, db):
    forum = _forum_with(db, 30)
    first = client.get(f"/forums/{forum.slug}/contributions?topic=lunch").get_data(as_text=True)
    assert "Point 029 about lunch" in first and "Point 005 about lunch" in first
    assert "Point 004 about lunch" not in first
    assert "30 contributions in all" in first
    link = _next_link(first)
    assert link and "topic=lunch" in link and "after=" in link
    second = client.get(link).get_data(as_text=True)
    assert "Point 004 about lunch" in second and "Point 000 about lunch" in second
    assert "Point 005 about lunch" not in second
    assert _next_link(second) is None
    assert "Back to the start of the list" in second


def test_show_more_sends_only_the_next_rows_to_htmx(client, db):
    forum = _forum_with(db, 27)
    link = _next_link(client.get(f"/forums/{forum.slug}/contributions").get_data(as_text=True))
    more = client.get(link, headers={"HX-Request": "true"})
    html = more.get_data(as_text=True)
    assert "<h1" not in html and "Point 001 about lunch" in html
    assert 'id="contributions-pager"' in html
    assert "HX-Request" in more.headers.get("Vary", "")


def test_a_spoilt_cursor_shows_the_first_page(client, db):
    forum = _forum_with(db, 3)
    html = client.get(f"/forums/{forum.slug}/contributions?after=not-a-cursor!").get_data(
        as_text=True
    )
    assert "Point 002 about lunch" in html


def test_cursors_keep_dates_and_numbers():
    values = [START, 12, "text"]
    assert decode_cursor(encode_cursor(values), 3) == values
    assert decode_cursor(encode_cursor(values), 2) is None


def test_a_page_costs_the_same_queries_however_long_the_list(client, db, count_queries):
    small, large = _forum_with(db, 3), _forum_with(db, 60)
    costs = []
    for forum in (small, large):
        with count_queries() as queries:
            assert client.get(f"/forums/{forum.slug}/contributions").status_code == 200
        costs.append(len(queries))
    assert costs[0] == costs[1], costs


def test_a_list_of_one_says_one_not_ones(client, db):
    one = client.get(f"/forums/{_forum_with(db, 1).slug}/contributions").get_data(as_text=True)
    assert "1 contribution in all, newest first." in one
    two = client.get(f"/forums/{_forum_with(db, 2).slug}/contributions").get_data(as_text=True)
    assert "2 contributions in all, newest first." in two


def test_a_made_up_cursor_the_database_cannot_compare_shows_the_first_page(client, db):
    """Too big a number, a NUL byte or the wrong type was a database error (a 500)."""
    forum = _forum_with(db, 3)
    for values in ([START, 10**30], ["Tuesday\x00", 1], [12, "twelve"], [START.isoformat(), 1]):
        page = client.get(
            f"/forums/{forum.slug}/contributions", query_string={"after": encode_cursor(values)}
        )
        assert page.status_code == 200, values
        assert "Point 002 about lunch" in page.get_data(as_text=True), values


def test_the_waiting_list_of_several_forums_pages_through_every_row_once_oldest_first(
    client, db, sign_in
):
    """Its page is chosen before people and meetings are joined to it (rows_first): the
    pages still follow each other, oldest first, with nothing shown twice or left out."""
    from tests.factories import make_commissioner, make_organisation

    council = make_organisation(db)
    commissioner = make_commissioner(db, council)
    member = make_user(db)
    forums = [make_forum(db, members=[member], organisations=[council]) for _ in range(2)]
    for n in range(30):
        made_at = START - timedelta(days=200) + timedelta(hours=n)
        make_contribution(db, forums[n % 2], member, text=f"Late point {n:03d}", made_at=made_at)
    sign_in(commissioner)
    shown, path = [], "/contributions/waiting"
    while path:
        html = client.get(path).get_data(as_text=True)
        shown += re.findall(r"Late point (\d{3})", html)
        path = _next_link(html)
    assert shown == [f"{n:03d}" for n in range(30)]
