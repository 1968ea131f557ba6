"""Nothing a person types or pastes is cut off without a word: a long text box has no
maxlength (the browser would drop the end of a paste silently); the server says how long
it may be and keeps every word (a walk at 360 px lost "THE IMPORTANT END PART.")."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "forum_site" / "templates"
TEXTAREA_WITH_A_LIMIT = re.compile(
    r"<textarea[^>]*maxlength|field\(form\.(?:text|body)[^)]*maxlength"
)


def test_no_text_box_cuts_off_what_is_pasted():
    found = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TEXTAREA_WITH_A_LIMIT.search(line)
    ]
    assert found == []
