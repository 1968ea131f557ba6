"""A supported member at a shared computer in a venue: the convenor sets the computer up,
the member signs in with their card and PIN, replies to a meeting with the keyboard, and
presses Finished. With and without JavaScript; axe checks the pages only shown there."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from forum_site.demo.not_online import ROSE_CARD, ROSE_PIN
from tests.browser import chromium as helpers
from tests.browser import journeys
from tests.browser.pages import PASSWORD, ROLES, page_named
from tests.browser.registry import SLUGS

pytestmark = pytest.mark.browser


def _no_axe_problems(driver, axe, where: str) -> None:
    violations = axe.violations(driver)
    assert not violations, helpers.describe_violations(violations, where)


def _send(driver, selector: str) -> None:
    old_html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    helpers.wait_for_new_page(driver, old_html)


def _set_up_venue_computer(driver, base: str) -> None:
    helpers.sign_in(driver, base, ROLES["convenor"], PASSWORD)
    driver.get(f"{base}/forums/{SLUGS['ld']}/not-online")
    driver.find_element(By.ID, "name").send_keys("Library, front desk")
    _send(driver, "form[action$='/venue-computers'] button[type=submit]")
    assert driver.current_url.endswith("/card"), driver.current_url


def _sign_in_with_card(driver) -> None:
    driver.find_element(By.ID, "code").send_keys(f"{ROSE_CARD[:4]} {ROSE_CARD[4:]}".lower())
    driver.find_element(By.ID, "pin").send_keys(ROSE_PIN)
    _send(driver, "main form button[type=submit]")
    assert "Hello, Rose Bell" in driver.find_element(By.TAG_NAME, "main").text


def _ask_to_add_an_email(driver, base: str, demo, axe, javascript: bool) -> None:
    """Up to the page that asks for a password (not sent: Rose stays a supported member
    for the other tests), and a made-up link."""
    address = f"rose.{'js' if javascript else 'nojs'}@example.org"
    driver.find_element(By.ID, "email").send_keys(address)
    _send(driver, "main form button[type=submit]")
    link = journeys.finish_link(demo, address, r"/account/email/confirm/\S+")
    pages = [
        ("", "Check your email"),
        (link, "Choose your password"),
        ("/account/email/confirm/made-up", "This link does not work"),
    ]
    for path, heading in pages:
        if path:
            driver.get(base + path)
        assert driver.find_element(By.TAG_NAME, "h1").text == heading
        if javascript:
            _no_axe_problems(driver, axe, f"adding an email address: {heading}")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_supported_member_signs_in_at_a_venue_replies_and_finishes(
    request, javascript, live_server, demo, axe
):
    driver = request.getfixturevalue("chromium" if javascript else "chromium_without_js")
    driver.delete_all_cookies()
    try:
        _set_up_venue_computer(driver, live_server)
        if javascript:
            _no_axe_problems(driver, axe, "card sign-in on a venue computer")
        _sign_in_with_card(driver)
        assert f"/forums/{SLUGS['ld']}" in driver.current_url  # opens on the venue's forum
        keys = journeys.Keyboard(driver, live_server)
        journeys.reply_to_meeting(keys, demo.path(page_named("meeting")), javascript=javascript)
        for path, where in (
            ("/venue/still-there?next=/", "the idle warning"),
            ("/account/email", "adding an email address"),
        ):
            driver.get(live_server + path)
            if javascript:
                _no_axe_problems(driver, axe, where)
        _ask_to_add_an_email(driver, live_server, demo, axe, javascript)
        _send(driver, "form[action='/venue/finished'] button")
        assert driver.current_url.endswith("/card")
        assert "You are signed out" in driver.find_element(By.TAG_NAME, "main").text
        driver.get(f"{live_server}/account")
        assert "/sign-in" in driver.current_url  # nobody is signed in any more
    finally:
        driver.delete_all_cookies()
