"""Having your say, answering, being told, and seeing it on "You said, we did"."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum_site.models import (
    Contribution,
    InboxMessage,
    Status,
)
from forum_site.models.base import utcnow
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import make_contribution, make_decision, support
from tests.notices import seen_by


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Riverside Council")
    people = {
        "commissioner": make_commissioner(db, council, name="Cara Commissioner"),
        "convenor": make_user(db, name="Connie Convenor"),
        "member": make_user(db, name="Mo Member"),
        "member2": make_user(db, name="Nell Neighbour"),
        "outsider": make_user(db, name="Otto Outsider"),
    }
    forum = make_forum(
        db,
        name="Day Services Forum",
        members=[people["member"], people["member2"]],
        convenors=[people["convenor"]],
        organisations=[council],
    )
    return {"forum": forum, "council": council, **people}


def _token(page) -> str:
    return page.soup.select_one("input[name=submission_token]")["value"]


def test_member_has_their_say_and_a_double_submit_saves_it_once(client, db, sign_in, world):
    sign_in(world["member"])
    url = f"/forums/{world['forum'].slug}/contributions"
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "text": "The minibus to the day centre is often late.",
        "visibility": "shared",
        "topic": "Transport",
        "submission_token": _token(page),
    }
    first = client.post(url, data=data)
    second = client.post(url, data=data)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    assert db.scalar(select(func.count(Contribution.id))) == 1
    shown = client.get(first.headers["Location"])
    assert "The minibus to the day centre is often late." in shown.get_data(as_text=True)
    assert "Sent today. Waiting for an answer" in shown.soup.select_one(".waiting").get_text()


def test_same_words_without_a_token_within_a_minute_are_saved_once(client, db, sign_in, world):
    sign_in(world["member"])
    url = f"/forums/{world['forum'].slug}/contributions"
    for _ in range(2):
        client.post(url, data={"text": "More benches in the park.", "visibility": "shared"})
    assert db.scalar(select(func.count(Contribution.id))) == 1


def test_empty_and_enormous_text_get_clear_messages_and_keep_the_words(client, db, sign_in, world):
    sign_in(world["member"])
    url = f"/forums/{world['forum'].slug}/contributions"
    empty = client.post(url, data={"text": "   ", "visibility": "shared"})
    assert empty.status_code == 400
    assert "Write what you want to say." in empty.soup.select_one(".error-summary").get_text()
    huge = "word " * 1000
    big = client.post(url, data={"text": huge, "visibility": "shared"})
    assert big.status_code == 400
    assert "4000 characters or fewer" in big.soup.select_one(".error-summary").get_text()
    assert big.soup.select_one("#text").get_text().strip() == huge.strip()
    assert db.scalar(select(func.count(Contribution.id))) == 0


def test_outsider_cannot_contribute(client, db, sign_in, world):
    sign_in(world["outsider"])
    page = client.post(
        f"/forums/{world['forum'].slug}/contributions",
        data={"text": "Let me in", "visibility": "shared"},
    )
    assert page.status_code == 403
    assert db.scalar(select(func.count(Contribution.id))) == 0


def test_full_journey_answer_tell_show_and_count(client, db, sign_in, world, outbox):
    forum = world["forum"]
    contribution = make_contribution(
        db, forum, world["member"], text="Open the day centre on Saturdays.", topic="Day centres"
    )
    support(db, contribution, world["member2"])
    decision = make_decision(db, forum, title="Saturday opening from June")
    sign_in(world["commissioner"])
    url = f"/contributions/{contribution.id}"
    page = client.get(url)
    choices = [i["value"] for i in page.soup.select("input[name=status]")]
    assert choices == [  # the first answer can already be the outcome
        "considering",
        "changed",
        "partly",
        "not_taken_forward",
        "already_happening",
    ]
    moved = client.post(
        f"{url}/answers",
        data={"status": "considering", "answer": "We are costing Saturday opening now."},
    )
    assert moved.status_code == 303
    done = client.post(
        f"{url}/answers",
        data={
            "status": "changed",
            "answer": "The centre will open on Saturdays from June.",
            "what_changed": "Saturday opening, 10am to 3pm.",
            "decision": str(decision.id),
        },
    )
    assert done.status_code == 303
    db.expire_all()
    assert db.get(Contribution, contribution.id).status == Status.CHANGED
    # Told: contributor and supporter, inbox and email, with an easy-read version.
    inbox = db.scalars(select(InboxMessage).order_by(InboxMessage.id)).all()
    told = sorted({m.user_id for m in inbox})
    assert told == sorted([world["member"].id, world["member2"].id])
    assert len(inbox) == 4
    for person in (world["member"], world["member2"]):
        assert all(m.link == url for m in seen_by(db, person))
        latest = seen_by(db, person, easy_read=True)[-1]
        assert "The centre will open on Saturdays from June." in latest.easy_read_body
        # the easy-read message says what changed, and its title says which point it is
        assert "Saturday opening, 10am to 3pm." in latest.easy_read_body
        assert "Open the day centre on Saturdays." in latest.subject
    emails = outbox()
    assert sorted({e.to_address for e in emails}) == sorted(
        [world["member"].email, world["member2"].email]
    )
    assert any("Saturday opening, 10am to 3pm." in e.body_text for e in emails)
    # The member sees it on "You said, we did", and the unread count in the menu.
    sign_in(world["member"])
    said = client.get(f"/forums/{forum.slug}/you-said-we-did")
    group = said.soup.select_one("#outcome-changed")
    assert group.get_text(strip=True).startswith("Changed something (1)")
    text = said.get_data(as_text=True)
    assert "Open the day centre on Saturdays." in text
    assert "The centre will open on Saturdays from June." in text
    assert said.soup.select_one(".main-nav .badge").get_text() == "2"
    # The decision log links it, and the impact page counts it.
    trail = client.get(f"/decisions/{decision.id}")
    assert (
        "Open the day centre on Saturdays."
        in trail.soup.select_one("#trail-said").parent.get_text()
    )
    impact = client.get(f"/forums/{forum.slug}/impact")
    figures = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(
            impact.soup.select(".figures dt"), impact.soup.select(".figures dd"), strict=True
        )
    }
    assert figures["Contributions made"] == "1"
    assert figures["Answered"] == "1 (100%)"
    assert figures["Changed something or partly"].startswith("1")


def test_htmx_support_returns_the_support_block_and_counts_once(client, db, sign_in, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    sign_in(world["member2"])
    headers = {"HX-Request": "true"}
    url = f"/contributions/{contribution.id}/support"
    for _ in range(2):
        fragment = client.post(url, data={"action": "support"}, headers=headers)
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200
    assert html.lstrip().startswith('<div id="support"')
    assert "1 person said" in html
    assert "<h1" not in html
    no_js = client.post(url, data={"action": "withdraw"})
    assert no_js.status_code == 303
    page = client.get(f"/contributions/{contribution.id}")
    assert "0 people said" in page.soup.select_one(".supporters").get_text()


def test_author_cannot_support_their_own_point(client, db, sign_in, world):
    contribution = make_contribution(db, world["forum"], world["member"])
    sign_in(world["member"])
    page = client.get(f"/contributions/{contribution.id}")
    assert page.soup.select_one("#support form") is None
    client.post(f"/contributions/{contribution.id}/support", data={"action": "support"})
    page = client.get(f"/contributions/{contribution.id}")
    assert "0 people said" in page.soup.select_one(".supporters").get_text()


def test_htmx_answer_with_a_missing_reason_keeps_the_answer_and_explains(
    client, db, sign_in, world
):
    contribution = make_contribution(db, world["forum"], world["member"])
    sign_in(world["commissioner"])
    url = f"/contributions/{contribution.id}/answers"
    client.post(url, data={"status": "considering", "answer": "Looking at it."})
    fragment = client.post(
        url,
        data={"status": "not_taken_forward", "answer": "We cannot do this."},
        headers={"HX-Request": "true"},
    )
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200
    assert html.lstrip().startswith('<div id="answering"')
    assert "Say why it is not being taken forward." in html
    assert "We cannot do this." in html
    db.expire_all()
    assert db.get(Contribution, contribution.id).status == Status.CONSIDERING


def test_convenor_records_for_a_member_only_with_consent(client, db, sign_in, world):
    sign_in(world["convenor"])
    url = f"/forums/{world['forum'].slug}/contributions/record"
    page = client.get(url)
    data = {
        "member": str(world["member"].id),
        "source": "paper_form",
        "text": "The lift at the library is broken again.",
        "visibility": "shared",
        "submission_token": _token(page),
    }
    refused = client.post(url, data=data)
    assert refused.status_code == 400
    assert "agreed" in refused.soup.select_one(".error-summary").get_text()
    assert refused.soup.select_one("#text").get_text().strip() == data["text"]
    saved = client.post(url, data={**data, "consent_given": "y"})
    assert saved.status_code == 303
    contribution = db.scalar(select(Contribution))
    assert contribution.author_id == world["member"].id
    assert contribution.recorded_by_id == world["convenor"].id
    assert contribution.consent_given is True
    assert contribution.source == "paper_form"


def test_convenor_records_for_the_whole_group_without_a_consent_tick(client, db, sign_in, world):
    sign_in(world["convenor"])
    page = client.post(
        f"/forums/{world['forum'].slug}/contributions/record",
        data={
            "member": "0",
            "source": "at_meeting",
            "text": "We all want later buses.",
            "visibility": "shared",
        },
    )
    assert page.status_code == 303
    contribution = db.scalar(select(Contribution))
    assert contribution.from_whole_group and contribution.author_id is None
    shown = client.get(page.headers["Location"])
    assert "The whole group" in shown.soup.select_one(".summary-list").get_text()


def test_members_cannot_record_for_others(client, db, sign_in, world):
    sign_in(world["member"])
    assert client.get(f"/forums/{world['forum'].slug}/contributions/record").status_code == 403


def test_waiting_days_are_shown_to_members(client, db, sign_in, world):
    make_contribution(db, world["forum"], world["member"], made_at=utcnow() - timedelta(days=35))
    sign_in(world["member"])
    page = client.get(f"/forums/{world['forum'].slug}/contributions")
    line = page.soup.select_one(".waiting").get_text(" ", strip=True)
    assert re.search(r"Waiting 35 days for an answer", line)
    assert "longer than the commissioners promised" in line


def test_correction_through_the_page_adds_an_entry_and_keeps_the_old_one(
    client, db, sign_in, world
):
    contribution = make_contribution(db, world["forum"], world["member"], text="Fix the lift.")
    sign_in(world["commissioner"])
    url = f"/contributions/{contribution.id}"
    client.post(f"{url}/answers", data={"status": "considering", "answer": "Asking."})
    client.post(f"{url}/answers", data={"status": "already_happening", "answer": "Fixed in May."})
    page = client.get(url)
    form = page.soup.select_one(".correction-box form")
    first = form.select_one("select[name='correction-corrects'] option")["value"]
    fields = {
        "correction-corrects": first,
        "correction-correction_reason": "",
        "correction-status": "considering",
        "correction-answer": "Not fixed yet, sorry.",
    }
    refused = client.post(form["action"], data=fields)
    assert refused.status_code == 400
    assert "Say why the earlier answer needs correcting." in refused.get_data(as_text=True)
    fields["correction-correction_reason"] = "The engineer has not been yet."
    saved = client.post(form["action"], data=fields)
    assert saved.status_code == 303
    page = client.get(url)
    entries = page.soup.select(".timeline-entry")
    assert len(entries) == 3
    assert "Fixed in May." in entries[1].get_text()
    assert "The engineer has not been yet." in entries[2].select_one(".correction-note").get_text()
    db.expire_all()
    assert db.get(Contribution, contribution.id).status == Status.CONSIDERING
