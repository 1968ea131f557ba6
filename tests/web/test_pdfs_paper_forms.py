"""Paper forms: printed with a code on every page, then typed back in by a convenor."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from sqlalchemy import select

from forum_site.models import AgendaItem, Contribution, PaperForm, PaperFormAnswer, PaperFormEntry
from forum_site.models.contributions import Source
from forum_site.models.meetings import InfluenceLevel
from tests.web.pdf_world import make_world, read_pdf


@pytest.fixture
def world(db):
    return make_world(db)


def print_form(client, world, version="standard") -> tuple[str, bytes]:
    response = client.get(f"/print/meetings/{world.meeting.id}/form/{version}.pdf")
    assert response.status_code == 200
    code = re.search(r"Form reference: ([A-Z0-9]{3}-[A-Z0-9]{3})", read_pdf(response.data).text)
    return code.group(1), response.data


def test_form_has_its_code_on_every_page_a_qr_code_and_the_online_address(client, sign_in, world):
    sign_in(world.member)
    code, data = print_form(client, world, "large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert code in page.extract_text()
    facts = read_pdf(data)
    assert f"http://localhost/meetings/{world.meeting.id}" in facts.flat_text
    assert any(alt.startswith("QR code") for alt in facts.figure_alts)
    order = [
        facts.flat_text.index(t) for t in ("1. Opening times", "2. Choosing", "3. Anything else")
    ]
    assert order == sorted(order)
    for tick in ("Was it clear what the meeting was for?", "Did you feel listened to?", "Partly"):
        assert tick in facts.flat_text


def test_same_code_until_the_agenda_changes(client, sign_in, world, db):
    sign_in(world.member)
    first, _ = print_form(client, world)
    again, _ = print_form(client, world)
    assert first == again
    db.add(AgendaItem(meeting_id=world.meeting.id, position=3, title="Transport to the centres",
                      influence=InfluenceLevel.VIEWS))  # fmt: skip
    db.flush()
    changed, data = print_form(client, world)
    assert changed != first
    assert "Transport to the centres" in read_pdf(data).flat_text


def test_convenor_types_a_sheet_back_in(client, sign_in, world, db):
    sign_in(world.member)
    code, _ = print_form(client, world)
    sign_in(world.convenor)
    found = client.post("/paper-forms", data={"code": code.lower().replace("-", " ")})
    assert found.status_code == 303
    page = client.get(found.headers["Location"])
    labels = [label.get_text(" ", strip=True) for label in page.soup.select("form label")]
    assert labels[:3] == ["1. Opening times at the day centres", "2. Choosing the new art group",
                          "3. Anything else"]  # fmt: skip
    saved = client.post(
        found.headers["Location"],
        data={
            "answer_1": "Tuesdays are best for me.",
            "answer_3": "Thank you for the bus.",
            "purpose_clear": "3",
            "listened_to": "2",
            "member": "",
        },  # fmt: skip
    )
    assert saved.status_code == 303
    after = client.get(saved.headers["Location"])
    assert "Sheet 1 is saved" in after.get_data(as_text=True)
    typed_links = [a["href"] for a in after.soup.select("main li a[href^='/contributions/']")]
    assert len(typed_links) == 2
    form = db.scalar(select(PaperForm).where(PaperForm.code == code.replace("-", "")))
    entry = db.scalar(select(PaperFormEntry).where(PaperFormEntry.form_id == form.id))
    assert (entry.sheet_number, entry.purpose_clear, entry.listened_to) == (1, 3, 2)
    links = db.scalars(select(PaperFormAnswer).where(PaperFormAnswer.entry_id == entry.id)).all()
    said = [db.get(Contribution, link.contribution_id) for link in links]
    assert [c.text for c in said] == ["Tuesdays are best for me.", "Thank you for the bus."]
    assert all(c.source == Source.PAPER_FORM and c.meeting_id == world.meeting.id for c in said)
    assert said[0].agenda_item_id == world.meeting.agenda_items[0].id
    assert said[1].agenda_item_id is None
    assert all(c.recorded_by_id == world.convenor.id for c in said)


def test_a_member_linked_sheet_needs_their_agreement(client, sign_in, world):
    sign_in(world.member)
    code, _ = print_form(client, world)
    sign_in(world.convenor)
    url = f"/paper-forms/{code.replace('-', '')}"
    refused = client.post(url, data={"answer_1": "Mornings.", "member": str(world.member.id)})
    assert refused.status_code == 400
    assert "agreed" in refused.soup.select_one(".error-summary").get_text()
    assert refused.soup.select_one("textarea[name=answer_1]").get_text().strip() == "Mornings."
    saved = client.post(url, data={"answer_1": "Mornings.", "member": str(world.member.id),
                                   "consent_given": "y"})  # fmt: skip
    assert saved.status_code == 303


def test_an_empty_sheet_is_refused_with_a_clear_message(client, sign_in, world):
    sign_in(world.member)
    code, _ = print_form(client, world)
    sign_in(world.convenor)
    response = client.post(f"/paper-forms/{code}", data={"answer_1": "  "})
    assert response.status_code == 400
    assert "Type at least one answer" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the code from the top of the form"),
        ("hello", "is not a form code"),
        ("ZZZ-ZZZ", "We could not find a form with the code ZZZ-ZZZ"),
        ("K0M-2QX", "is not a form code"),
    ],
)
def test_bad_or_unknown_codes_get_a_clear_message(client, sign_in, world, typed, message):
    sign_in(world.convenor)
    response = client.post("/paper-forms", data={"code": typed})
    assert response.status_code == 400
    assert message in response.soup.select_one(".error-summary").get_text(" ")


def test_only_the_forums_convenors_can_type_forms_in(client, sign_in, world):
    sign_in(world.member)
    code, _ = print_form(client, world)
    response = client.post("/paper-forms", data={"code": code})
    assert response.status_code == 400
    assert "We could not find a form" in response.get_data(as_text=True)
    assert client.get(f"/paper-forms/{code}").status_code == 404
    refused = client.post(f"/paper-forms/{code}", data={"answer_1": "Sneaky."})
    assert refused.status_code == 404


def test_signed_out_people_are_asked_to_sign_in(client):
    response = client.get("/paper-forms")
    assert response.status_code in (302, 303)
    assert "/sign-in" in response.headers["Location"]


def test_code_page_in_easy_read(client, sign_in, world, db):
    world.convenor.easy_read = True
    db.flush()
    sign_in(world.convenor)
    page = client.get("/paper-forms")
    assert page.status_code == 200
    assert "Type the code you see there." in page.get_data(as_text=True)


def test_the_easy_read_form_says_the_time_the_easy_read_way(client, sign_in, world):
    """Thursday 14 March 2030, 1:30pm: never "1:30 PM" or "13:30" in easy read."""
    sign_in(world.member)
    easy = read_pdf(print_form(client, world, "easy-read")[1]).flat_text
    assert "Thursday 14 March 2030, 1:30pm" in easy
    assert "1:30 PM" not in easy and "13:30" not in easy
