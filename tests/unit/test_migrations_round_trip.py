"""Every migration goes down as well as up: base -> head -> base -> head on a database of
its own (SQLite, or PostgreSQL when FORUM_SITE_TEST_DATABASE_URL is set)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from forum_site import create_app
from forum_site.extensions import db
from tests.conftest import POSTGRES_URL, _run_on_postgres_server, _worker


def _fresh_database(tmp_path) -> tuple[str, callable]:
    if not POSTGRES_URL:
        return f"sqlite:///{tmp_path}/round-trip.sqlite3", lambda: None
    url = sa.engine.make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
    name = f"{url.database}_{_worker()}_round_trip"
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    _run_on_postgres_server(drop, f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False), (
        lambda: _run_on_postgres_server(drop)
    )


def _tables() -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_every_migration_goes_down_to_base_and_up_again(tmp_path):
    url, drop = _fresh_database(tmp_path)
    app = create_app({"ENV": "testing", "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    try:
        with app.app_context():
            upgrade()
            at_head = _tables()
            downgrade(revision="base")
            assert _tables() <= {"alembic_version"}
            upgrade()
            assert _tables() == at_head
            assert {"user", "forum", "meeting", "contribution"} <= at_head
            db.engine.dispose()
    finally:
        drop()
