"""Forms for writing briefings, explaining hard words and saying "I didn't understand"."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum_site.models.briefings import MAX_BODY_CHARACTERS
from forum_site.web.validation import SiteForm

BODY_TOO_LONG = _l(
    "The briefing can have up to %(limit)s characters. Please shorten it or split it "
    "into two briefings. Your text is still here.",
    limit=f"{MAX_BODY_CHARACTERS:,}",
)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class BriefingForm(SiteForm):
    title = StringField(
        _l("Title"),
        validators=[
            DataRequired(message=_l("Give the briefing a title.")),
            Length(max=200, message=_l("The title can have up to 200 characters.")),
        ],
    )
    summary = StringField(
        _l("Summary in one sentence"),
        validators=[
            Optional(),
            Length(max=300, message=_l("Keep the summary to one sentence of 300 characters.")),
        ],
    )
    body = TextAreaField(
        _l("The briefing"),
        validators=[
            DataRequired(message=_l("Write the briefing text. A short draft is fine.")),
            Length(max=MAX_BODY_CHARACTERS, message=BODY_TOO_LONG),
        ],
    )
    forums = MultiCheckboxField(_l("Forums it goes to"), coerce=int, validate_choice=False)
    meetings = MultiCheckboxField(
        _l("Meetings it is for (optional)"), coerce=int, validate_choice=False
    )
    what_changed = TextAreaField(
        _l("What did you change?"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("Keep this to 1000 characters or fewer.")),
        ],
    )
    briefing_id = HiddenField()


class CheckForm(SiteForm):
    body = TextAreaField(
        _l("Your writing"),
        validators=[Length(max=MAX_BODY_CHARACTERS, message=BODY_TOO_LONG)],
    )
    briefing_id = HiddenField()


class KeepWordForm(SiteForm):
    word = HiddenField(validators=[DataRequired()])
    reason = TextAreaField(
        _l("Why do you need to keep this word?"),
        validators=[
            DataRequired(message=_l("Say why you need to keep this word.")),
            Length(max=500, message=_l("Keep the reason to 500 characters or fewer.")),
        ],
    )


class GlossaryWordForm(SiteForm):
    word = HiddenField(validators=[DataRequired()])
    plain = TextAreaField(
        _l("What it means, in plain words"),
        validators=[Optional(), Length(max=1000, message=_l("Keep this to 1000 characters."))],
    )
    easy = TextAreaField(
        _l("What it means, in easy read (optional)"),
        validators=[Optional(), Length(max=1000, message=_l("Keep this to 1000 characters."))],
    )
    acronym_for = StringField(
        _l("If it is initials, what they stand for (optional)"),
        validators=[Optional(), Length(max=200, message=_l("Keep this to 200 characters."))],
    )


class PublishForm(SiteForm):
    pass


class UnclearForm(SiteForm):
    section = SelectField(_l("Which part?"), validate_choice=False)
    quoted = TextAreaField(
        _l("The words you found hard (optional)"),
        validators=[Optional(), Length(max=1000, message=_l("Keep this to 1000 characters."))],
    )
    note = TextAreaField(
        _l("Anything else you want to say (optional)"),
        validators=[Optional(), Length(max=1000, message=_l("Keep this to 1000 characters."))],
    )
    anonymous = BooleanField(_l("Do not show my name to the writer"))
