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


def _redis_or_skip() -> tuple[str, str]:
    """The Redis server's address (a database of the tests' own) and a key prefix of this
    test's own, so parallel runs never share a count."""
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return url, f"test-{uuid.uuid4().hex}"


def test_limits_are_shared_through_redis(tmp_path):
    url, prefix = _redis_or_skip()
    first = _app(tmp_path, REDIS_URL=url, RATELIMIT_KEY_PREFIX=prefix, RATE_COUNT_PREFIX=prefix)
    second = _app(tmp_path, REDIS_URL=url, RATELIMIT_KEY_PREFIX=prefix, RATE_COUNT_PREFIX=prefix)
    assert _hammer(first, 6) == [200] * 6
    # A second app server sees the same count.
    assert _hammer(second, 5) == [200] * 4 + [429]


def _wrong(client, email: str, address: str) -> int:
    return client.post(
        "/sign-in",
        data={"email": email, "password": "wrong password"},
        environ_base={"REMOTE_ADDR": address},
    ).status_code


def test_one_account_is_limited_from_many_addresses_and_workers_agree(tmp_path):
    """Two apps on one database stand for two gunicorn workers without Redis."""
    from forum_site.extensions import db
    from forum_site.services.accounts import hash_password

    first = _app(tmp_path)
    second = create_app({**first.config, "SQLALCHEMY_ENGINE_OPTIONS": {}})
    with first.app_context():
        from forum_site.models import User

        db.session.add(
            User(
                email="b@example.org",
                display_name="B",
                password_hash=hash_password("right-password-1"),
            )
        )
        db.session.commit()
    workers = [first.test_client(), second.test_client()]
    codes = [_wrong(workers[n % 2], "b@example.org", f"10.0.0.{n}") for n in range(12)]
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429, 429]
    right = workers[0].post(
        "/sign-in",
        data={"email": "b@example.org", "password": "right-password-1"},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )
    assert right.status_code == 429  # the right password waits too, so guessing stops


def test_proxy_fix_counts_the_person_behind_the_proxy(tmp_path):
    app = _app(tmp_path, TRUSTED_PROXIES=1)
    client = app.test_client()
    seen = []
    for n in range(11):
        seen.append(
            client.post(
                "/sign-in",
                data={"email": f"c{n}@example.org", "password": "wrong password"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            ).status_code
        )
    assert 429 not in seen  # eleven people behind one proxy, not one person


def _with_user(app, email: str, password: str) -> None:
    from forum_site.extensions import db
    from forum_site.models import User
    from forum_site.services.accounts import hash_password

    with app.app_context():
        db.session.add(User(email=email, display_name="C", password_hash=hash_password(password)))
        db.session.commit()


def test_guesses_sent_at_once_cannot_all_slip_under_the_limit(tmp_path):
    """30 wrong passwords for one account at the same moment, from 30 addresses, through
    two app servers sharing Redis: each try is counted before its password is checked, so
    exactly the account's 10 are checked and the other 20 are refused."""
    import threading

    url, prefix = _redis_or_skip()
    settings = {"REDIS_URL": url, "RATELIMIT_KEY_PREFIX": prefix, "RATE_COUNT_PREFIX": prefix}
    first = _app(tmp_path, **settings)
    second = create_app({**first.config, "SQLALCHEMY_ENGINE_OPTIONS": {}})
    _with_user(first, "c@example.org", "right-password-1")
    start, codes = threading.Barrier(30), []

    def guess(n: int) -> None:
        client = (first, second)[n % 2].test_client()
        start.wait()
        codes.append(_wrong(client, "c@example.org", f"10.1.0.{n}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200] * 10 + [429] * 20


def test_a_right_password_does_not_use_up_the_accounts_allowance(tmp_path):
    app = _app(tmp_path)
    _with_user(app, "d@example.org", "right-password-1")
    client = app.test_client()
    assert [_wrong(client, "d@example.org", f"10.2.0.{n}") for n in range(9)] == [200] * 9
    right = client.post(
        "/sign-in",
        data={"email": "d@example.org", "password": "right-password-1"},
        environ_base={"REMOTE_ADDR": "10.2.0.50"},
    )
    assert right.status_code == 303
    client.post("/sign-out", environ_base={"REMOTE_ADDR": "10.2.0.50"})
    # 9 wrong so far: one more wrong try is still checked, the one after is refused.
    assert _wrong(client, "d@example.org", "10.2.0.60") == 200
    assert _wrong(client, "d@example.org", "10.2.0.61") == 429


def test_an_apps_own_limits_change_only_that_app(tmp_path):
    """RATE_LIMITS changes a limit for the app that has it; an app made afterwards in the
    same process keeps the real numbers (the browser suite's app once changed them for
    every later test in its process)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    lenient = _app(tmp_path / "a", RATE_LIMITS={"sign-in-account": (2, 900)})
    _with_user(lenient, "d@example.org", "right-password-1")
    client = lenient.test_client()
    assert [_wrong(client, "d@example.org", f"10.2.0.{n}") for n in range(3)] == [200, 200, 429]
    real = _app(tmp_path / "b")
    _with_user(real, "d@example.org", "right-password-1")
    client = real.test_client()
    codes = [_wrong(client, "d@example.org", f"10.3.0.{n}") for n in range(11)]
    assert codes == [200] * 10 + [429]


def test_a_whole_meeting_can_sign_in_from_one_venue_address(tmp_path):
    """A walk found everyone on one Wi-Fi locked out after about 30 sign-ins: right
    passwords counted against the address. Now only wrong ones do."""
    from forum_site.extensions import db
    from forum_site.models import User
    from forum_site.services.accounts import hash_password

    app = _app(tmp_path)
    password = hash_password("right-password-1")
    with app.app_context():
        db.session.add_all(
            User(email=f"m{n}@example.org", display_name=f"M{n}", password_hash=password)
            for n in range(45)
        )
        db.session.commit()
    venue = {"REMOTE_ADDR": "10.9.9.9"}
    codes = [
        app.test_client()
        .post(
            "/sign-in",
            data={"email": f"m{n}@example.org", "password": "right-password-1"},
            environ_base=venue,
        )
        .status_code
        for n in range(45)
    ]
    assert codes == [303] * 45
