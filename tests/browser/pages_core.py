"""Page types of the foundation: home, forums, accounts, inbox and error pages."""

from __future__ import annotations

import re

from sqlalchemy import select

from tests.browser.registry import (
    EMPTY,
    ROLES,
    SLUGS,
    Demo,
    FormSubmit,
    PageType,
    fixed,
    forum_url,
)


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


def _finish_link(email: str):
    """The link "Make an account" emails to a new address (or, for an address that has
    an account by now, the page that says so)."""

    def find(demo: Demo) -> str:
        from forum_site.services import accounts

        registration = accounts.Registration(email=email, display_name="Sam Newton")
        token = accounts.make_registration_token(registration, demo.app.config["SECRET_KEY"])
        return demo.url("accounts.finish_registration", token=token)

    return find


# Name and email address given, and sent at once in easy read too (_step=last).
SEND_THE_LINK = FormSubmit(
    fill=(("display_name", "Sam Newton"), ("email", "sam.newton@example.org")),
    add=(("_step", "last"),),
)


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


def _unsubscribe_link(demo: Demo) -> str:
    """The link at the foot of a notification email (RFC 8058 one-click unsubscribe)."""
    from forum_site.delivery.unsubscribe import token_for
    from forum_site.models import NoticeKind

    token = token_for(demo.user("member").id, NoticeKind.MEETING_PUBLISHED)
    return demo.url("notices.unsubscribe", token=token)


BIG = "text_size=larger&high_contrast=1"  # the largest text and the high-contrast colours


def _translate_url(language: str = ""):
    def find(demo: Demo) -> str:
        from tests.browser.pages_areas import briefing_url

        briefing_path = briefing_url("briefings.show")(demo)
        briefing_id = int(briefing_path.rstrip("/").rsplit("/", 1)[1])
        path = demo.url(
            "translations.choose_language", kind_name="briefing", subject_id=briefing_id
        )
        return f"{path}/{language}" if language else path

    return find


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
        "how we work together",
        "forums.working_together",
        forum_url("ld", "forums.working_together"),
        role="member",
    ),
    PageType(
        "write how we work together",
        "forums.write_working_together",
        forum_url("ld", "forums.write_working_together"),
        role="convenor",
    ),
    PageType(
        "write how we work together with errors",
        "forums.write_working_together",
        forum_url("ld", "forums.write_working_together"),
        role="convenor",
        submit=FormSubmit(clear=("payment", "what_changed")),
        status=400,
    ),
    PageType(
        "requests with errors",
        "forums.requests",
        forum_url("ld", "forums.requests"),
        role="convenor",
        submit=FormSubmit(selector="main form[action*='/requests/']"),
        status=400,
    ),
    PageType("forum contact", "forums.contact", forum_url("ld", "forums.contact"), role="convenor"),
    PageType(
        "forum contact with errors",
        "forums.contact",
        forum_url("ld", "forums.contact"),
        role="convenor",
        submit=FormSubmit(fill=(("phone", "call me"), ("email", "not an address"))),
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
    PageType("about the pictures", "main.pictures", fixed("main.pictures")),
    PageType("emails outbox", "main.outbox", fixed("main.outbox"), role="admin"),
    PageType("sign in", "accounts.sign_in", fixed("accounts.sign_in")),
    PageType("sign in with errors", "accounts.sign_in", fixed("accounts.sign_in"), submit=EMPTY),
    PageType("register", "accounts.register", fixed("accounts.register")),
    PageType("register with errors", "accounts.register", fixed("accounts.register"), submit=EMPTY),
    PageType(
        "register: check your email",
        "accounts.register",
        fixed("accounts.register"),
        submit=SEND_THE_LINK,
    ),
    PageType(
        "register: choose a password",
        "accounts.finish_registration",
        _finish_link("sam.newton@example.org"),
    ),
    PageType(
        "register: choose a password with errors",
        "accounts.finish_registration",
        _finish_link("sam.newton@example.org"),
        submit=EMPTY,
    ),
    PageType(
        "register: link not working",
        "accounts.finish_registration",
        fixed("accounts.finish_registration", token="not-a-real-token"),
        status=400,
    ),
    PageType(
        "register: account made already",
        "accounts.finish_registration",
        _finish_link(ROLES["member"]),
        status=400,
    ),
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
    PageType("home, a member's own", "main.home", fixed("main.home"), role="member"),
    PageType("home, a convenor's own", "main.home", fixed("main.home"), role="convenor"),
    PageType("home, a commissioner's own", "main.home", fixed("main.home"), role="commissioner"),
    PageType("notification choices", "notices.choices", fixed("notices.choices"), role="member"),
    PageType(
        "notification choices, convenor",
        "notices.choices",
        fixed("notices.choices"),
        role="convenor",
    ),
    PageType("unsubscribe from emails", "notices.unsubscribe", _unsubscribe_link),
    PageType("commissioner's queue", "queue.index", fixed("queue.index"), role="commissioner"),
    PageType(
        "commissioner's queue, filtered",
        "queue.index",
        fixed("queue.index", age="7", who="me"),
        role="commissioner",
    ),
    PageType("home, in Arabic", "main.home", fixed("main.home"), language="ar"),
    PageType("forum page, in Arabic", "forums.show", forum_url("ld"), language="ar"),
    PageType(
        "sign in with errors, in Arabic",
        "accounts.sign_in",
        fixed("accounts.sign_in"),
        submit=EMPTY,
        language="ar",
    ),
    PageType("home, in Welsh", "main.home", fixed("main.home"), language="cy"),
    PageType("home, in Polish", "main.home", fixed("main.home"), language="pl"),
    PageType("home, in Somali", "main.home", fixed("main.home"), language="so"),
    PageType("forum page, in Somali", "forums.show", forum_url("ld"), language="so"),
    PageType("home, in Urdu", "main.home", fixed("main.home"), language="ur"),
    PageType("forum page, in Urdu", "forums.show", forum_url("ld"), language="ur"),
    PageType(
        "sign in with errors, in Urdu",
        "accounts.sign_in",
        fixed("accounts.sign_in"),
        submit=EMPTY,
        language="ur",
    ),
    PageType("our translations", "translations.index", fixed("translations.index")),
    PageType(
        "our translations, admin", "translations.index", fixed("translations.index"), role="admin"
    ),
    PageType(
        "our translations, admin with errors",
        "translations.index",
        fixed("translations.index"),
        role="admin",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "translate a briefing: choose a language",
        "translations.choose_language",
        _translate_url(),
        role="admin",
    ),
    PageType(
        "translate a briefing into Urdu",
        "translations.translate",
        _translate_url("ur"),
        role="admin",
    ),
    PageType(
        "translate a briefing into Somali, with errors",
        "translations.translate",
        _translate_url("so"),
        role="admin",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "checking the Welsh translation",
        "translations.review",
        fixed("translations.review", language="cy"),
        role="admin",
    ),
    PageType(
        "forum page, larger text, high contrast", "forums.show", forum_url("ld"), settings=BIG
    ),
    PageType(
        "sign in with errors, larger text, high contrast",
        "accounts.sign_in",
        fixed("accounts.sign_in"),
        submit=EMPTY,
        settings=BIG,
    ),
    PageType("error: page not found", None, lambda demo: "/no-such-page", status=404),
    PageType("error: not allowed", None, fixed("forums.new"), role="member", status=403),
    PageType(
        "error: expired form",
        None,
        fixed("accounts.sign_in"),
        # Not the reading switch: without a token it is checked by where it came from.
        submit=FormSubmit(selector="main form", drop_csrf=True),
        status=400,
    ),
]

PAGES: list[PageType] = [*CORE]


SEARCH = [
    PageType("search", "search.index", fixed("search.index")),
    PageType("search results", "search.index", fixed("search.index", q="day services")),
    PageType(
        "search results, member, one kind",
        "search.index",
        fixed("search.index", q="budget", kind="budget"),
        role="member",
    ),
    PageType("search, nothing found", "search.index", fixed("search.index", q="zzyzx")),
    PageType("search with errors", "search.index", fixed("search.index", q="x" * 300)),
]
