"""Briefing pages: a forum's list, writing with the checker beside the text, reading.

Writers get the checker as they type (htmx posts the textarea to /briefings/check and
swaps in the findings) and the same findings without JavaScript from the "Check my
writing" button, which re-renders the whole page with everything typed kept."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db, limiter
from forum_site.models import Briefing
from forum_site.services import briefings, easy_read, forums, glossary, visibility
from forum_site.services.briefings import signals as briefings_signals
from forum_site.services.briefings import words as briefings_words
from forum_site.services.briefings.reading import reading_view
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.text import render_markdown
from forum_site.web import pagination
from forum_site.web.briefings import editor
from forum_site.web.briefings import panels as _panels  # noqa: F401  (registers panels)
from forum_site.web.briefings.forms import (
    CheckForm,
    GlossaryWordForm,
    KeepWordForm,
    PublishForm,
    UnclearForm,
)
from forum_site.web.easy_read import kinds
from forum_site.web.forums.panels import sections_for
from forum_site.web.panels import briefing_panels
from forum_site.web.responses import commit, render, show_error, site_url, viewer
from forum_site.web.security import token_or_own_page
from forum_site.web.translations.reading import reader_translation, translate_url

bp = Blueprint("briefings", __name__)


# ------------------------------------------------------------------ lists


@bp.get("/forums/<slug>/briefings")
def forum_briefings(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    listing = briefings.forum_briefings_page(db.session, viewer(), forum, pagination.cursor())
    return render(
        "briefings/forum_briefings.html",
        block="briefings_page" if pagination.wants_more() else None,
        forum=forum,
        briefings=listing,
        version_counts=briefings.version_counts(db.session, listing.items),
        can_write=briefings.can_write_for(viewer(), forum),
        sections=sections_for(forum),
    )


# ------------------------------------------------------------------ writing


@bp.route("/forums/<slug>/briefings/new", methods=["GET", "POST"])
@login_required
def new(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not briefings.can_write_for(viewer(), forum):
        return _not_a_commissioner(forum)
    form = editor.briefing_form(forum_ids=[forum.id])
    if request.method == "POST" and request.form.get("action") != "check":
        if form.validate_on_submit():
            try:
                text, notes = briefings.tidy(editor.text_from(form))
                briefing = briefings.create_draft(db.session, viewer(), text)
            except DomainError as error:
                show_error(form, error)
            else:
                commit()
                _flash_notes(notes)
                flash(
                    _("Your draft is saved. Only you and other commissioners can see it."),
                    "success",
                )
                return redirect(url_for(".edit", briefing_id=briefing.id), code=303)
    elif request.method == "POST":
        form.validate_on_submit()
    return editor.page(form, forum=forum, briefing=None, status=_status(form))


@bp.route("/briefings/<int:briefing_id>/edit", methods=["GET", "POST"])
@login_required
def edit(briefing_id: int):
    briefing = _editable(briefing_id)
    form = editor.briefing_form(obj=briefing)
    if request.method == "POST" and request.form.get("action") != "check":
        if form.validate_on_submit():
            try:
                text, notes = briefings.tidy(editor.text_from(form))
                briefings.save_changes(db.session, viewer(), briefing, text)
                _tell_easy_read_checker(briefing)
            except DomainError as error:
                show_error(form, error)
            else:
                commit()
                _flash_notes(notes)
                flash(_("Your changes are saved."), "success")
                return redirect(url_for(".edit", briefing_id=briefing.id), code=303)
    elif request.method == "POST":
        form.validate_on_submit()
    return editor.page(form, forum=None, briefing=briefing, status=_status(form))


@bp.post("/briefings/check")
@login_required
def check():
    """The checker on its own: a fragment for htmx, or a whole page without JavaScript."""
    form = CheckForm()
    form.validate_on_submit()
    briefing = editor.briefing_for_check(form.briefing_id.data)
    context = editor.checker_context(form.body.data or "", briefing)
    return render("briefings/check.html", block="checker", form=form, **context)


@bp.get("/briefings/check")
@login_required
def check_page():
    return render("briefings/check.html", form=CheckForm(), **editor.checker_context("", None))


@bp.post("/briefings/<int:briefing_id>/publish")
@login_required
def publish(briefing_id: int):
    briefing = _editable(briefing_id)
    PublishForm().validate_on_submit() or _csrf_failed()
    try:
        briefings.publish(db.session, viewer(), briefing, site_url=site_url())
    except DomainError as error:
        form = editor.briefing_form(obj=briefing)
        show_error(form, error)
        return editor.page(form, forum=None, briefing=briefing, status=400)
    commit()
    flash(_("Your briefing is published. Forum members can read it now."), "success")
    return redirect(url_for(".show", briefing_id=briefing.id), code=303)


@bp.post("/briefings/<int:briefing_id>/words/keep")
@login_required
def keep_word(briefing_id: int):
    briefing = _editable(briefing_id)
    word_form = KeepWordForm()
    if word_form.validate_on_submit():
        try:
            briefings_words.keep_word(
                db.session,
                viewer(),
                briefing,
                word=word_form.word.data,
                reason=word_form.reason.data,
            )
        except DomainError as error:
            show_error(word_form, error)
        else:
            commit()
            flash(
                _("You are keeping “%(word)s”. Your reason is saved.", word=word_form.word.data),
                "success",
            )
            return redirect(url_for(".edit", briefing_id=briefing.id) + "#hard-words", code=303)
    return editor.word_form_failed(briefing, word_form)


@bp.post("/briefings/<int:briefing_id>/words/glossary")
@login_required
def glossary_word(briefing_id: int):
    briefing = _editable(briefing_id)
    word_form = GlossaryWordForm()
    if word_form.validate_on_submit():
        try:
            briefings_words.explain_in_glossary(
                db.session,
                viewer(),
                briefing,
                word=word_form.word.data,
                plain=word_form.plain.data or "",
                easy=word_form.easy.data or "",
                acronym_for=word_form.acronym_for.data or "",
            )
        except DomainError as error:
            show_error(word_form, error)
        else:
            commit()
            flash(
                _("Readers will see the glossary meaning of “%(word)s”.", word=word_form.word.data),
                "success",
            )
            return redirect(url_for(".edit", briefing_id=briefing.id) + "#hard-words", code=303)
    return editor.word_form_failed(briefing, word_form)


# ------------------------------------------------------------------ reading


@bp.get("/briefings/<int:briefing_id>")
def show(briefing_id: int):
    briefing = briefings.get_briefing(db.session, viewer(), briefing_id)
    terms = glossary.terms(db.session)
    prefs = g.prefs
    translation = reader_translation("briefing", briefing)
    body = translation.get("body", briefing.body) if translation else briefing.body
    reading = reading_view(body, () if translation else terms)
    easy = _easy_read(briefing) if prefs.easy_read and not translation else None
    can_edit = briefings.can_edit(viewer(), briefing)
    return render(
        "briefings/show.html",
        translation=translation,
        translate_url=translate_url("briefing", briefing),
        easy_check_url=url_for("easy_read.check", kind="briefing", subject_id=briefing.id)
        if can_edit
        else None,
        briefing=briefing,
        reading=reading,
        easy=easy,
        updates=briefings.updates(briefing),
        shown_forums=visibility.shown_forums(viewer(), briefing.forums),
        shown_meetings=visibility.shown_meetings(viewer(), briefing.meetings),
        can_edit=can_edit,
        signals=briefings_signals.unclear_signals(db.session, viewer(), briefing)
        if can_edit
        else [],
        unclear_form=_unclear_form(reading.sections),
        panels=briefing_panels.render_for(briefing, viewer()),
    )


@bp.get("/briefings/<int:briefing_id>/versions")
def versions(briefing_id: int):
    briefing = briefings.get_briefing(db.session, viewer(), briefing_id)
    shown = [(v, render_markdown(v.body)) for v in reversed(briefing.versions)]
    return render("briefings/versions.html", briefing=briefing, versions=shown)


@bp.post("/briefings/<int:briefing_id>/unclear")
@limiter.limit("20 per hour", methods=["POST"])
@token_or_own_page
def unclear(briefing_id: int):
    briefing = briefings.get_briefing(db.session, viewer(), briefing_id)
    form = UnclearForm(meta={"csrf": False})  # checked already: token, or our own page
    if not form.validate_on_submit():
        flash(_("We could not save that. Please try again."), "error")
        return redirect(url_for(".show", briefing_id=briefing.id) + "#unclear", code=303)
    briefings_signals.say_unclear(
        db.session,
        viewer(),
        briefing,
        section=form.section.data or "",
        quoted=form.quoted.data or "",
        note=form.note.data or "",
        anonymous=form.anonymous.data or not viewer().signed_in,
    )
    commit()
    flash(_("Thank you. The writer will see which part was hard to understand."), "success")
    return redirect(url_for(".show", briefing_id=briefing.id), code=303)


# ------------------------------------------------------------------ helpers


def _easy_read(briefing: Briefing):
    """The easy-read version a person checked, or the one made automatically (ER-16)."""
    return easy_read.easy_read_document(
        db.session,
        "briefing",
        briefing.id,
        kinds.briefing_source_hash(briefing),
        kinds.build_briefing_document(db.session, briefing),
    )


def _tell_easy_read_checker(briefing: Briefing) -> None:
    """The words changed: a person who checked the easy read is told (DN-08)."""
    db.session.flush()
    easy_read.tell_checker(
        db.session,
        "briefing",
        briefing.id,
        kinds.briefing_source_hash(briefing),
        title=briefing.title,
        link=url_for("easy_read.check", kind="briefing", subject_id=briefing.id),
        site_url=site_url(),
    )


def _editable(briefing_id: int) -> Briefing:
    briefing = briefings.get_briefing(db.session, viewer(), briefing_id)
    if not briefings.can_edit(viewer(), briefing):
        raise NotAllowed(_("Only the writer or a commissioner of its forums can change this."))
    return briefing


def _unclear_form(sections: list[str]) -> UnclearForm:
    form = UnclearForm()
    form.section.choices = [("", _("The whole briefing"))] + [(s, s) for s in sections]
    return form


def _flash_notes(notes) -> None:
    for note in notes:
        flash(note, "info")


def _status(form) -> int:
    return 400 if any(f.errors for f in form) or form.form_errors else 200


def _not_a_commissioner(forum):
    return render(
        "errors/error.html",
        title=_("You cannot see this page"),
        advice=_(
            "Only commissioners who work with %(name)s can write briefings for it.", name=forum.name
        ),
        status=403,
    ), 403


def _csrf_failed():
    abort(400)
