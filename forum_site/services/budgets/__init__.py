"""Budgets: publishing them, changing them with a reason, and who may see or change them.

Only commissioners of the owning organisation publish or change a budget. Members of a
linked forum read it; so does anyone when a linked forum is public. A budget linked only
to private forums looks exactly like a missing one to outsiders.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Briefing,
    Budget,
    BudgetLine,
    BudgetRevision,
    Forum,
    Meeting,
    budget_forum,
    forum_organisation,
)
from forum_site.services.budgets.checks import (  # noqa: F401  (the views use these too)
    LONGEST_TEXT,
    BudgetInput,
    LineError,
    LineInput,
    check_details,
    check_line_ids,
    check_lines,
    check_total,
)
from forum_site.services.budgets.history import record_change, record_first_revision
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.pagination import Page, SortKey, paginate
from forum_site.services.viewer import Viewer
from forum_site.words import _l

# Reading -------------------------------------------------------------------------------


def can_read(viewer: Viewer, budget: Budget) -> bool:
    if viewer.works_for(budget.organisation_id):
        return True
    return any(viewer.can_see_forum(forum) for forum in budget.forums)


def can_change(viewer: Viewer, budget: Budget) -> bool:
    return viewer.works_for(budget.organisation_id)


def get_budget(session: Session, viewer: Viewer, budget_id: int) -> Budget:
    """The budget with everything its page shows, in a fixed number of queries."""
    budget = session.scalar(
        select(Budget)
        .where(Budget.id == budget_id)
        .options(
            selectinload(Budget.organisation),
            selectinload(Budget.forums),
            selectinload(Budget.meetings),
            selectinload(Budget.briefings).selectinload(Briefing.forums),
            selectinload(Budget.lines),
            selectinload(Budget.revisions).selectinload(BudgetRevision.changes),
            selectinload(Budget.revisions).selectinload(BudgetRevision.changed_by),
        )
    )
    if budget is None or not can_read(viewer, budget):
        raise NotFound(_l("We could not find that budget."))
    return budget


def visible_forums(viewer: Viewer, budget: Budget) -> list[Forum]:
    """Linked forums this viewer may know exist (a private forum's name stays hidden)."""
    return [forum for forum in budget.forums if viewer.can_see_forum(forum)]


NEWEST_PERIOD_FIRST = (
    SortKey(Budget.period_start, newest_first=True),
    SortKey(Budget.title),
    SortKey(Budget.id),
)


def budgets_for_forum(
    session: Session, viewer: Viewer, forum: Forum, cursor: str | None = None, per_page: int = 25
) -> Page[Budget]:
    """A page of the budgets linked to a forum the viewer can already see, newest first."""
    if not viewer.can_see_forum(forum):
        raise NotFound(_l("We could not find that forum."))
    query = (
        select(Budget)
        .join(budget_forum, budget_forum.c.budget_id == Budget.id)
        .where(budget_forum.c.forum_id == forum.id)
        .options(selectinload(Budget.organisation), selectinload(Budget.lines))
    )
    return paginate(session, query, NEWEST_PERIOD_FIRST, cursor, per_page=per_page)


def budgets_for_meeting(session: Session, viewer: Viewer, meeting: Meeting) -> list[Budget]:
    budgets = session.scalars(
        select(Budget)
        .where(Budget.meetings.any(Meeting.id == meeting.id))
        .options(selectinload(Budget.forums), selectinload(Budget.lines))
        .order_by(Budget.title)
    ).all()
    return [budget for budget in budgets if can_read(viewer, budget)]


def budgets_for_briefing(session: Session, viewer: Viewer, briefing: Briefing) -> list[Budget]:
    budgets = session.scalars(
        select(Budget)
        .where(Budget.briefings.any(Briefing.id == briefing.id))
        .options(selectinload(Budget.forums), selectinload(Budget.lines))
        .order_by(Budget.title)
    ).all()
    return [budget for budget in budgets if can_read(viewer, budget)]


# Choices for the form ------------------------------------------------------------------


def forums_for_organisation(session: Session, organisation_id: int) -> list[Forum]:
    return list(
        session.scalars(
            select(Forum)
            .join(forum_organisation, forum_organisation.c.forum_id == Forum.id)
            .where(forum_organisation.c.organisation_id == organisation_id)
            .order_by(Forum.name)
        )
    )


def meetings_for_forums(session: Session, forum_ids: list[int]) -> list[Meeting]:
    if not forum_ids:
        return []
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.forum_id.in_(forum_ids))
            .options(selectinload(Meeting.forum))
            .order_by(Meeting.starts_at.desc())
            .limit(100)
        )
    )


def briefings_for_forums(session: Session, forum_ids: list[int]) -> list[Briefing]:
    if not forum_ids:
        return []
    return list(
        session.scalars(
            select(Briefing)
            .where(Briefing.forums.any(Forum.id.in_(forum_ids)))
            .order_by(Briefing.id.desc())
            .limit(100)
        )
    )


# Publishing and changing ---------------------------------------------------------------


def create_budget(
    session: Session,
    viewer: Viewer,
    organisation_id: int,
    data: BudgetInput,
    *,
    when: datetime | None = None,
) -> Budget:
    """Publish a budget. ``when`` is only for bringing in a budget published earlier."""
    if not viewer.works_for(organisation_id):
        raise NotAllowed(_l("Only commissioners from this organisation can publish its budgets."))
    check_details(data)
    check_total(data.total_pence)
    check_lines(data.lines)
    budget = Budget(
        organisation_id=organisation_id,
        title=data.title.strip(),
        period_start=data.period_start,
        period_end=data.period_end,
        money_comes_from=data.money_comes_from.strip(),
        total_pence=data.total_pence,
        created_by_id=viewer.user_id,
    )
    _set_links(
        session, budget, organisation_id, data.forum_ids, data.meeting_ids, data.briefing_ids
    )
    session.add(budget)
    lines = [_new_line(budget, item, position) for position, item in enumerate(data.lines)]
    session.flush()
    record_first_revision(session, viewer, budget, lines, when=when)
    return budget


def change_links(
    session: Session,
    viewer: Viewer,
    budget: Budget,
    forum_ids: list[int],
    meeting_ids: list[int],
    briefing_ids: list[int] = (),
) -> None:
    """Which forums, meetings and briefings the budget belongs to. Not money: no history."""
    _require_changer(viewer, budget)
    _set_links(session, budget, budget.organisation_id, forum_ids, meeting_ids, briefing_ids)
    session.flush()


def change_budget(
    session: Session,
    viewer: Viewer,
    budget: Budget,
    *,
    total_pence: int,
    lines: list[LineInput],
    reason: str,
    site_url: str = "",
    when: datetime | None = None,
) -> BudgetRevision:
    """Change figures with a reason: one new history entry; members told when it matters.

    ``when`` is only for bringing in history recorded elsewhere (demo data, imports)."""
    _require_changer(viewer, budget)
    reason = reason.strip()
    if not reason:
        raise DomainError(_l("Say why the budget is changing. Members will see this."), "reason")
    if len(reason) > LONGEST_TEXT:
        raise DomainError(
            _l(
                "Keep the reason to %(longest_text)s characters or fewer.",
                longest_text=LONGEST_TEXT,
            ),
            "reason",
        )
    check_total(total_pence)
    check_lines(lines)
    check_line_ids(budget, lines)
    return record_change(
        session,
        viewer,
        budget,
        total_pence=total_pence,
        lines=lines,
        reason=reason,
        new_line=lambda item, position: _new_line(budget, item, position),
        site_url=site_url,
        when=when,
    )


def _require_changer(viewer: Viewer, budget: Budget) -> None:
    if not can_change(viewer, budget):
        raise NotAllowed(
            _l("Only commissioners from the organisation that owns this budget can change it.")
        )


def _new_line(budget: Budget, item: LineInput, position: int) -> BudgetLine:
    line = BudgetLine(
        position=position,
        name=item.name.strip(),
        amount_pence=None if item.withheld else item.amount_pence,
        kind=item.kind,
        note=item.note.strip(),
        people_served=item.people_served,
        withheld=item.withheld,
        withheld_reason=item.withheld_reason.strip() if item.withheld else "",
    )
    budget.lines.append(line)  # through the collection, so the line joins the session
    return line


def _set_links(
    session: Session,
    budget: Budget,
    organisation_id: int,
    forum_ids: list[int],
    meeting_ids: list[int],
    briefing_ids: list[int] = (),
) -> None:
    allowed = {f.id: f for f in forums_for_organisation(session, organisation_id)}
    if not forum_ids:
        raise DomainError(_l("Choose at least one forum that this budget is for."), "forums")
    if any(forum_id not in allowed for forum_id in forum_ids):
        raise DomainError(_l("Choose forums that your organisation works with."), "forums")
    meetings = meetings_for_forums(session, list(forum_ids))
    by_id = {m.id: m for m in meetings}
    if any(meeting_id not in by_id for meeting_id in meeting_ids):
        raise DomainError(_l("Choose meetings of the forums you chose."), "meetings")
    budget.forums = [allowed[forum_id] for forum_id in dict.fromkeys(forum_ids)]
    budget.meetings = [by_id[meeting_id] for meeting_id in dict.fromkeys(meeting_ids)]
    briefings = {b.id: b for b in briefings_for_forums(session, list(forum_ids))}
    if any(briefing_id not in briefings for briefing_id in briefing_ids):
        raise DomainError(_l("Choose briefings for the forums you chose."), "briefings")
    budget.briefings = [briefings[briefing_id] for briefing_id in dict.fromkeys(briefing_ids)]
