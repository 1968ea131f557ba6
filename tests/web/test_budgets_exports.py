"""CSV and JSON downloads, and a withheld figure never leaking anywhere."""

from __future__ import annotations

import csv
import io
import json

from tests.factories_budgets import budget_world, line, make_budget

SECRET_PENCE = 123_456_78  # a figure we never store, but a careless form might send


def _budget_with_withheld_line(db, world):
    return make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=200_000_00,
        lines=[
            line("Day centre places", 150_000_00, people=50, note="Three centres"),
            line('=HYPERLINK("http://x")', 25_000_00, open_=True),
            line("New contract", None, withheld_reason="We can share this when the tender closes."),
        ],
    )


def test_csv_has_one_row_per_line_with_exact_pounds(client, db):
    world = budget_world(db)
    budget = _budget_with_withheld_line(db, world)
    response = client.get(f"/budgets/{budget.id}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["line"] for r in rows] == [
        "Day centre places",
        '\'=HYPERLINK("http://x")',  # not run as a formula by spreadsheet programs
        "New contract",
        "Total (as stated)",
    ]
    assert rows[0]["amount_gbp"] == "150000.00"
    assert rows[0]["fixed_or_open"] == "fixed"
    assert rows[0]["note"] == "Three centres"
    assert rows[0]["per_person_per_week_gbp"] == "57.53"  # £150,000 / 50 / (365/7)
    assert rows[1]["fixed_or_open"] == "open"
    assert rows[2]["amount_gbp"] == ""
    assert rows[2]["withheld"] == "yes"
    assert rows[2]["withheld_reason"] == "We can share this when the tender closes."
    assert rows[3]["amount_gbp"] == "200000.00"


def test_json_has_exact_pence_and_no_amount_for_withheld_lines(client, db):
    world = budget_world(db)
    budget = _budget_with_withheld_line(db, world)
    response = client.get(f"/budgets/{budget.id}.json")
    assert response.mimetype == "application/json"
    data = json.loads(response.get_data(as_text=True))
    assert data["total_pence"] == 200_000_00
    assert data["shared_lines_add_up_to_pence"] == 175_000_00
    assert data["forums"] == [world["forum"].name]
    withheld = data["lines"][2]
    assert withheld == {
        "name": "New contract",
        "amount_pence": None,
        "kind": "fixed",
        "withheld": True,
        "withheld_reason": "We can share this when the tender closes.",
        "note": "",
        "people_served": None,
        "per_person_per_week_pence": None,
    }
    first = data["history"][0]
    assert first["reason"] == "First published."
    assert first["by"] == world["commissioner"].display_name
    assert {c["what"] for c in first["changes"]} == {"total", "line_added"}


def test_a_figure_withheld_later_leaks_nowhere(client, db, sign_in):
    """Shared at first, then withheld: the old figure must vanish from every output."""
    world = budget_world(db)
    budget = make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=500_000_00,
        lines=[line("Respite beds", SECRET_PENCE), line("Other", 100_000_00)],
    )
    sign_in(world["commissioner"])
    form = {
        "total": "500000",
        "reason": "The tender opened.",
        "lines-0-line_id": str(budget.lines[0].id),
        "lines-0-name": "Respite beds",
        "lines-0-kind": "fixed",
        "lines-0-withheld": "y",
        "lines-0-withheld_reason": "Prices are secret until the tender closes.",
        "lines-1-line_id": str(budget.lines[1].id),
        "lines-1-name": "Other",
        "lines-1-amount": "100000",
        "lines-1-kind": "fixed",
    }
    assert client.post(f"/budgets/{budget.id}/change", data=form).status_code == 303
    client.post("/sign-out")
    sign_in(world["member"])
    spellings = ["123,456.78", "123456.78", "12345678", "123,457", "123456"]
    for path in ["", ".csv", ".json"]:
        body = client.get(f"/budgets/{budget.id}{path}").get_data(as_text=True)
        for spelling in spellings:
            assert spelling not in body, (path, spelling)
    page = client.get(f"/budgets/{budget.id}")
    chart = page.soup.select_one("figure.budget-chart svg")
    assert "Respite beds: withheld" in chart.find("desc").get_text()
    assert len([r for r in chart.select("g rect")]) == 1  # no bar for the withheld line
    inbox_page = client.get("/inbox").get_data(as_text=True)
    for spelling in spellings:
        assert spelling not in inbox_page


def test_a_withheld_line_with_an_amount_typed_is_refused_not_stored(client, db, sign_in):
    world = budget_world(db)
    sign_in(world["commissioner"])
    page = client.post(
        f"/forums/{world['forum'].slug}/budgets/new",
        data={
            "organisation": str(world["council"].id),
            "title": "Respite",
            "period_start": "2026-04-01",
            "period_end": "2027-03-31",
            "total": "200000",
            "forums": str(world["forum"].id),
            "lines-0-name": "Beds",
            "lines-0-amount": "123,456.78",
            "lines-0-kind": "fixed",
            "lines-0-withheld": "y",
            "lines-0-withheld_reason": "Tender open",
        },
    )
    assert page.status_code == 400
    assert "Leave the amount empty for a withheld line" in page.get_data(as_text=True)


def test_easy_read_does_not_show_withheld_amounts(client, db, sign_in):
    from tests.factories import make_user

    world = budget_world(db)
    budget = _budget_with_withheld_line(db, world)
    sign_in(make_user(db, easy_read=True))
    page = client.get(f"/budgets/{budget.id}")
    easy = page.soup.select_one(".budget-easy-read").get_text(" ", strip=True)
    assert "We can share this when the tender closes." in easy
    assert "£150,000" in easy
    assert "£200,000" in easy
