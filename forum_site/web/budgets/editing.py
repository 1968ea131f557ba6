"""Building the budget forms: choices, filling in current figures, and extra line rows."""

from __future__ import annotations

from flask import request

from forum_site.dates import plain_date
from forum_site.extensions import db
from forum_site.services import budgets
from forum_site.services.budgets.show import current_lines
from forum_site.services.money import format_money
from forum_site.web.budgets.forms import MAX_ROWS, BudgetForm, ChangeForm


def wants_another_line(form) -> bool:
    """The "Add another line" button: show the same form with one more empty row."""
    if request.method != "POST" or "add_line" not in request.form:
        return False
    if len(form.lines.entries) < MAX_ROWS:
        form.lines.append_entry()
    return True


def _meeting_label(meeting) -> str:
    when = plain_date(meeting.starts_at)
    return f"{meeting.title}, {when} ({meeting.forum.name})"


def fill_link_choices(form, organisation_ids: int | list[int]) -> None:
    ids = organisation_ids if isinstance(organisation_ids, list) else [organisation_ids]
    choices: dict[int, str] = {}
    for organisation_id in ids:
        for forum in budgets.forums_for_organisation(db.session, organisation_id):
            choices[forum.id] = forum.name
    form.forums.choices = list(choices.items())
    meetings = budgets.meetings_for_forums(db.session, list(choices))
    form.meetings.choices = [(m.id, _meeting_label(m)) for m in meetings]
    briefings = budgets.briefings_for_forums(db.session, list(choices))
    form.briefings.choices = [(b.id, b.title) for b in briefings]


def budget_form(forum, organisations) -> BudgetForm:
    form = BudgetForm()
    form.organisation.choices = [(org.id, org.name) for org in organisations]
    if request.method == "GET":
        form.forums.data = [forum.id]
        form.organisation.data = organisations[0].id
    fill_link_choices(form, [org.id for org in organisations])
    return form


def change_form(budget) -> ChangeForm:
    """On first view, today's figures; after a post, exactly what was typed."""
    if request.method == "POST":
        return ChangeForm()
    return ChangeForm(
        data={
            "total": typed_amount(budget.total_pence),
            "lines": [_line_data(line) for line in current_lines(budget)],
        }
    )


def typed_amount(pence: int) -> str:
    """How a person would type it ("£1,250,000"), in the one style the parser reads."""
    return format_money(pence, "en_GB")


def _line_data(line) -> dict:
    return {
        "line_id": str(line.id),
        "name": line.name,
        "amount": "" if line.withheld else typed_amount(line.amount_pence),
        "kind": line.kind.value,
        "withheld": line.withheld,
        "withheld_reason": line.withheld_reason,
        "note": line.note,
        "people_served": str(line.people_served or ""),
    }
