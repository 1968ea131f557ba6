"""Who is looking costs every signed-in page the same two queries (issue 20): a
commissioner's organisations and their forums come in one."""

from __future__ import annotations

from forum_site.models import CommissionerLink
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user


def test_a_commissioner_s_organisations_and_forums_come_in_one_query(db, count_queries):
    council, trust = make_organisation(db), make_organisation(db)
    commissioner = make_commissioner(db, council)
    db.add(CommissionerLink(user_id=commissioner.id, organisation_id=trust.id, job_title="Lead"))
    forums = [make_forum(db, organisations=[council]) for _ in range(2)]
    member_of = make_forum(db, members=[commissioner])
    db.flush()
    with count_queries() as queries:
        viewer = load_viewer(db, commissioner)
    assert viewer.organisation_ids == {council.id, trust.id}  # the trust has no forum yet
    assert viewer.commissioned_forum_ids == {f.id for f in forums}
    assert member_of.id in viewer.forum_roles
    assert len(queries) == 2, queries


def test_someone_who_commissions_for_no_one_has_no_forums_to_answer_for(db, count_queries):
    member = make_user(db)
    with count_queries() as queries:
        viewer = load_viewer(db, member)
    assert not viewer.is_commissioner and viewer.commissioned_forum_ids == frozenset()
    assert len(queries) == 2
