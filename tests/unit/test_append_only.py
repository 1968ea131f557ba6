"""The honest record: answers, budget history, briefing versions, decisions and meeting
changes are added to, never edited or deleted (a correction is a new entry)."""

import pytest
import sqlalchemy as sa

from forum_site.models import base
from forum_site.models.base import RecordIsAppendOnly
from tests.factories import make_forum, make_user
from tests.factories_contributions import make_decision

RECORD_TABLES = {
    "budget_revision",
    "budget_change",
    "contribution_answer",
    "briefing_version",
    "decision",
    "meeting_change",
}


def test_every_part_of_the_record_is_protected():
    assert {table.name for table in base._APPEND_ONLY} >= RECORD_TABLES


@pytest.mark.parametrize("table_name", sorted(RECORD_TABLES))
def test_bulk_update_and_delete_are_refused(db, table_name):
    table = next(t for t in base._APPEND_ONLY if t.name == table_name)
    with pytest.raises(RecordIsAppendOnly):
        db.execute(sa.delete(_mapped_class(table)))
    with pytest.raises(RecordIsAppendOnly):
        db.execute(sa.update(_mapped_class(table)).values(id=sa.literal(0)))


def _mapped_class(table):
    from forum_site.extensions import db as _db

    return next(m.class_ for m in _db.Model.registry.mappers if m.local_table is table)


def test_a_logged_decision_cannot_be_rewritten(db):
    forum = make_forum(db, members=[make_user(db)])
    decision = make_decision(db, forum, title="Keep the lunch club")
    decision.title = "Close the lunch club"
    with pytest.raises(RecordIsAppendOnly, match="A logged decision cannot be changed"):
        db.flush()


def test_a_logged_decision_cannot_be_removed(db):
    forum = make_forum(db, members=[make_user(db)])
    decision = make_decision(db, forum, title="Keep the lunch club")
    db.delete(decision)
    with pytest.raises(RecordIsAppendOnly, match="cannot be deleted"):
        db.flush()
