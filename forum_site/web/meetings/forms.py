"""Meeting forms. Dates and times are typed as London local time and turned into UTC
here, with a plain message for impossible dates; everything else the services check."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forum_site.models.base import as_utc
from forum_site.models.meetings import AccessAnswer, CycleStage, InfluenceLevel, ReplyAnswer
from forum_site.vocabulary.meetings import ACCESS_FEATURES
from forum_site.web.meetings.labels import (
    ACCESS_ANSWERS,
    INFLUENCE,
    REPLY_ANSWERS,
    SCALE,
    STAGES,
)
from forum_site.web.validation import SiteForm

LONDON = ZoneInfo("Europe/London")
LONG = 5000
_FEATURES = dict(ACCESS_FEATURES)


def _max(n: int):
    return Length(max=n, message=_l("This can have up to %(n)s characters.", n=n))


def _long(label, n: int = LONG, **kwargs):
    return TextAreaField(label, validators=[Optional(), _max(n)], **kwargs)


def _short(label, n: int = 200):
    return StringField(label, validators=[Optional(), _max(n)])


def _date_field(label):
    return StringField(
        label,
        validators=[DataRequired(message=_l("Enter the date."))],
        render_kw={"type": "date", "autocomplete": "off"},
    )


def _time_field(label, message):
    return StringField(
        label,
        validators=[DataRequired(message=message)],
        render_kw={"type": "time", "autocomplete": "off"},
    )


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _l("Enter a real date, for example 2027-03-14 for 14 March 2027.")
        ) from None


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(_l("Enter a time like 14:30 (24-hour clock).")) from None


def london_to_utc(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)


def utc_to_london(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(LONDON)


class WhenFields:
    """Start date, start time and end time on one form; ``starts_at``/``ends_at`` in UTC."""

    def validate_start_date(self, field):
        parse_date(field.data)

    def validate_start_time(self, field):
        parse_time(field.data)

    def validate_end_time(self, field):
        parse_time(field.data)

    def times(self) -> tuple[datetime, datetime]:
        day = parse_date(self.start_date.data)
        return (
            london_to_utc(day, parse_time(self.start_time.data)),
            london_to_utc(day, parse_time(self.end_time.data)),
        )

    def fill_times(self, starts_at: datetime, ends_at: datetime) -> None:
        start, end = utc_to_london(starts_at), utc_to_london(ends_at)
        self.start_date.data = start.date().isoformat()
        self.start_time.data = start.strftime("%H:%M")
        self.end_time.data = end.strftime("%H:%M")


def _access_radio(label):
    return RadioField(
        label,
        choices=[SelectChoice(a.value, ACCESS_ANSWERS[a]) for a in AccessAnswer],
        default=AccessAnswer.NOT_KNOWN.value,
        validators=[Optional()],
    )


class MeetingForm(WhenFields, SiteForm):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(message=_l("Enter a title for the meeting.")), _max(200)],
    )
    start_date = _date_field(_l("Date"))
    start_time = _time_field(_l("Start time"), _l("Enter the start time."))
    end_time = _time_field(_l("End time"), _l("Enter the end time."))
    venue_name = _short(_l("Venue name"))
    venue_address = _long(_l("Venue address"), 1000)
    joining_details = _long(_l("How to join by phone or online"), 2000)
    step_free = _access_radio(_FEATURES["step_free"])
    hearing_loop = _access_radio(_FEATURES["hearing_loop"])
    accessible_toilet = _access_radio(_FEATURES["accessible_toilet"])
    quiet_room = _access_radio(_FEATURES["quiet_room"])
    parking = _access_radio(_FEATURES["parking"])
    access_notes = _long(_l("More about access (optional)"), 2000)
    public_transport = _long(_l("Getting there by public transport"), 2000)
    on_arrival = _long(_l("What happens when you arrive"), 2000)
    contact_on_the_day = _short(_l("Contact on the day (name and phone number)"), 300)
    purpose = _long(_l("What the meeting is for"))
    cycle_stage = SelectField(
        _l("Stage of the commissioning cycle"),
        choices=[SelectChoice("", _l("Not chosen yet"))]
        + [SelectChoice(s.value, STAGES[s]) for s in CycleStage],
        validators=[Optional()],
    )
    everything_open = BooleanField(_l("Everything at this meeting is open for discussion"))
    outside_pressures = _long(_l("Outside pressures we know about"))
    paid_for_time = BooleanField(_l("Members are paid for their time"))
    payment_details = _long(_l("How much, and how it is paid"), 2000)
    expenses_travel = BooleanField(_l("Travel can be claimed"))
    expenses_lunch = BooleanField(_l("Lunch or refreshments can be claimed"))
    expenses_carer = BooleanField(_l("Carer or support worker costs can be claimed"))
    how_to_claim = _long(_l("How to claim"), 2000)


class AgendaItemForm(SiteForm):
    title = StringField(
        _l("Agenda item title"),
        validators=[DataRequired(message=_l("Enter a title for the agenda item.")), _max(200)],
    )
    what_we_want = _long(_l("What we want from members"))
    influence = RadioField(
        _l("How much say members have"),
        choices=[SelectChoice(level.value, INFLUENCE[level][0]) for level in InfluenceLevel],
        validate_choice=False,
    )
    influence_explanation = _long(_l("Explain this for this item (optional)"), 2000)
    decision_maker = _short(_l("Who makes the final decision"))
    decision_when = _short(_l("When they decide"))

    def validate_influence(self, field):
        if field.data not in {level.value for level in InfluenceLevel}:
            raise ValidationError(_l("Choose how much say members have on this item."))


class ClosedTopicForm(SiteForm):
    topic = StringField(
        _l("What is not up for discussion"),
        validators=[DataRequired(message=_l("Say what is not up for discussion.")), _max(300)],
    )
    reason = TextAreaField(
        _l("Why not"),
        validators=[
            DataRequired(message=_l("Give the reason it is not up for discussion.")),
            _max(LONG),
        ],
    )


class ReplyForm(SiteForm):
    answer = RadioField(
        _l("Are you coming?"),
        choices=[SelectChoice(a.value, REPLY_ANSWERS[a]) for a in ReplyAnswer],
        validate_choice=False,
    )
    bsl_interpreter = BooleanField(_l("British Sign Language (BSL) interpreter"))
    other_interpreter = _short(_l("Another interpreter (say which)"))
    easy_read_papers = BooleanField(_l("Easy-read papers"))
    large_print = BooleanField(_l("Large print papers"))
    support_worker = BooleanField(_l("My support worker will come too"))
    hearing_loop = BooleanField(_l("Hearing loop"))
    language = _short(_l("Papers or an interpreter in another language (say which)"))
    other_needs = _long(_l("Anything else you need"), 1000)

    def validate_answer(self, field):
        if field.data not in {a.value for a in ReplyAnswer}:
            raise ValidationError(_l("Choose going, not going or maybe."))


class QuestionForm(SiteForm):
    body = TextAreaField(
        _l("Your question or point"),
        validators=[DataRequired(message=_l("Write your question or point.")), _max(2000)],
    )
    who_sees = RadioField(
        _l("Who can see it"),
        choices=[
            SelectChoice("everyone", _l("Everyone at the meeting")),
            SelectChoice("convenor", _l("Only the convenor (private)")),
        ],
        default="everyone",
        validate_choice=False,
    )


class ReasonForm(SiteForm):
    reason = TextAreaField(
        _l("Why"),
        validators=[DataRequired(message=_l("Say why, so members understand.")), _max(LONG)],
    )


class MoveForm(WhenFields, ReasonForm):
    start_date = _date_field(_l("New date"))
    start_time = _time_field(_l("New start time"), _l("Enter the start time."))
    end_time = _time_field(_l("New end time"), _l("Enter the end time."))
    venue_name = _short(_l("Venue name"))
    venue_address = _long(_l("Venue address"), 1000)


class DebriefForm(SiteForm):
    attended_count = IntegerField(
        _l("How many people came"),
        validators=[
            Optional(),
            NumberRange(min=0, max=10000, message=_l("Enter a number from 0 to 10000.")),
        ],
    )
    attendance_notes = _long(_l("Notes about who came (optional)"), 2000)
    summary = _long(_l("Summary for the forum, in plain words"))
    publish = BooleanField(_l("Publish the summary on the forum page"))


class ActionEditForm(SiteForm):
    """Changing an action after the debrief: the earlier words are kept, with the reason."""

    who = StringField(
        _l("Who"), validators=[DataRequired(message=_l("Say who will do it.")), _max(200)]
    )
    what = TextAreaField(
        _l("What they will do"),
        validators=[DataRequired(message=_l("Say what they will do.")), _max(2000)],
    )
    by_when = StringField(_l("By when (optional)"), render_kw={"type": "date"})
    reason = TextAreaField(
        _l("Why it changed"),
        validators=[
            DataRequired(message=_l("Say why it changed. Members will see it.")),
            _max(1000),
        ],
    )

    def validate_by_when(self, field):
        if field.data:
            parse_date(field.data)


class ActionDropForm(SiteForm):
    drop_reason = TextAreaField(
        _l("Why it is dropped"),
        validators=[
            DataRequired(message=_l("Say why it is dropped. Members will see it.")),
            _max(1000),
        ],
    )


class ActionForm(SiteForm):
    who = StringField(
        _l("Who"), validators=[DataRequired(message=_l("Say who will do it.")), _max(200)]
    )
    what = TextAreaField(
        _l("What they will do"),
        validators=[DataRequired(message=_l("Say what they will do.")), _max(2000)],
    )
    by_when = StringField(_l("By when (optional)"), render_kw={"type": "date"})
    agenda_item_id = SelectField(_l("Agenda item (optional)"), choices=[], validate_choice=False)

    def validate_by_when(self, field):
        if field.data:
            parse_date(field.data)


def _scale_radio(label, message):
    return RadioField(
        label,
        choices=[SelectChoice(str(n), SCALE[n][0]) for n in (3, 2, 1)],
        validators=[DataRequired(message=message)],
        validate_choice=False,
    )


class ReviewForm(SiteForm):
    purpose_clear = _scale_radio(
        _l("Was it clear what the meeting was for?"), _l("Choose yes, partly or no.")
    )
    listened_to = _scale_radio(_l("Did you feel listened to?"), _l("Choose yes, partly or no."))

    def validate_purpose_clear(self, field):
        if field.data not in {"1", "2", "3"}:
            raise ValidationError(_l("Choose yes, partly or no."))

    validate_listened_to = validate_purpose_clear


class TaskForm(SiteForm):
    label = StringField(
        _l("New task"), validators=[DataRequired(message=_l("Write the task.")), _max(300)]
    )


class ButtonForm(SiteForm):
    """A form that is only a button (publish, move up, tick a task): CSRF only."""
