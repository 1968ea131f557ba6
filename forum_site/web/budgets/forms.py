"""Budget forms. Amounts are typed as text and parsed exactly (services/money.py).

Line rows are a FieldList: "Add another line" is a real submit button that re-renders
the form with one more empty row, so it works without JavaScript.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from forum_site.models import LineKind
from forum_site.services.budgets import LineInput
from forum_site.services.money import MoneyError, parse_pence
from forum_site.web.validation import SiteForm, id_or_none

MAX_ROWS = 60


class PlainDateField(DateField):
    """A date typed as 2027-04-01 (what date pickers send) or 1/4/2027, with a plain message."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format=["%Y-%m-%d", "%d/%m/%Y"], **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a real date, for example 1/4/2027.")) from None


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _amount_or_error(text: str | None) -> int:
    try:
        return parse_pence(text)
    except MoneyError as error:
        raise ValidationError(error.message) from None


class LineForm(Form):
    line_id = HiddenField()
    name = StringField(
        _l("What the money is for"),
        validators=[Length(max=200, message=_l("Keep the name to 200 characters or fewer."))],
    )
    amount = StringField(
        _l("Amount in pounds"),
        validators=[Length(max=40, message=_l("That is too long for an amount."))],
    )
    kind = RadioField(
        _l("Can members change how this money is used?"),
        choices=[
            SelectChoice(LineKind.FIXED.value, _l("No, it is fixed")),
            SelectChoice(LineKind.OPEN.value, _l("Yes, it is open to members' influence")),
        ],
        default=LineKind.FIXED.value,
        validate_choice=False,
    )
    withheld = BooleanField(_l("We cannot share this amount yet"))
    withheld_reason = TextAreaField(
        _l("Why the amount cannot be shared"),
        validators=[Length(max=2000, message=_l("Keep this to 2000 characters or fewer."))],
    )
    note = TextAreaField(
        _l("Note (optional)"),
        validators=[Length(max=2000, message=_l("Keep this to 2000 characters or fewer."))],
    )
    people_served = StringField(
        _l("How many people it is for (optional)"),
        validators=[Length(max=12, message=_l("That is too long for a number of people."))],
    )
    remove = BooleanField(_l("Take this line out of the budget"))

    def is_blank(self) -> bool:
        return not any(
            (self.name.data or "").strip() + (self.amount.data or "").strip()
            + (self.withheld_reason.data or "").strip() + (self.line_id.data or "")
        )  # fmt: skip

    _amount: int | None = None  # set by validate_amount: the only place money is parsed

    def validate_amount(self, field) -> None:
        if self.remove.data or self.is_blank():
            return
        if self.withheld.data and not (field.data or "").strip():
            return
        self._amount = _amount_or_error(field.data)

    def validate_people_served(self, field) -> None:
        text = (field.data or "").replace(",", "").strip()
        if text and not (text.isascii() and text.isdigit()):
            raise ValidationError(_l("Enter the number of people as a whole number, like 40."))

    def to_input(self) -> LineInput:
        amount = (self.amount.data or "").strip()
        people = (self.people_served.data or "").replace(",", "").strip()
        return LineInput(
            name=self.name.data or "",
            amount_pence=self._amount if amount else None,
            kind=LineKind(self.kind.data or LineKind.FIXED.value),
            note=self.note.data or "",
            people_served=int(people) if people else None,
            withheld=bool(self.withheld.data),
            withheld_reason=self.withheld_reason.data or "",
            line_id=id_or_none(self.line_id.data),
            remove=bool(self.remove.data),
        )


class LinesMixin:
    def line_inputs(self) -> list[LineInput]:
        """Rows people filled in; wholly empty new rows are skipped, not errors."""
        return [row.form.to_input() for row in self.lines if not row.form.is_blank()]

    def row_index(self, input_index: int) -> int:
        """The form row of the n-th filled-in line (blank rows were skipped)."""
        filled = [i for i, row in enumerate(self.lines) if not row.form.is_blank()]
        return filled[input_index] if input_index < len(filled) else 0


def _total_check(form, field) -> None:
    _amount_or_error(field.data)


class BudgetForm(LinesMixin, SiteForm):
    organisation = SelectField(_l("Organisation"), coerce=int, validate_choice=False)
    title = StringField(
        _l("Title, in plain words"),
        validators=[
            DataRequired(message=_l("Give the budget a title in plain words.")),
            Length(max=200, message=_l("Keep the title to 200 characters or fewer.")),
        ],
    )
    period_start = PlainDateField(
        _l("The period starts on"),
        validators=[InputRequired(message=_l("Enter the date the period starts, like 1/4/2027."))],
    )
    period_end = PlainDateField(
        _l("The period ends on"),
        validators=[InputRequired(message=_l("Enter the date the period ends, like 31/3/2028."))],
    )
    money_comes_from = TextAreaField(
        _l("Where the money comes from"),
        validators=[Length(max=2000, message=_l("Keep this to 2000 characters or fewer."))],
    )
    total = StringField(
        _l("Total amount in pounds"),
        validators=[Length(max=40, message=_l("That is too long for an amount.")), _total_check],
    )
    forums = MultiCheckboxField(_l("Forums this budget is for"), coerce=int, validate_choice=False)
    meetings = MultiCheckboxField(
        _l("Meetings where members talk about it (optional)"), coerce=int, validate_choice=False
    )
    briefings = MultiCheckboxField(
        _l("Briefings about it (optional)"), coerce=int, validate_choice=False
    )
    lines = FieldList(FormField(LineForm), min_entries=1, max_entries=MAX_ROWS)


class ChangeForm(LinesMixin, SiteForm):
    total = StringField(
        _l("Total amount in pounds"),
        validators=[Length(max=40, message=_l("That is too long for an amount.")), _total_check],
    )
    lines = FieldList(FormField(LineForm), min_entries=0, max_entries=MAX_ROWS)
    reason = TextAreaField(
        _l("Why is the budget changing?"),
        validators=[
            DataRequired(message=_l("Say why the budget is changing. Members will see this.")),
            Length(max=2000, message=_l("Keep the reason to 2000 characters or fewer.")),
        ],
    )


class LinksForm(SiteForm):
    forums = MultiCheckboxField(_l("Forums this budget is for"), coerce=int, validate_choice=False)
    meetings = MultiCheckboxField(
        _l("Meetings where members talk about it (optional)"), coerce=int, validate_choice=False
    )
    briefings = MultiCheckboxField(
        _l("Briefings about it (optional)"), coerce=int, validate_choice=False
    )


class SeenForm(SiteForm):
    """Only the CSRF token: pressing "I have read this" hides the notice."""
