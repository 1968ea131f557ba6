"""The search page. Without JavaScript the form is a plain GET and results can be linked;
htmx swaps only the search area (form and results), and "Show more" adds the next hits."""

from __future__ import annotations

from flask import Blueprint, request
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models import SearchKind
from forum_site.services import search
from forum_site.services.errors import DomainError
from forum_site.text import clean_text
from forum_site.vocabulary.search import KIND_CHOICES, KIND_PICTURES, KIND_TAGS
from forum_site.web import pagination
from forum_site.web.responses import render, show_error, viewer
from forum_site.web.search.forms import SearchForm

bp = Blueprint("search", __name__)


@bp.get("/search")
def index():
    form = SearchForm(request.args)
    form.kind.choices = [SelectChoice("", _("Everything"))] + [
        SelectChoice(kind.value, str(label)) for kind, label in KIND_CHOICES.items()
    ]
    form.forum.choices = [SelectChoice("", _("All forums"))] + [
        SelectChoice(forum.slug, forum.name) for forum in search.forum_choices(db.session, viewer())
    ]
    asked = "q" in request.args
    results = _results(form) if asked and form.validate() else None
    _show_typed_words(form)
    response = render(
        "search/index.html",
        block=_block(),
        form=form,
        results=results,
        asked=asked,
        words=(form.q.data or "").strip(),
        kind_names=KIND_TAGS,
        kind_pictures=KIND_PICTURES,
    )
    return response, 200, {"Vary": "HX-Request"}


def _results(form: SearchForm):
    try:
        query = search.SearchQuery(
            words=search.check_query(form.q.data),
            kind=SearchKind(form.kind.data) if form.kind.data else None,
            forum=search.forum_to_search(db.session, viewer(), form.forum.data or ""),
        )
    except DomainError as error:
        show_error(form, error)
        return None
    return search.search(db.session, viewer(), query, pagination.cursor())


def _show_typed_words(form: SearchForm) -> None:
    """Give back what was typed, without the invisible characters a page cannot hold."""
    if form.q.raw_data:
        form.q.raw_data = [clean_text(form.q.raw_data[0])]
        form.q.data = form.q.raw_data[0]


def _block() -> str:
    return "hits" if pagination.wants_more() else "search_area"
