"""forum-site: an accessible web site for health and social care service-user forums."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from config import load_settings

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


def create_app(config_overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    _load_config(app, config_overrides)
    _init_database(app)
    _init_password_hashing(app)
    _init_extensions(app)
    _init_validation(app)
    _register_blueprints(app)
    _register_hooks(app)
    _register_commands(app)
    return app


def _load_config(app: Flask, overrides: dict[str, Any] | None) -> None:
    app.config.from_mapping(load_settings(overrides))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{app.instance_path}/forum-site.sqlite3"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _development_secret_key(app)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS_DIR)


def _development_secret_key(app: Flask) -> str:
    if app.config["ENV"] == "production":
        raise RuntimeError(
            "SECRET_KEY is not set. In production, set the SECRET_KEY environment variable "
            "to a long random value (for example: python -c 'import secrets; "
            "print(secrets.token_hex(32))')."
        )
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _init_database(app: Flask) -> None:
    from forum_site.database import configure_engine_options

    configure_engine_options(app)
    from forum_site.services.search import index  # noqa: F401  (re-indexes at every flush)


def _init_password_hashing(app: Flask) -> None:
    from forum_site.services.accounts import use_password_profile

    use_password_profile(app.config["PASSWORD_HASH_PROFILE"])


def _init_extensions(app: Flask) -> None:
    from forum_site import models  # noqa: F401  (every table registered before use)
    from forum_site.extensions import csrf, db, htmx, limiter, login_manager, migrate
    from forum_site.web.i18n import init_babel

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    htmx.init_app(app)
    init_babel(app)
    login_manager.init_app(app)
    if app.config.get("REDIS_URL") and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    limiter.init_app(app)


def _init_validation(app: Flask) -> None:
    from forum_site.web import validation

    validation.init_app(app)  # before the routes, so every <int:...> is range-checked


def _register_blueprints(app: Flask) -> None:
    from forum_site.web import blueprints

    for blueprint in blueprints():
        app.register_blueprint(blueprint)


def _register_hooks(app: Flask) -> None:
    from forum_site.web import caching, errors, requests, security

    requests.init_app(app)
    security.init_app(app)
    caching.init_app(app)
    errors.init_app(app)


def _register_commands(app: Flask) -> None:
    from forum_site.commands import register_commands

    register_commands(app)
