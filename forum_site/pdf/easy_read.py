"""The easy-read version's body, from the shared easy-read renderer (easyread/render.py).

The same fragment the web pages show is printed here, styled by easyread.css's print
rules plus print-easy-read.css. Labels are passed in the reader's language.
"""

from __future__ import annotations

from flask_babel import get_locale
from markupsafe import Markup

from easyread.render import render_html
from forum_site.vocabulary.easy_read import renderer_labels


def easy_read_html(document) -> Markup:
    model = document.easy_read() if document.easy_read else None
    if model is None:
        return Markup("")
    return render_html(
        model, pictures=True, labels=renderer_labels(), reader_language=str(get_locale() or "en")
    )
