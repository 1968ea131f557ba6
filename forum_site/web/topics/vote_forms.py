"""Forms for votes: start one, vote, print and type back paper ballots, count hands."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forum_site.web.budgets.forms import PlainDateField
from forum_site.web.meetings.forms import london_to_utc, parse_time
from forum_site.web.topics.consultation_forms import _time
from forum_site.web.topics.forms import DATE_MESSAGE
from forum_site.web.validation import SiteForm


class VoteForm(SiteForm):
    question = StringField(
        _l("What are people voting on?"),
        validators=[DataRequired(message=_l("Write what people vote on.")), Length(max=1000)],
    )
    options = TextAreaField(
        _l("The choices, one on each line"),
        validators=[DataRequired(message=_l("Give between 2 and 10 choices."))],
    )
    opens_on = PlainDateField(_l("Opens on"), validators=[InputRequired(message=DATE_MESSAGE)])
    opens_time = _time(_l("Opens at"))
    closes_on = PlainDateField(_l("Closes on"), validators=[InputRequired(message=DATE_MESSAGE)])
    closes_time = _time(_l("Closes at"))
    named = BooleanField(_l("Show who voted for what (a named vote)"))
    live_results = BooleanField(_l("Show results while the vote is open"))

    def validate_opens_time(self, field):
        parse_time(field.data)

    def validate_closes_time(self, field):
        parse_time(field.data)

    def opens_at(self):
        return london_to_utc(self.opens_on.data, parse_time(self.opens_time.data))

    def closes_at(self):
        return london_to_utc(self.closes_on.data, parse_time(self.closes_time.data))

    def option_lines(self) -> tuple[str, ...]:
        return tuple(line for line in (self.options.data or "").splitlines() if line.strip())


class BallotForm(SiteForm):
    option = RadioField(
        _l("Your choice"),
        coerce=int,
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose one of the choices."))],
    )


class PrintForm(SiteForm):
    count = IntegerField(
        _l("How many paper ballots?"),
        validators=[
            InputRequired(message=_l("Enter a number from 1 to 200.")),
            NumberRange(min=1, max=200, message=_l("Enter a number from 1 to 200.")),
        ],
    )


class PaperEntryForm(SiteForm):
    code = StringField(
        _l("The code printed on the ballot"),
        validators=[DataRequired(message=_l("Type the code from the ballot.")), Length(max=40)],
    )
    option = RadioField(
        _l("What did they choose?"),
        coerce=int,
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose what the ballot says."))],
    )


def hands_form_for(vote, formdata=None) -> SiteForm:
    """A number field for each choice: ``hands-<option id>``."""

    class HandsForm(SiteForm):
        pass

    for option in vote.options:
        setattr(HandsForm, str(option.id), _hands_field(option.label))
    return (
        HandsForm(formdata=formdata, prefix="hands")
        if formdata is not None
        else HandsForm(prefix="hands")
    )


def _hands_field(label: str):
    return IntegerField(
        label,
        validators=[
            Optional(),
            NumberRange(min=0, max=10_000, message=_l("Enter a number from 0 to 10,000.")),
        ],
    )
