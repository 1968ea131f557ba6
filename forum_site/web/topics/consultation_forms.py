"""Forms for consultations: ask, take part, record a point from paper or a call, tag themes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from forum_site.models import Source, Visibility
from forum_site.web.budgets.forms import PlainDateField
from forum_site.web.contributions.forms import TokenMixin
from forum_site.web.meetings.forms import london_to_utc, parse_time
from forum_site.web.topics.forms import DATE_MESSAGE
from forum_site.web.validation import SiteForm


def _question_id(value) -> int | None:
    """The chosen question, or None for "about the consultation in general"."""
    return int(value) if value not in (None, "", "None") else None


def _time(label):
    return StringField(
        label,
        validators=[DataRequired(message=_l("Enter a time like 09:00 (24-hour clock)."))],
        render_kw={"type": "time", "autocomplete": "off"},
    )


class ConsultationForm(SiteForm):
    title = StringField(
        _l("What is the consultation called?"),
        validators=[DataRequired(message=_l("Give the consultation a name.")), Length(max=200)],
    )
    why = TextAreaField(_l("Why are you asking? (optional)"), validators=[Optional()])
    questions = TextAreaField(
        _l("The questions, one on each line"),
        validators=[DataRequired(message=_l("Ask at least one question."))],
    )
    opens_on = PlainDateField(_l("Opens on"), validators=[InputRequired(message=DATE_MESSAGE)])
    opens_time = _time(_l("Opens at"))
    closes_on = PlainDateField(_l("Closes on"), validators=[InputRequired(message=DATE_MESSAGE)])
    closes_time = _time(_l("Closes at"))
    reply_by = PlainDateField(
        _l("We will reply to everyone by"), validators=[InputRequired(message=DATE_MESSAGE)]
    )

    def validate_opens_time(self, field):
        parse_time(field.data)

    def validate_closes_time(self, field):
        parse_time(field.data)

    def opens_at(self):
        return london_to_utc(self.opens_on.data, parse_time(self.opens_time.data))

    def closes_at(self):
        return london_to_utc(self.closes_on.data, parse_time(self.closes_time.data))

    def question_lines(self) -> tuple[str, ...]:
        return tuple(line for line in (self.questions.data or "").splitlines() if line.strip())


VISIBILITY = [
    SelectChoice(Visibility.SHARED.value, _l("Everyone in the forum, with my name")),
    SelectChoice(Visibility.ANONYMOUS.value, _l("Commissioners see it without my name")),
    SelectChoice(Visibility.PRIVATE.value, _l("Only the convenor")),
]

ROUTES = [
    SelectChoice(Source.PAPER_FORM.value, _l("On paper")),
    SelectChoice(Source.AT_MEETING.value, _l("At a meeting")),
    SelectChoice(Source.PHONE_CALL.value, _l("By phone")),
]


class TakePartForm(TokenMixin, SiteForm):
    question = SelectField(
        _l("Which question is this about?"), coerce=_question_id, validate_choice=False
    )
    text = TextAreaField(
        _l("What do you want to say?"),
        validators=[DataRequired(message=_l("Write what you want to say.")), Length(max=4000)],
    )
    visibility = RadioField(
        _l("Who can see that you said it?"),
        choices=VISIBILITY,
        default=Visibility.SHARED.value,
        validators=[DataRequired(message=_l("Choose who can see it."))],
    )


class RecordForm(TokenMixin, SiteForm):
    question = SelectField(
        _l("Which question is this about?"), coerce=_question_id, validate_choice=False
    )
    text = TextAreaField(
        _l("What did they say?"),
        validators=[DataRequired(message=_l("Write what they said.")), Length(max=4000)],
    )
    source = RadioField(
        _l("How were you told?"),
        choices=ROUTES,
        default=Source.PAPER_FORM.value,
        validators=[DataRequired(message=_l("Choose how you were told."))],
    )


class ThemeForm(SiteForm):
    contribution = SelectField(_l("Point"), coerce=int, validate_choice=False)
    theme = StringField(
        _l("Theme"),
        validators=[DataRequired(message=_l("Write the theme.")), Length(max=80)],
    )
