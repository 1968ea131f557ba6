"""Easy-read pages keep the glossary between requests and load it again only when it has
changed (issue 20): loading every entry cost each easy-read page and briefing 10-15 ms."""

from __future__ import annotations

from sqlalchemy import update

from easyread.glossary import default_terms
from forum_site.models import GlossaryEntry
from forum_site.services import glossary
from tests.factories import make_forum

SAID = "Ask us about a personal budget."


def _easy_read_forum(client, db):
    shipped = [t for t in default_terms() if t.slug in ("personal-budget", "advocate")]
    glossary.load_terms(db, shipped)
    forum = make_forum(db)
    forum.description = SAID
    db.flush()
    client.post("/settings/easy-read", data={"next": "/"})
    return f"/forums/{forum.slug}"


def _explained(page) -> str:
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_a_second_easy_read_page_does_not_load_the_glossary_again(client, db, count_queries):
    path = _easy_read_forum(client, db)
    first = client.get(path)
    with count_queries() as queries:
        second = client.get(path)
    assert "money for your care" in _explained(first)
    assert "money for your care" in _explained(second)
    loads = [q for q in queries if "glossary_entry.plain" in q]
    assert loads == [], loads


def test_a_glossary_change_shows_on_the_next_page(client, db):
    """A change from anywhere (here one UPDATE statement, as another app server's would
    look to this one) raises the entry's revision, so the next page loads it again."""
    path = _easy_read_forum(client, db)
    client.get(path)
    db.execute(
        update(GlossaryEntry)
        .where(GlossaryEntry.slug == "personal-budget")
        .values(easy="A personal budget is money the council gives you for support.")
    )
    page = _explained(client.get(path))
    assert "money the council gives you for support" in page
    assert "money for your care" not in page


def test_a_word_put_back_differently_after_a_rollback_is_not_taken_for_the_old_one(db):
    """After a rollback SQLite gives the next new row the same id again, so the count, the
    largest id and the revisions can all be as before: a flush of a glossary change in this
    process forgets the kept terms."""
    shipped = {t.slug: t for t in default_terms()}
    before = {t.slug for t in glossary.terms(db)}
    attempt = db.begin_nested()
    glossary.load_terms(db, [shipped["capacity"]])
    assert {t.slug for t in glossary.terms(db)} == before | {"capacity"}
    attempt.rollback()
    glossary.load_terms(db, [shipped["personal-budget"]])
    assert {t.slug for t in glossary.terms(db)} == before | {"personal-budget"}
