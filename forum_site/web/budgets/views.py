"""Budget pages: a forum's budgets, one budget (table, chart, history, easy read),
publishing and changing figures, and CSV/JSON downloads."""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.dates import plain_date
from forum_site.extensions import db
from forum_site.services import budgets, forums
from forum_site.services.budgets import LineError, easy_history
from forum_site.services.budgets import history as budgets_history
from forum_site.services.budgets import show as budgets_show
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.money import format_money
from forum_site.web import pagination
from forum_site.web.budgets import reading
from forum_site.web.budgets.editing import (
    budget_form,
    change_form,
    fill_link_choices,
    wants_another_line,
)
from forum_site.web.budgets.forms import LinksForm, SeenForm
from forum_site.web.forums.panels import forum_panel, sections_for
from forum_site.web.panels import briefing_panels, meeting_panels
from forum_site.web.responses import (
    commit,
    render,
    safe_next,
    show_error,
    site_url,
    viewer,
)

bp = Blueprint("budgets", __name__)


@bp.app_template_filter("money")
def money_filter(pence: int | None) -> str:
    return "" if pence is None else format_money(pence, get_locale() or "en_GB")


@bp.app_template_filter("budget_date")
def budget_date(value) -> str:
    return plain_date(value)


@bp.app_template_filter("change_sentences")
def change_sentences(revision) -> list[str]:
    return budgets_history.change_summary(revision, _locale(), _)


@bp.app_template_filter("easy_change_sentences")
def easy_change_sentences(revision) -> list[str]:
    return easy_history.easy_change_sentences(revision, _locale(), _)


def _locale() -> str:
    return str(get_locale() or "en_GB")


# Reading -------------------------------------------------------------------------------


@bp.get("/forums/<slug>/budgets")
def forum_budgets(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    found = budgets.budgets_for_forum(db.session, viewer(), forum, pagination.cursor())
    can_add = any(viewer().works_for(org.id) for org in forum.organisations)
    return render(
        "budgets/forum_budgets.html",
        block="budgets_page" if pagination.wants_more() else None,
        forum=forum,
        budgets=found,
        figures={b.id: budgets_show.figures(b) for b in found},
        notices=budgets_history.unseen_notices(db.session, viewer(), [b.id for b in found.items]),
        can_add=can_add,
        sections=sections_for(forum),
    )


@bp.get("/budgets/<int:budget_id>")
def show(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    return render("budgets/show.html", **reading.page_context(budget, _locale()))


@bp.post("/budgets/<int:budget_id>/seen")
@login_required
def seen(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    if SeenForm().validate_on_submit():
        budgets_history.mark_seen(db.session, viewer(), budget)
        commit()
        if request.htmx:
            return render_template("budgets/_seen.html")
    back = safe_next(request.form.get("back"), url_for(".show", budget_id=budget.id))
    return redirect(back, code=303)


@bp.get("/budgets/<int:budget_id>.csv")
def download_csv(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    return Response(
        budgets_show.as_csv(budget),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="budget-{budget.id}.csv"'},
    )


@bp.get("/budgets/<int:budget_id>.json")
def download_json(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    names = [forum.name for forum in budgets.visible_forums(viewer(), budget)]
    body = json.dumps(budgets_show.as_json(budget, names), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="budget-{budget.id}.json"'},
    )


# Publishing and changing -----------------------------------------------------------------


@bp.route("/forums/<slug>/budgets/new", methods=["GET", "POST"])
@login_required
def new(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    organisations = [org for org in forum.organisations if viewer().works_for(org.id)]
    if not organisations:
        raise NotAllowed(_("Only commissioners who work with this forum can add a budget."))
    form = budget_form(forum, organisations)
    if wants_another_line(form):
        return render(
            "budgets/new.html",
            block="budget_form",
            forum=forum,
            form=form,
            sections=sections_for(forum),
            added=True,
        )
    if form.validate_on_submit():
        try:
            budget = budgets.create_budget(
                db.session, viewer(), form.organisation.data, reading.budget_input(form)
            )
        except DomainError as error:
            _show(form, error)
        else:
            commit()
            _flash_if_it_does_not_add_up(budget)
            flash(_("The budget is published."), "success")
            return redirect(url_for(".show", budget_id=budget.id), code=303)
    status = 400 if request.method == "POST" else 200
    page = render("budgets/new.html", forum=forum, form=form, sections=sections_for(forum))
    return page, status


@bp.route("/budgets/<int:budget_id>/change", methods=["GET", "POST"])
@login_required
def change(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    if not budgets.can_change(viewer(), budget):
        raise NotAllowed(_("Only commissioners from the organisation that owns it can change it."))
    form = change_form(budget)
    if wants_another_line(form):
        return render(
            "budgets/change.html", block="budget_form", budget=budget, form=form, added=True
        )
    if form.validate_on_submit():
        try:
            revision = budgets.change_budget(
                db.session,
                viewer(),
                budget,
                total_pence=reading.total_pence(form),
                lines=form.line_inputs(),
                reason=form.reason.data,
                site_url=site_url(),
            )
        except DomainError as error:
            _show(form, error)
        else:
            commit()
            _flash_if_it_does_not_add_up(budget)
            if revision.members_told:
                flash(_("Saved. Members of the linked forums have been told."), "success")
            else:
                flash(_("Saved. The change is in the budget's history."), "success")
            return redirect(url_for(".show", budget_id=budget.id), code=303)
    status = 400 if request.method == "POST" and form.errors else 200
    return render("budgets/change.html", budget=budget, form=form), status


@bp.route("/budgets/<int:budget_id>/links", methods=["GET", "POST"])
@login_required
def links(budget_id: int):
    budget = budgets.get_budget(db.session, viewer(), budget_id)
    if not budgets.can_change(viewer(), budget):
        raise NotAllowed(_("Only commissioners from the organisation that owns it can change it."))
    form = LinksForm()
    if request.method == "GET":
        form.forums.data = [f.id for f in budget.forums]
        form.meetings.data = [m.id for m in budget.meetings]
        form.briefings.data = [b.id for b in budget.briefings]
    fill_link_choices(form, budget.organisation_id)
    if form.validate_on_submit():
        try:
            budgets.change_links(
                db.session,
                viewer(),
                budget,
                form.forums.data or [],
                form.meetings.data or [],
                form.briefings.data or [],
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The links are saved."), "success")
            return redirect(url_for(".show", budget_id=budget.id), code=303)
    return render("budgets/links.html", budget=budget, form=form)


def _show(form, error: DomainError) -> None:
    if isinstance(error, LineError):
        row = form.lines[form.row_index(error.index)].form
        target = getattr(row, error.field, None) or row.name
        target.errors = [*target.errors, error.message]
        return
    show_error(form, error)


def _flash_if_it_does_not_add_up(budget) -> None:
    numbers = budgets_show.figures(budget)
    if numbers.does_not_add_up:
        flash(
            _("Check the figures: the lines do not add up to the total. The page shows the gap."),
            "warning",
        )


# Panels on other pages -------------------------------------------------------------------


@forum_panel("budgets/_forum_panel.html", order=30)
def forum_budget_panel(forum, who) -> dict | None:
    found = budgets.budgets_for_forum(db.session, who, forum, per_page=3)
    if not found:
        return None
    return {"forum": forum, "budgets": found.items[:3], "more": found.total.number > 3}


@meeting_panels.panel("budgets/_meeting_panel.html", order=20)
def meeting_budget_panel(meeting, who) -> dict | None:
    """The budget shown as a "paper" for the meeting, with any change notice."""
    return _paper_panel(budgets.budgets_for_meeting(db.session, who, meeting), who)


@briefing_panels.panel("budgets/_meeting_panel.html", order=20)
def briefing_budget_panel(briefing, who) -> dict | None:
    """The same paper on a briefing about the budget."""
    return _paper_panel(budgets.budgets_for_briefing(db.session, who, briefing), who)


def _paper_panel(found, who) -> dict | None:
    if not found:
        return None
    return {
        "budgets": found,
        "figures": {b.id: budgets_show.figures(b) for b in found},
        "notices": budgets_history.unseen_notices(db.session, who, [b.id for b in found]),
        "back": request.path,
    }
