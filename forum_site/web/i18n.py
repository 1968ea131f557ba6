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


def reader_translations():
    """The catalogue for the language words are shown in now, found once a request.

    Flask-Babel looks up its context, the locale and its cache again for every message
    (some 25 microseconds), and a page shows hundreds (issue 20). It is found again when
    the language changes in the middle (``force_locale`` for someone else's email).
    """
    locale = flask_babel.get_locale()
    if locale is None:  # no app context: English
        return flask_babel.get_translations()
    kept = g.get("_reader_translations")
    if kept is None or kept[0] is not locale:
        kept = g._reader_translations = (locale, flask_babel.get_translations())
    return kept[1]


def init_babel(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: reader_translations().ugettext(s),
        ngettext=lambda s, p, n: reader_translations().ungettext(s, p, n),
        pgettext=lambda c, s: reader_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: reader_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    # Words marked in services and vocabulary modules are shown in the reader's language.
    install_translator(lambda text: reader_translations().ugettext(text))
