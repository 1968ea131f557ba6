"""Small helpers shared by the meetings tests."""

from __future__ import annotations

from forum_site.models import InboxMessage
from tests.factories import make_commissioner, make_forum, make_organisation, make_user

HTMX = {"HX-Request": "true"}


def text_of(page) -> str:
    """The page's visible text with whitespace collapsed."""
    return " ".join(page.soup.get_text(" ").split())


def fragment_text(response) -> str:
    from bs4 import BeautifulSoup

    return " ".join(
        BeautifulSoup(response.get_data(as_text=True), "html.parser").get_text(" ").split()
    )


class People:
    """A forum with one of each kind of person."""

    def __init__(self, db, private: bool = False):
        self.member = make_user(db, name="Mo Member")
        self.other_member = make_user(db, name="Olu Other")
        self.convenor = make_user(db, name="Cora Convenor")
        self.outsider = make_user(db, name="Oscar Outsider")
        council = make_organisation(db)
        self.commissioner = make_commissioner(db, council, name="Cam Commissioner")
        self.unlinked_commissioner = make_commissioner(db, make_organisation(db))
        self.forum = make_forum(
            db,
            private=private,
            members=[self.member, self.other_member],
            convenors=[self.convenor],
            organisations=[council],
        )


def inbox_subjects(db, user) -> list[str]:
    from sqlalchemy import select

    return list(db.scalars(select(InboxMessage.subject).where(InboxMessage.user_id == user.id)))
