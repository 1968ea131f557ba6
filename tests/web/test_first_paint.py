"""What a page asks for before its first paint (issue 20, bench/lighthouse.sh): the fonts
with the page, htmx only where a page uses it, every address fingerprinted."""

from __future__ import annotations

import re

from forum_site.web.caching import ONE_YEAR

HTMX = re.compile(r'<script src="/static/js/htmx\.min\.js\?v=[0-9a-f]{8}" defer>')


def _preloaded_fonts(html: str) -> list[str]:
    return re.findall(
        r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', html
    )


def test_the_page_asks_for_its_fonts_at_the_addresses_its_stylesheet_uses(client):
    page = client.get("/").get_data(as_text=True)
    fonts = _preloaded_fonts(page)
    assert len(fonts) == 2, fonts  # regular and bold: the faces nearly every word is in
    css_link = re.search(r'<link rel="stylesheet" href="(/static/css/site\.css[^"]*)"', page)
    assert page.index(fonts[0]) < css_link.start()  # asked for before the stylesheet
    css = client.get(css_link.group(1)).get_data(as_text=True)
    in_css = {"/static/" + u.removeprefix("../") for u in re.findall(r'url\("([^"]+)"\)', css)}
    assert set(fonts) <= in_css  # one download each, not a preload and then another
    for font in fonts:
        response = client.get(font)
        assert response.status_code == 200
        assert response.cache_control.immutable and response.cache_control.max_age == ONE_YEAR
        response.close()


def test_fonts_still_swap_in_so_text_never_waits_for_them(client):
    css = client.get("/static/css/site.css").get_data(as_text=True)
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert faces and all("font-display: swap" in face for face in faces)


def test_a_stylesheet_gets_a_new_address_when_a_font_in_it_changes(app, tmp_path, monkeypatch):
    from forum_site.web import caching

    (tmp_path / "fonts").mkdir()
    (tmp_path / "css").mkdir()
    font = tmp_path / "fonts" / "a.woff2"
    font.write_bytes(b"one")
    sheet = tmp_path / "css" / "a.css"
    sheet.write_text('@font-face { src: url("../fonts/a.woff2") format("woff2"); }')
    before = caching.fingerprint(sheet)
    assert f'url("../fonts/a.woff2?v={caching.fingerprint(font)}")' in caching.stylesheet(sheet)
    font.write_bytes(b"two, longer")
    monkeypatch.setattr(caching, "_known", {})  # as after a deploy
    assert caching.fingerprint(sheet) != before


def test_a_stylesheet_answers_a_conditional_request(client):
    first = client.get("/static/css/site.css")
    again = client.get("/static/css/site.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_htmx_comes_only_with_a_page_that_uses_it(client, db):
    home = client.get("/").get_data(as_text=True)
    assert "hx-" not in home and not HTMX.search(home)
    glossary = client.get("/glossary").get_data(as_text=True)
    assert "data-hx-get" in glossary and HTMX.search(glossary)
    assert 'src="/static/js/site.js' in home  # the rest of the enhancements, on every page
