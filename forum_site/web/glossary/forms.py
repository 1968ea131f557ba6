"""Admin forms for glossary entries."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum_site.web.validation import SiteForm


class EntryForm(SiteForm):
    term = StringField(
        _l("Word or initials"),
        validators=[
            DataRequired(message=_l("Enter the word or initials.")),
            Length(max=120, message=_l("A glossary word can have up to 120 characters.")),
        ],
    )
    plain = TextAreaField(
        _l("What it means, in plain words"),
        validators=[
            DataRequired(message=_l("Write what the word means, in plain words.")),
            Length(max=1000, message=_l("Keep the meaning to 1000 characters or fewer.")),
        ],
    )
    easy = TextAreaField(
        _l("What it means, in easy read"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("Keep the meaning to 1000 characters or fewer.")),
        ],
    )
    plain_alternative = StringField(
        _l("Plainer words a writer could use instead (optional)"),
        validators=[Optional(), Length(max=200, message=_l("Keep this to 200 characters."))],
    )
    acronym_for = StringField(
        _l("If it is initials, what they stand for (optional)"),
        validators=[Optional(), Length(max=200, message=_l("Keep this to 200 characters."))],
    )
    other_forms = StringField(
        _l("Other forms of the word, separated by commas (optional)"),
        validators=[Optional(), Length(max=600, message=_l("Keep this to 600 characters."))],
    )
