from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired, Email, Length


class ReviewerForm(FlaskForm):
    email = EmailField(
        _l("Their email address"),
        validators=[DataRequired(_l("Enter their email address.")), Email(), Length(max=254)],
    )
    language = SelectField(_l("Language they will check"), choices=[])


class MarkCheckedForm(FlaskForm):
    """The boxes are plain ``checked`` inputs: their values are the strings' keys."""
