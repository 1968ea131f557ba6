"""The "Print" panel on meeting, briefing, budget and forum pages (see web/panels.py)."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from forum_site.models import BriefingStatus
from forum_site.pdf.documents import Version
from forum_site.web.panels import briefing_panels, budget_panels, forum_panels, meeting_panels

TEMPLATE = "pdfs/_print_panel.html"


def _versions(endpoint: str, **values) -> list[dict]:
    return [
        {
            "label": version.label,
            "url": url_for(f"pdfs.{endpoint}", version=version.value, **values),
        }
        for version in Version
    ]


@meeting_panels.panel(TEMPLATE, order=90)
def meeting_print(meeting, viewer) -> dict:
    documents = [
        {
            "title": _("Meeting pack"),
            "versions": _versions("meeting_pack_pdf", meeting_id=meeting.id),
        },
        {
            "title": _("Paper form to have your say"),
            "versions": _versions("paper_form_pdf", meeting_id=meeting.id),
        },
    ]
    if meeting.debrief_published_at is not None:
        documents.append(
            {
                "title": _("Summary of what happened"),
                "versions": _versions("meeting_summary_pdf", meeting_id=meeting.id),
            }
        )
    return {"documents": documents, "paper_forms": viewer.convenes(meeting.forum_id)}


@briefing_panels.panel(TEMPLATE, order=90)
def briefing_print(briefing, viewer) -> dict | None:
    if briefing.status != BriefingStatus.PUBLISHED:
        return None
    versions = _versions("briefing_pdf", briefing_id=briefing.id)
    return {"documents": [{"title": _("This briefing"), "versions": versions}]}


@budget_panels.panel(TEMPLATE, order=90)
def budget_print(budget, viewer) -> dict:
    versions = _versions("budget_pdf", budget_id=budget.id)
    return {"documents": [{"title": _("This budget"), "versions": versions}]}


@forum_panels.panel(TEMPLATE, order=90)
def forum_print(forum, viewer) -> dict:
    versions = _versions("feedback_pdf", slug=forum.slug)
    return {
        "documents": [{"title": _("You said, we did"), "versions": versions}],
        "paper_forms": viewer.convenes(forum.id),
    }
