"""The main menu. An area's link appears once its endpoint exists, so areas can land
in any order without editing the base template."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, g, request, url_for
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    picture: str
    current: bool
    badge: int = 0


# endpoint, label, picture id, who sees it ("all", "signed_in", "signed_out")
MENU = [
    ("main.home", _l("Home"), "home", "all"),
    ("forums.index", _l("Forums"), "group", "all"),
    ("glossary.index", _l("Hard words"), "book", "all"),
    ("search.index", _l("Search"), "search", "all"),
    ("inbox.index", _l("Messages"), "letter", "signed_in"),
    ("accounts.account", _l("Your account"), "person", "signed_in"),
    ("accounts.sign_in", _l("Sign in"), "key", "signed_out"),
    ("accounts.register", _l("Make an account"), "person-add", "signed_out"),
]


def nav_items(unread: int = 0) -> list[NavItem]:
    signed_in = getattr(g, "viewer", None) is not None and g.viewer.signed_in
    items = []
    for endpoint, label, picture, audience in MENU:
        if endpoint not in current_app.view_functions:
            continue
        if (audience == "signed_in" and not signed_in) or (audience == "signed_out" and signed_in):
            continue
        url = url_for(endpoint)
        current = request.path == url or (url != "/" and request.path.startswith(url + "/"))
        badge = unread if endpoint == "inbox.index" else 0
        items.append(NavItem(url, str(label), picture, current, badge))
    return items
