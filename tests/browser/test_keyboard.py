"""Every stop of whole pages by keyboard, in Chromium with JavaScript on. The journeys
(sign in, reply, contribute ...) run with JavaScript on and off in test_journeys.py."""

from __future__ import annotations

import pytest

from tests.browser import journeys
from tests.browser.pages import page_named

pytestmark = pytest.mark.browser


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
