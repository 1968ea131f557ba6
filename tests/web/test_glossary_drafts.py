"""The team's draft translations of the most common glossary words: a reader in another
language sees the draft where no person has translated the word, is told it is a draft and
when the English changed after it, and a person's translation takes its place."""

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from easyread.glossary import default_terms
from forum_site.models import GlossaryEntry, LanguageReviewer
from forum_site.services import glossary
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "translations" / "glossary"
LANGUAGES = ("cy", "pl", "ar", "so", "ur")


def read_in(client, code: str) -> None:
    client.post("/settings", data={"language": code, "text_size": "normal"})


def shipped(db, term: str) -> GlossaryEntry:
    glossary.load_terms(db, [t for t in default_terms() if t.term == term])
    return db.scalar(select(GlossaryEntry).where(GlossaryEntry.term == term))


def draft(language: str, term: str) -> dict:
    return json.loads((FOLDER / f"{language}.json").read_text(encoding="utf-8"))["terms"][term]


def test_every_common_word_has_a_current_draft_in_every_language():
    done = subprocess.run(
        [sys.executable, str(ROOT / "translations" / "glossary_drafts.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    common = (FOLDER / "common.txt").read_text(encoding="utf-8").split()
    assert len((FOLDER / "common.txt").read_text(encoding="utf-8").splitlines()) == 150
    assert "commissioning" in common


def test_a_somali_reader_sees_the_draft_and_is_told_it_is_one(client, db):
    entry = shipped(db, "commissioning")
    words = draft("so", "commissioning")
    read_in(client, "so")
    page = client.get(f"/glossary/{entry.slug}")
    definition = page.soup.select_one(".definition-text")
    assert definition.get_text() == words["plain"] and not definition.has_attr("lang")
    assert page.soup.select_one(".lead").get_text() == words["name"]
    assert page.soup.h1.get_text() == "commissioning" and page.soup.h1["lang"] == "en"
    note = page.soup.select_one(".translation-note")
    assert note.a["hreflang"] == "en"
    assert "strong" not in str(note)  # made from the English as it is now
    english = client.get(note.a["href"]).soup.select_one(".definition-text")
    assert english.get_text() == entry.plain and english["lang"] == "en"


def test_every_language_shows_its_own_draft(client, db):
    entry = shipped(db, "advocacy")
    for language in LANGUAGES:
        read_in(client, language)
        text = client.get(f"/glossary/{entry.slug}").soup.select_one(".definition-text")
        assert text.get_text() == draft(language, "advocacy")["plain"], language


def test_after_the_english_is_changed_the_draft_says_so(client, db):
    entry = shipped(db, "commissioning")
    entry.plain = "Commissioning is how the council plans, buys and checks services."
    db.flush()
    read_in(client, "cy")
    note = client.get(f"/glossary/{entry.slug}").soup.select_one(".translation-note")
    assert note.select_one("strong") is not None


def test_english_readers_never_see_a_draft(client, db):
    entry = shipped(db, "commissioning")
    page = client.get(f"/glossary/{entry.slug}")
    assert page.soup.select_one(".definition-text").get_text() == entry.plain
    assert not page.soup.select(".translation-note") and not page.soup.select(".lead")


def test_a_checkers_translation_replaces_the_draft_and_starts_from_it(app, client, db, sign_in):
    entry = shipped(db, "commissioning")
    checker = make_user(db, name="Bushra")
    db.add(LanguageReviewer(user_id=checker.id, language="ur"))
    db.flush()
    writer = sign_in(checker, target=app.test_client())
    editor = writer.get(f"/translate/glossary/{entry.id}/ur")
    assert (
        editor.soup.select_one("textarea#plain").get_text().strip()
        == draft("ur", "commissioning")["plain"]
    )
    mine = "کمیشننگ کا مطلب ہے خدمات کی منصوبہ بندی اور ادائیگی۔"
    writer.post(f"/translate/glossary/{entry.id}/ur", data={"plain": mine, "easy": ""})
    read_in(client, "ur")
    page = client.get(f"/glossary/{entry.slug}")
    assert page.soup.select_one(".definition-text").get_text() == mine
    assert "Bushra" in page.soup.select_one(".translation-note").get_text()
