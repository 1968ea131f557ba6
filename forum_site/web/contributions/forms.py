"""Forms for having your say, recording for someone, "me too" and answering."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import HiddenInput

from forum_site.models import Visibility
from forum_site.services.contributions import MAX_TEXT, MAX_TOPIC
from forum_site.services.contributions.answers import MAX_ANSWER
from forum_site.vocabulary.contributions import SOURCE_CHOICES as SOURCES
from forum_site.vocabulary.contributions import STATUS_LABELS
from forum_site.web.validation import SiteForm

VISIBILITY_CHOICES = [
    SelectChoice(Visibility.SHARED.value, _l("Share it with the forum and the commissioners")),
    SelectChoice(
        Visibility.ANONYMOUS.value,
        _l("Anonymous to commissioners (the convenor still knows it was you)"),
    ),
    SelectChoice(
        Visibility.PRIVATE.value, _l("Private: only the convenor sees it, not commissioners")
    ),
]
# The convenor writes down what a member said: the member is "them", not "you".
RECORD_VISIBILITY_CHOICES = [
    VISIBILITY_CHOICES[0],
    SelectChoice(
        Visibility.ANONYMOUS.value,
        _l("Anonymous to commissioners (the convenor still knows it was them)"),
    ),
    VISIBILITY_CHOICES[2],
]
SOURCE_CHOICES = [SelectChoice(source.value, label) for source, label in SOURCES.items()]


def new_token() -> str:
    return secrets.token_urlsafe(16)


SAY_SOMETHING = _l("Write what you want to say.")


def _text_field(label, hint_max=MAX_TEXT, required=SAY_SOMETHING):
    return TextAreaField(
        label,
        validators=[
            DataRequired(message=required),
            Length(
                max=hint_max,
                message=_l(
                    "Please make this %(most)s characters or fewer. Your words are still here.",
                    most=hint_max,
                ),
            ),
        ],
    )


class TokenMixin:
    """A hidden, one-off token: sending the same form twice saves it once."""

    submission_token = HiddenField()

    def fill_token(self) -> None:
        if not self.submission_token.data:
            self.submission_token.data = new_token()


class ContributeForm(TokenMixin, SiteForm):
    text = _text_field(_l("What do you want to say?"))
    visibility = RadioField(
        _l("Who can see who said it?"),
        choices=VISIBILITY_CHOICES,
        default=Visibility.SHARED.value,
        validators=[DataRequired(message=_l("Choose who can see who said it."))],
    )
    topic = StringField(
        _l("Topic (optional)"),
        validators=[
            Optional(),
            Length(max=MAX_TOPIC, message=_l("Keep the topic short: 80 characters or fewer.")),
        ],
    )
    meeting_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    agenda_item_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    budget_line_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    briefing_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    next = HiddenField()


class RecordForm(TokenMixin, SiteForm):
    member = SelectField(_l("Who said it?"), coerce=int, validate_choice=False)
    source = RadioField(
        _l("How were you told?"),
        choices=SOURCE_CHOICES,
        validators=[DataRequired(message=_l("Choose how you were told."))],
    )
    consent_given = BooleanField(_l("They agreed to me sending this for them"))
    text = _text_field(_l("What did they say?"))
    visibility = RadioField(
        _l("Who can see who said it?"),
        choices=RECORD_VISIBILITY_CHOICES,
        default=Visibility.SHARED.value,
        validators=[DataRequired(message=_l("Choose who can see who said it."))],
    )
    topic = StringField(
        _l("Topic (optional)"),
        validators=[
            Optional(),
            Length(max=MAX_TOPIC, message=_l("Keep the topic short: 80 characters or fewer.")),
        ],
    )


class SupportForm(SiteForm):
    pass


class AnswerForm(TokenMixin, SiteForm):
    status = RadioField(
        _l("What is happening with it?"),
        validate_choice=False,
        validators=[DataRequired(message=_l("Choose what is happening with it."))],
    )
    answer = _text_field(
        _l("Your answer, in plain words"), MAX_ANSWER, _l("Write the answer in plain words.")
    )
    reason = TextAreaField(
        _l("Why it is not being taken forward"),
        validators=[Optional(), Length(max=MAX_ANSWER)],
    )
    what_changed = TextAreaField(
        _l("What changed because of it"), validators=[Optional(), Length(max=MAX_ANSWER)]
    )
    decision = SelectField(
        _l("The decision it is linked to"), coerce=int, validate_choice=False, default=0
    )

    def set_choices(self, statuses, decisions) -> None:
        self.status.choices = [SelectChoice(s.value, STATUS_LABELS[s]) for s in statuses]
        self.decision.choices = [SelectChoice(0, _l("No decision"))] + [
            SelectChoice(d.id, d.title) for d in decisions
        ]


class CorrectionForm(AnswerForm):
    corrects = SelectField(_l("The answer you are correcting"), coerce=int, validate_choice=False)
    correction_reason = _text_field(
        _l("Why the earlier answer needs correcting"),
        MAX_ANSWER,
        _l("Say why the earlier answer needs correcting."),
    )


class PutRightForm(SiteForm):
    """A convenor correcting a point they typed in for someone (the old words are kept)."""

    text = _text_field(
        _l("What the point should say"), MAX_TEXT, _l("Write what the point should say.")
    )
    reason = _text_field(
        _l("Why it needs correcting"),
        1000,
        _l("Say why it needs correcting. The member will see it."),
    )


class WithdrawForm(SiteForm):
    withdraw_reason = _text_field(
        _l("Why it is withdrawn"), 1000, _l("Say why it is withdrawn. The member will see it.")
    )


def _optional_reason(label):
    return TextAreaField(
        label,
        validators=[
            Optional(),
            Length(
                max=1000,
                message=_l(
                    "Please make this %(most)s characters or fewer. Your words are still here.",
                    most=1000,
                ),
            ),
        ],
    )


class ChangeMineForm(SiteForm):
    """A member changing their own words before the first answer (the old words are kept)."""

    text = _text_field(_l("What you want the point to say"))
    reason = _optional_reason(_l("Why you changed it (if you want to say)"))


class WithdrawMineForm(SiteForm):
    withdraw_reason = _optional_reason(_l("Why you are withdrawing it (if you want to say)"))


class FeedbackFilterForm(SiteForm):
    class Meta:
        csrf = False

    meeting = SelectField(_l("Meeting"), coerce=int, default=0, validate_choice=False)
    topic = SelectField(_l("Topic"), default="", validate_choice=False)
    outcome = SelectField(_l("What happened"), default="", validate_choice=False)
