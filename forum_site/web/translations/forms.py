from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired, Email, Length

from forum_site.services.contact_rules import EMAIL_LENGTH, EMAIL_LENGTH_MESSAGE, EMAIL_MESSAGE
from forum_site.web.validation import SiteForm


class ReviewerForm(SiteForm):
    email = EmailField(
        _l("Their email address"),
        validators=[
            DataRequired(_l("Enter their email address.")),
            Email(message=EMAIL_MESSAGE),
            Length(max=EMAIL_LENGTH, message=EMAIL_LENGTH_MESSAGE),
        ],
    )
    language = SelectField(_l("Language they will check"), choices=[])


class MarkCheckedForm(SiteForm):
    """The boxes are plain ``checked`` inputs: their values are the strings' keys."""
