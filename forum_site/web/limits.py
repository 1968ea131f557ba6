"""Limits per account and per address on sign-in, password reset, making an account and
cold PDF renders, shared by every worker: in Redis when REDIS_URL is set, otherwise in
the database.

Flask-Limiter's per-address limits stay on the routes as a first, cheap line; these
limits also count per account, so trying one account from many addresses is stopped
too, and they hold across gunicorn workers without Redis."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app, request
from werkzeug.exceptions import TooManyRequests

from forum_site.extensions import db
from forum_site.models.base import utcnow
from forum_site.services import rate_counts


@dataclass(frozen=True)
class Limit:
    name: str
    times: int
    seconds: int


SIGN_IN_PER_ACCOUNT = Limit("sign-in-account", 10, 15 * 60)  # wrong passwords
# Wrong passwords from one address: a venue's shared Wi-Fi is one address for everyone
# signing in at the start of a meeting, so right passwords never count here.
SIGN_IN_PER_ADDRESS = Limit("sign-in-address", 60, 15 * 60)
RESET_PER_ACCOUNT = Limit("reset-account", 3, 60 * 60)
RESET_PER_ADDRESS = Limit("reset-address", 20, 60 * 60)
# Emails from "Make an account", counted per email address whether it has an account or not.
REGISTER_PER_EMAIL = Limit("register-email", 3, 60 * 60)
REGISTER_PER_ADDRESS = Limit("register-address", 20, 60 * 60)
PDF_PER_PERSON = Limit("pdf-person", 30, 10 * 60)  # renders not already in the cache
PDF_PER_ADDRESS = Limit("pdf-address", 60, 10 * 60)


def rule(limit: Limit) -> Limit:
    """The limit as this app runs it: RATE_LIMITS in the settings can change a limit's
    number and window by name ({"pdf-person": (30, 600)}), per app, never module-wide."""
    times, seconds = current_app.config.get("RATE_LIMITS", {}).get(
        limit.name, (limit.times, limit.seconds)
    )
    return Limit(limit.name, times, seconds)


def address() -> str:
    """The client's address (ProxyFix has applied TRUSTED_PROXIES)."""
    return request.remote_addr or "unknown"


def _key(limit: Limit, who: str) -> str:
    digest = hashlib.sha256(who.strip().lower().encode()).hexdigest()[:32]
    return f"{limit.name}:{digest}"


def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def _redis():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("forum_site_limits_redis")
    if client is None:
        import redis

        client = redis.Redis.from_url(url)
        current_app.extensions["forum_site_limits_redis"] = client
    return client


def _redis_key(limit: Limit, who: str) -> str:
    bucket = int(utcnow().timestamp()) // limit.seconds
    return f"{current_app.config['RATE_COUNT_PREFIX']}:{_key(limit, who)}:{bucket}"


def count(limit: Limit, who: str) -> int:
    limit = rule(limit)
    client = _redis()
    if client is not None:
        return int(client.get(_redis_key(limit, who)) or 0)
    return rate_counts.count(db.session, _key(limit, who), limit.seconds)


def add(limit: Limit, who: str) -> int:
    """Count one attempt (the request commits it, refused or not)."""
    if not _enabled():
        return 0
    return _count_one(rule(limit), who)[0]


def _count_one(limit: Limit, who: str) -> tuple[int, Callable[[], object]]:
    """One more attempt, atomically (Redis INCR, or one upsert): the count it makes, and
    how to take it back again."""
    client = _redis()
    if client is not None:
        key = _redis_key(limit, who)
        with client.pipeline() as pipe:
            hits, _ = pipe.incr(key).expire(key, limit.seconds).execute()
        return int(hits), lambda: client.pipeline().decr(key).expire(key, limit.seconds).execute()
    key, now = _key(limit, who), utcnow()
    hits = rate_counts.add(db.session, key, limit.seconds, now)
    return hits, lambda: rate_counts.take_back(db.session, key, limit.seconds, now)


def seconds_left(limit: Limit) -> int:
    """Until this limit's window ends and its counts start again."""
    limit = rule(limit)
    return limit.seconds - int(utcnow().timestamp()) % limit.seconds


def count_now(*checks: tuple[Limit, str]) -> dict[Limit, Callable[[], object]]:
    """Count one and save it at once, or refuse (429) if that goes over any limit.

    Counting comes first and checking second, so requests at the same moment each get
    a count of their own and exactly the limit's number get through (reading first, all
    of them could see room). A refused request takes its counts back: refusals don't
    use up the allowance. The read transaction ends first, so on SQLite the counter's
    write waits its turn (busy_timeout) instead of failing on a stale snapshot.

    Returns how to take each count back, for an attempt that should not count after all
    (a sign-in whose password was right counts against the address, not the account)."""
    if not _enabled():
        return {}
    in_database = _redis() is None
    if in_database:
        db.session.rollback()
    counted: dict[Limit, Callable[[], object]] = {}
    try:
        for limit, who in checks:
            if not who:
                continue
            running = rule(limit)
            hits, take_back = _count_one(running, who)
            counted[limit] = take_back
            if hits > running.times:
                raise TooManyRequests(retry_after=seconds_left(running))
    except TooManyRequests:
        for take_back in counted.values():
            take_back()
        raise
    finally:
        if in_database:
            db.session.commit()
    return counted
