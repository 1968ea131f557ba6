"""The browser suite: the app with the demo data served on localhost by a real server
in a thread, and one headless Chromium per test process, reused by every test.

Every test in this folder is marked ``browser``. Without Chromium, chromedriver, Java
or the npm tools they are skipped with one message on a developer's machine, and fail
in CI (when the CI environment variable is set)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.browser import chromium as helpers
from tests.browser.registry import Demo

HERE = Path(__file__).resolve().parent
INSTALL = "apt-get install chromium chromium-driver default-jre-headless && npm ci"


def _missing() -> list[str]:
    needs = {
        f"Chromium ({helpers.CHROMIUM})": helpers.CHROMIUM.exists(),
        f"chromedriver ({helpers.CHROMEDRIVER})": helpers.CHROMEDRIVER.exists(),
        "Java (java)": shutil.which("java") is not None,
        "axe-core (node_modules/axe-core)": helpers.AXE_SCRIPT.exists(),
        "the Nu Html Checker (node_modules/vnu-jar)": helpers.VNU_JAR.exists(),
    }
    return [name for name, present in needs.items() if not present]


MISSING = _missing()
MISSING_MESSAGE = (
    f"browser tests need {', '.join(MISSING)}. Install with: {INSTALL}" if MISSING else ""
)
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


_left_out: list = []


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the whole folder ``browser`` (before -m filters run). Without the tools, on a
    developer's machine, leave the folder out and say why once, at the end."""
    mine = [item for item in items if HERE in Path(str(item.fspath)).parents]
    for item in mine:
        item.add_marker(pytest.mark.browser)
    if MISSING and not IN_CI and mine:
        _left_out.extend(mine)
        items[:] = [item for item in items if item not in set(mine)]
        config.hook.pytest_deselected(items=mine)


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        terminalreporter.write_line(
            f"SKIPPED {len(_left_out)} browser tests: {MISSING_MESSAGE}", yellow=True, bold=True
        )


@pytest.fixture(scope="session", autouse=True)
def _browser_tools():
    if MISSING and IN_CI:
        pytest.fail(f"CI must run the browser tests, but {MISSING_MESSAGE}", pytrace=False)


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """A fresh SQLite database built by the migrations, with the demo data in it."""
    from flask_migrate import upgrade

    from forum_site import create_app
    from forum_site.demo import seed
    from forum_site.extensions import db

    folder = tmp_path_factory.mktemp("browser-db")
    app = create_app(
        {
            "ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/browser.sqlite3",
            "SECRET_KEY": "browser-suite-secret-key",
            "RATELIMIT_ENABLED": False,
            "SITE_URL": "http://127.0.0.1",
            "PDF_CACHE_DIR": str(tmp_path_factory.mktemp("pdf-cache")),
        }
    )
    with app.app_context():
        upgrade(revision="heads")
        seed(db.session)
        _printer(db.session)
        db.session.commit()
    # The site's own limits are on, so the page types can show the "Please wait before
    # printing more" page; every allowance but one person's PDFs is too big to reach.
    app.config["RATELIMIT_ENABLED"] = True
    app.config["RATE_LIMITS"] = _only_pdfs_per_person_limited()
    yield app
    with app.app_context():
        db.engine.dispose()


def _printer(session) -> None:
    """The person whose new PDFs are refused (pages_pdfs.py uses up their allowance), so
    no other page or journey is ever refused."""
    from forum_site.services import accounts
    from tests.browser.registry import PASSWORD, ROLES

    accounts.create_account(
        session, email=ROLES["printer"], display_name="Pat Printer", password=PASSWORD
    )


def _only_pdfs_per_person_limited() -> dict[str, tuple[int, int]]:
    """This app's limits (settings, not the module: the rest of the run in this process
    keeps the real ones)."""
    from forum_site.web import limits

    rules = {
        value.name: (10**6, value.seconds)
        for value in vars(limits).values()
        if isinstance(value, limits.Limit)
    }
    # Counted over the whole run, so a used-up allowance stays used up however long it takes.
    rules[limits.PDF_PER_PERSON.name] = (limits.PDF_PER_PERSON.times, 10**8)
    return rules


@pytest.fixture(scope="session")
def live_server(live_app):
    """The base URL of a real HTTP server on a free port."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo(live_app):
    return Demo(live_app)


@pytest.fixture(scope="session")
def chromium_session():
    browser = helpers.start_chromium(javascript=True)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def chromium(chromium_session):
    return chromium_session.driver


@pytest.fixture(scope="session")
def chromium_without_js_session():
    browser = helpers.start_chromium(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def chromium_without_js(chromium_without_js_session):
    return chromium_without_js_session.driver


@pytest.fixture(scope="session")
def visitor(chromium, live_server, demo):
    return helpers.Visitor(chromium, live_server, demo)


@pytest.fixture(scope="session")
def axe():
    return helpers.AxeRunner()


@pytest.fixture(scope="session")
def artifacts():
    helpers.ARTIFACTS.mkdir(exist_ok=True)
    return helpers.ARTIFACTS


@pytest.fixture(scope="session")
def surveyor(visitor, axe, artifacts):
    from tests.browser.survey import Surveyor

    return Surveyor(visitor, axe, artifacts / "screenshots")
