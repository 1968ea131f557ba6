from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from forum_site.services.contact_rules import EMAIL_LENGTH as EMAIL_LENGTH_CHARS
from forum_site.services.contact_rules import EMAIL_LENGTH_MESSAGE, EMAIL_MESSAGE
from forum_site.web.validation import SiteForm

EMAIL_REQUIRED = DataRequired(message=_l("Enter your email address."))
EMAIL_FORMAT = Email(message=EMAIL_MESSAGE)
EMAIL_LENGTH = Length(max=EMAIL_LENGTH_CHARS, message=EMAIL_LENGTH_MESSAGE)


def strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


PASSWORD_LENGTH = Length(max=200, message=_l("A password can have up to 200 characters."))


class RegisterForm(SiteForm):
    """The first half of making an account: who you are. The password comes with the link."""

    display_name = StringField(
        _l("Your name"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Enter your name.")),
            Length(max=100, message=_l("Your name can have up to 100 characters.")),
        ],
    )
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[EMAIL_REQUIRED, EMAIL_FORMAT, EMAIL_LENGTH],
    )


class FinishRegistrationForm(SiteForm):
    """The second half of making an account, from the link in the email."""

    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(message=_l("Choose a password.")),
            Length(min=10, message=_l("Your password needs at least 10 characters.")),
            PASSWORD_LENGTH,
        ],
    )


class SignInForm(SiteForm):
    email = EmailField(
        _l("Email address"), filters=[strip], validators=[EMAIL_REQUIRED, EMAIL_LENGTH]
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Enter your password.")), PASSWORD_LENGTH],
    )


class ForgotPasswordForm(SiteForm):
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[EMAIL_REQUIRED, EMAIL_FORMAT, EMAIL_LENGTH],
    )


class NewPasswordForm(SiteForm):
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Choose a new password.")),
            Length(min=10, message=_l("Your password needs at least 10 characters.")),
            PASSWORD_LENGTH,
        ],
    )
    confirm = PasswordField(
        _l("Type the new password again"),
        validators=[
            DataRequired(message=_l("Type the new password again.")),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Enter your current password.")), PASSWORD_LENGTH],
    )


class ButtonForm(SiteForm):
    """A button that only needs its CSRF token."""
