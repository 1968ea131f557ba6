"""One validation layer for everything people send, before any view or query sees it.

- ids: the ``int`` URL converter and every whole-number form choice stop at the largest
  value a database id can have (PostgreSQL's integer), so a huge number is "not found" or
  a field message, never a database error;
- choices: a radio button, select or checkbox list only takes the values it offered;
- text: NUL and other control characters (except tab and line breaks) are refused with a
  message next to the field; right-to-left override characters are removed from one-line
  fields (names and titles), where they can make a title read backwards.

Every site form inherits ``SiteForm``; nested forms (budget lines) are checked through it.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.routing import IntegerConverter
from wtforms import Field, FieldList, FormField
from wtforms.fields import (
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)

from forum_site.text import strip_bidi_controls
from forum_site.web.security import TokenWhenShown

MAX_ID = 2**31 - 1
ALLOWED_CONTROLS = frozenset("\t\n\r")


class DatabaseId(IntegerConverter):
    """``<int:...>`` in every route: 0 to MAX_ID; anything bigger is a plain 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def id_or_none(value) -> int | None:
    """A query-string id, or None when it is missing, not a number or out of range."""
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text or "")


def leaf_fields(form) -> Iterator[Field]:
    for field in form:
        if isinstance(field, FormField):
            yield from leaf_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                if isinstance(entry, FormField):
                    yield from leaf_fields(entry.form)
                else:
                    yield entry
        else:
            yield field


def _is_one_line(field: Field) -> bool:
    return isinstance(field, StringField) and not isinstance(
        field, TextAreaField | PasswordField | HiddenField
    )


def _choice_values(field) -> set | None:
    if getattr(field, "choices", None) is None:
        return None
    values = set()
    for choice in field.choices:
        value = choice[0] if isinstance(choice, tuple | list) else getattr(choice, "value", choice)
        values.add(value)
        if isinstance(value, int):
            values.add(str(value))
    return values


def _choice_problem(field) -> str | None:
    """A submitted value that is not one of the field's own options (or its default)."""
    if not isinstance(field, SelectField | SelectMultipleField | RadioField):
        return None
    if field.process_errors or not field.raw_data:
        return None
    if getattr(field, "coerce", str) is int and not getattr(field, "validate_choice", True):
        return None  # ids (range-checked above) that the service checks, with its own words
    allowed = _choice_values(field)
    if allowed is None:
        return None
    sent = field.data if isinstance(field, SelectMultipleField) else [field.data]
    allowed |= {field.default, "", None}
    if any(value not in allowed for value in sent or []):
        return _l("Choose one of the options shown.")
    return None


def _number_problem(field) -> str | None:
    data = field.data if isinstance(field.data, list) else [field.data]
    if not isinstance(field, SelectField | SelectMultipleField | RadioField | IntegerField):
        return None
    if any(isinstance(v, int) and not -MAX_ID <= v <= MAX_ID for v in data):
        return _l("That number is too big.")
    return None


def _text_problem(field) -> str | None:
    if any(isinstance(raw, str) and has_control_characters(raw) for raw in field.raw_data or []):
        return _l(
            "Remove the hidden control characters from this answer. They can come from "
            "copying and pasting; typing the words again removes them."
        )
    return None


def check_fields(form) -> bool:
    """Refuse control characters, unknown choices and huge numbers; tidy one-line text."""
    ok = True
    for field in leaf_fields(form):
        if _is_one_line(field) and isinstance(field.data, str):
            field.data = strip_bidi_controls(field.data)
        too_big = _number_problem(field)
        if too_big:  # refused: nothing after this may use it (what was typed is re-shown)
            field.data = [] if isinstance(field.data, list) else None
        problem = _text_problem(field) or too_big or _choice_problem(field)
        if problem is None:
            continue
        ok = False
        if isinstance(field, HiddenField) or field.name == "csrf_token":
            form.form_errors.append(problem)
        else:
            field.errors = [*field.errors, problem] if isinstance(field.errors, list) else [problem]
    return ok


class SiteForm(FlaskForm):
    """Every form on the site: the checks above run before the form's own validators."""

    class Meta:
        csrf_class = TokenWhenShown

    def validate(self, extra_validators=None) -> bool:
        if not check_fields(self):
            self._keep_layer_errors()
            return False
        return super().validate(extra_validators)

    def _keep_layer_errors(self) -> None:
        # Run the form's own validators too, so every problem is listed at once, then put
        # this layer's messages back (Form.validate resets each field's errors).
        kept = {f.name: list(f.errors) for f in leaf_fields(self) if f.errors}
        form_errors = list(self.form_errors)
        with contextlib.suppress(TypeError, ValueError):
            super().validate()
        for field in leaf_fields(self):
            if field.name in kept:
                field.errors = list(dict.fromkeys([*kept[field.name], *field.errors]))
        self.form_errors[:0] = [e for e in form_errors if e not in self.form_errors]


def init_app(app) -> None:
    app.url_map.converters["int"] = DatabaseId
