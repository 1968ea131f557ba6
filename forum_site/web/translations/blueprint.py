"""The translations blueprint. Its pages are in views (figures and checking) and content
(people's translations of what others wrote); the package's __init__ imports both."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("translations", __name__)
