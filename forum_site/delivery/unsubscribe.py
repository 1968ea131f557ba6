"""Signed unsubscribe links: they work without signing in, and only for that person and kind."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from forum_site.models import Channel, NoticeKind

SALT = "notice-unsubscribe"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token_for(user_id: int, what: NoticeKind | Channel) -> str:
    """``what`` is a kind (stop these emails) or a digest channel (stop this round-up)."""
    return _serializer().dumps([user_id, str(what)])


def read_token(token: str) -> tuple[int, NoticeKind | Channel] | None:
    try:
        user_id, what = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int):
        return None
    if what in {c.value for c in (Channel.DAILY, Channel.WEEKLY)}:
        return user_id, Channel(what)
    if what in {k.value for k in NoticeKind}:
        return user_id, NoticeKind(what)
    return None
