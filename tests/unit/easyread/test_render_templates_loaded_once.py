"""The renderer's templates are read once, not looked at again for each row (issue 20):
every row's include asked the file system for the template's time, 175 times on a page
of 25 answers in easy read."""

from __future__ import annotations

import os

from easyread.builders import build_briefing
from easyread.render import render_html
from tests.unit.easyread.er_glossary import TERMS


def test_rendering_again_does_not_look_at_the_template_files(monkeypatch):
    text = "\n\n".join(f"Point {n}. The bus to the day centre is late." for n in range(12))
    document = build_briefing(text, title="Buses", terms=TERMS)
    first = render_html(document)
    looked = []
    original = os.path.getmtime
    monkeypatch.setattr(os.path, "getmtime", lambda path: looked.append(path) or original(path))
    again = render_html(document)
    assert again == first and "day centre" in again
    assert looked == []
