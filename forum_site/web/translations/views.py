"""How finished each translation is, and the pages where fluent speakers check them."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.services import translations
from forum_site.services.errors import DomainError
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.translations.blueprint import bp
from forum_site.web.translations.forms import MarkCheckedForm, ReviewerForm

SHOW_CHOICES = ("all", "drafts", "untranslated", "checked", "problems")


def _folder() -> Path:
    return Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"])


def _languages() -> dict[str, str]:
    return current_app.config["LANGUAGES"]


@bp.route("/translations", methods=["GET", "POST"])
def index():
    form = ReviewerForm()
    form.language.choices = [
        SelectChoice(code, name) for code, name in _languages().items() if code != "en"
    ]
    if viewer().is_admin and form.validate_on_submit():
        try:
            person = translations.grant_reviewer(
                db.session, viewer(), form.email.data, form.language.data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("%(name)s can now check this language.", name=person.display_name), "success")
            return redirect(url_for(".index"), code=303)
    return render(
        "translations/index.html",
        figures=translations.figures(db.session, _folder(), _languages()),
        reviewers=translations.reviewers(db.session),
        form=form,
    ), 400 if form.errors else 200


@bp.get("/translations/<language>")
def review(language: str):
    if language not in _languages() or language == "en":
        abort(404)
    show = request.args.get("show", "drafts")
    show = show if show in SHOW_CHOICES else "drafts"
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and len(page) < 6 else 1
    rows, total = translations.strings(db.session, _folder(), language, show=show, page=page)
    return render(
        "translations/review.html",
        language=language,
        language_name=_languages()[language],
        rows=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // translations.PAGE_SIZE)),
        show=show,
        show_choices=SHOW_CHOICES,
        can_review=translations.can_review(db.session, viewer(), language),
        form=MarkCheckedForm(),
    )


@bp.post("/translations/<language>")
def mark_checked(language: str):
    if language not in _languages() or language == "en":
        abort(404)
    form = MarkCheckedForm()
    if not form.validate_on_submit():
        abort(400)
    keys = [key for key in request.form.getlist("checked") if len(key) == 64][:500]
    added = translations.mark_checked(db.session, viewer(), _folder(), language, keys)
    commit()
    flash(
        _("You marked %(count)d translations as checked.", count=added)
        if added
        else _("Nothing new was marked as checked. Tick the strings you checked first."),
        "success" if added else "error",
    )
    return redirect(url_for(".review", language=language, show=request.form.get("show")), 303)
