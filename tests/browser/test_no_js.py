"""The keyboard-only journeys again, in a Chromium with JavaScript switched off: every
action must be a real link or form."""

from __future__ import annotations

import pytest

from tests.browser import journeys
from tests.browser.pages import page_named

pytestmark = pytest.mark.browser
JS = False


@pytest.fixture
def keys(chromium_without_js, live_server):
    chromium_without_js.delete_all_cookies()
    yield journeys.Keyboard(chromium_without_js, live_server)
    chromium_without_js.delete_all_cookies()


def test_javascript_is_really_off(keys):
    """WebDriver can still run its own scripts, but the page's scripts never ran."""
    keys.open("/forums")
    has_htmx = keys.driver.execute_cdp_cmd(
        "Runtime.evaluate", {"expression": "typeof window.htmx", "returnByValue": True}
    )
    assert has_htmx["result"]["value"] == "undefined"


def test_skip_link_goes_to_the_content(keys):
    keys.open("/forums")
    journeys.skip_to_content(keys)


def test_sign_in(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs"))


def test_make_an_account(keys, demo):
    journeys.make_an_account(keys, demo, "nojs")


def test_switch_easy_read_on(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs"))
    journeys.switch_easy_read_on(keys)


def test_switch_easy_read_on_without_an_account(keys):
    journeys.switch_easy_read_on(keys)


def test_ask_to_join_a_forum(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs"))
    journeys.ask_to_join(keys, "Older People's Forum")


def test_reply_to_a_meeting_with_access_needs(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs", member_of="ld"))
    journeys.reply_to_meeting(keys, demo.path(page_named("meeting")), javascript=JS)


def test_reply_with_a_mistake(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs", member_of="ld"))
    journeys.reply_with_a_mistake(keys, demo.path(page_named("meeting")), javascript=JS)


def test_make_a_contribution(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "nojs", member_of="ld"))
    forum = demo.path(page_named("forum page"))
    journeys.make_a_contribution(keys, forum, "Please print the timetable in large type.")


def test_download_a_pdf(keys, demo, chromium_without_js_session):
    pdf = journeys.download_a_pdf(
        keys, demo.path(page_named("briefing")), chromium_without_js_session.downloads
    )
    assert pdf.startswith(b"%PDF-")


def test_find_a_picture_on_the_easy_read_check_page(keys, demo):
    journeys.sign_in(keys, journeys.new_commissioner_like(demo, "priya.shah@example.org", "pic"))
    journeys.find_a_picture(keys, demo.path(page_named("easy read check")), javascript=JS)
