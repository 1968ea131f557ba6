"""Every GET route in the URL map × every role × a public and a private forum.

For each request: the status is one the route's kind allows for the viewer's relation
to the forum (tests/security/routes.py), reading changed nothing in the database, and,
for anyone outside the private forum, the private forum's markers (a member's name, an
anonymous point's words) appear nowhere: not in pages, exports, calendars, PDFs, their
inbox or their emails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import sqlalchemy as sa

from forum_site.extensions import db as _db
from forum_site.models import OutgoingEmail, Status, User
from forum_site.services.contributions.answers import answer_contribution
from forum_site.services.viewer import load_viewer
from forum_site.web.requests import WRITING_GETS
from tests.security import routes
from tests.security import world as demo

PDF_ROLES_ON_PUBLIC = {"visitor", "commissioner"}  # PDFs are slow: a few roles suffice there


def _get_rules(app):
    rules = app.url_map.iter_rules()
    return sorted(
        (r for r in rules if "GET" in (r.methods or ()) and r.endpoint != "static"),
        key=lambda r: r.rule,
    )


def test_every_route_has_an_expectation(app):
    missing = sorted({r.endpoint for r in _get_rules(app)} - set(routes.ROUTES))
    assert missing == [], (
        f"Add these routes to tests/security/routes.py (ROUTES) with their kind: {missing}"
    )


def _relation(viewer, forum) -> str:
    if viewer.is_admin:
        return "admin"
    if not viewer.signed_in:
        return "visitor"
    if viewer.convenes(forum.id):
        return "editor"
    if viewer.is_member(forum.id) or viewer.commissions(forum.id):
        return "reader"
    return "outsider"


def _row_counts(db) -> dict[str, int]:
    tables = _db.metadata.sorted_tables
    return {t.name: db.scalar(sa.select(sa.func.count()).select_from(t)) for t in tables}


def _text(response) -> str:
    if response.mimetype == "application/pdf" and shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-", "-"], input=response.get_data(), capture_output=True, check=False
        )
        return done.stdout.decode(errors="replace")
    return response.get_data(as_text=True)


def _leaks(text: str) -> list[str]:
    return [m for m in (demo.MARKER_NAME, demo.MARKER_WORDS) if m.lower() in text.lower()]


def _prepare(db, world):
    """A commissioner of the private forum answers the anonymous point: messages go out."""
    tom = db.scalar(sa.select(User).where(User.email == demo.INSIDERS["private_commissioner"]))
    point = db.get(demo.Contribution, world.private_ids["contribution_id"])
    answer_contribution(
        db, load_viewer(db, tom), point, status=Status.CONSIDERING, answer="We are looking."
    )
    db.flush()


def _client_for(app, sign_in, email: str):
    client = app.test_client()
    client.check_pages = False  # page structure is checked by the rest of the suite
    if email:
        user = _db.session.scalar(sa.select(User).where(User.email == email))
        sign_in(user, password="demo-password-1", target=client)
    return client


FIGURES: dict[str, int] = {"requests": 0, "routes": 0, "roles": 0, "pdfs": 0, "leak_checked": 0}


def _writes(statement: str) -> bool:
    return statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))


def _walk(app, client, world, viewer, role, outsider, problems, statements) -> None:
    """Every GET route as this role, on the public forum and (for forum routes) the
    private one too; what is wrong goes in ``problems``."""
    for rule in _get_rules(app):
        kind = routes.ROUTES[rule.endpoint]
        is_forum_route = kind in {"forum", "forum_signed_in", "forum_editor", "pdf", "feed"}
        targets = [(world.public, world.ids)]
        if is_forum_route:
            targets.append((world.private, world.private_ids))
        for forum, ids in targets:
            private = forum.is_private
            if kind == "pdf" and not private and role not in PDF_ROLES_ON_PUBLIC:
                continue
            url = demo.url_for_rule(rule, {**ids, "version": "standard"})
            seen = len(statements)
            response = client.get(url)
            writes = [" ".join(s.split()[:3]) for s in statements[seen:] if _writes(s)]
            if writes and rule.endpoint not in WRITING_GETS:
                problems.append(f"GET {url} as {role} wrote: {writes[:3]}")
            FIGURES["requests"] += 1
            FIGURES["pdfs"] += response.mimetype == "application/pdf"
            expected = routes.allowed(kind, _relation(viewer, forum), private and is_forum_route)
            if str(demo.NOTHING) in url:  # the demo has no such object in this forum
                expected = expected | {routes.MISSING}
            if response.status_code not in expected:
                problems.append(f"{url} as {role}: {response.status_code}, expected {expected}")
            if outsider:
                FIGURES["leak_checked"] += 1
                leaked = _leaks(_text(response))
                if leaked:
                    problems.append(f"{url} as {role} shows {leaked}")


@pytest.mark.parametrize("role", sorted(demo.ROLES))
def test_route_matrix_and_no_leaks(app, db, sign_in, count_queries, role):
    world = demo.build(db)
    _prepare(db, world)
    email = demo.ROLES[role]
    client = _client_for(app, sign_in, email)
    viewer = (
        load_viewer(db, db.scalar(sa.select(User).where(User.email == email)))
        if email
        else (load_viewer(db, None))
    )
    outsider = role in demo.OUTSIDERS
    before = _row_counts(db)
    problems: list[str] = []
    with count_queries() as statements:
        _walk(app, client, world, viewer, role, outsider, problems, statements)
    assert statements, "the walk was not watched"
    if outsider and email:
        emails = db.scalars(sa.select(OutgoingEmail).where(OutgoingEmail.to_address == email))
        for message in emails:
            if _leaks(message.subject + message.body_text):
                problems.append(f"an email to {role} shows a marker")
    db.expire_all()
    assert _row_counts(db) == before, "a GET changed the database"
    FIGURES["roles"] += 1
    FIGURES["routes"] = len(_get_rules(app))
    path = os.environ.get("FORUM_SITE_SECURITY_REPORT")
    if path:
        with open(path, "a") as out:
            out.write(json.dumps({"matrix": role, **FIGURES}) + "\n")
    assert problems == [], "\n".join(problems[:30])
