"""Shared fixtures: one app per test run, a database rolled back after each test,
a client that checks every page it fetches, sign-in and query-counting helpers.

The database is SQLite by default. Set FORUM_SITE_TEST_DATABASE_URL to a PostgreSQL
URL to run the same suite there (each xdist worker gets its own database)."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
import sqlalchemy.orm
from flask.testing import FlaskClient
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy import event

from forum_site import create_app
from forum_site.extensions import db as _db
from tests import factories, notices
from tests.pagecheck import check_fragment, check_page

# Every app made in a test process (also the ones a test makes itself) hashes cheaply.
os.environ.setdefault("PASSWORD_HASH_PROFILE", "CHEAPEST")
POSTGRES_URL = os.environ.get("FORUM_SITE_TEST_DATABASE_URL", "")
WHOLE_DOCUMENT = re.compile(r"\s*<!doctype html", re.IGNORECASE)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``-n 2`` shares the suite so that each browser page is visited once (tests/scheduling.py)."""
    if config.getvalue("dist") != "load":
        return None
    from tests.scheduling import PageScheduling

    return PageScheduling(config, log)


def _worker() -> str:
    """This test process's name, unique across runs that share one PostgreSQL server."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "p")
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
    return f"{worker}_{run}"


def _run_on_postgres_server(*statements: str) -> None:
    url = sa.engine.make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))
    admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database of this test process's own: a SQLite file, or a new PostgreSQL database."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path_factory.mktemp('db')}/test-{_worker()}.sqlite3"
        return
    url = sa.engine.make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    name = f"{url.database}_{_worker()}"
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    _run_on_postgres_server(drop, f'CREATE DATABASE "{name}"')
    yield url.set(database=name).render_as_string(hide_password=False)
    _run_on_postgres_server(drop)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SECRET_KEY": "test-secret-key",
            "RATELIMIT_ENABLED": False,
            "SITE_URL": "http://localhost",
            "PDF_CACHE_DIR": str(tmp_path_factory.mktemp("pdf-cache")),
        }
    )
    app.test_client_class = CheckingClient
    notices.APP = app
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield app
    with app.app_context():
        _db.engine.dispose()


def _request_or_test_scope():
    """Each request gets its own session (as in production); test code shares one."""
    try:
        return _app_ctx_id()
    except RuntimeError:
        return "test"


@pytest.fixture(autouse=True)
def _no_rate_limits_unless_a_test_asks():
    """Flask-Limiter keeps its on/off switch on the one shared object, set by whichever app
    was created last in this process; tests that want limits create their own app."""
    from forum_site.extensions import limiter

    limiter.enabled = False
    yield


@pytest.fixture
def db(app):
    """A session whose work is rolled back after the test, even what views commit.

    No app context is held open during the test, so each request gets a fresh
    ``g`` exactly as it would in production."""
    with app.app_context():
        engine = _db.engine
    connection = engine.connect()
    outer = connection.begin()
    # A plain Session: Flask-SQLAlchemy's own picks the engine, not this connection.
    session = sa.orm.scoped_session(
        sa.orm.sessionmaker(bind=connection, join_transaction_mode="create_savepoint"),
        scopefunc=_request_or_test_scope,
    )
    original = _db.session
    _db.session = session
    try:
        yield session
    finally:
        session.remove()
        _db.session = original
        outer.rollback()
        connection.close()
        # Rolled-back rows can come back with the same ids in the next test, so what was
        # kept by their fingerprints is not kept across tests.
        from forum_site.web.easy_read import kept

        kept.forget_all()


def _asked_for_a_fragment(response) -> bool:
    """htmx asked (however the test sent the header), so the answer goes into a page.

    A boosted link gets a whole page. So may an htmx request that fails with a status
    htmx leaves unswapped (site.js swaps only 400 and 422, for a form's mistakes): that
    whole error page is checked as a page, not failed for its doctype and h1."""
    headers = response.request.headers
    if not headers.get("HX-Request") or headers.get("HX-Boosted"):
        return False
    if response.headers.get("HX-Retarget") == "body":
        return False  # the server asked htmx to replace the whole page
    swapped = 200 <= response.status_code < 300 or response.status_code in (400, 422)
    return swapped or not WHOLE_DOCUMENT.match(response.get_data(as_text=True))


class CheckingClient(FlaskClient):
    """A test client that checks every HTML page and htmx fragment, and fills in CSRF tokens."""

    check_pages = True
    _csrf: str | None = None

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        is_html = response.mimetype == "text/html" and "Content-Encoding" not in response.headers
        redirected = 300 <= response.status_code < 400
        if self.check_pages and is_html and not redirected:
            check = check_fragment if _asked_for_a_fragment(response) else check_page
            response.soup = check(response.get_data(as_text=True), str(args[0] if args else ""))
        return response

    def csrf_token(self) -> str:
        if self._csrf is None:
            page = super().open("/settings").get_data(as_text=True)  # a page with a form
            self._csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        return self._csrf

    def post(self, *args, **kwargs):
        data = kwargs.get("data")
        if isinstance(data, dict) and "csrf_token" not in data:
            kwargs["data"] = {**data, "csrf_token": self.csrf_token()}
        elif data is None and "json" not in kwargs:
            kwargs["data"] = {"csrf_token": self.csrf_token()}
        return super().post(*args, **kwargs)


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def sign_in(client):
    def _sign_in(user, password: str = factories.PASSWORD, target=None):
        test_client = target or client
        response = test_client.post("/sign-in", data={"email": user.email, "password": password})
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        return test_client

    return _sign_in


@pytest.fixture
def new_client(app, db):
    """Another browser: for tests that need two people signed in at once."""
    return app.test_client


@contextmanager
def _count(engine):
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def count_queries(app):
    """``with count_queries() as queries: ...`` then ``len(queries)``."""
    with app.app_context():
        engine = _db.engine
    return lambda: _count(engine)


@pytest.fixture
def outbox(db):
    """Emails queued so far, newest last."""
    from forum_site.models import OutgoingEmail

    def _emails():
        return list(db.scalars(sa.select(OutgoingEmail).order_by(OutgoingEmail.id)))

    return _emails
