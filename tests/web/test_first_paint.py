"""What a page asks for before its first paint (issue 20, bench/lighthouse.sh)."""

from __future__ import annotations

import re

HTMX = re.compile(r'<script src="/static/js/htmx\.min\.js\?v=[0-9a-f]{8}" defer>')


def test_htmx_comes_only_with_a_page_that_uses_it(client, db):
    home = client.get("/").get_data(as_text=True)
    assert "hx-" not in home and not HTMX.search(home)
    glossary = client.get("/glossary").get_data(as_text=True)
    assert "data-hx-get" in glossary and HTMX.search(glossary)
    assert 'src="/static/js/site.js' in home  # the rest of the enhancements, on every page
