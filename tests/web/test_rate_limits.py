"""Signing in is rate limited, in memory on one machine or in Redis across several."""

import uuid

import pytest
import redis

from forum_site import create_app
from forum_site.extensions import limiter


@pytest.fixture(autouse=True)
def restore_limiter():
    """The limiter object is shared by every app in this process; its on/off switch is
    set by the last app created, so put it back for the other tests."""
    enabled = limiter.enabled
    yield
    limiter.enabled = enabled


def _app(tmp_path, **extra):
    app = create_app(
        {
            "ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/limits.sqlite3",
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": True,
            **extra,
        }
    )
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    return app


def _hammer(app, times: int) -> list[int]:
    client = app.test_client()
    return [
        client.post(
            "/sign-in", data={"email": "a@example.org", "password": "wrong password"}
        ).status_code
        for _ in range(times)
    ]


def test_too_many_sign_in_attempts_get_a_plain_429_page(tmp_path):
    app = _app(tmp_path)
    codes = _hammer(app, 11)
    assert codes[:10] == [200] * 10
    assert codes[10] == 429
    page = app.test_client().post("/sign-in", data={"email": "a@example.org", "password": "x"})
    assert "Wait a few minutes" in page.get_data(as_text=True)


def test_limits_are_shared_through_redis(tmp_path):
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    first = _app(tmp_path, REDIS_URL=url, RATELIMIT_KEY_PREFIX=prefix)
    second = _app(tmp_path, REDIS_URL=url, RATELIMIT_KEY_PREFIX=prefix)
    assert _hammer(first, 6) == [200] * 6
    # A second app server sees the same count.
    assert _hammer(second, 5) == [200] * 4 + [429]
