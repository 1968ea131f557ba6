"""Keyboard-only journeys in Chromium with JavaScript on. The same journeys run with
JavaScript off in test_no_js.py."""

from __future__ import annotations

import pytest

from tests.browser import journeys
from tests.browser.pages import page_named

pytestmark = pytest.mark.browser
JS = True


@pytest.fixture
def keys(chromium, live_server, visitor):
    """The shared browser, signed out before and after (the page tests sign in too)."""
    visitor.forget()
    yield journeys.Keyboard(chromium, live_server)
    visitor.forget()


def test_skip_link_goes_to_the_content(keys):
    keys.open("/forums")
    journeys.skip_to_content(keys)


def test_sign_in(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js"))


def test_make_an_account(keys, demo):
    journeys.make_an_account(keys, demo, "js")


def test_switch_easy_read_on(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js"))
    journeys.switch_easy_read_on(keys)


def test_switch_easy_read_on_without_an_account(keys):
    journeys.switch_easy_read_on(keys)


def test_ask_to_join_a_forum(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js"))
    journeys.ask_to_join(keys, "Learning Disability Voice")


def test_reply_to_a_meeting_with_access_needs(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js", member_of="ld"))
    journeys.reply_to_meeting(keys, demo.path(page_named("meeting")), javascript=JS)


def test_reply_with_a_mistake(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js", member_of="ld"))
    journeys.reply_with_a_mistake(keys, demo.path(page_named("meeting")), javascript=JS)


def test_make_a_contribution(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js", member_of="ld"))
    forum = demo.path(page_named("forum page"))
    journeys.make_a_contribution(keys, forum, "The minibus should wait longer at each stop.")


def test_download_a_pdf(keys, demo, chromium_session):
    pdf = journeys.download_a_pdf(
        keys, demo.path(page_named("briefing")), chromium_session.downloads
    )
    assert pdf.startswith(b"%PDF-")


WHOLE_PAGES = [
    "home",
    "forum page, member",
    "meeting, member",
    "meeting reply with errors",
    "budget",
    "briefing",
    "contributions",
    "new meeting with errors",
    "inbox",
]


# Start from the top, as after loading a page, even where the error summary took focus.
TOP_OF_PAGE_JS = """
const top = document.documentElement;
top.setAttribute("tabindex", "-1");
top.focus();
top.removeAttribute("tabindex");
window.scrollTo(0, 0);
"""


@pytest.mark.parametrize("easy_read", [False, True], ids=["normal", "easy-read"])
@pytest.mark.parametrize("name", WHOLE_PAGES)
def test_tab_through_the_whole_page(visitor, live_server, name, easy_read):
    """Every stop shows its focus, and Tab always moves on to the end of the page."""
    page = page_named(name)
    visitor.visit(page, easy_read=easy_read)
    keys = journeys.Keyboard(visitor.driver, live_server)
    keys.steps = [f"{name}: {visitor.driver.current_url}"]
    visitor.driver.execute_script(TOP_OF_PAGE_JS)
    journeys.tab_through_page(keys)


def test_find_a_picture_on_the_easy_read_check_page(keys, demo):
    journeys.sign_in(keys, journeys.new_commissioner_like(demo, "priya.shah@example.org", "pic"))
    journeys.find_a_picture(keys, demo.path(page_named("easy read check")), javascript=JS)
