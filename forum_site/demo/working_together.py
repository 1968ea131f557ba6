"""Demo: how Learning Disability Voice works together, agreed twice (the second version
pays bus fares on the day)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from forum_site.services import working_together as together
from forum_site.services.viewer import load_viewer

FIRST = together.WorkingTogetherDraft(
    can_influence=(
        "Day services, housing support and transport for adults with learning disabilities. "
        "The council decides its total budget; the forum can change how the money for these "
        "services is spent."
    ),
    response_promise="Every point gets an answer within 28 days, even if the answer is no.",
    payment="£20 for each meeting you come to. Travel costs are paid back within a month.",
    convened_by="Northbridge People First",
    convening_paid_by="Northbridge Borough Council (a grant paid each year)",
    agreed_by="The forum's members and Northbridge Borough Council, at the January meeting",
    agreed_on=date.today() - timedelta(days=300),
)


def seed(session: Session, base) -> None:
    convenor = load_viewer(session, base.users["convenor"])
    forum = base.forums["ld"]
    together.write_version(session, convenor, forum, FIRST)
    second = replace(
        FIRST,
        payment="£20 for each meeting you come to. Bus and taxi fares are paid back in cash "
        "on the day.",
        agreed_by="The forum's members and Northbridge Borough Council, at the June meeting",
        agreed_on=date.today() - timedelta(days=150),
        what_changed="Members said waiting a month for travel money was too long, so fares "
        "are now paid back on the day.",
    )
    together.write_version(session, convenor, forum, second)
