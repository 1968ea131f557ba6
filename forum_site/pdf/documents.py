"""What a printable document is, its three versions, and the final HTML we print.

A builder (meeting pack, briefing, budget...) gathers the data once into a
``PrintDocument``. The standard and large-print versions share one template and differ
only in their stylesheet; the easy-read version comes from the easy-read renderer.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import current_app, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from forum_site.extensions import db
from forum_site.pdf.coverage import replace_unprintable, unprintable
from forum_site.pdf.easy_read import easy_read_html
from forum_site.pdf.formatting import template_helpers
from forum_site.services import translations


class Version(enum.StrEnum):
    STANDARD = "standard"
    LARGE_PRINT = "large-print"
    EASY_READ = "easy-read"

    @property
    def is_easy_read(self) -> bool:
        return self is Version.EASY_READ

    @property
    def label(self) -> str:
        return str(VERSION_LABELS[self])

    @property
    def smallest_font_pt(self) -> float:
        """The smallest text anywhere in this version, page numbers included."""
        return SMALLEST_FONT_PT[self]


VERSION_LABELS = {
    Version.STANDARD: _l("Standard print"),
    Version.LARGE_PRINT: _l("Large print"),
    Version.EASY_READ: _l("Easy read"),
}
SMALLEST_FONT_PT = {Version.STANDARD: 10.0, Version.LARGE_PRINT: 18.0, Version.EASY_READ: 16.0}
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}


@dataclass
class PrintDocument:
    """One document ready to print in any version.

    ``easy_read`` builds the easy-read model only when that version is asked for, so the
    simplifier never runs for a standard download. ``reference`` is printed on each page.
    """

    kind: str
    title: str
    template: str
    context: dict = field(default_factory=dict)
    easy_read: Callable[[], object] | None = None
    reference: str = ""
    filename: str = "document"
    easy_read_template: str | None = None
    contact: Contact | None = None  # "Who to contact" at the end of every version


@dataclass(frozen=True)
class Contact:
    """Who to contact about a document, and how (issue 14: every PDF ends with this)."""

    name: str
    forum: str
    web: str
    phone: str = ""
    email: str = ""
    address: str = ""


def contact_for(session, forum) -> Contact:
    """The forum's convenor by name, the forum's page, and how to reach the forum: its own
    phone, email and address (its convenors set them), or else the office's from the
    settings (CONTACT_PHONE, CONTACT_EMAIL, CONTACT_ADDRESS)."""
    from flask import url_for

    from forum_site.services.forums import convenors

    people = convenors(session, forum)
    config = current_app.config
    return Contact(
        name=people[0].display_name if people else "",
        forum=forum.name,
        web=config["SITE_URL"].rstrip("/") + url_for("forums.show", slug=forum.slug),
        phone=forum.contact_phone or config.get("CONTACT_PHONE") or "",
        email=forum.contact_email or config.get("CONTACT_EMAIL") or "",
        address=forum.contact_address or config.get("CONTACT_ADDRESS") or "",
    )


def page_size() -> str:
    configured = str(current_app.config.get("PDF_PAGE_SIZE") or "A4").strip().lower()
    return PAGE_SIZES.get(configured, "A4")


def final_html(document: PrintDocument, version: Version) -> str:
    """Exactly what WeasyPrint will see: the cache key is a hash of this.

    Characters no font here can draw are printed as "?" with a note on the first page."""
    context = _context(document, version)
    html = svg_titles(_render(document, version, context))
    missing = unprintable(html)
    if missing:
        html = replace_unprintable(
            _render(document, version, {**context, "unprintable": True}), missing
        )
    return html


def _context(document: PrintDocument, version: Version) -> dict:
    locale = str(get_locale() or "en")
    return {
        **document.context,
        "document": document,
        "version": version,
        "page_size": page_size(),
        "lang": locale.replace("_", "-"),
        "draft_translation": translations.is_draft(db.session, current_app.config, locale),
        "draft_notice": translations.DRAFT_NOTICE,
        "text_direction": _direction(locale),
        "footer_content": Markup(footer_content()),
        **template_helpers(),
    }


def _render(document: PrintDocument, version: Version, context: dict) -> str:
    if version is Version.EASY_READ and document.easy_read_template:
        return render_template(document.easy_read_template, **context)
    if version is Version.EASY_READ:
        context = {**context, "easy_read_body": easy_read_html(document)}
        return render_template("pdf/easy_read.html", **context)
    return render_template(document.template, **context)


_LABELLED_SVG = re.compile(r'(<svg\b[^>]*?\saria-label="([^"]*)"[^>]*>)(?!\s*<title>)')


def svg_titles(html: str) -> str:
    """Give each labelled picture a <title>: WeasyPrint makes it the tagged figure's /Alt."""
    return _LABELLED_SVG.sub(lambda m: f"{m[1]}<title>{m[2]}</title>", html)


def _direction(locale: str) -> str:
    rtl = current_app.config.get("RTL_LANGUAGES", ())
    return "rtl" if locale.split("_")[0] in rtl else "ltr"


def footer_content() -> str:
    """CSS ``content`` for "Page 2 of 8" in the reader's language, from one translatable string."""
    words = _("Page %(page)s of %(pages)s", page="\0page\0", pages="\0pages\0")
    parts = []
    for index, piece in enumerate(words.split("\0")):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def css_string(text: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped; no markup possible."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:-" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'
