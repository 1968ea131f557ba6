"""Keyboard-only journeys in Chromium, each run twice: with JavaScript on (htmx enhances
the page) and with JavaScript off (every action must be a real link or form)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.browser import journeys
from tests.browser.pages import page_named

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Mode:
    javascript: bool
    label: str  # in the names of the people each journey makes
    forum_to_join: str  # each mode asks to join a different forum
    point: str  # and makes a different contribution


MODES = {
    "js": Mode(True, "js", "Learning Disability Voice", "The minibus should wait longer."),
    "nojs": Mode(False, "nojs", "Older People's Forum", "Please print the timetable large."),
}


@pytest.fixture(params=list(MODES), ids=list(MODES))
def mode(request) -> Mode:
    return MODES[request.param]


@pytest.fixture
def browser_session(request, mode):
    name = "chromium_session" if mode.javascript else "chromium_without_js_session"
    return request.getfixturevalue(name)


@pytest.fixture
def keys(request, mode, browser_session, live_server):
    """The mode's shared browser, signed out before and after. The page tests share the
    browser with JavaScript on and sign in too: their visitor is told it is signed out."""
    forget = (
        request.getfixturevalue("visitor").forget
        if mode.javascript
        else browser_session.driver.delete_all_cookies
    )
    forget()
    yield journeys.Keyboard(browser_session.driver, live_server)
    forget()


def test_javascript_is_on_or_really_off(keys, mode):
    """WebDriver can still run its own scripts, but with JavaScript off the page's never ran.
    The glossary's search uses htmx, so its page loads it (pages without hx- do not)."""
    keys.open("/glossary")
    has_htmx = keys.driver.execute_cdp_cmd(
        "Runtime.evaluate", {"expression": "typeof window.htmx", "returnByValue": True}
    )
    assert (has_htmx["result"]["value"] != "undefined") is mode.javascript


def test_skip_link_goes_to_the_content(keys):
    keys.open("/forums")
    journeys.skip_to_content(keys)


def test_sign_in(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label))


def test_make_an_account(keys, demo, mode):
    journeys.make_an_account(keys, demo, mode.label)


def test_switch_easy_read_on(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label))
    journeys.switch_easy_read_on(keys)


def test_switch_easy_read_on_without_an_account(keys):
    journeys.switch_easy_read_on(keys)


def test_ask_to_join_a_forum(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label))
    journeys.ask_to_join(keys, mode.forum_to_join)


def test_reply_to_a_meeting_with_access_needs(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label, member_of="ld"))
    journeys.reply_to_meeting(keys, demo.path(page_named("meeting")), mode.javascript)


def test_reply_with_a_mistake(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label, member_of="ld"))
    journeys.reply_with_a_mistake(keys, demo.path(page_named("meeting")), mode.javascript)


def test_make_a_contribution(keys, demo, mode):
    journeys.sign_in(keys, journeys.new_person(demo, mode.label, member_of="ld"))
    journeys.make_a_contribution(keys, demo.path(page_named("forum page")), mode.point)


def test_download_a_pdf(keys, demo, browser_session):
    pdf = journeys.download_a_pdf(
        keys, demo.path(page_named("briefing")), browser_session.downloads
    )
    assert pdf.startswith(b"%PDF-")


def test_find_a_picture_on_the_easy_read_check_page(keys, demo, mode):
    person = journeys.new_commissioner_like(demo, "priya.shah@example.org", f"pic{mode.label}")
    journeys.sign_in(keys, person)
    journeys.find_a_picture(keys, demo.path(page_named("easy read check")), mode.javascript)


def test_move_an_agenda_item(keys, demo, mode):
    email, path, items = journeys.new_convenor_meeting(demo, f"agenda{mode.label}")
    journeys.sign_in(keys, email)
    journeys.move_an_agenda_item(keys, path, items, mode.javascript)
