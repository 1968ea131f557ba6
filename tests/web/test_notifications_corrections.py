"""Putting right what people were told about: a corrected briefing, and a point a convenor
typed in for someone corrected or withdrawn. Append-only (the earlier words and the reason
are kept) and each notice says what changed, in the reader's language and reading mode."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum_site.models import ContributionVersion, NoticeKind, Notification
from forum_site.models.contributions import Source, Visibility
from forum_site.services import briefings
from forum_site.services.contributions import corrections
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.viewer import load_viewer
from tests.factories_briefings import make_briefing
from tests.factories_contributions import make_contribution
from tests.factories_meetings import People
from tests.notices import seen_by, subjects_for


def test_a_corrected_briefing_tells_its_readers_what_changed(db):
    people = People(db)
    briefing = make_briefing(db, people.forum, people.commissioner, title="Lunch club times")
    text = briefings.BriefingText(
        title="Lunch club times",
        summary="The lunch club moves to Wednesdays.",
        body="The lunch club will meet on Wednesdays from May.",
        forum_ids=[people.forum.id],
        what_changed="It is Wednesdays, not Tuesdays: we had the day wrong.",
    )
    briefings.save_changes(db, load_viewer(db, people.commissioner), briefing, text)
    [plain] = seen_by(db, people.member)
    assert plain.subject == "Updated: Lunch club times"
    assert "What changed: It is Wednesdays, not Tuesdays: we had the day wrong." in plain.body
    [easy] = seen_by(db, people.other_member, easy_read=True)
    assert easy.subject == "Some news has changed: Lunch club times"
    assert subjects_for(db, people.commissioner) == []  # who made the change is not told


def _typed_in(db, people, **extra):
    return make_contribution(
        db,
        people.forum,
        people.member,
        text="The bus to the centre is always late on Fridays.",
        recorded_by=people.convenor,
        source=Source.PAPER_FORM,
        **extra,
    )


def test_a_convenor_corrects_a_typed_in_point_and_everyone_told_hears_what_changed(db):
    people = People(db)
    point = _typed_in(db, people)
    convenor = load_viewer(db, people.convenor)
    corrections.correct(
        db,
        convenor,
        point,
        text="The bus to the centre is always late on Mondays.",
        reason="I typed the wrong day from the paper sheet.",
    )
    [kept] = db.scalars(select(ContributionVersion)).all()
    assert kept.text == "The bus to the centre is always late on Fridays."
    assert kept.reason == "I typed the wrong day from the paper sheet."
    [told] = seen_by(db, people.member)
    assert told.subject == "Corrected: your point “The bus to the centre is always late…”"
    assert "It said: “The bus to the centre is always late on Fridays.”" in told.body
    assert "It now says: “The bus to the centre is always late on Mondays.”" in told.body
    assert "Why: I typed the wrong day from the paper sheet." in told.body
    [for_them] = subjects_for(db, people.commissioner)  # the answerers see the new words too
    assert for_them.startswith("Corrected: “The bus")
    [easy] = seen_by(db, people.member, easy_read=True)
    assert easy.subject == "A point was put right"
    assert "Now it says: The bus to the centre is always late on Mondays." in easy.body


def test_a_withdrawn_point_is_kept_and_the_member_is_told_why(db):
    people = People(db)
    point = _typed_in(db, people, visibility=Visibility.PRIVATE)
    convenor = load_viewer(db, people.convenor)
    corrections.withdraw(db, convenor, point, reason="Mo asked me to take it back.")
    corrections.withdraw(db, convenor, point, reason="A second click.")  # changes nothing
    assert point.withdrawn_at is not None
    assert len(db.scalars(select(ContributionVersion)).all()) == 1
    [told] = seen_by(db, people.member)
    assert told.subject.startswith("Withdrawn: your point “The bus")
    assert "Why: Mo asked me to take it back." in told.body
    assert subjects_for(db, people.commissioner) == []  # a private point never reached them
    notices = db.scalars(select(Notification).where(Notification.kind == NoticeKind.POINT_CHANGED))
    assert len(notices.all()) == 1


def test_corrections_need_a_convenor_a_reason_and_a_typed_in_point(db):
    people = People(db)
    typed_in = _typed_in(db, people)
    online = make_contribution(db, people.forum, people.member, text="I said this myself.")
    convenor = load_viewer(db, people.convenor)
    with pytest.raises(NotAllowed):
        corrections.correct(db, load_viewer(db, people.member), typed_in, text="x", reason="y")
    with pytest.raises(NotAllowed):  # a member's own words are theirs to change
        corrections.correct(db, convenor, online, text="Something else.", reason="Tidier.")
    with pytest.raises(DomainError) as no_reason:
        corrections.correct(db, convenor, typed_in, text="Fixed words.", reason="  ")
    assert no_reason.value.field == "reason"
    with pytest.raises(DomainError) as same:
        corrections.correct(db, convenor, typed_in, text=typed_in.text, reason="No change.")
    assert same.value.field == "text"
    assert db.scalars(select(ContributionVersion)).all() == []


def test_the_put_right_page_corrects_and_withdraws_with_messages_by_the_fields(client, db, sign_in):
    people = People(db)
    point = _typed_in(db, people)
    sign_in(people.member)
    assert client.get(f"/contributions/{point.id}/put-right").status_code == 404
    sign_in(people.convenor)
    page = client.get(f"/contributions/{point.id}/put-right")
    assert page.status_code == 200
    assert page.soup.select_one("textarea[name=text]").text.strip() == point.text
    empty = client.post(
        f"/contributions/{point.id}/put-right",
        data={"text": "The bus is late on Mondays.", "reason": ""},
    )
    assert empty.status_code == 400
    assert "Say why it needs correcting" in empty.soup.select_one(".error-summary").text
    done = client.post(
        f"/contributions/{point.id}/put-right",
        data={"text": "The bus is late on Mondays.", "reason": "Wrong day."},
    )
    assert done.status_code == 303
    assert subjects_for(db, people.member) == [
        "Corrected: your point “The bus is late on Mondays.”"
    ]
    no_reason = client.post(f"/contributions/{point.id}/withdraw", data={"withdraw_reason": ""})
    assert no_reason.status_code == 400
    gone = client.post(
        f"/contributions/{point.id}/withdraw", data={"withdraw_reason": "Mo asked me to."}
    )
    assert gone.status_code == 303
    listed = client.get(f"/forums/{people.forum.slug}/contributions").get_data(as_text=True)
    assert "The bus is late on Mondays." not in listed  # it leaves the public list
    shown = client.get(f"/contributions/{point.id}").soup.get_text(" ", strip=True)
    assert "This point was withdrawn on" in shown  # the record keeps it, dated
