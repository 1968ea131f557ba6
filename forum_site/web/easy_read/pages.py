"""Which template shows a page: its easy-read version, for someone who reads in easy read.

The choice is made here, once, not by each page. A page such as ``forums/join.html`` has
an easy-read version when ``easy_read/pages/forums/join.html`` exists. That template
extends the page and words only its own blocks (usually ``content``), so the page title,
the head and every block it leaves alone stay the page's
(tests/unit/test_templates_rules.py keeps the pairs in step).
"""

from __future__ import annotations

from flask import current_app

from forum_site.web.requests import reading_preferences

FOLDER = "easy_read/pages/"


def easy_read_version(page: str) -> str:
    return FOLDER + page


def template_for(page: str) -> str:
    """``page``, or its easy-read version when the reader chose easy read and it has one."""
    if not reading_preferences().easy_read:
        return page
    return current_app.jinja_env.select_template([easy_read_version(page), page]).name


def template_with_block(page: str, block: str) -> str:
    """The template whose ``block`` htmx gets: the easy-read version's own when it words
    that block, else the page's (the next rows of a list are one block in both modes)."""
    chosen = template_for(page)
    return chosen if block in current_app.jinja_env.get_template(chosen).blocks else page
