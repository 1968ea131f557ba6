from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from forum_site.models.not_online import ConsentHow, ReachBy
from forum_site.services.contact_rules import EMAIL_MESSAGE
from forum_site.web.accounts.forms import strip
from forum_site.web.validation import SiteForm

REACH_BY = {
    ReachBy.CONVENOR: _l("Through the convenor: I hand them their letters"),
    ReachBy.POST: _l("By post to their address"),
    ReachBy.PHONE: _l("By phone: I ring them and read their letters out"),
}
CONSENT_HOW = {
    ConsentHow.IN_PERSON: _l("In person"),
    ConsentHow.PHONE: _l("On the phone"),
    ConsentHow.PAPER: _l("They signed a paper form"),
}
PIN_HINT = _l("4 to 6 numbers the person chose, or you chose with them. It is never printed.")


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(key.value, label) for key, label in labels.items()]


class SupportedMemberForm(SiteForm):
    name = StringField(
        _l("Their name"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the person's name.")), Length(max=100)],
    )
    reach_by = RadioField(
        _l("How do we reach them?"), choices=_choices(REACH_BY), validate_choice=False
    )
    postal_address = TextAreaField(
        _l("Postal address (for letters by post)"), validators=[Optional(), Length(max=500)]
    )
    phone = StringField(
        _l("Phone number (for a phone call)"), filters=[strip], validators=[Length(max=40)]
    )
    easy_read = BooleanField(_l("Send their letters in easy read"))
    consent_from = StringField(
        _l("Who agreed?"),
        filters=[strip],
        validators=[Length(max=200)],
        default=_l("The person themselves"),
    )
    consent_how = RadioField(
        _l("How did they agree?"), choices=_choices(CONSENT_HOW), validate_choice=False
    )
    consent_confirmed = BooleanField(
        _l("They agreed to have an account made for them, and to us keeping these details")
    )


class CardForm(SiteForm):
    pin = PasswordField(
        _l("PIN"), validators=[DataRequired(message=_l("Enter a PIN of 4 to 6 numbers."))]
    )
    pin_again = PasswordField(
        _l("Type the PIN again"),
        validators=[
            DataRequired(message=_l("Type the PIN again.")),
            EqualTo("pin", message=_l("The two PINs are not the same.")),
        ],
    )


class CardSignInForm(SiteForm):
    code = StringField(
        _l("The code on your card"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Type the code on your card.")),
            Length(max=32, message=_l("That is too long for a card code.")),
        ],
    )
    pin = PasswordField(
        _l("Your PIN"),
        validators=[
            DataRequired(message=_l("Type your PIN.")),
            Length(max=20, message=_l("A PIN is 4 to 6 numbers.")),
        ],
    )


class VenueComputerForm(SiteForm):
    name = StringField(
        _l("Where is this computer?"),
        filters=[strip],
        validators=[DataRequired(message=_l("Say where this computer is.")), Length(max=100)],
    )
    idle_minutes = SelectField(
        _l("Sign people out when nobody has used it for"),
        choices=[SelectChoice(str(n), _l("%(n)s minutes", n=n)) for n in (3, 5, 10, 15)],
        default="5",
    )


class TakeOverForm(SiteForm):
    email = EmailField(
        _l("Your email address"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Enter your email address.")),
            Email(message=EMAIL_MESSAGE),
            Length(max=254),
        ],
    )


class LettersSentForm(SiteForm):
    """The letter ids come from ticked boxes (request.form.getlist)."""


class AttendanceForm(SiteForm):
    """Ticks and amounts come per person (came, expenses-<id>, note-<id>)."""
