"""A commissioner's "what members said" page costs the same queries however much has been
said (issue 20): 18 queries on the demo became 21 on 20,000 contributions, because a list
with rows about a meeting, recorded by a convenor or waiting too long loaded each of
those in queries of its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from forum_site.models import Membership, Role, Source, Visibility
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_budgets import make_meeting
from tests.factories_contributions import make_contribution, support


def _said(db, forum, count: int, *, varied: bool, convenor) -> None:
    """``count`` contributions by new members; ``varied`` ones are about a meeting, some
    recorded by the convenor, some anonymous, supported, and long overdue."""
    now = datetime.now(UTC)
    meeting = make_meeting(db, forum) if varied else None
    for n in range(count):
        member = make_user(db)
        db.add(Membership(forum_id=forum.id, user_id=member.id, role=Role.MEMBER))
        extra = {}
        if varied:
            extra = {
                "meeting_id": meeting.id,
                "recorded_by": convenor if n % 2 else None,
                "source": Source.PHONE_CALL if n % 2 else Source.ONLINE,
                "visibility": Visibility.ANONYMOUS if n % 3 == 0 else Visibility.SHARED,
            }
        made_at = now - timedelta(days=60 + n if varied else 1 + n)
        contribution = make_contribution(db, forum, member, made_at=made_at, **extra)
        if varied:
            support(db, contribution, make_user(db))


@pytest.mark.parametrize("easy_read", [False, True], ids=["normal", "easy read"])
def test_a_commissioner_s_contributions_page_costs_the_same_for_n_and_2n(
    client, db, sign_in, count_queries, easy_read
):
    organisation = make_organisation(db)
    commissioner, convenor = make_commissioner(db, organisation), make_user(db)
    forum = make_forum(db, organisations=[organisation], convenors=[convenor])
    sign_in(commissioner)
    if easy_read:
        client.post("/settings/easy-read", data={"next": "/"})
    path = f"/forums/{forum.slug}/contributions"
    costs, pages = [], []
    for varied in (False, True):
        _said(db, forum, 6, varied=varied, convenor=convenor)
        for _ in range(3):  # more forums the commissioner works with, with their own history
            other = make_forum(db, organisations=[organisation], convenors=[convenor])
            _said(db, other, 2, varied=varied, convenor=convenor)
        client.get(path)  # anything a first request does once
        with count_queries() as queries:
            page = client.get(path)
        assert page.status_code == 200
        costs.append(len(queries))
        pages.append(page.get_data(as_text=True))
    assert costs[0] == costs[1], f"{costs[0]} queries for 6 contributions, {costs[1]} for 12"
    assert "Waiting too long for an answer" not in pages[0]
    assert "Waiting too long for an answer" in pages[1]
    assert "12 contributions in all" in pages[1]
    assert f"{forum.name} meeting" in pages[1]
