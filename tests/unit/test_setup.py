"""The app factory, settings, migrations and demo data."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from config import load_settings
from forum_site import create_app
from forum_site.extensions import db as _db
from forum_site.models.search import is_model_schema


def test_production_without_secret_key_stops_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app({"ENV": "production", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})


def test_development_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    second = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) == 64


def test_environment_variables_override_defaults(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example/forum")
    monkeypatch.setenv("MAIL_PORT", "2525")
    settings = load_settings()
    assert settings["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db.example/forum"
    assert settings["MAIL_PORT"] == 2525


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    settings = load_settings({"ENV": "production"})
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert load_settings({"ENV": "development"})["SESSION_COOKIE_SECURE"] is False


def test_migrations_match_the_models(app):
    """Every model change has a migration: the migrated schema equals the models."""
    with app.app_context(), _db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                "include_object": is_model_schema,  # the search index's full-text parts
            },
        )
        differences = compare_metadata(context, _db.metadata)
    assert differences == []


def test_sqlite_has_foreign_keys_and_wal(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite only")
    from contextlib import ExitStack

    from forum_site.database import BUSY_TIMEOUT_MS

    with app.app_context(), ExitStack() as stack:
        # Several at once, so each is a connection of its own from the pool.
        connections = [stack.enter_context(_db.engine.connect()) for _ in range(3)]
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


def test_demo_data_loads_once_and_is_safe_to_run_twice(db):
    from forum_site.demo import seed
    from forum_site.models import Forum, User

    assert seed(db) is True
    forums = db.scalar(sa.select(sa.func.count(Forum.id)))
    users = db.scalar(sa.select(sa.func.count(User.id)))
    assert forums >= 3 and users >= 9
    assert seed(db) is False
    assert db.scalar(sa.select(sa.func.count(Forum.id))) == forums
    assert db.scalar(sa.select(sa.func.count(User.id))) == users


def test_easyread_package_never_imports_flask():
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "easyread"
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if any(
            line.strip().startswith(("import flask", "from flask"))
            for line in path.read_text().splitlines()
        )
    ]
    assert offenders == []


def test_migrations_are_one_line_with_a_single_head(app):
    """`flask db upgrade` needs exactly one head; new migrations go on the end of the line."""
    from alembic.script import ScriptDirectory

    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads


def test_installed_tools_are_never_committed():
    """npm's node_modules and any virtualenv (wherever it is: it has a pyvenv.cfg) are made
    on each machine; a committed link to one machine's node_modules broke the browser
    tools for everyone else."""
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if not shutil.which("git") or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    made_here = [
        path
        for path in tracked
        if path.split("/")[0] == "node_modules" or path.endswith("pyvenv.cfg")
    ]
    assert made_here == []
