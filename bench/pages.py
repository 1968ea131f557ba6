"""Every page type, for each role, in normal and easy read: queries and server time (issue 20).

    .venv/bin/python bench/pages.py --quick
    .venv/bin/python bench/pages.py --large postgresql+psycopg://postgres@127.0.0.1/bench_large \\
        [--small URL] [--runs 5]

Pages are fetched in-process through the Flask test client (no network), signed in by
putting the person's id in the session, as the real sign-in does. For each page it prints
the number of SQL queries, the median server time and the HTML size (and gzip size).

- ``--quick``: the demo only, in a new SQLite file (a few seconds): fails when a page makes
  more queries than its budget in QUERY_BUDGETS, so a query-count regression fails CI.
- with ``--large``: the same pages on small data (``--small``, or a fresh demo SQLite) and
  on the large data made by ``bench/make_data.py``; fails when a page makes more queries on
  the large data than on the small (fewer can happen: SQLAlchemy skips loading a relation
  whose keys are all empty on that page), or its median time on the large data is over
  ``--budget-ms`` (50).
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, text  # noqa: E402

from forum_site import create_app  # noqa: E402
from forum_site.extensions import db  # noqa: E402

FORUM = "learning-disability-forum"
ROLES = {
    "visitor": None,
    "member": "ali@example.org",
    "convenor": "grace@example.org",
    "commissioner": "priya.shah@example.org",
}
# (page name, path with {forum}/{meeting}/..., roles that see it)
PAGES = [
    ("home", "/", ("visitor", "member")),
    ("forums", "/forums", ("visitor", "member")),
    ("forum", "/forums/{forum}", ("visitor", "member", "commissioner")),
    ("contributions", "/forums/{forum}/contributions", ("visitor", "member", "commissioner")),
    ("you said, we did", "/forums/{forum}/you-said-we-did", ("visitor", "commissioner")),
    ("decisions", "/forums/{forum}/decisions", ("visitor", "commissioner")),
    ("meetings", "/forums/{forum}/meetings", ("visitor", "member")),
    ("meeting", "/meetings/{meeting}", ("visitor", "member", "convenor")),
    ("budgets", "/forums/{forum}/budgets", ("visitor",)),
    ("budget", "/budgets/{budget}", ("visitor", "commissioner")),
    ("briefings", "/forums/{forum}/briefings", ("visitor",)),
    ("briefing", "/briefings/{briefing}", ("visitor", "member")),
    ("contribution", "/contributions/{contribution}", ("visitor", "commissioner")),
    ("forum impact", "/forums/{forum}/impact", ("visitor",)),
    ("organisation impact", "/organisations/{organisation}/impact", ("visitor",)),
    ("overdue", "/contributions/waiting", ("commissioner",)),
    ("members", "/forums/{forum}/members", ("convenor",)),
    ("inbox", "/inbox", ("member",)),
    ("glossary", "/glossary?q=care", ("visitor",)),
]
# The most queries each page may make on the demo (bench/pages.py --quick fails above it).
QUERY_BUDGETS = {"default": 30}


@dataclass
class Result:
    queries: int
    ms: float
    size: int
    gzip_size: int
    status: int


def ids(session) -> dict:
    """The demo things the pages show (the same on small and large data)."""
    forum_id = session.scalar(text("SELECT id FROM forum WHERE slug = :s"), {"s": FORUM})
    one = lambda sql: session.scalar(text(sql), {"f": forum_id})  # noqa: E731
    return {
        "forum": FORUM,
        "meeting": one("SELECT min(id) FROM meeting WHERE forum_id = :f"),
        "budget": one("SELECT min(budget_id) FROM budget_forum WHERE forum_id = :f"),
        "briefing": one(
            "SELECT min(b.id) FROM briefing b JOIN briefing_forum bf ON bf.briefing_id = b.id"
            " WHERE bf.forum_id = :f AND b.status = 'PUBLISHED'"
        ),
        "contribution": one(
            "SELECT min(id) FROM contribution WHERE forum_id = :f AND visibility = 'SHARED'"
        ),
        "organisation": one(
            "SELECT min(organisation_id) FROM forum_organisation WHERE forum_id = :f"
        ),
    }


class Counter:
    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._one)

    def _one(self, *_args):
        self.count += 1


def sign_in(client, email: str | None) -> None:
    """Signs out, then in through the real form (the demo password, one argon2 check)."""
    from forum_site.demo.core import DEMO_PASSWORD

    client.get("/")  # a request first, so the cookie jar is in use
    client.delete_cookie("session")
    if not email:
        return
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    data = {"email": email, "password": DEMO_PASSWORD, "csrf_token": token.group(1)}
    response = client.post("/sign-in", data=data)
    if response.status_code != 303:
        raise SystemExit(f"could not sign in as {email}: {response.status_code}")


def set_easy_read(app, client, email: str | None, on: bool) -> None:
    client.set_cookie("reading_prefs", "easy_read=1" if on else "")
    if email:
        with app.app_context():
            db.session.execute(
                text('UPDATE "user" SET easy_read = :on WHERE email = :e'), {"on": on, "e": email}
            )
            db.session.commit()


def fetch(client, counter, path: str, runs: int) -> Result:
    times = []
    for _ in range(runs):
        before = counter.count
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        queries = counter.count - before
    body = response.get_data()
    return Result(
        queries, statistics.median(times), len(body), len(gzip.compress(body)), response.status_code
    )


def measure(url: str, runs: int) -> dict:
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "RATELIMIT_ENABLED": False,
            "SITE_URL": "http://localhost",
            "SESSION_COOKIE_SECURE": False,
        }
    )
    results = {}
    with app.app_context():  # only for set-up: each request gets its own context and g
        things = ids(db.session)
        counter = Counter(db.engine)
        db.session.remove()
    client = app.test_client()
    for easy in (False, True):
        for role, email in ROLES.items():
            sign_in(client, email)
            set_easy_read(app, client, email, easy)
            for name, path, roles in PAGES:
                if role in roles:
                    key = (name, role, "easy read" if easy else "normal")
                    results[key] = fetch(client, counter, path.format(**things), runs)
            set_easy_read(app, client, email, False)
    return results


def demo_database(folder: str) -> str:
    from flask_migrate import upgrade

    from forum_site.demo import seed

    url = f"sqlite:///{folder}/demo.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        seed(db.session)
        db.session.commit()
        db.engine.dispose()
    return url


def report(small: dict, large: dict | None, budget_ms: float) -> list[str]:
    problems = []
    head = f"{'page':22} {'role':13} {'mode':9} {'q':>4} {'ms':>7} {'KB':>6} {'gzKB':>5}"
    if large:
        head += f" | {'q':>4} {'ms':>7} {'KB':>6} {'gzKB':>5}"
    print(head)
    for key, one in small.items():
        line = f"{key[0]:22} {key[1]:13} {key[2]:9} {_cells(one)}"
        if one.status != 200:
            problems.append(f"{key}: status {one.status} on small data")
        budget = QUERY_BUDGETS.get(key[0], QUERY_BUDGETS["default"])
        if one.queries > budget:
            problems.append(f"{key}: {one.queries} queries, budget {budget}")
        if large:
            big = large[key]
            line += f" | {_cells(big)}"
            problems += large_data_problems(key, one, big, budget_ms)
        print(line)
    return problems


def large_data_problems(key, small: Result, large: Result, budget_ms: float) -> list[str]:
    """More queries on the large data than on the small is a regression; fewer is not."""
    problems = []
    if large.queries > small.queries:
        problems.append(f"{key}: {small.queries} queries on small data, {large.queries} on large")
    if large.ms > budget_ms:
        problems.append(f"{key}: {large.ms:.0f} ms on large data (budget {budget_ms:.0f})")
    if large.status != 200:
        problems.append(f"{key}: status {large.status} on large data")
    return problems


def _cells(r: Result) -> str:
    return f"{r.queries:4d} {r.ms:7.1f} {r.size / 1024:6.1f} {r.gzip_size / 1024:5.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="demo data only, query budgets")
    parser.add_argument("--small", help="database URL of the small (demo) data")
    parser.add_argument("--large", help="database URL of the large data (bench/make_data.py)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget-ms", type=float, default=50.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small_url = args.small or demo_database(folder)
        small = measure(small_url, 1 if args.quick else args.runs)
        large = None if args.quick or not args.large else measure(args.large, args.runs)
        problems = report(small, large, args.budget_ms)
    for problem in problems:
        print("FAIL", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
