"""Templates show, Python decides: a status or kind is asked by name ("meeting.is_draft",
"line.kind.is_open"), never by comparing its stored string in a template (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "forum_site" / "templates"
COMPARES_A_VALUE = re.compile(r"\.value\s*[!=]=\s*['\"]")


def test_no_template_compares_a_status_or_kind_by_its_string():
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COMPARES_A_VALUE.search(line)
    ]
    assert found == []
