"""Every form on the site is a SiteForm, so the site-wide checks (NUL bytes, lengths,
choices, CSRF only where a form is shown) run before the form's own validators."""

import importlib
import pkgutil

from flask_wtf import FlaskForm

import forum_site.web
from forum_site.web.validation import SiteForm


def _all_form_classes() -> list[type]:
    for module in pkgutil.walk_packages(forum_site.web.__path__, "forum_site.web."):
        importlib.import_module(module.name)
    found, todo = [], [FlaskForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [c for c in found if c.__module__.startswith("forum_site.")]


def test_every_form_on_the_site_is_a_site_form():
    from forum_site.web.translations import content

    for kind in ("briefing", "meeting", "glossary"):  # forms made when first asked for
        content._form_class(kind)
    forms = _all_form_classes()
    assert len(forms) > 40
    strays = sorted(f"{c.__module__}.{c.__name__}" for c in forms if not issubclass(c, SiteForm))
    assert strays == []
