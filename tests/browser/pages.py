"""Every page type of the site, how to find one in the demo data, and who must be
signed in to see it. The browser suite runs axe, reflow and the HTML checker on each.

To add a page type: append a ``PageType`` to an area's list in pages_core.py or
pages_areas.py (or a new module whose list is joined into ``PAGES`` below). ``find``
gets a ``Demo`` and returns the page's path: query the demo database with
``demo.first(select(...))`` or build URLs with ``demo.url(...)``. A form shown with its
errors is a second entry with ``submit=FormSubmit(...)`` (or ``EMPTY``).
``test_every_route_has_a_page_type`` fails when a GET route has neither a page type
nor a reason in ``EXCLUDED``."""

from __future__ import annotations

import pytest

from tests.browser.pages_areas import AREAS
from tests.browser.pages_core import CORE, SEARCH
from tests.browser.pages_not_online import NOT_ONLINE, NOT_ONLINE_EXCLUDED
from tests.browser.pages_pdfs import PDF_REFUSALS
from tests.browser.pages_topics import CONSULTATIONS, TOPICS, VOTES
from tests.browser.registry import PASSWORD, ROLES, FormSubmit, PageType

__all__ = ["PAGES", "PASSWORD", "ROLES", "FormSubmit", "PageType", "cases", "by_role"]

PAGES: list[PageType] = [
    *CORE,
    *SEARCH,
    *AREAS,
    *NOT_ONLINE,
    *TOPICS,
    *CONSULTATIONS,
    *VOTES,
    *PDF_REFUSALS,
]

# Downloads are not HTML pages; their own area tests check them.
DOWNLOAD_SUFFIXES = (".ics", ".csv", ".json", ".pdf")

EXCLUDED = {
    "static": "static files",
    "main.healthz": "JSON health check for load balancers, not a page",
    "easy_read.static": "static files (the easy-read style sheet)",
    "pictures.static": "the easy-read pictures, not pages",
    **NOT_ONLINE_EXCLUDED,
}


# Problems found and not yet fixed (the file to fix is named). The tests expect them to
# fail (strict xfail), so fixing one makes the suite say: remove it from here.
KNOWN_PROBLEMS: dict[tuple[str, str], str] = {}

MODES = {"normal": False, "easy-read": True}


def cases(pages: list[PageType] | None = None) -> list:
    """Every page type in both reading modes, as pytest parameters grouped by role."""

    params = []
    for page in by_role(PAGES if pages is None else pages):
        for mode in MODES:
            reason = KNOWN_PROBLEMS.get((page.name, mode))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(page, mode, id=f"{page.slug}-{mode}", marks=marks))
    return params


def by_role(pages: list[PageType]) -> list[PageType]:
    """Grouped by who is signed in, so the browser signs in as few times as possible."""
    order = list(ROLES)
    return sorted(pages, key=lambda page: order.index(page.role))


def pages_needing_routes(app) -> list[str]:
    """GET routes that are HTML pages: everything but static files, downloads and
    POST-only routes."""
    endpoints = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint == "static":
            continue
        if rule.rule.endswith(DOWNLOAD_SUFFIXES):
            continue
        endpoints.append(rule.endpoint)
    return sorted(set(endpoints))


def page_named(name: str) -> PageType:
    return next(page for page in PAGES if page.name == name)
