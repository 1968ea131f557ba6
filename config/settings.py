"""Default settings, overridden by environment variables, then by explicit overrides.

Environment variables: ``FORUM_SITE_ENV`` (development / production / testing),
``DATABASE_URL``, ``SECRET_KEY``, ``REDIS_URL``, ``MAIL_SERVER``, ``MAIL_PORT``,
``MAIL_USERNAME``, ``MAIL_PASSWORD``, ``MAIL_USE_TLS``, ``MAIL_FROM``,
``SITE_URL``, ``PDF_PAGE_SIZE`` (A4 or Letter), ``PDF_MAX_PAGES``, ``TRUSTED_PROXIES`` (how many reverse
proxies set X-Forwarded-* headers; 0 by default), ``PASSWORD_HASH_PROFILE``.
"""

from __future__ import annotations

import os
from typing import Any

DEFAULTS: dict[str, Any] = {
    "ENV": "development",
    "SQLALCHEMY_DATABASE_URI": None,  # None means: a SQLite file in the instance folder
    "SECRET_KEY": None,
    "REDIS_URL": None,
    "MAIL_SERVER": None,
    "MAIL_PORT": 587,
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    "MAIL_USE_TLS": True,
    "MAIL_FROM": "forum-site <no-reply@forum-site.local>",
    "SITE_URL": "http://127.0.0.1:5000",
    # Printed in the "Who to contact" box at the end of every PDF, beside the convenor.
    "CONTACT_PHONE": None,
    "CONTACT_EMAIL": None,
    "CONTACT_ADDRESS": None,
    "PDF_PAGE_SIZE": "A4",
    # A document longer than this is not printed in that version; the reader is told why
    # (0: no cap).
    "PDF_MAX_PAGES": 40,
    "PDF_CACHE_DIR": None,  # None means: instance/pdf-cache (share it between web and worker)
    "PDF_QUEUE": "pdfs",  # the RQ queue a worker listens on: rq worker pdfs --url $REDIS_URL
    "NOTIFY_QUEUE": "notifications",  # rq worker notifications --url $REDIS_URL
    "LANGUAGES": {
        "en": "English",
        "cy": "Cymraeg",
        "pl": "Polski",
        "ar": "العربية",
        "so": "Soomaali",
        "ur": "اردو",
    },
    # Languages whose numbers are written in the locale's own digits (for example
    # "ar" for ٣٤٥ instead of 345); the others use 0-9, as most readers here expect.
    "NATIVE_DIGITS": (),
    "RTL_LANGUAGES": ("ar", "ur", "fa", "he"),
    "BABEL_DEFAULT_LOCALE": "en",
    "BABEL_DEFAULT_TIMEZONE": "Europe/London",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "PASSWORD_RESET_MAX_AGE": 60 * 60,
    "REGISTRATION_MAX_AGE": 24 * 60 * 60,  # the pages and emails say "24 hours"
    "RESPONSE_DAYS_DEFAULT": 28,
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    # Compression (web/caching.py): brotli first, then gzip; level 4 brotli is about as
    # quick as gzip 6 and smaller. PDFs and pictures are compressed already.
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_ALGORITHM_STREAMING": ["br", "deflate"],  # static files are sent as streams
    "COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": ["static", "easy_read.static"],
    "COMPRESS_BR_LEVEL": 4,
    "COMPRESS_LEVEL": 6,
    "COMPRESS_MIN_SIZE": 500,
    "COMPRESS_MIMETYPES": [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "image/svg+xml",
        "application/json",
        "text/csv",
        "text/calendar",
        "application/atom+xml",
    ],
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    # A moving window counts the last minute/hour from each attempt: no fresh allowance
    # at the turn of a clock minute (and a slow test run cannot cross a window edge).
    "RATELIMIT_STRATEGY": "moving-window",
    # How many reverse proxies in front of the site set X-Forwarded-For/-Proto/-Host
    # (the README's deployment has one). 0 trusts no forwarded headers.
    "TRUSTED_PROXIES": 0,
    "SESSION_IDLE_MINUTES": 120,  # signed out after two hours without using the site
    "SESSION_ABSOLUTE_HOURS": 24,  # and a day after signing in, whatever happens
    "RATE_COUNT_PREFIX": "forum-site-limits",  # Redis keys for per-account limits
    # Per-account limits changed by name, {"pdf-person": (times, seconds)}; empty keeps
    # the numbers in forum_site/web/limits.py.
    "RATE_LIMITS": {},
    "HSTS_SECONDS": 365 * 24 * 60 * 60,  # Strict-Transport-Security in production
    # argon2-cffi profile; None means RFC_9106_LOW_MEMORY, or CHEAPEST when ENV is testing.
    "PASSWORD_HASH_PROFILE": None,
}

_ENV_VARS = {
    "FORUM_SITE_ENV": "ENV",
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "SECRET_KEY": "SECRET_KEY",
    "REDIS_URL": "REDIS_URL",
    "MAIL_SERVER": "MAIL_SERVER",
    "MAIL_PORT": "MAIL_PORT",
    "MAIL_USERNAME": "MAIL_USERNAME",
    "MAIL_PASSWORD": "MAIL_PASSWORD",
    "MAIL_USE_TLS": "MAIL_USE_TLS",
    "MAIL_FROM": "MAIL_FROM",
    "SITE_URL": "SITE_URL",
    "CONTACT_PHONE": "CONTACT_PHONE",
    "CONTACT_EMAIL": "CONTACT_EMAIL",
    "CONTACT_ADDRESS": "CONTACT_ADDRESS",
    "PDF_PAGE_SIZE": "PDF_PAGE_SIZE",
    "PDF_CACHE_DIR": "PDF_CACHE_DIR",
    "PDF_MAX_PAGES": "PDF_MAX_PAGES",
    "TRUSTED_PROXIES": "TRUSTED_PROXIES",
    "PASSWORD_HASH_PROFILE": "PASSWORD_HASH_PROFILE",
    "NATIVE_DIGITS": "NATIVE_DIGITS",
}


def _coerce(key: str, value: str) -> Any:
    if key in {"MAIL_PORT", "TRUSTED_PROXIES", "PDF_MAX_PAGES"}:
        return int(value)
    if key == "NATIVE_DIGITS":
        return tuple(code.strip() for code in value.split(",") if code.strip())
    if key == "MAIL_USE_TLS":
        return value.lower() in {"1", "true", "yes", "on"}
    if key == "SQLALCHEMY_DATABASE_URI" and value.startswith("postgres://"):
        return "postgresql+psycopg://" + value.removeprefix("postgres://")
    if key == "SQLALCHEMY_DATABASE_URI" and value.startswith("postgresql://"):
        return "postgresql+psycopg://" + value.removeprefix("postgresql://")
    return value


def load_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then environment variables, then ``overrides`` (used by tests)."""
    settings = dict(DEFAULTS)
    for env_name, key in _ENV_VARS.items():
        value = os.environ.get(env_name)
        if value:
            settings[key] = _coerce(key, value)
    settings.update(overrides or {})
    uri = settings.get("SQLALCHEMY_DATABASE_URI")
    if isinstance(uri, str) and uri.startswith(("postgres://", "postgresql://")):
        settings["SQLALCHEMY_DATABASE_URI"] = _coerce("SQLALCHEMY_DATABASE_URI", uri)
    settings["TESTING"] = settings["ENV"] == "testing" or settings.get("TESTING", False)
    if not settings["PASSWORD_HASH_PROFILE"]:
        testing = settings["ENV"] == "testing"
        settings["PASSWORD_HASH_PROFILE"] = "CHEAPEST" if testing else "RFC_9106_LOW_MEMORY"
    settings.setdefault("SESSION_COOKIE_SECURE", settings["ENV"] == "production")
    settings.setdefault("REMEMBER_COOKIE_SECURE", settings["ENV"] == "production")
    return settings
