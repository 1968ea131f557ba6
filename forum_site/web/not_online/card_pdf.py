"""Sign-in cards as PDF: one card the size of a bank card, or A4 sheets of 8 to cut out.

A card shows the person's name, the forum, a QR code that opens the card sign-in page
with the code filled in, and the code in two groups of four. Never the PIN."""

from __future__ import annotations

import segno
from flask import make_response, render_template, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from forum_site.pdf.render import render_pdf
from forum_site.web.responses import site_url

CARDS_PER_SHEET = 8


def sign_in_address(code: str) -> str:
    return site_url() + url_for("not_online.card_sign_in", code=code)


def qr_svg(address: str) -> Markup:
    svg = segno.make(address, error="m").svg_inline(scale=3, dark="#0b0c0c", border=2)
    label = Markup.escape(_("QR code: scan it to sign in with this card"))
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def _shown(card) -> dict:
    address = sign_in_address(card.code)
    return {
        "name": card.user.display_name,
        "code": card.display_code,
        "qr": qr_svg(address),
        "address": site_url() + url_for("not_online.card_sign_in"),
    }


def card_html(cards, forum, *, sheet: bool) -> str:
    shown = [_shown(card) for card in cards]
    pages = [shown[i : i + CARDS_PER_SHEET] for i in range(0, len(shown), CARDS_PER_SHEET)]
    return render_template(
        "not_online/pdf/cards.html", pages=pages, forum=forum, sheet=sheet, lang="en"
    )


def send(cards, forum, *, sheet: bool):
    pdf = render_pdf(card_html(cards, forum, sheet=sheet))
    response = make_response(pdf)
    response.mimetype = "application/pdf"
    name = "sign-in-cards" if sheet else f"sign-in-card-{cards[0].user_id}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
