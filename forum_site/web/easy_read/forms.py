"""The checking form: one box of sentences, one picture choice and a picture search for
each row (the picker: templates/easy_read/_picture_picker.html)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SearchField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from easyread.model import Document, HardWordBox, NextStep, NumberCallout, Point
from forum_site.services.easy_read import editable_text, picture_choices
from forum_site.web.validation import SiteForm

EDITABLE = (Point, NextStep, HardWordBox, NumberCallout)


class CheckForm(SiteForm):
    """Fields are added for each row of the document by :func:`check_form`."""


def rows(document: Document, fixed: frozenset[str] = frozenset()) -> list[tuple[int, int, object]]:
    """(section number, item number, item) for every row a person can change. Sections
    headed as in ``fixed`` are made from facts (DN-08), so they are not edited here."""
    return [
        (s, i, item)
        for s, section in enumerate(document.sections)
        if section.heading not in fixed
        for i, item in enumerate(section.items)
        if isinstance(item, EDITABLE)
    ]


def check_form(document: Document, fixed: frozenset[str] = frozenset()) -> SiteForm:
    choices = [SelectChoice("", _l("No picture"))] + [
        SelectChoice(c.id, f"{c.name} ({c.id})") for c in picture_choices()
    ]
    fields = {}
    for s, i, item in rows(document, fixed):
        fields[f"s{s}_{i}_text"] = TextAreaField(
            _l("Sentences (one on each line)"),
            default="\n".join(editable_text(item)),
            validators=[Length(max=1000, message=_l("A row can have up to 1,000 characters."))],
            render_kw={"rows": 3},
        )
        fields[f"s{s}_{i}_pic"] = RadioField(
            _l("Picture"), choices=choices, default=item.picture or "", validate_choice=True
        )
        fields[f"s{s}_{i}_find"] = SearchField(
            _l("Find a picture"),
            validators=[Length(max=100, message=_l("Search with up to 100 characters."))],
        )
    form_class = type("DocumentCheckForm", (CheckForm,), fields)
    return form_class()
