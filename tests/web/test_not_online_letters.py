"""Letters: an answer to what a supported member said on paper reaches them by letter.
The convenor's page counts the letters to print, makes one PDF (each letter on a new
page, the address where a window envelope shows it) and marks them posted."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime

import pdfplumber
import pytest
from sqlalchemy import select

from forum_site.delivery.run import send_now
from forum_site.models import Letter, User
from forum_site.models.contributions import Status
from forum_site.services import paper_forms
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import answer
from tests.factories_meetings import make_meeting
from tests.web.not_online_helpers import make_supported
from tests.web.pdf_world import geometry

MM = 72 / 25.4  # PDF points in a millimetre


@pytest.fixture
def answered(app, client, sign_in, db):
    """Derek (by post) and Rose (through the convenor) said things on paper; both answered."""
    council = make_organisation(db)
    commissioner = make_commissioner(db, council, name="Priya Commissioner")
    convenor = make_user(db, name="Cal Convenor")
    forum = make_forum(db, name="Riverside Voice", convenors=[convenor], organisations=[council])
    derek = make_supported(
        client,
        sign_in,
        forum,
        convenor,
        name="Derek Price",
        reach_by="post",
        postal_address="7 Canal Row\nNorthbridge\nNB4 2QT",
    )
    rose = make_supported(client, sign_in, forum, convenor, name="Rose Bell", easy_read="y")
    meeting = make_meeting(db, forum, agenda=1)
    form = paper_forms.form_for_meeting(db, load_viewer(db, convenor), meeting)
    said = []
    for user_id, text in ((derek, "The bus is always late."), (rose, "I like the Friday club.")):
        sheet = paper_forms.Sheet(
            answers={form.questions[0]["key"]: text}, member_id=user_id, consent_given=True
        )
        entry = paper_forms.record_sheet(db, load_viewer(db, convenor), form, sheet)
        said.append(entry.answers[0].contribution)
    at = datetime(2030, 1, 10, tzinfo=UTC)
    answer(
        db,
        commissioner,
        said[0],
        Status.CONSIDERING,
        at=at,
        text="We are asking about a second bus.",
    )
    answer(db, commissioner, said[1], Status.CONSIDERING, at=at, text="We are looking at it.")
    db.flush()
    with app.test_request_context():
        send_now(db)  # as after the request's commit: the notifications become letters
    return forum, db.get(User, derek), db.get(User, rose)


def test_an_answer_to_a_paper_contribution_becomes_a_letter(answered, db):
    _forum, derek, rose = answered
    letters = db.scalars(select(Letter).order_by(Letter.id)).all()
    assert [(x.user_id, x.reach_by, x.status) for x in letters] == [
        (derek.id, "post", "waiting"),
        (rose.id, "convenor", "waiting"),
    ]
    assert "We are asking about a second bus." in letters[0].body
    assert letters[1].easy_read and letters[1].easy_read_body


def test_the_convenor_prints_the_letter_batch(answered, client, db, tmp_path):
    forum, derek, _rose = answered
    page = client.get(f"/forums/{forum.slug}/not-online")
    assert "2 letters to print" in page.soup.get_text(" ", strip=True)
    pdf = client.get(f"/forums/{forum.slug}/letters.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.data)) as document:
        assert len(document.pages) == 2  # each letter starts a new page
        first, second = (page.extract_text() for page in document.pages)
        assert "Dear Derek Price," in first and "We are asking about a second bus." in first
        assert "Dear Rose Bell," in second and "Given to you by your convenor" in second
        words = document.pages[0].extract_words()
        outside, _ = geometry(document.pages)  # each letter has its own page: only "outside"
    assert not outside, outside
    street = next(w for w in words if w["text"] == "Canal")
    # A DL or C5 window: 20 mm to 110 mm from the left, 50 mm to 95 mm from the top.
    assert street["x0"] >= 20 * MM and street["x1"] <= 110 * MM
    assert street["top"] >= 50 * MM and street["bottom"] <= 95 * MM
    (tmp_path / "letters.pdf").write_bytes(pdf.data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", str(tmp_path / "letters.pdf"), str(tmp_path / "page")],
        check=True,
    )
    assert sorted(p.name for p in tmp_path.glob("page-*.png")) == ["page-1.png", "page-2.png"]


def test_marking_letters_posted_and_handed_out(answered, client, db):
    forum, derek, rose = answered
    page = client.get(f"/forums/{forum.slug}/letters")
    ids = [box["value"] for box in page.soup.select("input[name=letters]")]
    assert len(ids) == 2
    done = client.post(f"/forums/{forum.slug}/letters/sent", data={"letters": ids})
    assert done.status_code == 303
    statuses = {x.user_id: x.status for x in db.scalars(select(Letter))}
    assert statuses == {derek.id: "posted", rose.id: "handed_out"}
    after = client.get(f"/forums/{forum.slug}/letters").soup.get_text(" ", strip=True)
    assert "No letters to print." in after and "Letters that have gone out" in after


def test_people_with_email_get_no_letter(db):
    member = make_user(db)
    from forum_site.services import messages

    messages.send_message(db, [member], subject="Hello", body="News.", email=False)
    assert db.scalars(select(Letter)).all() == []


def test_notices_become_letters_once_in_the_members_language(app, client, sign_in, db):
    """A member who is not online hears by letter by default (no email), in their language;
    running the sender again makes no second letter."""
    from forum_site.models import Channel, NoticeDelivery
    from forum_site.models.meetings import MeetingStatus
    from forum_site.services.notifications import meeting_events

    convenor = make_user(db, name="Cal Convenor")
    forum = make_forum(db, name="Glan yr Afon", convenors=[convenor])
    person_id = make_supported(client, sign_in, forum, convenor, name="Dai Jones")
    person = db.get(User, person_id)
    person.language = "cy"
    meeting = make_meeting(db, forum, status=MeetingStatus.PUBLISHED, title="Cyfarfod y gwanwyn")
    meeting_events.published(db, load_viewer(db, convenor), meeting)
    [delivery] = db.scalars(select(NoticeDelivery).where(NoticeDelivery.user_id == person_id))
    assert delivery.channel == Channel.LETTER
    with app.test_request_context():
        send_now(db)
        send_now(db)
    [letter] = db.scalars(select(Letter).where(Letter.user_id == person_id)).all()
    assert letter.language == "cy" and letter.kind == "meeting-published"
    assert letter.subject.startswith("Cyfarfod newydd i Glan yr Afon: Cyfarfod y gwanwyn")
