"""axe-core 4.x on every page type, in normal and easy-read mode, on a phone and a
desktop screen: no WCAG 2.2 A/AA or best-practice violations. A full-page screenshot of
each at phone width goes to test-artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import pytest

from tests.browser import chromium as helpers
from tests.browser.pages import EXCLUDED, MODES, PAGES, cases, pages_needing_routes

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("page", "mode"), cases())
def test_no_axe_violations(surveyor, page, mode):
    survey = surveyor.survey(page, mode, MODES[mode])
    problems = [
        helpers.describe_violations(violations, f"{page.name} ({mode}, {size}, {survey.url})")
        for size, violations in survey.axe.items()
        if violations
    ]
    assert survey.screenshot and survey.screenshot.exists()
    assert not problems, "\n\n".join(problems)


def test_every_route_has_a_page_type(live_app):
    """A new page must join the registry in pages.py (or be excluded with a reason)."""
    covered = {page.endpoint for page in PAGES} | set(EXCLUDED)
    missing = [endpoint for endpoint in pages_needing_routes(live_app) if endpoint not in covered]
    assert not missing, (
        "These GET routes have no page type in tests/browser/pages.py "
        f"(add one, or a reason in EXCLUDED): {missing}"
    )
