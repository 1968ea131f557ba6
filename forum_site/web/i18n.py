"""Language choice: the person's setting, then their browser, then English."""

from __future__ import annotations

import flask_babel
from flask import Flask, current_app, g, has_request_context, request

from forum_site.extensions import babel
from forum_site.words import install_translator


def select_locale() -> str:
    """Outside a request (commands such as seed-demo, background jobs) words are English
    unless the caller chose a language with ``force_locale``."""
    languages = current_app.config["LANGUAGES"]
    prefs = getattr(g, "prefs", None)
    if prefs and prefs.language in languages:
        return prefs.language
    if not has_request_context():
        return "en"
    return request.accept_languages.best_match(list(languages)) or "en"


def text_direction(locale: str) -> str:
    return "rtl" if locale.split("_")[0] in current_app.config["RTL_LANGUAGES"] else "ltr"


def init_babel(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    # Words marked in services and vocabulary modules are shown in the reader's language.
    install_translator(flask_babel.gettext)
