"""Forms for topics: start one, move it on, write a stage agreement, add a pressure, link."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from forum_site.models import PressureKind
from forum_site.models.meetings import InfluenceLevel
from forum_site.web.budgets.forms import PlainDateField
from forum_site.web.decisions.forms import MultiCheckboxField
from forum_site.web.topics.labels import INFLUENCE, PRESSURES, STAGES
from forum_site.web.validation import SiteForm

STAGE_CHOICES = [SelectChoice(s.value, label) for s, label in STAGES.items()]
DATE_MESSAGE = _l("Enter the date, for example 2027-01-14.")


class TopicForm(SiteForm):
    title = StringField(
        _l("What is the topic called?"),
        validators=[DataRequired(message=_l("Give the topic a name.")), Length(max=200)],
    )
    summary = TextAreaField(
        _l("What is it about? (optional)"), validators=[Optional(), Length(max=5000)]
    )
    forums = MultiCheckboxField(_l("Other forums it belongs to"), coerce=int, validate_choice=False)
    stage = SelectField(
        _l("Which stage is it at now?"),
        choices=STAGE_CHOICES,
        validators=[DataRequired(message=_l("Choose the stage."))],
    )
    started_on = PlainDateField(
        _l("When did this stage start?"), validators=[InputRequired(message=DATE_MESSAGE)]
    )


class StageForm(SiteForm):
    stage = SelectField(
        _l("Which stage is it at now?"),
        choices=STAGE_CHOICES,
        validators=[DataRequired(message=_l("Choose the stage."))],
    )
    started_on = PlainDateField(
        _l("When did this stage start?"), validators=[InputRequired(message=DATE_MESSAGE)]
    )


class AgreementForm(SiteForm):
    members_asked = TextAreaField(
        _l("What are members being asked?"),
        validators=[
            DataRequired(message=_l("Say what members are being asked.")),
            Length(max=5000),
        ],
    )
    influence = RadioField(
        _l("How much say do members have?"),
        choices=[SelectChoice(level.value, words[0]) for level, words in INFLUENCE.items()],
        validators=[DataRequired(message=_l("Choose how much say members have."))],
    )
    who_decides = StringField(
        _l("Who makes the final decision?"),
        validators=[
            DataRequired(message=_l("Say who makes the final decision.")),
            Length(max=300),
        ],
    )
    decides_when = StringField(
        _l("When will they decide?"),
        validators=[
            DataRequired(message=_l("Say when the decision will be made.")),
            Length(max=200),
        ],
    )
    not_open = TextAreaField(
        _l("What is not open to change at this stage? (optional)"),
        validators=[Optional(), Length(max=5000)],
    )
    not_open_why = TextAreaField(
        _l("Why is it not open?"), validators=[Optional(), Length(max=5000)]
    )
    what_changed = TextAreaField(
        _l("What changed from the last version?"), validators=[Optional(), Length(max=5000)]
    )

    def fill_from(self, agreement) -> None:
        for name in ("members_asked", "who_decides", "decides_when", "not_open", "not_open_why"):
            getattr(self, name).data = getattr(agreement, name)
        self.influence.data = InfluenceLevel(agreement.influence).value


class PressureForm(SiteForm):
    kind = RadioField(
        _l("What kind of pressure is it?"),
        choices=[SelectChoice(kind.value, label) for kind, label in PRESSURES.items()],
        default=PressureKind.NATIONAL_POLICY.value,
        validators=[DataRequired(message=_l("Choose the kind of pressure."))],
    )
    title = StringField(
        _l("What is it?"),
        validators=[DataRequired(message=_l("Say what the pressure is.")), Length(max=200)],
    )
    details = TextAreaField(
        _l("What does it mean for this topic? (optional)"),
        validators=[Optional(), Length(max=5000)],
    )
    happened_on = PlainDateField(
        _l("When did it happen?"), validators=[InputRequired(message=DATE_MESSAGE)]
    )


class LinksForm(SiteForm):
    meetings = MultiCheckboxField(_l("Meetings"), coerce=int, validate_choice=False)
    briefings = MultiCheckboxField(_l("Briefings"), coerce=int, validate_choice=False)
    budgets = MultiCheckboxField(_l("Budgets"), coerce=int, validate_choice=False)
    decisions = MultiCheckboxField(_l("Decisions"), coerce=int, validate_choice=False)
