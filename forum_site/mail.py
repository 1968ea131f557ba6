"""Delivering queued emails after the request has committed."""

from __future__ import annotations

import logging
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select

from forum_site.extensions import db
from forum_site.models import OutgoingEmail

log = logging.getLogger(__name__)


def deliver_pending(limit: int = 50) -> int:
    """Send unsent emails through SMTP. Without a mail server they stay in the outbox."""
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        return 0
    pending = db.session.scalars(
        select(OutgoingEmail).where(OutgoingEmail.sent_at.is_(None)).limit(limit)
    ).all()
    if not pending:
        return 0
    sent = 0
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for email in pending:
                smtp.send_message(_as_message(email, config["MAIL_FROM"]))
                email.sent_at = datetime.now(UTC)
                sent += 1
    except (OSError, smtplib.SMTPException) as error:
        log.warning("Email delivery failed, will retry later: %s", error)
        for email in pending:
            if email.sent_at is None:
                email.last_error = str(error)[:500]
    db.session.commit()
    return sent


def _as_message(email: OutgoingEmail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = email.to_address
    message["Subject"] = email.subject
    message.set_content(email.body_text)
    return message
