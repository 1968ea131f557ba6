"""Budget history: append-only entries, telling members, and the "budget changed" notice.

A change never edits or deletes an entry: it adds a ``BudgetRevision`` (who, when, why)
with one ``BudgetChange`` per value that moved, and keeps the figures on the budget and
its lines in step with that newest entry. If a linked meeting is still to come, every
member of the linked forums gets a message, and a notice on the linked pages until they
say they have seen it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Budget,
    BudgetChange,
    BudgetLine,
    BudgetNoticeSeen,
    BudgetRevision,
    ChangeWhat,
    LineKind,
    Meeting,
    Membership,
    NoticeKind,
    User,
    budget_forum,
    budget_meeting,
)
from forum_site.models.meetings import MeetingStatus
from forum_site.services.errors import DomainError
from forum_site.services.money import format_money
from forum_site.services.notifications import notify
from forum_site.services.topics.consultations import open_on_budget
from forum_site.services.viewer import Viewer
from forum_site.words import _l

FIRST_REASON = "First published."


def record_first_revision(
    session: Session,
    viewer: Viewer,
    budget: Budget,
    lines: list[BudgetLine],
    when: datetime | None = None,
) -> BudgetRevision:
    revision = BudgetRevision(
        budget=budget, changed_by_id=viewer.user_id, reason=FIRST_REASON, is_first=True
    )
    if when is not None:
        revision.created_at = when
    session.add(revision)
    session.flush()
    _add(session, revision, ChangeWhat.TOTAL, new=budget.total_pence)
    for line in lines:
        _add(session, revision, ChangeWhat.LINE_ADDED, line=line, new=line.amount_pence)
    session.flush()
    return revision


def record_change(
    session: Session,
    viewer: Viewer,
    budget: Budget,
    *,
    total_pence: int,
    lines: list,
    reason: str,
    new_line: Callable,
    site_url: str = "",
    when: datetime | None = None,
) -> BudgetRevision:
    """Work out what moved, write it as one new revision, and tell members if it matters."""
    revision = BudgetRevision(budget_id=budget.id, changed_by_id=viewer.user_id, reason=reason)
    if when is not None:
        revision.created_at = when
    revision.members_told = consultation_is_open(session, budget)
    pending: list[dict] = []
    if total_pence != budget.total_pence:
        pending.append({"what": ChangeWhat.TOTAL, "old": budget.total_pence, "new": total_pence})
        budget.total_pence = total_pence
    existing = {line.id: line for line in budget.lines}
    next_position = max((line.position for line in budget.lines), default=-1) + 1
    for item in lines:
        if item.line_id is None:
            if item.remove:
                continue
            line = new_line(item, next_position)
            next_position += 1
            session.flush()
            pending.append({"what": ChangeWhat.LINE_ADDED, "line": line, "new": line.amount_pence})
        else:
            pending.extend(_line_changes(existing[item.line_id], item))
    if not pending:
        raise DomainError(_l("Nothing has changed yet. Change a figure or a line, then save."))
    session.add(revision)
    session.flush()
    for entry in pending:
        _add(session, revision, entry.pop("what"), **entry)
    session.flush()
    if revision.members_told:
        tell_members(session, budget, revision, site_url=site_url)
    return revision


def _line_changes(line: BudgetLine, item) -> list[dict]:
    """Entries for one existing line, and the line brought in step with them."""
    if item.remove:
        entry = {"what": ChangeWhat.LINE_REMOVED, "line": line, "old": line.amount_pence}
        line.removed = True
        return [entry]
    found: list[dict] = []
    before = describe_line(line)
    if item.withheld and not line.withheld:
        # The old figure is not copied into history: once withheld, it is not shown anywhere.
        found.append({"what": ChangeWhat.LINE_WITHHELD, "line": line})
    elif line.withheld and not item.withheld:
        found.append({"what": ChangeWhat.LINE_SHARED, "line": line, "new": item.amount_pence})
    elif not item.withheld and item.amount_pence != line.amount_pence:
        found.append(
            {"what": ChangeWhat.LINE_AMOUNT, "line": line, "old": line.amount_pence,
             "new": item.amount_pence}
        )  # fmt: skip
    line.withheld = item.withheld
    line.amount_pence = None if item.withheld else item.amount_pence
    line.withheld_reason = item.withheld_reason.strip() if item.withheld else ""
    line.name, line.kind, line.note = item.name.strip(), item.kind, item.note.strip()
    line.people_served = item.people_served
    after = describe_line(line)
    if after != before:
        found.append(
            {"what": ChangeWhat.LINE_DETAILS, "line": line, "old_text": before, "new_text": after}
        )
    return found


def describe_line(line: BudgetLine) -> str:
    """A line's words (never its amount), so a history entry can show what changed."""
    parts = [line.name, "fixed" if line.kind == LineKind.FIXED else "open to influence"]
    if line.people_served:
        parts.append(f"for {line.people_served:,} people")
    if line.note:
        parts.append(f"note: {line.note}")
    if line.withheld:
        parts.append(f"withheld because: {line.withheld_reason}")
    return " · ".join(parts)


def _add(
    session: Session,
    revision: BudgetRevision,
    what: ChangeWhat,
    *,
    line: BudgetLine | None = None,
    old: int | None = None,
    new: int | None = None,
    old_text: str = "",
    new_text: str = "",
) -> None:
    session.add(
        BudgetChange(
            revision_id=revision.id,
            line_id=line.id if line else None,
            line_name=line.name if line else "",
            what=what,
            old_pence=old,
            new_pence=new,
            old_text=old_text,
            new_text=new_text,
        )
    )


# Telling members -----------------------------------------------------------------------


def consultation_is_open(session: Session, budget: Budget, now: datetime | None = None) -> bool:
    """Are members being consulted right now: a linked meeting still to come, or a
    consultation open on a topic the budget belongs to?"""
    now = now or datetime.now(UTC)
    upcoming = session.scalar(
        select(
            exists()
            .where(budget_meeting.c.budget_id == budget.id)
            .where(budget_meeting.c.meeting_id == Meeting.id)
            .where(Meeting.status == MeetingStatus.PUBLISHED, Meeting.ends_at > now)
        )
    )
    return bool(upcoming) or open_on_budget(session, budget.id, now)


def members_of_linked_forums(session: Session, budget: Budget) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .join(budget_forum, budget_forum.c.forum_id == Membership.forum_id)
            .where(budget_forum.c.budget_id == budget.id)
            .distinct()
            .order_by(User.id)
        )
    )


def withheld_line_ids(budget: Budget) -> set[int]:
    return {line.id for line in budget.lines if line.withheld}


def shown_amounts(change: BudgetChange, hidden: set[int]) -> tuple[int | None, int | None]:
    """Old and new amounts as readers may see them: none at all for a line withheld now,
    so an earlier figure cannot give away what is being kept back."""
    if change.line_id is not None and change.line_id in hidden:
        return None, None
    return change.old_pence, change.new_pence


def _plain(text: str, **values) -> str:
    return text % values if values else text


def change_summary(
    revision: BudgetRevision, locale: str = "en_GB", _: Callable = _plain
) -> list[str]:
    """One plain sentence per entry. Withheld lines never show an amount.

    ``_`` is a gettext-style function: the web layer passes the reader's translations."""
    hidden = withheld_line_ids(revision.budget)
    return [_sentence(change, locale, hidden, _) for change in revision.changes]


def _sentence(change: BudgetChange, locale: str, hidden: set[int], _: Callable) -> str:
    old, new = shown_amounts(change, hidden)
    name, what = change.line_name, change.what
    if what in (ChangeWhat.TOTAL, ChangeWhat.LINE_ADDED, ChangeWhat.LINE_AMOUNT):
        return _money_sentence(what, name, old, new, locale, _)
    if what == ChangeWhat.LINE_WITHHELD:
        return _("%(name)s: the amount is now withheld.", name=name)
    if what == ChangeWhat.LINE_SHARED and new is None:
        return _("%(name)s: the amount was shared for a time. It is withheld now.", name=name)
    if what == ChangeWhat.LINE_SHARED:
        amount = format_money(new, locale)
        return _("%(name)s: the amount is now shared: %(amount)s.", name=name, amount=amount)
    if what == ChangeWhat.LINE_REMOVED:
        return _("%(name)s was taken out of the budget.", name=name)
    return _(
        "%(name)s was reworded. Before: %(before)s. Now: %(after)s.",
        name=name,
        before=change.old_text,
        after=change.new_text,
    )


def _money_sentence(what, name, old, new, locale: str, _: Callable) -> str:
    if new is None and what == ChangeWhat.LINE_AMOUNT:
        return _("%(name)s: the amount changed. It is not shared now.", name=name)
    if new is None:
        return _("New line: %(name)s. The amount is not shared.", name=name)
    new_text = format_money(new, locale)
    if what == ChangeWhat.LINE_ADDED:
        return _("New line: %(name)s, %(amount)s.", name=name, amount=new_text)
    if old is None:
        return _("The total was set at %(amount)s.", amount=new_text)
    old_text = format_money(old, locale)
    if what == ChangeWhat.TOTAL:
        return _("The total went from %(old)s to %(new)s.", old=old_text, new=new_text)
    return _("%(name)s went from %(old)s to %(new)s.", name=name, old=old_text, new=new_text)


def tell_members(
    session: Session, budget: Budget, revision: BudgetRevision, *, site_url: str = ""
) -> int:
    """Members of the linked forums are told; the figures are written when they read it."""
    people = members_of_linked_forums(session, budget)
    notify(
        session,
        NoticeKind.BUDGET_CHANGED,
        people,
        actor_id=revision.changed_by_id,
        revision_id=revision.id,
    )
    return len(people)


# The "budget changed" notice -----------------------------------------------------------


def unseen_notices(
    session: Session, viewer: Viewer, budget_ids: list[int]
) -> dict[int, list[BudgetRevision]]:
    """Changes members were told about that this viewer has not yet said they have seen."""
    if not viewer.signed_in or not budget_ids:
        return {}
    seen = exists().where(
        BudgetNoticeSeen.revision_id == BudgetRevision.id,
        BudgetNoticeSeen.user_id == viewer.user_id,
    )
    member = exists().where(
        budget_forum.c.budget_id == BudgetRevision.budget_id,
        budget_forum.c.forum_id.in_(list(viewer.forum_roles) or [-1]),
    )
    found: dict[int, list[BudgetRevision]] = {}
    for revision in session.scalars(
        select(BudgetRevision)
        .where(BudgetRevision.budget_id.in_(budget_ids), BudgetRevision.members_told)
        .where(~seen, member)
        .options(selectinload(BudgetRevision.changes))
        .order_by(BudgetRevision.id)
    ):
        found.setdefault(revision.budget_id, []).append(revision)
    return found


def mark_seen(session: Session, viewer: Viewer, budget: Budget) -> int:
    """The viewer has read the notice: remember it for every change shown to them."""
    revisions = unseen_notices(session, viewer, [budget.id]).get(budget.id, [])
    for revision in revisions:
        session.add(BudgetNoticeSeen(user_id=viewer.user_id, revision_id=revision.id))
    session.flush()
    return len(revisions)
