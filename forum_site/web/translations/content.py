"""Side-by-side editor where a writer or a language's checker translates a briefing or
a meeting's purpose and summary. Readers in that language then see the translation."""

from __future__ import annotations

from functools import cache

from flask import abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required
from wtforms import TextAreaField

from forum_site.extensions import db
from forum_site.services import content_translations
from forum_site.services.errors import DomainError
from forum_site.web.i18n import text_direction
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.translations.blueprint import bp
from forum_site.web.validation import SiteForm

# Where each kind is read (the page a translation is shown on).
READ_PAGES = {
    "briefing": lambda subject: url_for("briefings.show", briefing_id=subject.id),
    "meeting": lambda subject: url_for("meetings.show", meeting_id=subject.id),
    "glossary": lambda subject: url_for("glossary.term", slug=subject.slug),
}


@cache
def _form_class(kind_name: str) -> type[SiteForm]:
    kind = content_translations.kind(kind_name)
    fields = {name: TextAreaField(label) for name, label in kind.labels.items()}
    return type(f"{kind_name.title()}TranslationForm", (SiteForm,), fields)


def _subject(kind_name: str, subject_id: int):
    kind = content_translations.kind(kind_name)
    return kind, kind.load(db.session, viewer(), subject_id)


def _languages() -> dict[str, str]:
    return {k: v for k, v in current_app.config["LANGUAGES"].items() if k != "en"}


def read_url(kind_name: str, subject) -> str:
    return READ_PAGES[kind_name](subject)


def _title(english: dict[str, str], subject) -> str:
    return english.get("title") or getattr(subject, "title", "") or getattr(subject, "term", "")


@bp.get("/translate/<kind_name>/<int:subject_id>")
@login_required
def choose_language(kind_name: str, subject_id: int):
    kind, subject = _subject(kind_name, subject_id)
    rows = [
        (code, name, content_translations.latest(db.session, kind_name, subject, code))
        for code, name in _languages().items()
        if content_translations.can_translate(db.session, viewer(), kind_name, subject, code)
    ]
    if not rows:
        abort(403)
    return render(
        "translations/choose.html",
        kind_name=kind_name,
        subject=subject,
        title=_title(kind.english(subject), subject),
        rows=rows,
        back=read_url(kind_name, subject),
    )


@bp.route("/translate/<kind_name>/<int:subject_id>/<language>", methods=["GET", "POST"])
@login_required
def translate(kind_name: str, subject_id: int, language: str):
    if language not in _languages():
        abort(404)
    kind, subject = _subject(kind_name, subject_id)
    if not content_translations.can_translate(db.session, viewer(), kind_name, subject, language):
        abort(403)
    english = kind.english(subject)
    current = content_translations.latest(db.session, kind_name, subject, language)
    form = _form_class(kind_name)(data=current.fields if current else None)
    if form.validate_on_submit():
        words = {name: form[name].data or "" for name in english}
        try:
            content_translations.save(
                db.session, viewer(), kind_name, subject, language, words, _languages()
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The translation is saved. Readers in this language see it now."), "success")
            return redirect(read_url(kind_name, subject), code=303)
    return render(
        "translations/translate.html",
        form=form,
        kind_name=kind_name,
        subject=subject,
        english=english,
        current=current,
        language=language,
        language_name=_languages()[language],
        language_dir=text_direction(language),
        title=_title(english, subject),
        back=read_url(kind_name, subject),
    ), 400 if form.errors else 200
