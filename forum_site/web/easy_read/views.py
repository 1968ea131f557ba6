"""Easy-read pages and helpers: the renderer's CSS, template helpers every page uses,
and the page where a person checks and changes an easy-read version (ER-16)."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

import easyread
from easyread.model import Document, word_count
from easyread.render import inline, render_html
from easyread.text import sentences
from forum_site.extensions import db
from forum_site.services import easy_read
from forum_site.services.easy_read_facts import fact_headings
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.vocabulary.easy_read import renderer_labels
from forum_site.web.easy_read import kept, kinds, pickers
from forum_site.web.easy_read.forms import check_form, rows
from forum_site.web.easy_read.pictures import document_picture, picture_markup, section_picture
from forum_site.web.easy_read.steps import steps_for
from forum_site.web.formatting import long_date
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.translations.reading import reader_language

EASYREAD_STATIC = Path(easyread.__file__).parent / "static"

bp = Blueprint(
    "easy_read",
    __name__,
    static_folder=str(EASYREAD_STATIC),
    static_url_path="/static/easyread",
)


# ------------------------------------------------------------------ template helpers


def render_document(doc: Document, heading_level: int = 1) -> Markup:
    """An easyread Document as HTML, with pictures unless the reader hides them.

    "Checked by a person" shows the name and the date as words ("Wednesday 25 November
    2026", ER-06) rather than the stored ISO date."""
    if doc.checked_by_a_person and doc.checked_at:
        doc = copy.copy(doc)
        doc.checked_by = _("%(name)s on %(date)s", name=doc.checked_by, date=_date(doc))
        doc.checked_at = ""
    pictures, language = pictures_shown(), reader_language()
    return kept.html(
        doc,
        (heading_level, pictures, language),
        lambda: render_html(
            doc,
            pictures=pictures,
            heading_level=heading_level,
            labels=renderer_labels(),
            picture=document_picture,
            reader_language=language,
        ),
    )


def _date(doc: Document) -> str:
    try:
        return long_date(datetime.fromisoformat(doc.checked_at))
    except ValueError:
        return doc.checked_at[:10]


def pictures_shown() -> bool:
    prefs = getattr(g, "prefs", None)
    return not (prefs is not None and prefs.hide_pictures)


def easy_text(text: str | None) -> Markup:
    """Rows for text someone typed (a forum's description): short sentences, pictures,
    hard words explained from the glossary."""
    if not text or not text.strip():
        return Markup("")
    from easyread.simplify import simplify_text
    from forum_site.services import glossary

    if not hasattr(g, "_easy_read_terms"):
        g._easy_read_terms = glossary.terms(db.session)
    items = simplify_text(text, g._easy_read_terms)
    return Markup(render_template("easy_read/_items.html", items=items))


@bp.record_once
def _template_helpers(state) -> None:
    env = state.app.jinja_env
    env.globals.update(
        easy_picture=picture_markup,
        easy_pictures_shown=pictures_shown,
        easy_section_picture=section_picture,
        easy_render=render_document,
        easy_text=easy_text,
        easy_read_of=easy_read_of,
        easy_steps_for=steps_for,
    )
    env.filters["easy_inline"] = _easy_inline


def _easy_inline(text) -> Markup:
    """A sentence for a row: translated template strings arrive escaped already (Markup),
    so they are unescaped once before inline() escapes them, never twice ("&#39;")."""
    return inline(text.unescape() if isinstance(text, Markup) else str(text))


# ------------------------------------------------------------------ for area views


def easy_read_for(
    kind: str, subject_id: int, source_hash: str, build, text_hash: str | None = None
) -> easy_read.EasyRead:
    """The checked or automatic version, for an area's page (see services.easy_read).

    The automatic document is kept by ``source_hash``, which covers everything it is made
    from (it is what tells a checked version that it is out of date)."""
    language = reader_language()

    def kept_build() -> Document:
        return kept.document((kind, subject_id, source_hash), language, build)

    return easy_read.easy_read_document(
        db.session, kind, subject_id, source_hash, kept_build, text_hash
    )


def check_url(kind: str, subject_id: int) -> str:
    return url_for("easy_read.check", kind=kind, subject_id=subject_id)


def easy_read_block(
    kind: str,
    subject_id: int,
    source_hash: str,
    build,
    *,
    can_check: bool = False,
    heading_level: int = 2,
    text_hash: str | None = None,
    key_points=None,
) -> Markup:
    """An area's whole easy-read block in one call: the checked (or automatic) document,
    who checked it or that it was made automatically, whether it may be out of date,
    and the link to check it for the person allowed to. ``key_points(document)`` picks
    the rows that come first; the whole document then goes behind "More about this"."""
    result = easy_read_for(kind, subject_id, source_hash, build, text_hash)
    block = EasyReadMarkup(
        render_template(
            "easy_read/_document_block.html",
            result=result,
            check_url=check_url(kind, subject_id) if can_check else None,
            heading_level=heading_level,
            key_points=key_points(result.document) if key_points else None,
        )
    )
    block.waiting = result.waiting_for_a_person
    return block


class EasyReadMarkup(Markup):
    """An easy-read block; ``waiting`` is true when it is only the "a person is making
    it" notice and the page should show its standard text (DN-07)."""

    waiting = False


@dataclass(frozen=True)
class EasyReadView:
    """For a template: the version to show, and where its checker can change it."""

    result: easy_read.EasyRead
    check_url: str | None


def easy_read_of(kind: str, subject_id: int) -> EasyReadView | None:
    """The checked or automatic version of something registered in kinds.py, for use
    straight from a template: ``{% set er = easy_read_of("meeting_summary", meeting.id) %}``.
    None when the person may not see it (or there is nothing to show)."""
    try:
        subject = kinds.load(db.session, viewer(), kind, subject_id)
    except DomainError:
        return None
    result = easy_read_for(kind, subject_id, subject.source_hash, subject.build, subject.text_hash)
    return EasyReadView(result, check_url(kind, subject_id) if subject.can_check else None)


# ------------------------------------------------------------------ checking


def _subject_to_check(kind: str, subject_id: int) -> kinds.Subject:
    subject = kinds.load(db.session, viewer(), kind, subject_id)
    if not subject.can_check:
        raise NotAllowed(_("Only the writer or the forum's convenor can check this easy read."))
    return subject


@bp.route("/easy-read/<kind>/<int:subject_id>/check", methods=["GET", "POST"])
@login_required
def check(kind: str, subject_id: int):
    subject = _subject_to_check(kind, subject_id)
    document, stored = easy_read.draft_document(db.session, kind, subject_id, subject.build)
    fixed = fact_headings(kind)
    form = check_form(document, fixed)
    if request.method == "POST" and request.form.get("action") == "find":
        return _find_pictures(subject, document, stored, form, fixed)
    if form.validate_on_submit():
        try:
            easy_read.apply_edits(document, _edits(form, document, fixed))
            easy_read.save_version(
                db.session,
                kind=kind,
                subject_id=subject_id,
                source_hash=subject.source_hash,
                document=document,
                person=current_user,
                checked=request.form.get("action") == "checked",
                automatic=subject.build(),
                text_hash=subject.text_hash,
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            if request.form.get("action") == "checked":
                flash(_("Saved. The page now says a person checked this easy read."), "success")
            else:
                flash(_("Your changes are saved. Nobody has marked it as checked yet."), "success")
            return redirect(url_for(".check", kind=kind, subject_id=subject_id), code=303)
    return _check_page(subject, document, stored, form, fixed), 400 if form.errors else 200


def _check_page(subject, document: Document, stored, form, fixed, searched: str | None = None):
    return render(
        "easy_read/check.html",
        subject=subject,
        document=document,
        stored=stored,
        out_of_date=stored is not None and stored.source_hash != subject.source_hash,
        form=form,
        rows=rows(document, fixed),
        fixed=fixed,
        long_rows=_rows_with_long_sentences(document, fixed),
        pickers=pickers.for_rows(form, rows(document, fixed)),
        searched=searched,
    )


def _find_pictures(subject, document: Document, stored, form, fixed):
    """ "Find pictures": nothing is saved; the page comes back with what was typed and each
    row's search done. htmx (typing in one row's search) gets that row's results only."""
    form.validate()
    found = pickers.for_rows(form, rows(document, fixed))
    row = pickers.row_of(request.headers.get("HX-Trigger", ""))
    if request.htmx and row in found:
        picker = found[row]
        if picker.chosen and picker.chosen.id != request.form.get(f"{row}_shown"):
            picker = dataclasses.replace(picker, kept=picker.chosen)
        return render_template("easy_read/_picture_found.html", picker=picker)
    searched = next((key for key, picker in found.items() if picker.search), None)
    return _check_page(subject, document, stored, form, fixed, searched)


def _rows_with_long_sentences(document: Document, fixed) -> set[tuple[int, int]]:
    """Rows with a sentence over 15 words (ER-01), so the person checking looks there first."""
    return {
        (s, i)
        for s, i, item in rows(document, fixed)
        if any(
            word_count(sentence.text) > 15
            for line in easy_read.editable_text(item)
            for sentence in sentences(line)  # a box's explanation holds two sentences
        )
    }


def _edits(form, document: Document, fixed) -> list[easy_read.PointEdit]:
    return [
        easy_read.PointEdit(
            section=s,
            item=i,
            sentences=(form[f"s{s}_{i}_text"].data or "").splitlines(),
            picture=form[f"s{s}_{i}_pic"].data or None,
        )
        for s, i, _item in rows(document, fixed)
    ]


@bp.post("/easy-read/<kind>/<int:subject_id>/start-again")
@login_required
def start_again(kind: str, subject_id: int):
    """Throw the edits away and make the easy read again from the page's text."""
    _subject_to_check(kind, subject_id)
    from flask_wtf import FlaskForm

    if not FlaskForm().validate_on_submit():
        flash(_("That did not work. Please try again."), "error")
    else:
        easy_read.rebuild(db.session, kind, subject_id)
        commit()
        flash(_("The easy read is made again from the page. Check it before you mark it."), "info")
    return redirect(url_for(".check", kind=kind, subject_id=subject_id), code=303)
