"""Phone first (issue 14): in easy read at 360x740 the meeting page's title and its first
point are on the first screen, with or without JavaScript, and the menu is one control."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.browser.chromium import set_viewport, sign_in, wait_for_new_page
from tests.browser.pages import PASSWORD, ROLES, page_named

pytestmark = pytest.mark.browser
SCREEN = (360, 740)


def _bottom(driver, element) -> float:
    return driver.execute_script("return arguments[0].getBoundingClientRect().bottom", element)


@pytest.fixture(params=["javascript", "no javascript"])
def phone(request, chromium, chromium_without_js):
    driver = chromium if request.param == "javascript" else chromium_without_js
    set_viewport(driver, SCREEN)
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _easy_read_is_on(driver) -> bool:
    return "easy-read" in driver.find_element(By.TAG_NAME, "body").get_attribute("class")


def _set_easy_read(driver, on: bool) -> None:
    """The header switch, as a person would use it (signed in, it is saved on the account),
    pressed only if the page is not already as wanted (another test may have left it)."""
    if _easy_read_is_on(driver) == on:
        return
    old_html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form.easy-read-switch button").click()
    wait_for_new_page(driver, old_html)


@pytest.mark.parametrize("role", ["anonymous", "member", "convenor"])
def test_the_meeting_title_and_first_point_are_on_the_first_screen(phone, live_server, demo, role):
    page = page_named("meeting")
    phone.get(live_server + "/accessibility")
    # Start afresh: an earlier test in this browser may have signed someone in.
    phone.delete_all_cookies()
    if ROLES[role]:
        sign_in(phone, live_server, ROLES[role], PASSWORD)
    phone.get(live_server + demo.path(page))
    was_on = _easy_read_is_on(phone)
    _set_easy_read(phone, True)
    try:
        _first_screen_checks(phone)
    finally:
        if ROLES[role]:  # the demo account goes back to how it was
            phone.get(live_server + demo.path(page))
            _set_easy_read(phone, was_on)
        phone.delete_all_cookies()


def _first_screen_checks(phone) -> None:
    assert "easy-read" in phone.find_element(By.TAG_NAME, "body").get_attribute("class")
    title = phone.find_element(By.CSS_SELECTOR, "main h1")
    first_point = phone.find_element(By.CSS_SELECTOR, "main .er-key-points .er-point")
    assert _bottom(phone, title) <= SCREEN[1]
    assert _bottom(phone, first_point) <= SCREEN[1], (
        f"the first point ends at {_bottom(phone, first_point):.0f}px, below the first screen"
    )
    menu = phone.find_element(By.CSS_SELECTOR, "header details.er-menu")
    assert menu.get_attribute("open") is None, "the menu starts closed"
    menu.find_element(By.TAG_NAME, "summary").click()
    assert menu.get_attribute("open") is not None, "the menu opens without JavaScript"
