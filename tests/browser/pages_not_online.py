"""Page types for members who are not online: the convenor's pages (supported members,
cards, letters, attendance, expenses, replying for someone) and card sign-in."""

from __future__ import annotations

from sqlalchemy import select

from tests.browser.pages_areas import meeting_url
from tests.browser.registry import Demo, FormSubmit, PageType, fixed, forum_url


def _rose(demo: Demo):
    from forum_site.models import SupportedAccount, User

    return demo.first(
        select(User)
        .join(SupportedAccount, SupportedAccount.user_id == User.id)
        .where(User.display_name == "Rose Bell")
    )


def _person(demo: Demo) -> str:
    return demo.url("not_online.person", slug=demo.forum("ld").slug, user_id=_rose(demo).id)


def _reply_for(demo: Demo) -> str:
    meeting_path = meeting_url("meetings.show")(demo)
    meeting_id = int(meeting_path.rstrip("/").split("/")[-1])
    return demo.url("not_online.reply_for", meeting_id=meeting_id, user_id=_rose(demo).id)


def _card_link(demo: Demo) -> str:
    from forum_site.demo.not_online import ROSE_CARD

    return demo.url("not_online.card_sign_in", code=f"{ROSE_CARD[:4]}-{ROSE_CARD[4:]}")


NOT_ONLINE = [
    PageType(
        "members not online", "not_online.hub", forum_url("ld", "not_online.hub"), role="convenor"
    ),
    PageType(
        "new supported member",
        "not_online.new_person",
        forum_url("ld", "not_online.new_person"),
        role="convenor",
    ),
    PageType(
        "new supported member with errors",
        "not_online.new_person",
        forum_url("ld", "not_online.new_person"),
        role="convenor",
        submit=FormSubmit(clear=("consent_from",)),
    ),
    PageType("supported member", "not_online.person", _person, role="convenor"),
    PageType(
        "supported member, card errors",
        "not_online.person",
        _person,
        role="convenor",
        submit=FormSubmit(selector="main form[novalidate]", fill=(("pin", "12"),)),
    ),
    PageType(
        "letters to print",
        "not_online.letters_page",
        forum_url("ld", "not_online.letters_page"),
        role="convenor",
    ),
    PageType(
        "attendance",
        "not_online.attendance_page",
        meeting_url("not_online.attendance_page", "past"),
        role="convenor",
    ),
    PageType(
        "expenses owed",
        "not_online.expenses",
        meeting_url("not_online.expenses", "past"),
        role="convenor",
    ),
    PageType("reply for a member", "not_online.reply_for", _reply_for, role="convenor"),
    PageType("card sign-in", "not_online.card_sign_in", fixed("not_online.card_sign_in")),
    PageType("card sign-in from the QR code", "not_online.card_sign_in", _card_link),
    PageType(
        "card sign-in with errors",
        "not_online.card_sign_in",
        fixed("not_online.card_sign_in"),
        submit=FormSubmit(fill=(("code", "HMKE-0000"), ("pin", "1234"))),
    ),
    PageType(
        "signed out on a shared computer", "not_online.timed_out", fixed("not_online.timed_out")
    ),
]

# Shown only on a venue computer, or to a supported member signed in by card; the browser
# journey (test_not_online_journey.py) opens both there and checks them with axe.
NOT_ONLINE_EXCLUDED = {
    "not_online.still_there": "only on a venue computer: checked in the kiosk journey",
    "not_online.take_over": "only for a supported member signed in by card: kiosk journey",
    "not_online.confirm_email": "only from the link we email to a supported member: kiosk journey",
}
__all__ = ["NOT_ONLINE", "NOT_ONLINE_EXCLUDED"]
