"""Every page type of the site, how to find one in the demo data, and who must be
signed in to see it. The browser suite runs axe, reflow and the HTML checker on each.

To add a page type: append a ``PageType`` to ``PAGES`` (in an area's list below, or a
new list joined into ``PAGES``). ``find`` gets a ``Demo`` and returns the page's path;
query the demo database with ``demo.first(...)`` or build URLs with ``demo.url(...)``.
A form shown with its errors is a second entry with ``submit=FormSubmit(...)``.
``test_every_route_has_a_page_type`` fails when a GET route has neither an entry here
nor a reason in ``EXCLUDED``."""

from __future__ import annotations

import re
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
}
PASSWORD = DEMO_PASSWORD
SLUGS = {spec["key"]: spec["slug"] for spec in FORUMS}

# Downloads are not HTML pages; their own area tests check them.
DOWNLOAD_SUFFIXES = (".ics", ".csv", ".json", ".pdf")

EXCLUDED = {
    "static": "static files",
    "main.healthz": "JSON health check for load balancers, not a page",
}


@dataclass(frozen=True)
class FormSubmit:
    """Send the page's form (as the page fills it, plus ``fill``) to get the next page:
    with nothing filled in, that is the form showing its errors."""

    selector: str = "main form[method=post]"
    fill: tuple[tuple[str, str], ...] = ()
    drop_csrf: bool = False


EMPTY = FormSubmit()


@dataclass(frozen=True)
class PageType:
    name: str
    endpoint: str | None  # the route it covers; None for pages with no route of their own
    find: Callable[[Demo], str]
    role: str = "anonymous"
    submit: FormSubmit | None = None
    status: int = 200

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

    def set_easy_read(self, role: str, on: bool) -> None:
        with self.app.app_context():
            user = self.user(role)
            if user.easy_read != on:
                user.easy_read = on
                self.session.commit()


def forum_url(key: str, endpoint: str = "forums.show") -> Callable[[Demo], str]:
    return lambda demo: demo.url(endpoint, slug=SLUGS[key])


def fixed(endpoint: str, **values) -> Callable[[Demo], str]:
    return lambda demo: demo.url(endpoint, **values)


def _invitation(demo: Demo) -> str:
    """A fresh invitation for the member to join a forum they are not in, taken from
    the email the site sends."""
    from forum_site.models import OutgoingEmail
    from forum_site.services import forums

    forums.invite(demo.session, demo.viewer("convenor"), demo.forum("older"), email=ROLES["member"])
    demo.session.commit()
    email = demo.first(
        select(OutgoingEmail)
        .where(OutgoingEmail.to_address == ROLES["member"])
        .order_by(OutgoingEmail.id.desc())
    )
    token = re.search(r"/invitations/(\S+)", email.body_text).group(1)
    return demo.url("forums.accept_invitation", token=token)


def _reset_link(demo: Demo) -> str:
    from forum_site.services import accounts

    token = accounts.make_reset_token(demo.user("member"), demo.app.config["SECRET_KEY"])
    return demo.url("accounts.reset_password", token=token)


def _message(demo: Demo) -> str:
    from forum_site.models import InboxMessage
    from forum_site.services import messages

    member = demo.user("member")
    query = select(InboxMessage).where(InboxMessage.user_id == member.id)
    if demo.session.scalars(query.limit(1)).first() is None:
        messages.send_message(
            demo.session,
            [member],
            subject="Your request to join was accepted",
            body="Grace has said yes. You can now come to meetings and have your say.",
            link=demo.url("forums.show", slug=SLUGS["ld"]),
            email=False,
        )
        demo.session.commit()
    return demo.url("inbox.show", message_id=demo.first(query.order_by(InboxMessage.id)).id)


CORE = [
    PageType("home", "main.home", fixed("main.home")),
    PageType("home, signed in", "main.home", fixed("main.home"), role="member"),
    PageType("forums list", "forums.index", fixed("forums.index")),
    PageType("forum page", "forums.show", forum_url("ld")),
    PageType("forum page, member", "forums.show", forum_url("ld"), role="member"),
    PageType("forum page, convenor", "forums.show", forum_url("ld"), role="convenor"),
    PageType("forum page, commissioner", "forums.show", forum_url("older"), role="commissioner"),
    PageType("join", "forums.join", forum_url("older", "forums.join"), role="member"),
    PageType(
        "join with errors",
        "forums.join",
        forum_url("older", "forums.join"),
        role="member",
        submit=FormSubmit(fill=(("message", "too long " * 120),)),
    ),
    PageType("requests", "forums.requests", forum_url("ld", "forums.requests"), role="convenor"),
    PageType(
        "requests with errors",
        "forums.requests",
        forum_url("ld", "forums.requests"),
        role="convenor",
        submit=FormSubmit(selector="main form[action*='/requests/']"),
        status=400,
    ),
    PageType("members", "forums.members", forum_url("ld", "forums.members"), role="convenor"),
    PageType("invite", "forums.invite", forum_url("ld", "forums.invite"), role="convenor"),
    PageType(
        "invite with errors",
        "forums.invite",
        forum_url("ld", "forums.invite"),
        role="convenor",
        submit=EMPTY,
    ),
    PageType("accept invitation", "forums.accept_invitation", _invitation, role="member"),
    PageType("new forum", "forums.new", fixed("forums.new"), role="admin"),
    PageType(
        "new forum with errors", "forums.new", fixed("forums.new"), role="admin", submit=EMPTY
    ),
    PageType("settings", "main.settings", fixed("main.settings")),
    PageType("accessibility", "main.accessibility", fixed("main.accessibility")),
    PageType("emails outbox", "main.outbox", fixed("main.outbox")),
    PageType("sign in", "accounts.sign_in", fixed("accounts.sign_in")),
    PageType("sign in with errors", "accounts.sign_in", fixed("accounts.sign_in"), submit=EMPTY),
    PageType("register", "accounts.register", fixed("accounts.register")),
    PageType("register with errors", "accounts.register", fixed("accounts.register"), submit=EMPTY),
    PageType("forgot password", "accounts.forgot_password", fixed("accounts.forgot_password")),
    PageType(
        "forgot password with errors",
        "accounts.forgot_password",
        fixed("accounts.forgot_password"),
        submit=EMPTY,
    ),
    PageType(
        "reset link sent",
        "accounts.forgot_password",
        fixed("accounts.forgot_password"),
        submit=FormSubmit(fill=(("email", "someone@example.org"),)),
    ),
    PageType("reset password", "accounts.reset_password", _reset_link),
    PageType("reset password with errors", "accounts.reset_password", _reset_link, submit=EMPTY),
    PageType(
        "reset link not working",
        "accounts.reset_password",
        fixed("accounts.reset_password", token="not-a-real-token"),
        status=400,
    ),
    PageType("account", "accounts.account", fixed("accounts.account"), role="member"),
    PageType(
        "change password", "accounts.change_password", fixed("accounts.change_password"), "member"
    ),
    PageType(
        "change password with errors",
        "accounts.change_password",
        fixed("accounts.change_password"),
        role="member",
        submit=EMPTY,
    ),
    PageType("inbox", "inbox.index", fixed("inbox.index"), role="member"),
    PageType("message", "inbox.show", _message, role="member"),
    PageType("error: page not found", None, lambda demo: "/no-such-page", status=404),
    PageType("error: not allowed", None, fixed("forums.new"), role="member", status=403),
    PageType(
        "error: expired form",
        None,
        fixed("main.accessibility"),
        submit=FormSubmit(selector="form.easy-read-switch", drop_csrf=True),
        status=400,
    ),
]

PAGES: list[PageType] = [*CORE]


# Problems found and not yet fixed (the file to fix is named). The tests expect them to
# fail (strict xfail), so fixing one makes the suite say: remove it from here.
KNOWN_PROBLEMS: dict[tuple[str, str], str] = {
    ("error: expired form", "easy-read"): (
        "the CSRF error is raised before forum_site/web/requests.py loads the reading "
        "settings, so the error page ignores easy read (and who is signed in)"
    ),
}

MODES = {"normal": False, "easy-read": True}


def cases(pages: list[PageType] | None = None) -> list:
    """Every page type in both reading modes, as pytest parameters grouped by role."""
    import pytest

    params = []
    for page in by_role(PAGES if pages is None else pages):
        for mode in MODES:
            reason = KNOWN_PROBLEMS.get((page.name, mode))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(page, mode, id=f"{page.slug}-{mode}", marks=marks))
    return params


def by_role(pages: list[PageType]) -> list[PageType]:
    """Grouped by who is signed in, so the browser signs in as few times as possible."""
    order = list(ROLES)
    return sorted(pages, key=lambda page: order.index(page.role))


def pages_needing_routes(app) -> list[str]:
    """GET routes that are HTML pages: everything but static files, downloads and
    POST-only routes."""
    endpoints = []
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint == "static":
            continue
        if rule.rule.endswith(DOWNLOAD_SUFFIXES):
            continue
        endpoints.append(rule.endpoint)
    return sorted(set(endpoints))
