"""The publishing rule (no unexplained jargon or initials), versions after publishing,
and "updated on ...: what changed" for readers."""

import pytest
from sqlalchemy import select

from forum_site.models import BriefingVersion, GlossaryEntry, GlossarySource, KeptTerm
from forum_site.models.base import RecordIsAppendOnly
from tests.factories import make_user
from tests.factories_briefings import load_small_glossary, make_briefing, make_writer_and_forum


@pytest.fixture
def draft(db):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(
        db,
        forum,
        writer,
        body="The JSNA shows what people need. We will ask the KPX team to help.",
        published=False,
    )
    return writer, forum, briefing


def _publish(client, briefing):
    return client.post(f"/briefings/{briefing.id}/publish")


def test_publishing_is_refused_while_jargon_and_initials_are_unexplained(
    client, db, sign_in, draft
):
    writer, _forum, briefing = draft
    sign_in(writer)
    page = _publish(client, briefing)
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary").get_text()
    assert "“JSNA”" in summary and "“KPX”" in summary
    db.expire_all()
    assert not briefing.is_published
    assert db.scalar(select(BriefingVersion)) is None


def test_publishing_is_allowed_after_glossary_and_a_reason(client, db, sign_in, draft):
    writer, _forum, briefing = draft
    sign_in(writer)
    # JSNA is in the glossary already: the writer lets the glossary explain it.
    assert (
        client.post(f"/briefings/{briefing.id}/words/glossary", data={"word": "JSNA"}).status_code
        == 303
    )
    still = _publish(client, briefing)
    assert still.status_code == 400 and "“KPX”" in still.get_data(as_text=True)
    assert "“JSNA”" not in still.soup.select_one(".error-summary").get_text()
    # KPX is new: the writer gives a reason to keep it.
    assert (
        client.post(
            f"/briefings/{briefing.id}/words/keep",
            data={"word": "KPX", "reason": "It is the name printed on the team's letters."},
        ).status_code
        == 303
    )
    assert _publish(client, briefing).status_code == 303
    db.expire_all()
    assert briefing.is_published
    kept = {k.term: k for k in db.scalars(select(KeptTerm))}
    assert kept["kpx"].reason == "It is the name printed on the team's letters."
    assert kept["jsna"].glossary_entry.slug == "jsna"
    assert [v.number for v in db.scalars(select(BriefingVersion))] == [1]


def test_adding_new_initials_to_the_glossary_with_a_plain_meaning_allows_publishing(
    client, db, sign_in, draft
):
    writer, _forum, briefing = draft
    sign_in(writer)
    client.post(f"/briefings/{briefing.id}/words/glossary", data={"word": "JSNA"})
    response = client.post(
        f"/briefings/{briefing.id}/words/glossary",
        data={
            "word": "KPX",
            "plain": "The council team that checks care homes.",
            "acronym_for": "Kitemark Provider Exchange",
        },
    )
    assert response.status_code == 303
    entry = db.scalar(select(GlossaryEntry).where(GlossaryEntry.term == "KPX"))
    assert entry.source == GlossarySource.WRITER
    assert entry.plain == "The council team that checks care homes."
    assert _publish(client, briefing).status_code == 303
    assert client.get("/glossary/kpx").soup.h1.get_text() == "KPX"


def test_a_new_glossary_word_needs_a_meaning_and_a_reason_cannot_be_empty(
    client, db, sign_in, draft
):
    writer, _forum, briefing = draft
    sign_in(writer)
    page = client.post(
        f"/briefings/{briefing.id}/words/glossary", data={"word": "KPX", "plain": " "}
    )
    assert page.status_code == 400
    assert "plain words" in page.soup.select_one(".error-summary").get_text()
    page = client.post(f"/briefings/{briefing.id}/words/keep", data={"word": "KPX", "reason": ""})
    assert page.status_code == 400
    assert db.scalar(select(KeptTerm)) is None


def test_a_word_explained_in_the_text_does_not_block(client, db, sign_in):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(
        db,
        forum,
        writer,
        body="Our provider (the group that runs the lunch club) will change.",
        published=False,
    )
    sign_in(writer)
    assert _publish(client, briefing).status_code == 303


def test_only_the_writer_or_its_commissioners_can_publish(client, db, sign_in, draft, new_client):
    _writer, _forum, briefing = draft
    stranger, _other = make_writer_and_forum(db)
    sign_in(stranger)
    assert _publish(client, briefing).status_code == 404
    db.expire_all()
    assert not briefing.is_published


def _published(db, client, sign_in):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body="The lunch club meets on Tuesdays.")
    sign_in(writer)
    return writer, forum, briefing


def _edit(client, briefing, forum, **changes):
    data = {
        "title": briefing.title,
        "summary": briefing.summary,
        "body": briefing.body,
        "forums": [str(forum.id)],
        "action": "save",
        **changes,
    }
    return client.post(f"/briefings/{briefing.id}/edit", data=data)


def test_editing_after_publishing_needs_what_changed(client, db, sign_in):
    _writer, forum, briefing = _published(db, client, sign_in)
    page = _edit(client, briefing, forum, body="The lunch club meets on Wednesdays.")
    assert page.status_code == 400
    assert "what you changed" in page.soup.select_one(".error-summary").get_text()
    db.expire_all()
    assert briefing.body == "The lunch club meets on Tuesdays."


def test_edits_after_publishing_add_versions_and_readers_see_what_changed(client, db, sign_in):
    _writer, forum, briefing = _published(db, client, sign_in)
    response = _edit(
        client,
        briefing,
        forum,
        body="The lunch club meets on Wednesdays.",
        what_changed="The day moved from Tuesday to Wednesday.",
    )
    assert response.status_code == 303
    versions = list(db.scalars(select(BriefingVersion).order_by(BriefingVersion.number)))
    assert [(v.number, v.body) for v in versions] == [
        (1, "The lunch club meets on Tuesdays."),
        (2, "The lunch club meets on Wednesdays."),
    ]
    page = client.get(f"/briefings/{briefing.id}")
    updates = page.soup.select_one(".updates").get_text(" ")
    assert "Updated on" in updates and "The day moved from Tuesday to Wednesday." in updates
    history = client.get(f"/briefings/{briefing.id}/versions").get_data(as_text=True)
    assert "Tuesdays" in history and "Wednesdays" in history


def test_an_edit_that_adds_unexplained_jargon_is_refused(client, db, sign_in):
    _writer, forum, briefing = _published(db, client, sign_in)
    page = _edit(
        client, briefing, forum, body="Our provider will change.", what_changed="New provider."
    )
    assert page.status_code == 400
    assert "“provider”" in page.soup.select_one(".error-summary").get_text()
    assert db.scalar(select(BriefingVersion).where(BriefingVersion.number == 2)) is None


def test_versions_cannot_be_changed(db):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    make_briefing(db, forum, writer)
    version = db.scalar(select(BriefingVersion))
    version.body = "Rewritten history."
    with pytest.raises(RecordIsAppendOnly, match="cannot be changed"):
        db.flush()
    db.rollback()


def test_members_are_told_when_a_briefing_is_published(client, db, sign_in, outbox):
    load_small_glossary(db)
    member = make_user(db, email="member@example.org")
    writer, forum = make_writer_and_forum(db, members=[member])
    briefing = make_briefing(db, forum, writer, title="Lunch club news", published=False)
    sign_in(writer)
    assert _publish(client, briefing).status_code == 303
    emails = [e for e in outbox() if e.to_address == "member@example.org"]
    assert len(emails) == 1 and emails[0].subject == "New briefing: Lunch club news"
    assert f"/briefings/{briefing.id}" in emails[0].body_text
    assert not [e for e in outbox() if e.to_address == writer.email]
