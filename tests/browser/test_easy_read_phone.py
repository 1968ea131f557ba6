"""Phone first (issue 14): in easy read at 360x740 the meeting page's title and its first
point are on the first screen, with or without JavaScript, and the menu is one control."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from tests.browser.helpers import set_viewport
from tests.browser.pages import page_named

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


def test_the_meeting_title_and_first_point_are_on_the_first_screen(phone, live_server, demo):
    page = page_named("meeting")
    phone.get(live_server + "/accessibility")
    phone.add_cookie({"name": "reading_prefs", "value": "easy_read=True", "path": "/"})
    phone.get(live_server + demo.path(page))
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
    phone.delete_all_cookies()
