"""Small formatting helpers every print template gets (dates, money, line breaks)."""

from __future__ import annotations

import re

from flask_babel import format_date, format_time, get_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from forum_site.models.base import as_utc
from forum_site.services.money import format_money

OUTCOME_LABELS = {
    "changed": _l("This changed what happens."),
    "partly": _l("This changed some things."),
    "not_taken_forward": _l("We did not do this, and we said why."),
    "already_happening": _l("This was already happening."),
}


def when(moment) -> str:
    moment = as_utc(moment)
    return (
        f"{format_date(moment, 'EEEE d MMMM y')}, {format_time(moment, 'h:mm a')}" if moment else ""
    )


def time_of(moment) -> str:
    return format_time(as_utc(moment), "h:mm a") if moment else ""


def day(value) -> str:
    return format_date(value, "d MMMM y") if value else ""


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
    return str(OUTCOME_LABELS.get(getattr(outcome, "value", outcome), ""))


def template_helpers() -> dict:
    return {
        "when": when,
        "time_of": time_of,
        "day": day,
        "money": money,
        "lines_br": lines_br,
        "demote": demote,
        "outcome_label": outcome_label,
        "dir_attr": dir_attr,
    }
