"""An app on a database of its own with real commits (a SQLite file, or a new PostgreSQL
database), for the tests where many people act at once. No tests here."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import sqlalchemy as sa

from forum_site import create_app
from forum_site.extensions import db as _db
from tests import conftest


def app_on_its_own_database(tmp_path_factory, label: str) -> Iterator:
    """Yields the app; the database is dropped afterwards (use it in a fixture)."""
    name = f"{label}_{uuid.uuid4().hex[:10]}"
    if conftest.POSTGRES_URL:
        url = sa.engine.make_url(conftest.POSTGRES_URL).set(drivername="postgresql+psycopg")
        conftest._run_on_postgres_server(f'CREATE DATABASE "{name}"')
        uri = url.set(database=name).render_as_string(hide_password=False)
    else:
        uri = f"sqlite:///{tmp_path_factory.mktemp(label)}/{name}.sqlite3"
    app = create_app(
        {
            "ENV": "testing",
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": uri,
            "SECRET_KEY": f"{label}-secret",
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            "SITE_URL": "http://localhost",
            "PDF_CACHE_DIR": str(tmp_path_factory.mktemp(f"{label}-pdf")),
        }
    )
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield app
    with app.app_context():
        _db.engine.dispose()
    if conftest.POSTGRES_URL:
        conftest._run_on_postgres_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
