"""The email that adding an address sends: a link to finish for an address with no
account, a note to the owner of an address that has one. Either way the page says only
"We have sent an email", so a supported member's account cannot test who is here."""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import force_locale, gettext
from sqlalchemy.orm import Session

from forum_site.delivery.emails import locale_of
from forum_site.models import User
from forum_site.services import accounts, messages
from forum_site.web.responses import site_url


def send_add_email_email(session: Session, member: User, email: str) -> None:
    address = accounts.normalise_email(email)
    owner = accounts.find_user_by_email(session, address)
    if owner is None:
        _finish_link(session, member, address)
    else:
        _address_has_an_account(session, owner)


def _finish_link(session: Session, member: User, address: str) -> None:
    """In the member's language. Nothing about the account is in it (not even the name):
    the address may have been typed wrongly, and the link works only for the member."""
    secret = current_app.config["SECRET_KEY"]
    token = accounts.make_added_email_token(member.id, address, secret)
    link = site_url() + url_for("not_online.confirm_email", token=token)
    with force_locale(locale_of(member)):
        messages.queue_email(
            session,
            to=address,
            subject=gettext("Finish adding your email address to forum-site"),
            body=gettext(
                "Someone asked to add this email address to their forum-site account. "
                "If it was you, open this link within 24 hours and choose your password: "
                "%(link)s\n\n"
                "Open it on the computer where you signed in with your card, or sign in "
                "with your card first.\n\n"
                "If it was not you, you can ignore this email. Nothing changes until the "
                "link is used.",
                link=link,
            ),
        )


def _address_has_an_account(session: Session, owner: User) -> None:
    """In the owner's own language: they may not be the person who asked."""
    sign_in = site_url() + url_for("accounts.sign_in")
    reset = site_url() + url_for("accounts.forgot_password")
    with force_locale(locale_of(owner)):
        messages.queue_email(
            session,
            to=owner.email,
            subject=gettext("Someone tried to add your email address to another account"),
            body=gettext(
                "Someone asked to add this email address to another forum-site account. "
                "You already have an account with this address, so we have not added it "
                "anywhere. Nothing has changed.\n\n"
                "If it was you, sign in here: %(sign_in)s\n"
                "If you have forgotten your password, you can choose a new one here: "
                "%(reset)s\n\n"
                "If it was not you, you can ignore this email. Nobody can use your "
                "account without your password.",
                sign_in=sign_in,
                reset=reset,
            ),
        )
