"""The RQ job that sends notifications queued by a request (``rq worker notifications``)."""

from __future__ import annotations

_app = None


def send_notifications() -> int:
    """Send the notification emails and letters that are due."""
    global _app
    from forum_site import create_app
    from forum_site.delivery.run import send_now
    from forum_site.extensions import db
    from forum_site.mail import deliver_pending

    _app = _app or create_app()
    with _app.app_context():
        sent = send_now(db.session)
        deliver_pending()
        return sent
