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

from forum_site.models import DecisionMaker
from forum_site.models.meetings import CycleStage
from forum_site.web.contributions.forms import TokenMixin
from forum_site.web.validation import SiteForm

MAKERS = [
    SelectChoice(DecisionMaker.OFFICER.value, _l("An officer (a member of staff)")),
    SelectChoice(DecisionMaker.CABINET.value, _l("The council's cabinet")),
    SelectChoice(DecisionMaker.BOARD.value, _l("A board")),
    SelectChoice(DecisionMaker.OTHER.value, _l("Someone else")),
]
STAGE_LABELS = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l("Agree a framework for involvement"),
    CycleStage.OPERATING_CONTEXT: _l("Operating context"),
    CycleStage.NEEDS_ASSESSMENT: _l("Needs assessment"),
    CycleStage.OVERALL_BUDGET: _l("Overall budget"),
    CycleStage.STRATEGIC_FRAMEWORK: _l("Strategic framework"),
    CycleStage.TEST_AND_REFINE: _l("Test and refine"),
    CycleStage.AGREE_PRIORITIES: _l("Agree priorities"),
    CycleStage.DECISION_POINT: _l("Decision point"),
    CycleStage.PROCUREMENT: _l("Procurement (buying the service)"),
    CycleStage.IMPLEMENTATION: _l("Implementation (putting it in place)"),
    CycleStage.MONITORING: _l("Monitoring and evaluation"),
    CycleStage.REVIEW: _l("Review"),
}


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
