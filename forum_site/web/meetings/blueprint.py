"""The meetings blueprint. Its pages are in views, editing, taking_part and after; the
package's __init__ imports them all, so the blueprint is whole wherever it is used."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("meetings", __name__)
