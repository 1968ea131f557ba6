"""Small formatting helpers every print template gets (dates, money, line breaks)."""

from __future__ import annotations

import re

from flask_babel import get_locale
from markupsafe import Markup, escape

from forum_site.dates import date_and_time as when
from forum_site.dates import easy_date_and_time, time_of
from forum_site.dates import plain_date as day
from forum_site.models.contributions import Status
from forum_site.services.money import format_money
from forum_site.vocabulary.contributions import OUTCOME_HEADINGS


def money(pence: int | None) -> str:
    return format_money(pence or 0, str(get_locale() or "en_GB"))


def lines_br(text: str) -> Markup:
    """Plain text with its line breaks kept (addresses, joining details)."""
    return Markup("<br>").join(escape(line) for line in (text or "").splitlines())


def demote(html: str) -> Markup:
    """A briefing's own h2/h3 sit under the pack's h3, so shift them down one level."""
    shifted = re.sub(r"<(/?)h([234])>", lambda m: f"<{m[1]}h{int(m[2]) + 2}>", str(html))
    return Markup(shifted)


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG_LTR = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u052f\u3040-\u9fff]")


def dir_attr(text: str | None) -> Markup:
    """A ``dir`` for a block of writers' text, from its first strong letter.

    WeasyPrint has no ``dir="auto"``: without this, English text in an Arabic document
    (or Arabic in an English one) gets its full stops at the wrong end."""
    for ch in text or "":
        if _RTL.match(ch):
            return Markup(' dir="rtl"')
        if _STRONG_LTR.match(ch):
            return Markup(' dir="ltr"')
    return Markup("")


def outcome_label(outcome) -> str:
    try:
        return str(OUTCOME_HEADINGS.get(Status(getattr(outcome, "value", outcome)), ""))
    except ValueError:
        return ""


def template_helpers() -> dict:
    return {
        "when": when,
        "easy_when": easy_date_and_time,
        "time_of": time_of,
        "day": day,
        "money": money,
        "lines_br": lines_br,
        "demote": demote,
        "outcome_label": outcome_label,
        "dir_attr": dir_attr,
    }
