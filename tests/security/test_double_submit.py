"""Double clicks and two tabs at the same moment, on a database of their own with real
commits: each pair of identical requests runs in two threads, each with its own
connection (and so its own transaction on PostgreSQL). No 500s, no duplicates."""

from __future__ import annotations

import json
import os
import threading
import uuid

import pytest
import sqlalchemy as sa

from forum_site.extensions import db as _db
from forum_site.models import (
    Contribution,
    ContributionAnswer,
    ContributionSupport,
    Decision,
    InboxMessage,
    NoticeKind,
    Notification,
    Status,
)
from tests import conftest, factories
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.security.own_database import app_on_its_own_database

PAIRS = 10


@pytest.fixture(scope="module")
def race_app(tmp_path_factory):
    """An app on a fresh database (a SQLite file, or a new PostgreSQL database)."""
    yield from app_on_its_own_database(tmp_path_factory, "race")


@pytest.fixture(scope="module")
def people(race_app):
    with race_app.app_context():
        session = _db.session
        council = make_organisation(session)
        commissioner = make_commissioner(session, council)
        members = [make_user(session) for _ in range(3)]
        forum = make_forum(session, organisations=[council], members=members)
        session.commit()
        return {
            "forum": forum.slug,
            "forum_id": forum.id,
            "commissioner": commissioner.email,
            "members": [m.email for m in members],
        }


def _signed_in(app, email: str):
    client = app.test_client()
    client.check_pages = False
    response = client.post("/sign-in", data={"email": email, "password": factories.PASSWORD})
    assert response.status_code == 303
    return client


def _at_once(clients, url: str, data: dict) -> list[int]:
    """The same POST from each client at the same moment; their status codes."""
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []

    def send(client):
        barrier.wait()
        try:
            statuses.append(client.post(url, data=data).status_code)
        except Exception:  # in testing mode a crash propagates: it is a 500
            statuses.append(500)

    threads = [threading.Thread(target=send, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _count(app, query) -> int:
    with app.app_context():
        return _db.session.scalar(query)


def _one_contribution_id(app, forum_id: int) -> int:
    with app.app_context():
        return _db.session.scalar(
            sa.select(sa.func.max(Contribution.id)).where(Contribution.forum_id == forum_id)
        )


REPORT: dict[str, dict] = {}


@pytest.fixture(scope="module", autouse=True)
def _report_figures():
    """Set FORUM_SITE_SECURITY_REPORT=path to keep the pairs, 500s and duplicates counted."""
    yield
    path = os.environ.get("FORUM_SITE_SECURITY_REPORT")
    if path:
        database = "postgresql" if conftest.POSTGRES_URL else "sqlite"
        with open(path, "a") as out:
            out.write(json.dumps({"database": database, "double_submit": REPORT}) + "\n")


def _record(kind: str, statuses: list[int], duplicates: int) -> None:
    entry = REPORT.setdefault(kind, {"pairs": 0, "500s": 0, "duplicates": 0})
    entry["pairs"] += 1
    entry["500s"] += sum(1 for s in statuses if s >= 500)
    entry["duplicates"] += duplicates


def test_contribution_twice_with_one_token_or_same_words(race_app, people):
    member = people["members"][0]
    tabs = [_signed_in(race_app, member), _signed_in(race_app, member)]
    url = f"/forums/{people['forum']}/contributions"
    for n in range(PAIRS):
        for token in (uuid.uuid4().hex, ""):
            words = f"The bus to the day centre is late again ({n}, {token[:4] or 'none'})."
            data = {"text": words, "visibility": "shared", "submission_token": token}
            statuses = _at_once(tabs, url, data)
            saved = _count(race_app, sa.select(sa.func.count()).where(Contribution.text == words))
            _record("contribution", statuses, saved - 1)
            assert all(s < 500 for s in statuses), statuses
            assert saved == 1


def test_me_too_twice(race_app, people):
    author, supporter = people["members"][0], people["members"][1]
    writer = _signed_in(race_app, author)
    tabs = [_signed_in(race_app, supporter), _signed_in(race_app, supporter)]
    for n in range(PAIRS):
        writer.post(
            f"/forums/{people['forum']}/contributions",
            data={"text": f"We need a hearing loop ({n}).", "visibility": "shared"},
        )
        point = _one_contribution_id(race_app, people["forum_id"])
        statuses = _at_once(tabs, f"/contributions/{point}/support", {})
        supports = _count(
            race_app,
            sa.select(sa.func.count()).where(ContributionSupport.contribution_id == point),
        )
        _record("me too", statuses, supports - 1)
        assert all(s < 500 for s in statuses), statuses
        assert supports == 1


@pytest.mark.parametrize("same_token", [True, False], ids=["double-click", "two-tabs"])
def test_answer_twice(race_app, people, same_token):
    writer = _signed_in(race_app, people["members"][2])
    tabs = [_signed_in(race_app, people["commissioner"]) for _ in range(2)]
    for n in range(PAIRS):
        writer.post(
            f"/forums/{people['forum']}/contributions",
            data={
                "text": f"Can the lunch club stay open? ({n}, {same_token})",
                "visibility": "shared",
            },
        )
        point = _one_contribution_id(race_app, people["forum_id"])
        token = uuid.uuid4().hex
        clients_data = {"status": Status.CONSIDERING.value, "answer": f"We are looking ({n})."}
        if same_token:
            clients_data["submission_token"] = token
        statuses = _at_once(tabs, f"/contributions/{point}/answers", clients_data)
        answers = _count(
            race_app,
            sa.select(sa.func.count()).where(ContributionAnswer.contribution_id == point),
        )
        told = _count(
            race_app,
            sa.select(sa.func.count())
            .select_from(InboxMessage)
            .join(Notification, InboxMessage.notification_id == Notification.id)
            .where(Notification.contribution_id == point, Notification.kind == NoticeKind.ANSWER),
        )
        _record("answer", statuses, (answers - 1) + (told - 1))
        assert all(s < 500 for s in statuses), statuses
        assert answers == 1 and told == 1


def test_decision_twice(race_app, people):
    tabs = [_signed_in(race_app, people["commissioner"]) for _ in range(2)]
    for n in range(PAIRS):
        title = f"Keep the Mill Lane centre open ({n})"
        data = {
            "title": title,
            "decided_by": "cabinet",
            "decided_on": "2026-04-01",
            "stage": "decision_point",
            "submission_token": uuid.uuid4().hex,
        }
        statuses = _at_once(tabs, f"/forums/{people['forum']}/decisions/new", data)
        saved = _count(race_app, sa.select(sa.func.count()).where(Decision.title == title))
        _record("decision", statuses, saved - 1)
        assert all(s < 500 for s in statuses), statuses
        assert saved <= 1


def test_finishing_an_account_twice(race_app):
    """The link from "Make an account", used in two tabs at once: one account."""
    from forum_site.models import User
    from forum_site.services import accounts

    for n in range(PAIRS):
        email = f"twice-{n}@example.org"
        registration = accounts.Registration(email=email, display_name=f"Twice {n}")
        token = accounts.make_registration_token(registration, race_app.config["SECRET_KEY"])
        tabs = [race_app.test_client() for _ in range(2)]
        for tab in tabs:
            tab.check_pages = False
        statuses = _at_once(tabs, f"/register/finish/{token}", {"password": "a long phrase"})
        made = _count(race_app, sa.select(sa.func.count()).where(User.email == email))
        _record("account", statuses, made - 1)
        assert all(s < 500 for s in statuses), statuses
        assert made == 1
        assert sorted(statuses) == [303, 400], "one is signed in, the other told to sign in"
