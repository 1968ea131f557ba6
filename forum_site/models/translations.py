"""Who may check a language's interface translations, and which strings they checked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum_site.extensions import db
from forum_site.models.base import TimestampMixin, append_only, utcnow


class LanguageReviewer(TimestampMixin, db.Model):
    """A fluent speaker an admin trusts to check one language's translations."""

    __tablename__ = "language_reviewer"
    __table_args__ = (UniqueConstraint("user_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(10))
    granted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), default=None
    )

    user = relationship("User", foreign_keys=[user_id])


class TranslationCheck(db.Model):
    """A fluent speaker read this translation of this string and said it is right.

    Kept in the database (not in the .po files) so that ``pybabel update`` keeps it; it
    belongs to the exact translation it was made on: a changed translation is a draft again.
    """

    __tablename__ = "translation_check"
    __table_args__ = (UniqueConstraint("language", "message_key", "translation_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(10))
    message_key: Mapped[str] = mapped_column(String(64))
    translation_key: Mapped[str] = mapped_column(String(64))
    checked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), default=None
    )
    checked_by_name: Mapped[str] = mapped_column(String(100))
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ContentTranslation(TimestampMixin, db.Model):
    """A person's translation of a briefing, a meeting's purpose and summary, or an answer.

    Append-only like the rest of the record: a better translation is a new row, and
    readers see the newest. ``source_hash`` is the English it was made from, so pages
    can say when the English changed after it was translated."""

    __tablename__ = "content_translation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(index=True)
    language: Mapped[str] = mapped_column(String(10))
    fields: Mapped[dict] = mapped_column(JSON)
    source_hash: Mapped[str] = mapped_column(String(64))
    translated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), default=None
    )
    translated_by_name: Mapped[str] = mapped_column(String(100))


append_only(ContentTranslation, what="Translations")
