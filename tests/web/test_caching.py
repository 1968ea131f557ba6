"""Pages travel compressed; static files are kept a year under fingerprinted links."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli

from forum_site.web.caching import ONE_YEAR


def _without_tokens(body: bytes) -> bytes:
    return re.sub(rb'(csrf[-_]token"[^>]*(?:content|value)=")[^"]+', rb"\1", body)


def _static_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_pages_are_compressed_with_what_the_browser_accepts(client):
    plain = client.get("/forums")
    assert plain.headers.get("Content-Encoding") is None  # asked for nothing, got plain
    for asked, decode in (("br, gzip", brotli.decompress), ("gzip", gzip.decompress)):
        packed = client.get("/forums", headers={"Accept-Encoding": asked})
        assert packed.headers["Content-Encoding"] == asked.split(",")[0]
        vary = packed.headers.get_all("Vary")
        assert len(vary) == 1, vary  # one header: a second one is easily lost on the way
        assert {"Accept-Encoding", "HX-Request"} <= {v.strip() for v in vary[0].split(",")}
        body = decode(packed.get_data())
        assert _without_tokens(body) == _without_tokens(plain.get_data())
        assert len(packed.get_data()) < len(body) * 0.6


def test_static_links_carry_a_fingerprint_and_are_kept_for_a_year(client):
    page = client.get("/").get_data(as_text=True)
    links = _static_links(page)
    assert any("site.css" in link for link in links)
    assert all(re.search(r"[?&]v=[0-9a-f]{8}\b", link) for link in links), links
    css = next(link for link in links if "site.css" in link)
    cached = client.get(css)
    assert cached.status_code == 200
    control = cached.cache_control
    assert control.public and control.immutable and control.max_age == ONE_YEAR
    cached.close()


def test_a_stale_or_missing_fingerprint_is_not_kept(client):
    for url in ("/static/css/site.css", "/static/css/site.css?v=00000000"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cache_control.immutable
        assert response.cache_control.max_age is None
        response.close()


def test_css_and_javascript_are_compressed_too(client):
    page = client.get("/").get_data(as_text=True)
    script = next(link for link in _static_links(page) if link.split("?")[0].endswith(".js"))
    response = client.get(script, headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "br"
    assert b"function" in brotli.decompress(response.get_data())
    response.close()


def test_a_static_link_asks_the_file_system_where_its_file_is_once(client, monkeypatch):
    """Resolving a path walks every folder on the way; a page with a hundred easy-read
    pictures paid for that on every request (issue 20)."""
    client.get("/")
    resolved = []
    original = Path.resolve
    monkeypatch.setattr(
        Path, "resolve", lambda self, *a: resolved.append(self) or original(self, *a)
    )
    links = _static_links(client.get("/").get_data(as_text=True))
    assert links and all(re.search(r"[?&]v=[0-9a-f]{8}\b", link) for link in links), links
    assert resolved == []
