"""A large, realistic deployment for the speed benchmarks (issue 20).

    .venv/bin/python bench/make_data.py --contributions 200000 --database URL

Creates the schema with the real Alembic migrations, adds the demo (so the demo's people
and forums exist on small and large data alike and the benchmarks visit the same pages),
then bulk-inserts through the real tables: at 200,000 contributions about 200 forums,
20,000 members, 2,000 meetings, 500 budgets, 1,000 briefings, 300,000 answers and 400,000
"me too" supports. Everything scales with ``--contributions``. The same arguments always
give the same rows (a seeded random generator, fixed dates), and the demo forums get their
share of the history so their pages are as long as anyone's.

Rows go in with executemany in large chunks (SQLAlchemy's insertmanyvalues on
PostgreSQL), with ids chosen here so no row has to be read back; PostgreSQL's sequences
are moved past them at the end. The URL's database must be empty (or not exist yet, for
SQLite files).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select, text  # noqa: E402

from forum_site import create_app  # noqa: E402
from forum_site.extensions import db  # noqa: E402
from forum_site.models import (  # noqa: E402
    Briefing,
    Budget,
    BudgetLine,
    BudgetRevision,
    CommissionerLink,
    Contribution,
    ContributionAnswer,
    ContributionSupport,
    Decision,
    Forum,
    Meeting,
    Membership,
    Organisation,
    User,
)
from forum_site.models.briefings import BriefingStatus, briefing_forum  # noqa: E402
from forum_site.models.budgets import LineKind, budget_forum  # noqa: E402
from forum_site.models.contributions import OUTCOMES, Source, Status, Visibility  # noqa: E402
from forum_site.models.decisions import DecisionMaker, decision_contribution  # noqa: E402
from forum_site.models.forums import Role, forum_organisation  # noqa: E402
from forum_site.models.meetings import CycleStage, MeetingStatus  # noqa: E402

START = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)
END = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
CHUNK = 10_000
SUBJECTS = [
    "day centre",
    "transport",
    "lunch",
    "respite",
    "direct payments",
    "the helpline",
    "home care",
    "short breaks",
    "the website",
    "letters",
    "advocacy",
    "ramps",
]
WANTS = [
    "should open earlier",
    "needs more staff",
    "is hard to reach",
    "works well for me",
    "costs too much",
    "takes too long to answer",
    "needs an easy-read leaflet",
    "should be on Saturdays",
    "has changed without asking us",
]


class Ids:
    """The next free id of each table, so rows can point at each other without reading back."""

    def __init__(self, session):
        self.session = session
        self.next: dict = {}

    def take(self, model, count: int) -> range:
        if model not in self.next:
            self.next[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1
        first = self.next[model]
        self.next[model] = first + count
        return range(first, first + count)


def bulk(session, table, rows: list[dict]) -> None:
    table = getattr(table, "__table__", table)
    started = time.perf_counter()
    if rows and session.get_bind().dialect.name == "postgresql":
        _copy(session, table, rows)
    else:
        for start in range(0, len(rows), CHUNK):
            session.execute(table.insert(), rows[start : start + CHUNK])
    print(f"{table.name}: {len(rows)} rows in {time.perf_counter() - started:.1f} s", flush=True)


def _copy(session, table, rows: list[dict]) -> None:
    """PostgreSQL's COPY, with each value turned into what SQLAlchemy would store (enum
    names, dates) and the columns' Python-side defaults filled in, as an INSERT would."""
    dialect = session.get_bind().dialect
    columns = [c for c in table.columns if c.name in rows[0] or _python_default(c)]
    convert = [c.type.bind_processor(dialect) for c in columns]
    defaults = {c.name: _python_default(c) for c in columns if c.name not in rows[0]}
    names = ", ".join(f'"{c.name}"' for c in columns)
    cursor = session.connection().connection.dbapi_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            values = [row[c.name] if c.name in row else defaults[c.name]() for c in columns]
            copy.write_row(
                [f(v) if f and v is not None else v for f, v in zip(convert, values, strict=True)]
            )


def _python_default(column):
    default = column.default
    if default is None or not (default.is_scalar or default.is_callable):
        return None
    if default.is_scalar:
        return lambda: default.arg
    return lambda: default.arg(None)


def scale(args) -> dict:
    n = args.contributions
    return {
        "forums": max(3, n // 1000),
        "users": max(50, n // 10),
        "meetings": max(5, n // 100),
        "budgets": max(2, n // 400),
        "briefings": max(3, n // 200),
        "answers": n * 3 // 2,
        "supports": n * 2,
        "decisions": max(2, n // 100),
    }


def commissioner_count(sizes) -> int:
    return min(200, sizes["users"] // 10)


def when(rng: random.Random, start=START, end=END) -> datetime:
    seconds = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(seconds))


def make_people(session, ids, rng, sizes, password_hash) -> tuple[list[int], list[int]]:
    orgs = ids.take(Organisation, 20)
    bulk(
        session,
        Organisation,
        [
            {"id": i, "name": f"Bench organisation {i}", "kind": "council", "response_days": 28}
            for i in orgs
        ],
    )
    users = ids.take(User, sizes["users"])
    bulk(
        session,
        User,
        [
            {
                "id": i,
                "email": f"bench{i}@example.org",
                "display_name": f"Member {i}",
                "password_hash": password_hash,
                "created_at": START,
            }
            for i in users
        ],
    )
    commissioners = list(users[: commissioner_count(sizes)])
    bulk(
        session,
        CommissionerLink,
        [
            {"user_id": u, "organisation_id": orgs[k % len(orgs)], "job_title": "Commissioner"}
            for k, u in enumerate(commissioners)
        ],
    )
    return list(orgs), list(users)


def make_forums(session, ids, rng, sizes, orgs, users) -> dict[int, list[int]]:
    """New forums, plus the demo's; returns each forum's member ids."""
    demo = list(session.scalars(select(Forum.id).order_by(Forum.id)))
    new = list(ids.take(Forum, sizes["forums"] - len(demo) if sizes["forums"] > len(demo) else 1))
    bulk(
        session,
        Forum,
        [
            {
                "id": i,
                "slug": f"bench-forum-{i}",
                "name": f"Bench forum {i}",
                "description": "A forum made for the speed benchmarks.",
                "community": "Everyone",
                "is_private": i % 10 == 0,
                "calendar_secret_salt": f"bench{i}",
            }
            for i in new
        ],
    )
    forums = demo + new
    bulk(
        session,
        forum_organisation,
        [{"forum_id": f, "organisation_id": orgs[k % len(orgs)]} for k, f in enumerate(new)],
    )
    members: dict[int, list[int]] = {f: [] for f in forums}
    rows = []
    for user in users[commissioner_count(sizes) :]:
        for forum in rng.sample(forums, 2):
            members[forum].append(user)
            role = Role.CONVENOR if len(members[forum]) == 1 else Role.MEMBER
            rows.append({"forum_id": forum, "user_id": user, "role": role})
    bulk(session, Membership, rows)
    return members


def make_meetings(session, ids, rng, sizes, forums) -> None:
    meeting_ids = ids.take(Meeting, sizes["meetings"])
    rows = []
    for k, i in enumerate(meeting_ids):
        starts = when(rng, START, END + timedelta(days=120))
        rows.append(
            {
                "id": i,
                "forum_id": forums[k % len(forums)],
                "title": f"Forum meeting {i}",
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=2),
                "status": MeetingStatus.PUBLISHED,
                "published_at": starts - timedelta(days=30),
                "venue_name": "The community hall",
                "purpose": "To talk about services.",
                "cycle_stage": CycleStage.REVIEW,
            }
        )
    bulk(session, Meeting, rows)


def make_budgets_and_briefings(session, ids, rng, sizes, orgs, forums) -> None:
    budgets = ids.take(Budget, sizes["budgets"])
    bulk(
        session,
        Budget,
        [
            {
                "id": b,
                "organisation_id": orgs[b % len(orgs)],
                "title": f"Budget {b}",
                "period_start": datetime(2026, 4, 1).date(),
                "period_end": datetime(2027, 3, 31).date(),
                "total_pence": 50_000_000,
            }
            for b in budgets
        ],
    )
    bulk(
        session,
        BudgetLine,
        [
            {
                "budget_id": b,
                "position": p,
                "name": f"Line {p}",
                "amount_pence": 10_000_000,
                "kind": LineKind.OPEN if p % 2 else LineKind.FIXED,
            }
            for b in budgets
            for p in range(5)
        ],
    )
    bulk(
        session,
        BudgetRevision,
        [{"budget_id": b, "reason": "First version", "is_first": True} for b in budgets],
    )
    bulk(
        session,
        budget_forum,
        [{"budget_id": b, "forum_id": forums[b % len(forums)]} for b in budgets],
    )
    briefings = ids.take(Briefing, sizes["briefings"])
    bulk(
        session,
        Briefing,
        [
            {
                "id": b,
                "title": f"Briefing {b}",
                "summary": "What is changing and why.",
                "body": "<p>We want to know what you think about the changes.</p>",
                "status": BriefingStatus.PUBLISHED,
                "published_at": when(rng),
            }
            for b in briefings
        ],
    )
    bulk(
        session,
        briefing_forum,
        [{"briefing_id": b, "forum_id": forums[b % len(forums)]} for b in briefings],
    )


def contribution_row(rng, i, forum, author) -> dict:
    made = when(rng)
    return {
        "id": i,
        "forum_id": forum,
        "author_id": author,
        "source": Source.ONLINE if i % 7 else Source.PAPER_FORM,
        "visibility": (Visibility.SHARED, Visibility.ANONYMOUS, Visibility.PRIVATE)[i % 10 % 3],
        "text": f"The {rng.choice(SUBJECTS)} {rng.choice(WANTS)}. (point {i})",
        "topic": rng.choice(SUBJECTS),
        "status": Status.RECEIVED,
        "created_at": made,
        "answer_due_at": made + timedelta(days=28),
    }


def make_contributions(session, ids, rng, sizes, members, commissioners, orgs) -> list[dict]:
    forums = [f for f in members if members[f]]
    contribution_ids = ids.take(Contribution, sizes["contributions"])
    rows = []
    for i in contribution_ids:
        forum = forums[rng.randrange(len(forums))]
        rows.append(contribution_row(rng, i, forum, rng.choice(members[forum])))
    answers = answer_rows(rng, rows, sizes["answers"], commissioners, orgs)
    bulk(session, Contribution, rows)
    bulk(session, ContributionAnswer, answers)
    return rows


def answer_rows(rng, contributions, count, commissioners, orgs) -> list[dict]:
    """Two thirds of contributions answered: once, twice or three times, the last the status."""
    answers = []
    answered = [c for c in contributions if c["id"] % 3]
    per = max(1, round(count / max(1, len(answered))))
    for c in answered:
        at = c["created_at"]
        steps = [Status.CONSIDERING] * (per - 1) + [OUTCOMES[c["id"] % len(OUTCOMES)]]
        for number, status in enumerate(steps[: max(1, per + (c["id"] % 3) - 1)], 1):
            at = at + timedelta(days=rng.randrange(1, 40))
            answers.append(
                {
                    "contribution_id": c["id"],
                    "number": number,
                    "status": status,
                    "created_at": at,
                    "answer": "Thank you. We have looked at this and here is what we will do.",
                    "answered_by_id": rng.choice(commissioners),
                    "organisation_id": rng.choice(orgs),
                }
            )
            c["first_answered_at"] = c.get("first_answered_at") or at
            c["last_answered_at"] = at
            c["status"] = status
    for c in contributions:
        c.setdefault("first_answered_at", None)
        c.setdefault("last_answered_at", None)
    return answers


def make_supports(session, rng, sizes, contributions, members) -> None:
    seen = set()
    rows = []
    while len(rows) < sizes["supports"]:
        c = contributions[rng.randrange(len(contributions))]
        user = rng.choice(members[c["forum_id"]])
        if (c["id"], user) in seen or user == c["author_id"]:
            continue
        seen.add((c["id"], user))
        rows.append({"contribution_id": c["id"], "user_id": user, "created_at": c["created_at"]})
    bulk(session, ContributionSupport, rows)


def make_decisions(session, ids, rng, sizes, contributions, orgs) -> None:
    decision_ids = ids.take(Decision, sizes["decisions"])
    by_forum: dict[int, list[int]] = {}
    for c in contributions:
        by_forum.setdefault(c["forum_id"], []).append(c["id"])
    forums = sorted(by_forum)
    rows, links = [], []
    for k, d in enumerate(decision_ids):
        forum = forums[k % len(forums)]
        rows.append(
            {
                "id": d,
                "forum_id": forum,
                "organisation_id": orgs[k % len(orgs)],
                "title": f"Decision {d}",
                "decided_by": DecisionMaker.OFFICER,
                "decided_on": when(rng).date(),
                "stage": CycleStage.REVIEW,
            }
        )
        for c in rng.sample(by_forum[forum], min(3, len(by_forum[forum]))):
            links.append({"decision_id": d, "contribution_id": c})
    bulk(session, Decision, rows)
    bulk(session, decision_contribution, links)


def reset_sequences(session) -> None:
    if db.engine.dialect.name != "postgresql":
        return
    for table in db.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f'coalesce((SELECT max(id) FROM "{table.name}"), 1))'
                )
            )
    session.execute(text("ANALYZE"))


def build(args) -> None:
    from flask_migrate import upgrade

    from forum_site.demo import seed

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.database,
            "SECRET_KEY": "bench",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade()
        session = db.session
        if not seed(session):
            sys.exit("The database already has data: give an empty one.")
        session.commit()
        sizes = {"contributions": args.contributions, **scale(args)}
        rng = random.Random(args.seed)
        ids = Ids(session)
        password_hash = session.scalar(select(User.password_hash).limit(1))
        steps = time.perf_counter()
        orgs, users = make_people(session, ids, rng, sizes, password_hash)
        members = make_forums(session, ids, rng, sizes, orgs, users)
        forums = sorted(members)
        make_meetings(session, ids, rng, sizes, forums)
        make_budgets_and_briefings(session, ids, rng, sizes, orgs, forums)
        contributions = make_contributions(
            session, ids, rng, sizes, members, users[: commissioner_count(sizes)], orgs
        )
        make_supports(session, rng, sizes, contributions, members)
        make_decisions(session, ids, rng, sizes, contributions, orgs)
        session.commit()
        reset_sequences(session)
        session.commit()
        print(f"Added {sizes} in {time.perf_counter() - steps:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contributions", type=int, default=200_000)
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of an empty database")
    parser.add_argument("--seed", type=int, default=20)
    build(parser.parse_args())


if __name__ == "__main__":
    main()
