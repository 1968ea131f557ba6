"""Reading preferences: from the account when signed in, from a cookie for visitors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from flask import Request

COOKIE_NAME = "reading_prefs"
TEXT_SIZES = ("normal", "large", "larger")


@dataclass(frozen=True)
class Preferences:
    easy_read: bool = False
    hide_pictures: bool = False
    text_size: str = "normal"
    high_contrast: bool = False
    language: str | None = None

    def body_classes(self) -> str:
        classes = [f"text-{self.text_size}"]
        if self.easy_read:
            classes.append("easy-read")
        if self.high_contrast:
            classes.append("high-contrast")
        if self.hide_pictures:
            classes.append("no-pictures")
        return " ".join(classes)

    def to_cookie(self) -> str:
        data = asdict(self)
        return "&".join(f"{key}={'' if value is None else value}" for key, value in data.items())

    def toggled_easy_read(self) -> Preferences:
        return replace(self, easy_read=not self.easy_read)


def _flag(value: str | None) -> bool:
    return value in {"1", "True", "true", "on"}


def from_cookie(raw: str | None, languages) -> Preferences:
    if not raw:
        return Preferences()
    values = dict(part.partition("=")[::2] for part in raw.split("&") if "=" in part)
    size = values.get("text_size")
    language = values.get("language")
    return Preferences(
        easy_read=_flag(values.get("easy_read")),
        hide_pictures=_flag(values.get("hide_pictures")),
        text_size=size if size in TEXT_SIZES else "normal",
        high_contrast=_flag(values.get("high_contrast")),
        language=language if language in languages else None,
    )


def from_user(user) -> Preferences:
    return Preferences(
        easy_read=user.easy_read,
        hide_pictures=user.hide_pictures,
        text_size=str(user.text_size),
        high_contrast=user.high_contrast,
        language=user.language,
    )


def for_request(request: Request, user, languages) -> Preferences:
    if user is not None and user.is_authenticated:
        return from_user(user)
    return from_cookie(request.cookies.get(COOKIE_NAME), languages)
