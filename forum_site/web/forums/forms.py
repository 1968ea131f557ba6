from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, Regexp

from forum_site.models import Role
from forum_site.models.forums import (
    CONTACT_ADDRESS_LENGTH,
    CONTACT_EMAIL_LENGTH,
    CONTACT_PHONE_LENGTH,
)
from forum_site.services.contact_rules import (
    EMAIL_LENGTH_MESSAGE,
    EMAIL_MESSAGE,
    PHONE,
    PHONE_MESSAGE,
)
from forum_site.web.budgets.forms import PlainDateField
from forum_site.web.validation import SiteForm


class JoinForm(SiteForm):
    message = TextAreaField(
        _l("Anything you want the convenor to know (optional)"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("Keep this to 1000 characters or fewer.")),
        ],
    )


class DecideForm(SiteForm):
    decision = RadioField(
        _l("Your answer"),
        choices=[
            SelectChoice("approve", _l("Yes, let them join")),
            SelectChoice("decline", _l("No, not this time")),
        ],
        validators=[DataRequired(message=_l("Choose yes or no."))],
    )
    reply = TextAreaField(
        _l("Message to the person (optional)"),
        validators=[
            Optional(),
            Length(max=1000, message=_l("Keep this to 1000 characters or fewer.")),
        ],
    )


class InviteForm(SiteForm):
    email = EmailField(
        _l("Their email address"),
        validators=[
            DataRequired(message=_l("Enter the email address of the person to invite.")),
            Email(message=EMAIL_MESSAGE),
            Length(max=254, message=EMAIL_LENGTH_MESSAGE),
        ],
    )


class RoleForm(SiteForm):
    role = RadioField(
        _l("Role"),
        choices=[
            SelectChoice(Role.MEMBER.value, _l("Member")),
            SelectChoice(Role.CONVENOR.value, _l("Convenor")),
        ],
        validators=[DataRequired(message=_l("Choose a role."))],
    )


class ForumForm(SiteForm):
    name = StringField(
        _l("Forum name"),
        validators=[
            DataRequired(message=_l("Enter the forum's name.")),
            Length(max=150, message=_l("The name can have up to 150 characters.")),
        ],
    )
    description = TextAreaField(
        _l("What the forum is for"),
        validators=[
            DataRequired(message=_l("Say in a sentence or two what the forum is for.")),
            Length(max=5000, message=_l("Keep this to 5000 characters or fewer.")),
        ],
    )
    community = StringField(
        _l("Who the forum is for"),
        validators=[
            Optional(),
            Length(max=200, message=_l("Keep this to 200 characters or fewer.")),
        ],
    )
    is_private = BooleanField(_l("Private forum: only members can see it"))
    convened_by = StringField(
        _l("Who convenes the forum"),
        validators=[
            Optional(),
            Length(max=200, message=_l("Keep this to 200 characters or fewer.")),
        ],
    )
    convenor_funded_by = StringField(
        _l("Who pays for the convenor"),
        validators=[
            Optional(),
            Length(max=200, message=_l("Keep this to 200 characters or fewer.")),
        ],
    )


class ForumContactForm(SiteForm):
    """How to contact the forum. The service checks what each part may be."""

    phone = StringField(
        _l("Phone number"),
        validators=[
            Optional(),
            Length(
                max=CONTACT_PHONE_LENGTH,
                message=_l("A phone number can have up to %(max)s characters."),
            ),
            Regexp(PHONE, message=PHONE_MESSAGE),
        ],
    )
    email = EmailField(
        _l("Email address"),
        validators=[
            Optional(),
            Length(
                max=CONTACT_EMAIL_LENGTH,
                message=EMAIL_LENGTH_MESSAGE,
            ),
            Email(message=EMAIL_MESSAGE),
        ],
    )
    address = TextAreaField(
        _l("Address for letters"),
        validators=[
            Optional(),
            Length(
                max=CONTACT_ADDRESS_LENGTH,
                message=_l("Keep the address to %(max)s characters or fewer."),
            ),
        ],
    )


DATE_MESSAGE = _l("Enter the date, for example 1/4/2027.")


class WorkingTogetherForm(SiteForm):
    can_influence = TextAreaField(
        _l("What can the forum influence, and what not?"),
        validators=[
            DataRequired(message=_l("Say what the forum can influence.")),
            Length(max=5000),
        ],
    )
    response_promise = TextAreaField(
        _l("How quickly will members hear back?"),
        validators=[
            DataRequired(message=_l("Say how quickly members hear back.")),
            Length(max=5000),
        ],
    )
    payment = TextAreaField(
        _l("How are members paid for their time and expenses?"),
        validators=[
            DataRequired(message=_l("Say how time and expenses are paid.")),
            Length(max=5000),
        ],
    )
    convened_by = StringField(
        _l("Who convenes the forum?"),
        validators=[DataRequired(message=_l("Say who convenes the forum.")), Length(max=300)],
    )
    convening_paid_by = StringField(
        _l("Who pays for convening it?"),
        validators=[
            DataRequired(message=_l("Say who pays for convening the forum.")),
            Length(max=300),
        ],
    )
    agreed_by = StringField(
        _l("Who agreed it?"),
        validators=[DataRequired(message=_l("Say who agreed it.")), Length(max=300)],
    )
    agreed_on = PlainDateField(
        _l("When was it agreed?"), validators=[InputRequired(message=DATE_MESSAGE)]
    )
    what_changed = TextAreaField(
        _l("What changed from the last version?"), validators=[Optional(), Length(max=5000)]
    )
