"""The easy-read version's body, from the shared easy-read renderer (easyread/render.py).

The same fragment the web pages show is printed here, styled by easyread.css's print
rules plus print-easy-read.css. Labels are passed in the reader's language.
"""

from __future__ import annotations

from flask_babel import gettext as _
from markupsafe import Markup

from easyread.render import render_html


def easy_read_html(document) -> Markup:
    model = document.easy_read() if document.easy_read else None
    if model is None:
        return Markup("")
    return render_html(model, pictures=True, labels=labels())


def labels() -> dict[str, str]:
    return {
        "checked": _("A person checked this easy read:"),
        "automatic": _("This easy read was made automatically. A person has not checked it yet."),
        "contact": _("Who to contact"),
        "word_list": _("Words to know"),
        "hard_word": _("Hard word:"),
        "phone": _("Phone:"),
        "email": _("Email:"),
        "address": _("Address:"),
    }
