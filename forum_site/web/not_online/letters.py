"""The convenor's letters to print: how many are waiting, one PDF of them, and marking
them handed out, posted or read out by phone."""

from __future__ import annotations

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import login_required
from markupsafe import Markup

from forum_site.extensions import db
from forum_site.models.base import as_utc
from forum_site.pdf.render import render_pdf
from forum_site.services import forums
from forum_site.services.errors import DomainError
from forum_site.services.not_online import letters, supported
from forum_site.web.not_online.blueprint import bp
from forum_site.web.not_online.forms import REACH_BY, LettersSentForm
from forum_site.web.responses import commit, render, viewer
from forum_site.web.validation import id_or_none


def _forum(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    supported.require_convenor(viewer(), forum)
    return forum


@bp.get("/forums/<slug>/letters")
@login_required
def letters_page(slug: str):
    forum = _forum(slug)
    return render(
        "not_online/letters.html",
        forum=forum,
        waiting=letters.waiting_letters(db.session, viewer(), forum),
        sent=letters.recent_sent(db.session, viewer(), forum),
        reach_by=REACH_BY,
        form=LettersSentForm(),
    )


@bp.get("/forums/<slug>/letters.pdf")
@login_required
def letters_pdf(slug: str):
    forum = _forum(slug)
    waiting = letters.waiting_letters(db.session, viewer(), forum)
    if not waiting:
        flash(_("There are no letters to print."))
        return redirect(url_for(".letters_page", slug=slug), code=303)
    response = make_response(render_pdf(letters_html(forum, waiting)))
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = 'attachment; filename="letters.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def letters_html(forum, waiting) -> str:
    addresses = letters.addresses(db.session, waiting)
    pages = [_letter_page(forum, letter, addresses.get(letter.user_id, "")) for letter in waiting]
    return render_template(
        "not_online/pdf/letters.html", pages=pages, forum=forum, count=len(waiting)
    )


def _letter_page(forum, letter, address: str) -> Markup:
    """Each letter in the person's own language and reading mode."""
    with force_locale(letter.language or "en"):
        return Markup(
            render_template(
                "not_online/pdf/_letter.html",
                letter=letter,
                forum=forum,
                address_lines=[line for line in address.splitlines() if line.strip()],
                written=as_utc(letter.created_at),
                paragraphs=_paragraphs(letter),
            )
        )


def _paragraphs(letter) -> list[str]:
    text = letter.easy_read_body if letter.easy_read and letter.easy_read_body else letter.body
    splitter = "\n" if letter.easy_read and letter.easy_read_body else "\n\n"
    return [part.strip() for part in text.split(splitter) if part.strip()]


@bp.post("/forums/<slug>/letters/sent")
@login_required
def letters_sent(slug: str):
    forum = _forum(slug)
    ids = [i for i in map(id_or_none, request.form.getlist("letters")) if i is not None]
    try:
        count = letters.mark_sent(db.session, viewer(), forum, ids)
    except DomainError as error:
        flash(error.message, "error")
    else:
        commit()
        flash(_("%(count)s letters are marked as gone out.", count=count), "success")
    return redirect(url_for(".letters_page", slug=slug), code=303)
