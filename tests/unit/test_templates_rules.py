"""Rules every template keeps (issue 12 and a walk at 360 px), checked line by line."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "forum_site" / "templates"


def _lines_matching(pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_template_compares_a_status_or_kind_by_its_string():
    """Templates show, Python decides: "meeting.is_draft", "line.kind.is_open"."""
    assert _lines_matching(re.compile(r"\.value\s*[!=]=\s*['\"]")) == []


def test_no_text_box_cuts_off_what_is_pasted():
    """A long text box has no maxlength: the browser would drop the end of a paste without
    a word (a walk lost "THE IMPORTANT END PART."). The server says how long it may be and
    keeps every word."""
    limited = re.compile(r"<textarea[^>]*maxlength|field\(form\.(?:text|body)[^)]*maxlength")
    assert _lines_matching(limited) == []


def test_the_checks_find_what_they_look_for():
    """Not vacuous: each pattern finds a line written to break it."""
    assert re.search(r"\.value\s*[!=]=\s*['\"]", '{% if meeting.status.value == "draft" %}')
    assert re.search(r"<textarea[^>]*maxlength", '<textarea name="text" maxlength="4000">')
