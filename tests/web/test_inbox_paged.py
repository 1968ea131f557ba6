"""The inbox comes a page at a time in both reading modes (issue 20): easy read showed
only the first 25 messages, with no way to the rest."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from forum_site.models import InboxMessage
from forum_site.services.pagination import PER_PAGE
from tests.factories import make_user

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
SUBJECT = re.compile(r"Message \d{2}$")  # after "New:" in the normal list


def _member_with_messages(db, count: int):
    member = make_user(db)
    for n in range(count):
        db.add(
            InboxMessage(
                user_id=member.id,
                subject=f"Message {n:02d}",
                body="Something happened.",
                created_at=START + timedelta(hours=n),
            )
        )
    db.flush()
    return member


def _subjects(page) -> list[str]:
    links = page.soup.select('#messages a[href^="/inbox/"]')
    found = (SUBJECT.search(a.get_text(" ", strip=True)) for a in links)
    return [subject.group() for subject in found if subject]


def _next_link(page) -> str | None:
    found = page.soup.select_one("#messages-pager a[rel=next]")
    return found["href"] if found else None


@pytest.fixture(params=[True, False], ids=["easy read", "normal"])
def reader(request, client, db, sign_in):
    member = _member_with_messages(db, PER_PAGE + 5)
    sign_in(member)
    if request.param:
        client.post("/settings/easy-read", data={"next": "/inbox"})
    return client, request.param


def test_the_next_page_of_messages_shows_the_rest_none_repeated(reader):
    client, easy_read = reader
    first = client.get("/inbox")
    assert ("er-page" in first.get_data(as_text=True)) == easy_read
    link = _next_link(first)
    assert link and "after=" in link and link.endswith("#messages")
    second = client.get(link)
    assert second.status_code == 200
    assert _next_link(second) is None
    assert "Back to the start of the list" in second.get_data(as_text=True)
    shown = _subjects(first) + _subjects(second)
    assert [len(_subjects(first)), len(_subjects(second))] == [PER_PAGE, 5]
    assert shown == [f"Message {n:02d}" for n in reversed(range(PER_PAGE + 5))]


def test_show_more_sends_htmx_only_the_next_messages(reader):
    client, easy_read = reader
    link = _next_link(client.get("/inbox"))
    more = client.get(link.split("#")[0], headers={"HX-Request": "true"})
    html = more.get_data(as_text=True)
    assert more.status_code == 200 and "<h1" not in html
    assert len(re.findall(r"Message \d{2}</a>", html)) == 5
    assert ('class="er-row' in html) == easy_read
    assert 'id="messages-pager"' in html and "Back to the start of the list" in html


def test_show_more_does_not_count_the_unread_messages_again(reader, count_queries):
    client, _easy_read = reader
    link = _next_link(client.get("/inbox")).split("#")[0]
    with count_queries() as queries:
        more = client.get(link, headers={"HX-Request": "true"})
    assert more.status_code == 200
    counting = [q for q in queries if "count(" in q.lower() and "read_at IS NULL" in q]
    assert counting == []
