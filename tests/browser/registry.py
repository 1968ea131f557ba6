"""The pieces of the page registry: page types, forms to send, and ``Demo``, which
finds pages in the demo database. The lists of pages are in pages.py and pages_*.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from sqlalchemy import select

from forum_site.demo.core import DEMO_PASSWORD, FORUMS
from forum_site.extensions import db

ROLES = {
    "anonymous": None,
    "member": "ali@example.org",
    "convenor": "grace@example.org",
    "commissioner": "priya.shah@example.org",
    "admin": "admin@example.org",
    "printer": "printer@example.org",  # made by conftest.live_app; has printed all it may
}
PASSWORD = DEMO_PASSWORD
SLUGS = {spec["key"]: spec["slug"] for spec in FORUMS}


@dataclass(frozen=True)
class FormSubmit:
    """Send the page's form (as the page fills it, plus ``fill``) to get the next page:
    with nothing filled in, that is the form showing its errors."""

    selector: str = "main form[method=post]"
    fill: tuple[tuple[str, str], ...] = ()
    drop_csrf: bool = False
    clear: tuple[str, ...] = ()  # fields to send empty (radio buttons and boxes unticked)
    # Sent as well, in a hidden field when the form has no such field: easy read's
    # one-question-a-screen forms have "_step", the whole form has not.
    add: tuple[tuple[str, str], ...] = ()


EMPTY = FormSubmit()


@dataclass(frozen=True)
class PageType:
    name: str
    endpoint: str | None  # the route it covers; None for pages with no route of their own
    find: Callable[[Demo], str]
    role: str = "anonymous"
    submit: FormSubmit | None = None
    status: int = 200
    language: str = ""  # a visitor's chosen language, visitors only ("ar" is right to left)
    settings: str = ""  # more of a visitor's reading settings: "text_size=larger&high_contrast=1"

    def reading_cookie(self, easy_read: bool) -> str:
        """The visitor's reading settings cookie for this page in this mode."""
        parts = ["easy_read=True"] if easy_read else []
        if self.language:
            parts.append(f"language={self.language}")
        if self.settings:
            parts.append(self.settings)
        return "&".join(parts)

    def expected_body_classes(self) -> set[str]:
        """Classes the body must have when this page's reading settings took effect."""
        wanted = set()
        for part in filter(None, self.settings.split("&")):
            key, _, value = part.partition("=")
            if key == "text_size":
                wanted.add(f"text-{value}")
            elif key == "high_contrast":
                wanted.add("high-contrast")
        return wanted

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split())


class Demo:
    """Finds pages in the demo data. Finders run inside a request context of the app."""

    def __init__(self, app) -> None:
        self.app = app
        self._paths: dict[str, str] = {}

    def path(self, page: PageType) -> str:
        if page.name not in self._paths:
            with self.app.test_request_context():
                self._paths[page.name] = page.find(self)
        return self._paths[page.name]

    @property
    def session(self):
        return db.session

    def url(self, endpoint: str, **values) -> str:
        return url_for(endpoint, **values)

    def forum(self, key: str):
        from forum_site.models import Forum

        return self.session.scalar(select(Forum).where(Forum.slug == SLUGS[key]))

    def user(self, role: str):
        from forum_site.models import User

        return self.session.scalar(select(User).where(User.email == ROLES[role]))

    def viewer(self, role: str):
        from forum_site.services.viewer import load_viewer

        return load_viewer(self.session, self.user(role))

    def first(self, statement):
        """The first row of a query, or a clear failure when the demo has none."""
        found = self.session.scalars(statement.limit(1)).first()
        if found is None:
            raise LookupError(f"the demo data has nothing for: {statement}")
        return found

    def link(self, path: str, prefix: str) -> str:
        """The first link on a page, as a visitor sees it, whose address starts with ``prefix``."""
        from bs4 import BeautifulSoup

        html = self.app.test_client().get(path).get_data(as_text=True)
        for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
            if anchor["href"].startswith(prefix):
                return anchor["href"]
        raise LookupError(f"no link starting {prefix!r} on {path}")

    def set_easy_read(self, role: str, on: bool) -> None:
        with self.app.app_context():
            self.session.expire_all()  # the site may have changed it since we last looked
            user = self.user(role)
            if user.easy_read != on:
                user.easy_read = on
                self.session.commit()


def forum_url(key: str, endpoint: str = "forums.show") -> Callable[[Demo], str]:
    return lambda demo: demo.url(endpoint, slug=SLUGS[key])


def fixed(endpoint: str, **values) -> Callable[[Demo], str]:
    return lambda demo: demo.url(endpoint, **values)
