"""Every POST endpoint about a forum, sent by each person outside the private forum to
that forum's things, with a CSRF token and a plausible form: refused, and nothing stored.

The route matrix proves reading changes nothing; this proves the same of refused writes
(the attack in issue 18 sent 1,900 of them). Endpoints whose address holds no id of a
forum's thing (signing in, settings, registering) are not about the forum: skipped."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from forum_site.extensions import db as _db
from forum_site.models import User
from tests.security import world as demo

# Tables any request may write, whoever sends it: counters for rate limits and the
# server-side session records of the person signed in.
VOLATILE = {"rate_count", "user_session"}
NOT_ABOUT_A_FORUM = {"token", "code", "key", "filename"}
REFUSED = {302, 400, 403, 404, 405, 409, 410, 429}

# Plausible values for the fields forms use, so a form that forgot its permission check
# would really save something.
PLAUSIBLE = {
    "text": "We need a later bus on Fridays.",
    "title": "A new title",
    "body": "Some words for the body.",
    "answer": "going",
    "status": "changed",
    "answer_text": "We changed the timetable.",
    "reason": "Because members asked.",
    "what_changed": "The bus leaves later.",
    "visibility": "shared",
    "topic": "transport",
    "name": "Sam Example",
    "email": "sam@example.org",
    "details": "More details.",
    "purpose": "To talk about buses.",
    "summary": "What happened.",
    "amount": "100",
    "note": "A note.",
    "choice": "1",
    "option": "1",
    "confirm": "y",
    "consent": "y",
    "decided_by": "cabinet",
    "decided_on": "2026-06-03",
    "stage": "decision_point",
    "submission_token": "refused-post-token",
}


def _forum_rules(app):
    rules = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ())]
    about = [r for r in rules if r.arguments and not (set(r.arguments) & NOT_ABOUT_A_FORUM)]
    return sorted(about, key=lambda r: r.rule)


def _row_counts(db) -> dict[str, int]:
    return {
        t.name: db.scalar(sa.select(sa.func.count()).select_from(t))
        for t in _db.metadata.sorted_tables
        if t.name not in VOLATILE
    }


@pytest.mark.parametrize("role", sorted(demo.OUTSIDERS))
def test_outsiders_writes_to_a_private_forum_are_refused_and_store_nothing(app, db, sign_in, role):
    world = demo.build(db)
    client = app.test_client()
    client.check_pages = False
    email = demo.OUTSIDERS[role]
    if email:
        sign_in(db.scalar(sa.select(User).where(User.email == email)), "demo-password-1", client)
    before = _row_counts(db)
    problems, sent = [], 0
    for rule in _forum_rules(app):
        # An id the private forum has no thing for is one no row has: never the public
        # forum's thing (ids default to 1 in url_for_rule).
        ids = {name: demo.NOTHING for name in rule.arguments} | demo_ids(world)
        url = demo.url_for_rule(rule, ids)
        response = client.post(url, data=PLAUSIBLE)
        sent += 1
        if response.status_code not in REFUSED:
            problems.append(f"{rule.endpoint} {url}: {response.status_code}")
        if response.status_code == 302 and "/sign-in" not in response.headers["Location"]:
            problems.append(f"{rule.endpoint} {url}: sent to {response.headers['Location']}")
    db.expire_all()
    after = _row_counts(db)
    changed = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
    assert sent >= 40
    assert not changed, f"refused posts changed the database: {changed}"
    assert not problems, problems


def demo_ids(world) -> dict:
    return {**world.private_ids, "version": "standard"}
