"""Delivering queued emails after the request has committed."""

from __future__ import annotations

import logging
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select, update

from forum_site.extensions import db
from forum_site.models import OutgoingEmail

log = logging.getLogger(__name__)


def deliver_pending(limit: int = 50) -> int:
    """Send unsent emails through SMTP. Without a mail server they stay in the outbox.

    Each email is claimed (``sent_at`` set where it was empty, committed) before it is
    handed to SMTP, so two deliverers running at once never send the same one twice; a
    failed send gives the claim back to be retried later."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0
    pending = db.session.scalars(
        select(OutgoingEmail.id).where(OutgoingEmail.sent_at.is_(None)).limit(limit)
    ).all()
    mine = [email_id for email_id in pending if _claim(email_id)]
    db.session.commit()
    if not mine:
        return 0
    emails = db.session.scalars(select(OutgoingEmail).where(OutgoingEmail.id.in_(mine))).all()
    sent = _send_all(config, emails)
    db.session.commit()
    return sent


def _claim(email_id: int) -> bool:
    result = db.session.execute(
        update(OutgoingEmail)
        .where(OutgoingEmail.id == email_id, OutgoingEmail.sent_at.is_(None))
        .values(sent_at=datetime.now(UTC))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _send_all(config, emails: list[OutgoingEmail]) -> int:
    sent = 0
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for email in emails:
                smtp.send_message(as_message(email, config["MAIL_FROM"]))
                sent += 1
    except (OSError, smtplib.SMTPException) as error:
        log.warning("Email delivery failed, will retry later: %s", error)
        for email in emails[sent:]:
            email.sent_at = None
            email.last_error = str(error)[:500]
    return sent


def as_message(email: OutgoingEmail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = email.to_address
    message["Subject"] = email.subject
    if email.unsubscribe_url:
        # RFC 8058: mail programs show "Unsubscribe" and POST to the link, no sign-in.
        message["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(email.body_text)
    return message
