"""Keyboard-only journeys in Chromium with JavaScript on. The same journeys run with
JavaScript off in test_no_js.py."""

from __future__ import annotations

import pytest

from tests.browser import journeys

pytestmark = pytest.mark.browser


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


def test_switch_easy_read_on(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js"))
    journeys.switch_easy_read_on(keys)


def test_switch_easy_read_on_without_an_account(keys):
    journeys.switch_easy_read_on(keys)


def test_ask_to_join_a_forum(keys, demo):
    journeys.sign_in(keys, journeys.new_person(demo, "js"))
    journeys.ask_to_join(keys, "Learning Disability Voice")
