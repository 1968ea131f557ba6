"""An easy-read page builds each picture's link once, however often the picture is shown
(issue 20): a page of 25 answers showed the same few pictures 150 times, and each one
built its fingerprinted address again."""

from __future__ import annotations

import re

from forum_site.web import caching


def test_each_picture_link_is_built_once_a_page(client, db, monkeypatch):
    client.post("/settings/easy-read", data={"next": "/"})
    client.get("/forums")
    looked_at = []
    original = caching.fingerprint
    monkeypatch.setattr(
        caching, "fingerprint", lambda path: looked_at.append(path) or original(path)
    )
    page = client.get("/forums").get_data(as_text=True)
    pictures = re.findall(r'<use href="#page-picture-([\w-]+)"', page)  # web/easy_read/pictures.py
    static = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page))
    assert len(pictures) > len(set(pictures)), "the page should show a picture twice"
    assert len(looked_at) == len(set(pictures)) + len(static)
