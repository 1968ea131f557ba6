"""The budget history is append-only, and the service keeps figures in step with it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum_site.models import BriefingStatus, BudgetChange, BudgetRevision
from forum_site.models.briefings import Briefing
from forum_site.models.budgets import HistoryIsAppendOnly
from forum_site.services import budgets
from forum_site.services.budgets import LineInput
from forum_site.services.budgets.history import consultation_is_open
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import load_viewer
from tests.factories_budgets import budget_world, make_budget


def _lines(budget, **changes) -> list[LineInput]:
    inputs = []
    for item in budget.lines:
        inputs.append(
            LineInput(
                name=item.name,
                amount_pence=item.amount_pence,
                kind=item.kind,
                people_served=item.people_served,
                line_id=item.id,
            )
        )
    for index, amount in changes.items():
        inputs[int(index[1:])].amount_pence = amount
    return inputs


def _change(db, world, budget, total, reason="Because the grant fell.", **lines):
    viewer = load_viewer(db, world["commissioner"])
    return budgets.change_budget(
        db, viewer, budget, total_pence=total, lines=_lines(budget, **lines), reason=reason
    )


def test_history_entries_cannot_be_edited(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    revision = budget.revisions[0]
    revision.reason = "Quietly rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        db.flush()
    db.rollback()


def test_history_entries_cannot_be_deleted(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    change = db.scalar(select(BudgetChange).limit(1))
    db.delete(change)
    with pytest.raises(HistoryIsAppendOnly):
        db.flush()
    db.rollback()
    assert budget  # the budget itself is untouched


def test_each_change_adds_entries_and_never_touches_old_ones(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    before = [(c.id, c.old_pence, c.new_pence) for c in db.scalars(select(BudgetChange)).all()]
    _change(db, world, budget, 90_000_00, s1=30_000_00)
    _change(db, world, budget, 90_000_00, reason="Put back after complaints.", s1=40_000_00)
    after = {c.id: (c.id, c.old_pence, c.new_pence) for c in db.scalars(select(BudgetChange))}
    assert all(after[row[0]] == row for row in before)
    assert db.scalar(select(func.count(BudgetRevision.id))) == 3
    latest = budget.revisions[-1]
    assert latest.reason == "Put back after complaints."
    [entry] = latest.changes
    assert (entry.old_pence, entry.new_pence) == (30_000_00, 40_000_00)
    assert budget.lines[1].amount_pence == entry.new_pence


def test_a_reason_is_required(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    with pytest.raises(DomainError, match="Say why"):
        _change(db, world, budget, 1, reason="   ")
    assert db.scalar(select(func.count(BudgetRevision.id))) == 1


def test_members_cannot_change_a_budget(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    with pytest.raises(NotAllowed):
        budgets.change_budget(
            db,
            load_viewer(db, world["member"]),
            budget,
            total_pence=1,
            lines=_lines(budget),
            reason="I want more",
        )


def test_negative_and_huge_amounts_are_refused_by_the_service_too(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    with pytest.raises(DomainError, match="£0 or more"):
        _change(db, world, budget, -1)
    with pytest.raises(DomainError, match="between £0 and £10 billion"):
        _change(db, world, budget, 1, s0=10**15)


def _briefing(db, world, status):
    briefing = Briefing(title="What the cuts mean", status=status, forums=[world["forum"]])
    db.add(briefing)
    db.flush()
    return briefing


def test_a_published_linked_briefing_alone_is_not_a_consultation(db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    assert not consultation_is_open(db, budget)
    draft = _briefing(db, world, BriefingStatus.DRAFT)
    budgets.change_links(
        db, load_viewer(db, world["commissioner"]), budget, [world["forum"].id], [], [draft.id]
    )
    assert not consultation_is_open(db, budget)
    published = _briefing(db, world, BriefingStatus.PUBLISHED)
    budgets.change_links(
        db, load_viewer(db, world["commissioner"]), budget, [world["forum"].id], [], [published.id]
    )
    assert not consultation_is_open(db, budget)  # open consultations: test_topics_consultations


def test_bulk_updates_and_deletes_of_history_are_refused(db):
    from sqlalchemy import delete, update

    world = budget_world(db)
    make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    with pytest.raises(HistoryIsAppendOnly):
        db.execute(update(BudgetRevision).values(reason="Rewritten"))
    with pytest.raises(HistoryIsAppendOnly):
        db.execute(delete(BudgetChange))
    db.rollback()
