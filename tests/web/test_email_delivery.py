"""Email goes through a real SMTP server when one is set up."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from tests.factories import make_user


class Collector(Message):
    def __init__(self):
        super().__init__()
        self.received = []

    def handle_message(self, message):
        self.received.append(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(app):
    handler = Collector()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False)
    try:
        yield handler
    finally:
        app.config.update(saved)
        controller.stop()


def test_reset_email_is_sent_by_smtp_and_marked_sent(client, db, smtp_server, outbox):
    make_user(db, email="smtp@example.org")
    client.post("/password/forgot", data={"email": "smtp@example.org"})
    assert len(smtp_server.received) == 1
    sent = smtp_server.received[0]
    assert sent["To"] == "smtp@example.org"
    assert "/password/reset/" in sent.get_payload()
    db.expire_all()
    assert outbox()[-1].sent_at is not None


def test_unreachable_mail_server_keeps_the_email_for_later(app, client, db, outbox):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), MAIL_USE_TLS=False)
    try:
        make_user(db, email="later@example.org")
        page = client.post("/password/forgot", data={"email": "later@example.org"})
        assert page.status_code == 200
    finally:
        app.config["MAIL_SERVER"] = None
    db.expire_all()
    email = outbox()[-1]
    assert email.sent_at is None
    assert email.last_error
