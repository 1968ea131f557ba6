"""Budgets, and the people, forums and meetings around them, for tests. Nothing commits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from forum_site.models import LineKind, Meeting
from forum_site.models.meetings import MeetingStatus
from forum_site.services import budgets
from forum_site.services.budgets import BudgetInput, LineInput
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user


def line(
    name: str,
    pence: int | None,
    *,
    open_: bool = False,
    people: int | None = None,
    withheld_reason: str = "",
    note: str = "",
) -> LineInput:
    return LineInput(
        name=name,
        amount_pence=pence,
        kind=LineKind.OPEN if open_ else LineKind.FIXED,
        note=note,
        people_served=people,
        withheld=bool(withheld_reason),
        withheld_reason=withheld_reason,
    )


def make_meeting(session, forum, *, days_ahead: int = 14, status=MeetingStatus.PUBLISHED):
    starts = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days_ahead)
    meeting = Meeting(
        forum_id=forum.id,
        title=f"{forum.name} meeting",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        status=status,
    )
    session.add(meeting)
    session.flush()
    return meeting


def make_budget(
    session,
    commissioner,
    organisation,
    forums,
    *,
    total: int = 100_000_00,
    lines: list[LineInput] | None = None,
    meetings=(),
    title: str = "Day services budget",
):
    data = BudgetInput(
        title=title,
        period_start=date(2026, 4, 1),
        period_end=date(2027, 3, 31),
        money_comes_from="The council's adult social care money",
        total_pence=total,
        forum_ids=[forum.id for forum in forums],
        meeting_ids=[meeting.id for meeting in meetings],
        lines=lines
        if lines is not None
        else [
            line("Day centre places", 60_000_00, people=40),
            line("Activities members choose", 40_000_00, open_=True, people=40),
        ],
    )
    budget = budgets.create_budget(
        session, load_viewer(session, commissioner), organisation.id, data
    )
    session.flush()
    return budget


def budget_world(session, *, private: bool = False):
    """A council, its commissioner, a forum with two members, and an outsider."""
    council = make_organisation(session)
    commissioner = make_commissioner(session, council, name="Priya Commissioner")
    member = make_user(session, name="Ali Member")
    member2 = make_user(session, name="Bea Member")
    outsider = make_user(session, name="Olu Outsider")
    forum = make_forum(session, members=[member, member2], organisations=[council], private=private)
    return {
        "council": council,
        "commissioner": commissioner,
        "member": member,
        "member2": member2,
        "outsider": outsider,
        "forum": forum,
    }
