"""The contributions blueprint. Its pages are in views and feedback_views, its panels on
other areas' pages in panels; the package's __init__ imports them all."""

from __future__ import annotations

from flask import Blueprint

from forum_site.web.contributions import wording

bp = Blueprint("contributions", __name__)
wording.register(bp)
