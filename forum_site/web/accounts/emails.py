"""The email that "Make an account" sends: a link to finish for a new address, a warning
for an address that has an account. Either way the page says only "Check your email"."""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import force_locale, gettext
from sqlalchemy.orm import Session

from forum_site.delivery.emails import locale_of
from forum_site.models import User
from forum_site.services import accounts, messages
from forum_site.services.accounts import Registration
from forum_site.web.responses import site_url


def send_registration_email(session: Session, registration: Registration) -> None:
    owner = accounts.find_user_by_email(session, registration.email)
    if owner is None:
        _finish_link(session, registration)
    else:
        _already_have_an_account(session, owner, registration)


def _finish_link(session: Session, registration: Registration) -> None:
    """In the language of the page the person used to ask. Nothing they typed is in it
    (the name travels inside the encrypted link), so the form cannot send anyone our email
    with someone else's words in it."""
    token = accounts.make_registration_token(registration, current_app.config["SECRET_KEY"])
    link = site_url() + url_for("accounts.finish_registration", token=token)
    messages.queue_email(
        session,
        to=registration.email,
        subject=gettext("Finish making your forum-site account"),
        body=gettext(
            "Someone asked to make a forum-site account with this email address. "
            "If it was you, open this link within 24 hours and choose your password: "
            "%(link)s\n\n"
            "If it was not you, you can ignore this email. No account is made until "
            "the link is used.",
            link=link,
        ),
    )


def _already_have_an_account(session: Session, owner: User, registration: Registration) -> None:
    """In the owner's own language: they may not be the person who asked."""
    sign_in = site_url() + url_for("accounts.sign_in", next=registration.next_page or None)
    reset = site_url() + url_for("accounts.forgot_password")
    with force_locale(locale_of(owner)):
        messages.queue_email(
            session,
            to=owner.email,
            subject=gettext("Someone tried to make a new account with your email address"),
            body=gettext(
                "Someone asked to make a new forum-site account with this email address. "
                "You already have an account, so we have not made another one.\n\n"
                "If it was you, sign in here: %(sign_in)s\n"
                "If you have forgotten your password, you can choose a new one here: "
                "%(reset)s\n\n"
                "If it was not you, you can ignore this email. Nobody can use your "
                "account without your password.",
                sign_in=sign_in,
                reset=reset,
            ),
        )
