"""Emails for notifications, written in the recipient's language and reading mode."""

from __future__ import annotations

from flask import current_app
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy.orm import Session

from forum_site.delivery.render import Written, write
from forum_site.delivery.unsubscribe import token_for
from forum_site.delivery.words import what_name
from forum_site.models import Channel, Contribution, Notification, OutgoingEmail, User, Visibility
from forum_site.services import translations


def _site() -> str:
    return current_app.config["SITE_URL"].rstrip("/")


def locale_of(user: User) -> str:
    languages = current_app.config["LANGUAGES"]
    return user.language if user.language in languages else "en"


def one_notice(session: Session, user: User, notice: Notification) -> OutgoingEmail:
    with force_locale(locale_of(user)):
        written = write(session, notice, user, easy_read=user.easy_read)
        body = "\n\n".join([written.body, _see_it(written), _footer(session, user, notice.kind)])
        email = _queue(session, user, written.subject, body, token_for(user.id, notice.kind))
        email.about_anonymous = _about_anonymous(session, [notice])
        return email


def digest(session: Session, user: User, notices: list[Notification], channel) -> OutgoingEmail:
    with force_locale(locale_of(user)):
        items = [write(session, n, user, easy_read=user.easy_read) for n in notices]
        subject = _digest_subject(channel, len(items))
        parts = [f"{w.subject}\n\n{w.body}\n\n{_see_it(w)}" for w in items]
        body = "\n\n----------\n\n".join([*parts, _footer(session, user, channel)])
        email = _queue(session, user, subject, body, token_for(user.id, channel))
        email.about_anonymous = _about_anonymous(session, notices)
        return email


def _digest_subject(channel, count: int) -> str:
    if channel == Channel.WEEKLY:
        return ngettext(
            "This week on forum-site: %(num)d new message",
            "This week on forum-site: %(num)d new messages",
            count,
        )
    return ngettext(
        "Today on forum-site: %(num)d new message",
        "Today on forum-site: %(num)d new messages",
        count,
    )


def _see_it(written: Written) -> str:
    return gettext("See it on the site: %(url)s", url=_site() + written.link)


def unsubscribe_url(token: str) -> str:
    return f"{_site()}/unsubscribe/{token}"


def _footer(session: Session, user: User, what) -> str:
    draft = translations.is_draft(session, current_app.config, locale_of(user))
    return "\n".join(
        [
            *([str(translations.DRAFT_NOTICE)] if draft else []),
            gettext("You get this because of your choices: %(what)s.", what=what_name(what)),
            gettext("Stop these emails: %(url)s", url=unsubscribe_url(token_for(user.id, what))),
            gettext("Choose what we send you: %(url)s", url=_site() + "/settings/notifications"),
        ]
    )


def _queue(session: Session, user: User, subject: str, body: str, token: str) -> OutgoingEmail:
    email = OutgoingEmail(
        to_address=user.email,
        subject=subject[:200],
        body_text=body,
        unsubscribe_url=unsubscribe_url(token),
    )
    session.add(email)
    return email


def _about_anonymous(session: Session, notices: list[Notification]) -> bool:
    """The outbox never shows who an email about an anonymous point went to."""
    ids = [n.contribution_id for n in notices if n.contribution_id]
    return any(session.get(Contribution, i).visibility == Visibility.ANONYMOUS for i in ids)
