"""The glossary (A to Z, search, one page per word, admin editing) and the checker's rules.

Search is a plain GET form, so it works without JavaScript and results can be linked."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from easyread.render import lines
from easyread.rules import RULES
from forum_site.extensions import db
from forum_site.services import glossary
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.web import pagination
from forum_site.web.glossary.forms import EntryForm
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.translations.reading import reader_translation, translate_url

bp = Blueprint("glossary", __name__)


@bp.get("/glossary")
def index():
    query = (request.args.get("q") or "").strip()[:100]
    entries = glossary.all_entries(db.session)
    return render(
        "glossary/index.html",
        block="results" if query else None,
        query=query,
        results=glossary.search_page(db.session, query, pagination.cursor()) if query else None,
        letters=glossary.by_letter(entries),
        total=len(entries),
    )


@bp.get("/glossary/<slug>")
def term(slug: str):
    entry = glossary.get_entry(db.session, slug)
    translation = reader_translation("glossary", entry)
    words = {
        "plain": translation.get("plain", entry.plain) if translation else entry.plain,
        "easy": translation.get("easy", entry.easy) if translation else entry.easy,
    }
    return render(
        "glossary/term.html",
        entry=entry,
        words=words,
        easy_lines=lines(words["easy"] or ""),
        translation=translation,
        translate_url=translate_url("glossary", entry),
    )


@bp.route("/glossary/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str):
    _require_admin()
    entry = glossary.get_entry(db.session, slug)
    form = EntryForm(obj=entry)
    if request.method == "GET":
        form.other_forms.data = ", ".join(entry.aliases or [])
    if form.validate_on_submit():
        try:
            glossary.edit_entry(
                db.session,
                viewer(),
                entry,
                plain=form.plain.data,
                easy=form.easy.data or "",
                plain_alternative=form.plain_alternative.data or "",
                acronym_for=form.acronym_for.data or "",
                aliases=_other_forms(form, entry),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The glossary entry is saved."), "success")
            return redirect(url_for(".term", slug=entry.slug), code=303)
    return render("glossary/edit.html", form=form, entry=entry), 400 if form.errors else 200


@bp.route("/glossary/new", methods=["GET", "POST"])
@login_required
def new():
    _require_admin()
    form = EntryForm()
    if form.validate_on_submit():
        try:
            entry = glossary.add_entry(
                db.session,
                viewer(),
                term=form.term.data,
                plain=form.plain.data,
                easy=form.easy.data or "",
                acronym_for=form.acronym_for.data or "",
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("“%(term)s” is added to the glossary.", term=entry.term), "success")
            return redirect(url_for(".term", slug=entry.slug), code=303)
    return render("glossary/edit.html", form=form, entry=None), 400 if form.errors else 200


@bp.get("/rules")
def rules():
    return render("glossary/rules.html", rules=list(RULES.values()))


@bp.get("/rules/<rule_id>")
def rule(rule_id: str):
    found = RULES.get(rule_id.upper())
    if found is None:
        abort(404)
    return render("glossary/rule.html", rule=found)


def _other_forms(form: EntryForm, entry) -> list[str]:
    if "other_forms" not in request.form:
        return list(entry.aliases or [])
    return [a.strip() for a in (form.other_forms.data or "").split(",")]


def _require_admin() -> None:
    if not viewer().is_admin:
        raise NotAllowed(_("Only site admins can change the glossary."))
