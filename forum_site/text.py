"""Writers' text: a small Markdown subset rendered to safe HTML.

Markdown is parsed with raw HTML turned off, then the HTML is cleaned with nh3
(the Rust ammonia sanitiser) so only our short list of tags and attributes survive,
whatever was pasted in (Word HTML, script tags, odd Unicode)."""

from __future__ import annotations

import unicodedata

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "a", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
    ["image", "code", "fence", "hr"]
)


def clean_text(text: str) -> str:
    """Normalise what people type or paste: NFC, no control characters, Unix newlines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def strip_bidi_controls(text: str) -> str:
    """Names and titles lose right-to-left embeddings, overrides and isolates (U+202A-E,
    U+2066-9): they can make a title read backwards in HTML, CSV and PDF. Arabic or
    Urdu text needs none of them."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def render_markdown(text: str) -> Markup:
    """Markdown subset -> sanitised HTML. Headings start at h2 (the page owns the h1)."""
    html = _markdown.render(clean_text(text))
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
