"""Every string a page shows is in the catalogue.

The pages are rendered in a test locale whose catalogue (made here from
translations/messages.pot) writes every message as ⟪message⟫. Words on the page outside
the marks were never marked for translation: a reader of Welsh or Polish would see English.
Names and text people typed (the forum's name here) are not messages, so they are allowed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
TEST_LOCALE = "eo"  # a locale Babel knows and the site does not offer
MARKED = re.compile(r"⟪.*?⟫", re.DOTALL)
WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}")  # initials like PDF are names
TYPED_BY_PEOPLE = "Qwzx"  # the forum's name in these tests


@pytest.fixture(scope="module")
def marked_catalogue(tmp_path_factory) -> Path:
    with (ROOT / "translations" / "messages.pot").open("rb") as pot:
        catalogue = read_po(pot, locale=TEST_LOCALE)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(f"⟪{form}⟫" for form in message.id)
        else:
            message.string = f"⟪{message.id}⟫"
    folder = tmp_path_factory.mktemp("marked-translations")
    target = folder / TEST_LOCALE / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as mo:
        write_mo(mo, catalogue)
    return folder


@pytest.fixture
def marked_client(app, client, marked_catalogue, monkeypatch):
    babel = app.extensions["babel"]
    monkeypatch.setattr(
        babel, "translation_directories", [*babel.translation_directories, str(marked_catalogue)]
    )
    monkeypatch.setitem(
        app.config, "LANGUAGES", {**app.config["LANGUAGES"], TEST_LOCALE: "Testing"}
    )
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = TEST_LOCALE
    return client


def unmarked_words(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(["script", "style", "svg", "template"]):
        hidden.decompose()
    # Words deliberately in another language: each language's name and draft notice.
    for other in soup.body.find_all(lambda tag: tag.get("lang", TEST_LOCALE) != TEST_LOCALE):
        other.decompose()
    texts = [soup.title.get_text()] if soup.title else []
    texts += [node for node in soup.body.find_all(string=True)]
    texts += [tag["aria-label"] for tag in soup.body.find_all(attrs={"aria-label": True})]
    found = []
    for text in texts:
        left = MARKED.sub(" ", str(text))
        for name in ("Testing", TYPED_BY_PEOPLE, "forum-site"):
            left = left.replace(name, " ")
        if WORD.search(left):
            found.append(" ".join(left.split()))
    return found


PAGES = [
    "/",
    "/forums",
    "/forums/{slug}",
    "/sign-in",
    "/register",
    "/password/forgot",
    "/settings",
    "/accessibility",
    "/this-page-is-not-here",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_visitor_sees_only_catalogued_words(marked_client, db, path):
    forum = factories.make_forum(db, name=TYPED_BY_PEOPLE)
    forum.description = forum.community = TYPED_BY_PEOPLE
    db.flush()
    response = marked_client.get(path.format(slug=forum.slug))
    assert response.status_code in {200, 404}
    assert unmarked_words(response.get_data(as_text=True)) == []


def test_a_service_error_is_shown_in_the_readers_language(marked_client, db):
    """The message is written in the service (forum_site/services/accounts.py), marked there,
    and turned into the reader's language when the page shows it."""
    factories.make_user(db, email="someone@example.org")
    page = marked_client.post(
        "/sign-in", data={"email": "someone@example.org", "password": "not the password"}
    )
    summary = page.soup.select_one(".error-summary").get_text()
    assert "⟪The email address or password is not right." in summary
    assert unmarked_words(page.get_data(as_text=True)) == []


def test_making_an_account_shows_only_catalogued_words(marked_client, db, outbox):
    sent = marked_client.post(
        "/register", data={"display_name": TYPED_BY_PEOPLE, "email": "new@example.org"}
    )
    assert unmarked_words(sent.get_data(as_text=True)) == []
    link = re.search(r"http://localhost(/register/finish/\S+)", outbox()[-1].body_text).group(1)
    assert "⟪" in outbox()[-1].body_text, "the email is in the reader's language"
    for page in (
        marked_client.get(link),
        marked_client.post(link, data={"password": "short"}),
        marked_client.get("/register/finish/rubbish"),
    ):
        assert unmarked_words(page.get_data(as_text=True)) == []
    marked_client.post(link, data={"password": "a long secret phrase"})
    marked_client.post("/sign-out")
    assert unmarked_words(marked_client.get(link).get_data(as_text=True)) == []


def test_the_check_finds_an_unmarked_word():
    page = "<html><head><title>⟪Sign in⟫</title></head><body><p>⟪Hello⟫ there</p></body></html>"
    assert unmarked_words(page) == ["there"]
