"""The form commissioners use to log a decision."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum_site.services.contributions.answers import FINAL_STEPS, MAX_ANSWER
from forum_site.vocabulary.contributions import STATUS_LABELS
from forum_site.vocabulary.cycle import STAGE_LABELS
from forum_site.vocabulary.decisions import DECISION_MAKERS
from forum_site.web.contributions.forms import TokenMixin
from forum_site.web.validation import SiteForm

MAKERS = [SelectChoice(maker.value, label) for maker, label in DECISION_MAKERS.items()]
ANSWER_CHOICES = [SelectChoice("", _l("Not now: I will answer them one at a time"))] + [
    SelectChoice(status.value, STATUS_LABELS[status]) for status in FINAL_STEPS
]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class DecisionForm(TokenMixin, SiteForm):
    title = StringField(
        _l("What was decided?"),
        validators=[
            DataRequired(message=_l("Say what was decided.")),
            Length(max=200, message=_l("Keep this to 200 characters. Put more in the details.")),
        ],
    )
    details = TextAreaField(
        _l("More detail (optional)"),
        validators=[Optional(), Length(max=5000, message=_l("Keep this to 5000 characters."))],
    )
    decided_by = RadioField(
        _l("Who decided?"),
        choices=MAKERS,
        validators=[DataRequired(message=_l("Choose who decided."))],
    )
    decided_by_name = StringField(
        _l("Their name or job title (optional)"), validators=[Optional(), Length(max=200)]
    )
    decided_on = DateField(
        _l("When was it decided?"),
        validators=[InputRequired(message=_l("Enter the date, for example 2026-03-14."))],
    )
    stage = SelectField(
        _l("Stage of the commissioning cycle"),
        choices=[SelectChoice(s.value, label) for s, label in STAGE_LABELS.items()],
        validators=[DataRequired(message=_l("Choose the stage."))],
    )
    contributions = MultiCheckboxField(
        _l("What members said that was considered"), coerce=int, validate_choice=False
    )
    agenda_items = MultiCheckboxField(
        _l("Meeting outcomes that were considered"), coerce=int, validate_choice=False
    )
    other_input = TextAreaField(
        _l("Anything else users said that was considered (optional)"),
        validators=[Optional(), Length(max=5000)],
    )
    # Answering the ticked points in the same step (optional).
    answer_status = RadioField(
        _l("Answer the points you ticked with this decision?"),
        choices=ANSWER_CHOICES,
        default="",
        validators=[Optional()],
    )
    answer_text = TextAreaField(
        _l("The answer members will read"),
        validators=[Optional(), Length(max=MAX_ANSWER)],
    )
    answer_reason = TextAreaField(
        _l("Why it is not being taken forward"),
        validators=[Optional(), Length(max=MAX_ANSWER)],
    )
    answer_what_changed = TextAreaField(
        _l("What changed because of it"), validators=[Optional(), Length(max=MAX_ANSWER)]
    )
