"""What a phone number and an email address may look like: one rule and one message each.

Forms use them so that every field's error shows at once; services check the same rule
again, so nothing saved can break it. An email address is checked by the library WTForms'
own ``Email`` validator uses (email-validator), never by a second pattern of our own."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from forum_site.words import _l

EMAIL_LENGTH = 254  # the longest address the standard allows
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}$")  # digits, spaces, brackets, dashes

EMAIL_MESSAGE = _l("Enter an email address like name@example.com.")
EMAIL_LENGTH_MESSAGE = _l("An email address can have up to 254 characters.")
PHONE_MESSAGE = _l("Enter a phone number, for example 01632 960 123.")


def is_email_address(text: str) -> bool:
    """True when ``text`` is an address a person could be written to (not checking that
    the domain takes mail: that would need the network)."""
    if not text or len(text) > EMAIL_LENGTH:
        return False
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def is_phone_number(text: str, max_length: int) -> bool:
    return bool(text) and len(text) <= max_length and bool(PHONE.match(text))
