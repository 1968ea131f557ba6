"""What the budget page shows, and turning the forms into plain service input."""

from __future__ import annotations

from flask import g
from flask_babel import gettext
from markupsafe import Markup

from easyread.model import NumberCallout, Point, Section
from easyread.pictures import picture_for
from easyread.record_builders import BudgetLine as EasyLine
from easyread.record_builders import build_budget
from forum_site.dates import plain_date
from forum_site.extensions import db
from forum_site.models.meetings import MeetingStatus
from forum_site.services import budgets
from forum_site.services.budgets import BudgetInput
from forum_site.services.budgets import history as budgets_history
from forum_site.services.budgets import show as budgets_show
from forum_site.services.money import format_money, parse_pence, to_decimal
from forum_site.web.budgets.forms import SeenForm
from forum_site.web.easy_read.views import render_document
from forum_site.web.panels import budget_panels
from forum_site.web.responses import viewer


def total_pence(form) -> int:
    return parse_pence(form.total.data)


def budget_input(form) -> BudgetInput:
    return BudgetInput(
        title=form.title.data or "",
        period_start=form.period_start.data,
        period_end=form.period_end.data,
        money_comes_from=form.money_comes_from.data or "",
        total_pence=total_pence(form),
        forum_ids=list(form.forums.data or []),
        meeting_ids=list(form.meetings.data or []),
        briefing_ids=list(form.briefings.data or []),
        lines=form.line_inputs(),
    )


def page_context(budget, locale: str) -> dict:
    who = viewer()
    shown_forums = budgets.visible_forums(who, budget)
    forum_ids = {forum.id for forum in shown_forums}
    meetings = [
        m
        for m in budget.meetings
        if m.forum_id in forum_ids and m.status == MeetingStatus.PUBLISHED
    ]
    briefings = [
        b for b in budget.briefings if b.is_published and any(f.id in forum_ids for f in b.forums)
    ]
    return {
        "budget": budget,
        "forums": shown_forums,
        "meetings": meetings,
        "briefings": briefings,
        "numbers": budgets_show.figures(budget),
        "shares": {
            line.id: budgets_show.per_person_per_week(budget, line) for line in budget.lines
        },
        "chart": budgets_show.chart(budget, locale),
        "history": budgets_show.history(budget, locale, gettext),
        "notices": budgets_history.unseen_notices(db.session, who, [budget.id]).get(budget.id, []),
        "can_change": budgets.can_change(who, budget),
        "seen_form": SeenForm(),
        "easy_read": easy_read_html(budget, locale) if _prefs_easy_read() else None,
        "panels": budget_panels.render_for(budget, who),
    }


def _prefs_easy_read() -> bool:
    prefs = getattr(g, "prefs", None)
    return bool(prefs and prefs.easy_read)


def easy_read_html(budget, locale: str) -> Markup:
    """easyread's budget document, plus a row per line saying what it is per person a week."""
    lines = budgets_show.current_lines(budget)
    shown = [line for line in lines if not line.withheld]
    document = build_budget(
        budget.title,
        to_decimal(budget.total_pence),
        [
            EasyLine(line.name, to_decimal(line.amount_pence), line.kind.value == "open", "")
            for line in shown
        ],
        withheld=[(line.name, line.withheld_reason) for line in lines if line.withheld],
    )
    _fix_total_sentence(document, budget)
    per_person = _per_person_rows(budget, shown, locale)
    if per_person:
        document.sections.append(Section("What it means for each person", per_person))
    return render_document(document, heading_level=2)


def _fix_total_sentence(document, budget) -> None:
    """The builder says "for each year"; our budgets have real dates, so say those."""
    for section in document.sections:
        for item in section.items:
            if isinstance(item, NumberCallout) and item.sentence.startswith("This is the money"):
                start = plain_date(budget.period_start)
                end = plain_date(budget.period_end)
                item.sentence = f"This is all the money from {start} to {end}."
                return


def _per_person_rows(budget, shown, locale: str) -> list[Point]:
    rows = []
    for line in shown:
        share = budgets_show.per_person_per_week(budget, line)
        if share is None:
            continue
        amount = format_money(share, locale, whole=share % 100 == 0 or share >= 1000)
        rows.append(
            Point(
                [
                    f"{line.name}: this money is for {line.people_served:,} people.",
                    f"That is about **{amount}** for each person each week.",
                ],
                picture_for("people"),
            )
        )
    return rows
