"""How pytest-xdist shares the suite between processes: a page type's axe and reflow
tests go to the same process, which visits the page once (tests/browser/survey.py), and
every HTML checker test goes to one process, which fetches the pages and starts the
checker once (test_html_validity.py). Everything else is shared test by test.

xdist's own ``--dist loadgroup`` marks a test's group by renaming its node id, which
pytest 9 no longer allows, so the groups are read from the node ids here instead."""

from __future__ import annotations

import re

from xdist.scheduler import LoadScopeScheduling

_SURVEYED = re.compile(r"^tests/browser/test_(?:axe|reflow)\.py::\w+\[(?P<case>[^\]]+)\]$")
_HTML_CHECKED = "tests/browser/test_html_validity.py::test_valid_html["


def work_unit(nodeid: str) -> str:
    """The tests that must run in the same process share a work unit."""
    if nodeid.startswith(_HTML_CHECKED):
        return "html-checker"
    surveyed = _SURVEYED.match(nodeid)
    if surveyed:
        return f"page:{surveyed.group('case')}"
    return nodeid


class PageScheduling(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid)
