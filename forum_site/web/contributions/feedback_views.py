"""You said, we did, and the impact pages for a forum and for an organisation."""

from __future__ import annotations

from flask import abort, g, request
from flask_babel import gettext as _
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from easyread.record_builders import FeedbackEntry, build_feedback
from forum_site.dates import month_label
from forum_site.extensions import db
from forum_site.models import Organisation, Status
from forum_site.models.contributions import OUTCOMES
from forum_site.services import forums, impact
from forum_site.services.contributions import feedback
from forum_site.services.meetings import debrief as meetings_debrief
from forum_site.vocabulary.contributions import STATUS_LABELS
from forum_site.web import pagination
from forum_site.web.contributions.blueprint import bp
from forum_site.web.contributions.charts import bar_chart
from forum_site.web.contributions.forms import FeedbackFilterForm
from forum_site.web.easy_read import kept
from forum_site.web.easy_read.views import render_document
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import render, viewer
from forum_site.web.translations.reading import reader_language


@bp.get("/forums/<slug>/you-said-we-did")
def you_said_we_did(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    form = FeedbackFilterForm(request.args)
    meetings, topics = feedback.filter_choices(db.session, forum)
    form.meeting.choices = [SelectChoice(0, _("All meetings"))] + [
        SelectChoice(m.id, m.title) for m in meetings
    ]
    form.topic.choices = [SelectChoice("", _("All topics"))] + [SelectChoice(t, t) for t in topics]
    form.outcome.choices = [SelectChoice("", _("Everything"))] + [
        SelectChoice(s.value, str(STATUS_LABELS[s])) for s in OUTCOMES
    ]
    filters = feedback.Filters(
        meeting_id=form.meeting.data or None,
        topic=form.topic.data or "",
        outcome=_outcome(form.outcome.data),
    )
    found = feedback.you_said_we_did_page(db.session, viewer(), forum, filters, pagination.cursor())
    groups = found.groups
    return render(
        "contributions/you_said_we_did.html",
        block="results_page" if pagination.wants_more() else "results",
        forum=forum,
        form=form,
        groups=groups,
        page=found.page,
        totals=found.totals,
        easy_read=_easy_read(groups),
        filtered=filters != feedback.Filters(),
        sections=sections_for(forum),
    )


def _easy_read(groups) -> Markup | None:
    """The easy-read version from the shared renderer (easyread/), when the reader wants it."""
    prefs = getattr(g, "prefs", None)
    if not (prefs and prefs.easy_read and groups):
        return None
    entries = [
        FeedbackEntry(
            you_said=said.view.contribution.text,
            we_did=said.answer.answer,
            outcome=said.answer.status.value,
            reason=said.answer.reason,
            topic=said.view.contribution.topic,
            by_reader=said.view.is_mine,
        )
        for group in groups
        for said in group.items
    ]
    title = _("What happened")
    fingerprint = ("feedback", title, repr(entries))
    document = kept.document(
        fingerprint, reader_language(), lambda: build_feedback(entries, title=title)
    )
    return render_document(document, heading_level=2)


def _outcome(value: str | None) -> Status | None:
    try:
        status = Status(value)
    except ValueError:
        return None
    return status if status in OUTCOMES else None


@bp.get("/forums/<slug>/impact")
def forum_impact(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    figures = impact.forum_impact(db.session, forum)
    return render(
        "contributions/impact.html",
        forum=forum,
        organisation=None,
        figures=figures,
        meeting_reviews=meetings_debrief.review_results(db.session, forum.id),
        charts=_charts(figures),
        sections=sections_for(forum),
    )


@bp.get("/organisations/<int:organisation_id>/impact")
def organisation_impact(organisation_id: int):
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    shown = impact.organisation_forums(db.session, viewer(), organisation)
    figures = impact.impact_for(db.session, [f.id for f in shown])
    return render(
        "contributions/impact.html",
        forum=None,
        organisation=organisation,
        forums=shown,
        figures=figures,
        charts=_charts(figures),
        sections=[],
    )


def _charts(figures: impact.Impact) -> dict:
    months = [month_label(m.month) for m in figures.months]
    contributions = bar_chart(
        months,
        [
            (_("Made"), [m.made for m in figures.months]),
            (_("Answered"), [m.answered for m in figures.months]),
            (_("Changed something or partly"), [m.changed_or_partly for m in figures.months]),
        ],
    )
    review_months = [month_label(m.month) for m in figures.review_months]
    reviews = bar_chart(
        review_months,
        [
            (_("Reviews"), [m.reviews for m in figures.review_months]),
            (_("Purpose was clear"), [m.purpose_clear for m in figures.review_months]),
            (_("Felt listened to"), [m.listened_to for m in figures.review_months]),
        ],
    )
    return {"contributions": contributions, "reviews": reviews}
