"""The locked-down renderer, the cache and the page furniture, with real WeasyPrint."""

from __future__ import annotations

import io

import pdfplumber
import pypdf
import pytest

from forum_site.pdf.cache import PdfCache, cache_key
from forum_site.pdf.coverage import unprintable
from forum_site.pdf.documents import css_string
from forum_site.pdf.render import BASE_URL, RefusedURL, StaticFilesOnly, render_pdf, renders

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/css/print-base.css">
<link rel="stylesheet" href="/static/css/print-standard.css">
<style>@page {{ size: A4; @bottom-center {{ content: "Page " counter(page) " of " counter(pages); }} }}</style>
</head><body><h1>{title}</h1>{body}</body></html>"""


def page(body: str, title: str = "Test page", lang: str = "en") -> str:
    return PAGE.format(body=body, title=title, lang=lang)


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(p.extract_text() or "" for p in document.pages)


def font_names(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for p in reader.pages:
        for font in (p["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, "font not embedded"
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/style.css",
        "https://evil.example/static/css/print-base.css",
        BASE_URL + "static/../../config/settings.py",
        BASE_URL + "static/%2e%2e/%2e%2e/pyproject.toml",
        BASE_URL + "instance/secret_key",
        "data:text/html,<b>x</b>",
    ],
)
def test_the_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(RefusedURL):
        StaticFilesOnly().fetch(url)


def test_the_fetcher_serves_our_stylesheets_and_fonts():
    css = StaticFilesOnly().fetch(BASE_URL + "static/css/print-base.css")
    assert b"@font-face" in css.read()
    assert css.content_type == "text/css"
    font = StaticFilesOnly().fetch(
        BASE_URL + "static/fonts/noto-naskh-arabic-arabic-400-normal.woff2"
    )
    assert font.read(4) == b"wOF2"


def test_a_page_that_asks_for_outside_files_still_prints_without_them():
    body = (
        '<img src="file:///etc/passwd" alt="A picture we may not load">'
        '<img src="http://127.0.0.1:9/tracker.png" alt="Tracker">'
        '<link rel="stylesheet" href="file:///etc/hostname"><p>Still here.</p>'
    )
    pdf = render_pdf(page(body))
    text = text_of(pdf)
    assert "Still here." in text
    assert "root:" not in text


def test_pdf_is_tagged_titled_in_the_right_language_and_embeds_atkinson():
    pdf = render_pdf(page("<p>Plain words for everyone.</p>", title="Our test title", lang="cy"))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Our test title"
    assert root["/Lang"] == "cy"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    assert {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold"} <= font_names(pdf)
    assert "Page 1 of 1" in text_of(pdf)


def test_arabic_prints_with_the_bundled_arabic_font_right_to_left():
    pdf = render_pdf(page('<p dir="rtl" lang="ar">مرحبا بكم في المنتدى</p>', lang="ar"))
    assert "Noto-Naskh-Arabic" in font_names(pdf)
    arabic = [ch for ch in text_of(pdf) if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff"]
    assert len(arabic) >= 10


def test_page_numbers_count_every_page():
    pdf = render_pdf(page("".join(f"<p>Line number {n} of a long page.</p>" for n in range(200))))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages >= 3
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert f"Page 2 of {pages}" in document.pages[1].extract_text()


def test_characters_no_font_can_draw_are_found():
    assert unprintable("<p>Hello, مرحبا, Zoë</p>") == set()
    assert unprintable('<p title="𓀀">Egyptian: 𓀀</p>') == {"𓀀"}


def test_css_strings_cannot_break_out_of_the_stylesheet():
    quoted = css_string('Page "x" </style><script>')
    inside = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not set(inside) & set('"<>')
    assert css_string("Tudalen") == '"Tudalen"'


def test_cache_keys_change_with_content_version_and_page_size():
    base = cache_key("<p>a</p>", "standard", "A4")
    assert base == cache_key("<p>a</p>", "standard", "A4")
    assert len({base, cache_key("<p>b</p>", "standard", "A4"),
                cache_key("<p>a</p>", "large-print", "A4"),
                cache_key("<p>a</p>", "standard", "Letter")}) == 4  # fmt: skip


def test_cache_stores_and_finds_files_and_refuses_odd_keys(tmp_path):
    cache = PdfCache(tmp_path)
    key = cache_key("<p>a</p>", "standard", "A4")
    assert cache.get(key) is None
    cache.put(key, b"%PDF-1.7 test")
    assert cache.get(key).read_bytes() == b"%PDF-1.7 test"
    assert not list(tmp_path.rglob("*.part"))
    with pytest.raises(ValueError):
        cache.path_for("../../etc/passwd")


def test_render_counter_counts_renders():
    before = renders.count
    render_pdf(page("<p>One more.</p>"))
    assert renders.count == before + 1


def test_cache_forgets_pdfs_nobody_used_for_a_month(tmp_path):
    import os
    import time

    cache = PdfCache(tmp_path)
    old_key, used_key, new_key = (cache_key(f"<p>{n}</p>", "standard", "A4") for n in range(3))
    for key in (old_key, used_key):
        path = cache.put(key, b"%PDF old")
        month_ago = time.time() - 40 * 86400
        os.utime(path, (month_ago, month_ago))
    assert cache.get(used_key) is not None  # a download counts as use
    cache.tidy(cache.path_for(old_key).parent)
    cache.tidy(cache.path_for(used_key).parent)
    cache.put(new_key, b"%PDF new")
    assert cache.get(old_key) is None
    assert cache.get(used_key) is not None
    assert cache.get(new_key) is not None
