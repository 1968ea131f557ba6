"""Publishing a budget through the form: bad input gets clear messages and nothing is lost."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum_site.models import Budget, BudgetLine
from tests.factories_budgets import budget_world, make_meeting


def _form(world, **overrides) -> dict:
    data = {
        "organisation": str(world["council"].id),
        "title": "Day services 2026 to 2027",
        "period_start": "2026-04-01",
        "period_end": "2027-03-31",
        "money_comes_from": "Council tax and a grant from the NHS",
        "total": "£1,250,000",
        "forums": str(world["forum"].id),
        "lines-0-name": "Day centre places",
        "lines-0-amount": "£1,000,000",
        "lines-0-kind": "fixed",
        "lines-0-people_served": "120",
        "lines-1-name": "Activities members choose",
        "lines-1-amount": "250k",
        "lines-1-kind": "open",
    }
    return data | overrides


@pytest.fixture
def commissioner_world(db, sign_in):
    world = budget_world(db)
    sign_in(world["commissioner"])
    return world


def test_publish_a_budget(client, db, commissioner_world):
    world = commissioner_world
    meeting = make_meeting(db, world["forum"])
    response = client.post(
        f"/forums/{world['forum'].slug}/budgets/new",
        data=_form(world, meetings=str(meeting.id)),
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    budget = db.scalar(select(Budget).where(Budget.title == "Day services 2026 to 2027"))
    assert budget.total_pence == 1_250_000_00
    assert [(x.name, x.amount_pence, x.kind.value) for x in budget.lines] == [
        ("Day centre places", 1_000_000_00, "fixed"),
        ("Activities members choose", 250_000_00, "open"),
    ]
    assert [m.id for m in budget.meetings] == [meeting.id]
    assert response.headers["Location"] == f"/budgets/{budget.id}"


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("lines-0-amount", "-500", "£0 or more"),
        ("lines-0-amount", "lots", "numbers only"),
        ("lines-0-amount", "12.345", "2 numbers after the decimal point"),
        ("lines-0-amount", "999999999999", "more than £10 billion"),
        ("total", "1,2,3", "groups of 3"),
        ("lines-0-people_served", "many", "whole number"),
        ("lines-0-people_served", "0", "between 1 and 10,000,000"),
        ("lines-0-people_served", "99999999999", "between 1 and 10,000,000"),
        ("period_start", "31/02/2027", "Enter a real date"),
    ],
)
def test_bad_amounts_get_messages_and_keep_what_was_typed(
    client, db, commissioner_world, field, typed, message
):
    world = commissioner_world
    page = client.post(
        f"/forums/{world['forum'].slug}/budgets/new", data=_form(world, **{field: typed})
    )
    assert page.status_code == 400
    summary = page.soup.select_one(".error-summary")
    assert message in summary.get_text()
    assert summary.select_one(f"a[href='#{field}']")
    assert page.soup.select_one(f"#{field}")["value"] == typed
    assert page.soup.select_one(f"#{field}")["aria-invalid"] == "true"
    assert page.soup.select_one("#lines-1-name")["value"] == "Activities members choose"
    assert db.scalar(select(func.count(Budget.id))) == 0


def test_withheld_line_needs_a_reason(client, db, commissioner_world):
    world = commissioner_world
    page = client.post(
        f"/forums/{world['forum'].slug}/budgets/new",
        data=_form(world, **{"lines-1-amount": "", "lines-1-withheld": "y"}),
    )
    assert page.status_code == 400
    assert "Say why this amount cannot be shared" in page.soup.select_one(".error-summary").text
    assert page.soup.select_one("#lines-1-withheld").has_attr("checked")
    assert db.scalar(select(func.count(Budget.id))) == 0


def test_withheld_line_with_reason_is_published_without_an_amount(client, db, commissioner_world):
    world = commissioner_world
    reason = "We cannot share this until the tender closes on 1 June."
    client.post(
        f"/forums/{world['forum'].slug}/budgets/new",
        data=_form(
            world,
            **{"lines-1-amount": "", "lines-1-withheld": "y", "lines-1-withheld_reason": reason},
        ),
    )
    withheld = db.scalar(select(BudgetLine).where(BudgetLine.withheld))
    assert withheld.amount_pence is None
    assert withheld.withheld_reason == reason


def test_lines_that_do_not_add_up_are_saved_with_a_visible_warning(client, db, commissioner_world):
    world = commissioner_world
    response = client.post(
        f"/forums/{world['forum'].slug}/budgets/new", data=_form(world, total="£1,300,000")
    )
    assert response.status_code == 303
    page = client.get(response.headers["Location"])
    flashed = page.soup.select_one(".notice-warning").get_text()
    assert "do not add up" in flashed
    warning = page.soup.select_one(".budget-warning").get_text(" ", strip=True)
    assert "£50,000 is not in any line" in warning
    assert db.scalar(select(Budget.total_pence)) == 1_300_000_00


def test_add_another_line_works_without_javascript(client, db, commissioner_world):
    world = commissioner_world
    page = client.post(
        f"/forums/{world['forum'].slug}/budgets/new", data=_form(world, add_line="1")
    )
    assert page.status_code == 200
    assert page.soup.select_one("#lines-2-name") is not None
    assert page.soup.select_one("#lines-2-name").get("value", "") == ""
    assert page.soup.select_one("#lines-0-amount")["value"] == "£1,000,000"
    assert page.soup.select_one(".error-summary") is None
    assert db.scalar(select(func.count(Budget.id))) == 0
    data = _form(world, **{"lines-2-name": "Transport", "lines-2-amount": "0", "total": "1250000"})
    client.post(f"/forums/{world['forum'].slug}/budgets/new", data=data)
    assert db.scalar(select(func.count(BudgetLine.id))) == 3


def test_empty_extra_rows_are_ignored(client, db, commissioner_world):
    world = commissioner_world
    data = _form(world, **{"lines-2-name": "", "lines-2-amount": "", "lines-2-kind": "fixed"})
    assert client.post(f"/forums/{world['forum'].slug}/budgets/new", data=data).status_code == 303
    assert db.scalar(select(func.count(BudgetLine.id))) == 2


def test_dates_the_wrong_way_round_and_no_forum_are_explained(client, db, commissioner_world):
    world = commissioner_world
    data = _form(world, period_end="2025-01-01")
    page = client.post(f"/forums/{world['forum'].slug}/budgets/new", data=data)
    assert "end of the period must be after its start" in page.get_data(as_text=True)
    data = _form(world)
    del data["forums"]
    page = client.post(f"/forums/{world['forum'].slug}/budgets/new", data=data)
    assert "Choose at least one forum" in page.get_data(as_text=True)


def test_add_another_line_with_htmx_returns_just_the_form(client, db, commissioner_world):
    world = commissioner_world
    response = client.post(
        f"/forums/{world['forum'].slug}/budgets/new",
        data=_form(world, add_line="1"),
        headers={"HX-Request": "true"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<h1" not in html
    assert 'id="lines-2-name"' in html
    assert "data-focus-after-swap" in html.split('id="lines-2"')[1].split(">")[0]
    assert 'value="Activities members choose"' in html
