"""The meeting pack: everything a member needs before a meeting, on paper.

Cover (purpose, how much say members have, what is not up for discussion, who decides),
agenda, venue and access, linked briefings, budget summary, the latest "you said, we
did" and the hard words used, in that order.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from easyread import builders as er
from easyread.model import Document, Point, Section
from forum_site.pdf.builders import (
    FEEDBACK_IN_PACK,
    access_list,
    influence_words,
    local,
)
from forum_site.pdf.documents import PrintDocument, contact_for
from forum_site.pdf.glossary import all_terms, terms_used
from forum_site.services import briefings, budgets, meetings
from forum_site.services.budgets.show import figures
from forum_site.services.contributions import feedback as contributions_feedback
from forum_site.services.viewer import Viewer
from forum_site.text import render_markdown


def meeting_pack(session: Session, viewer: Viewer, meeting_id: int) -> PrintDocument:
    meeting = meetings.get_meeting(session, viewer, meeting_id, full=True)
    linked = _briefings(session, viewer, meeting)
    money = budgets.budgets_for_meeting(session, viewer, meeting)
    feedback = _latest_feedback(session, viewer, meeting)
    terms = all_terms(session)
    context = {
        "meeting": meeting,
        "forum_name": meeting.forum.name,
        "starts": local(meeting.starts_at),
        "ends": local(meeting.ends_at),
        "agenda": [(item, *influence_words(item.influence)) for item in meeting.agenda_items],
        "deciders": _deciders(meeting),
        "access": access_list(meeting),
        "briefings": [(b, render_markdown(b.body)) for b in linked],
        "budgets": [(b, figures(b)) for b in money],
        "feedback": feedback,
        "glossary": terms_used(_texts(meeting, linked, money, feedback), terms),
    }
    return PrintDocument(
        kind="meeting-pack",
        contact=contact_for(session, meeting.forum),
        title=_("Meeting pack: %(title)s", title=meeting.title),
        template="pdf/meeting_pack.html",
        context=context,
        easy_read=lambda: easy_pack(session, meeting, linked, money, feedback, terms),
        filename=f"meeting-{meeting.id}-pack",
    )


def _briefings(session: Session, viewer: Viewer, meeting) -> list:
    """Published briefings linked to the meeting that this viewer may read."""
    return briefings.linked_to_meeting(session, viewer, meeting)


def _latest_feedback(session: Session, viewer: Viewer, meeting) -> list:
    """The newest answered contributions of the forum, however they were grouped."""
    groups = contributions_feedback.you_said_we_did(session, viewer, meeting.forum)
    newest = sorted(
        ((said, group.outcome) for group in groups for said in group.items),
        key=lambda pair: (pair[0].answer.created_at, pair[0].answer.id),
        reverse=True,
    )
    return newest[:FEEDBACK_IN_PACK]


def _deciders(meeting) -> list[str]:
    names = [item.decision_maker.strip() for item in meeting.agenda_items]
    return list(dict.fromkeys(name for name in names if name))


def _texts(meeting, linked, money, feedback) -> list[str]:
    texts = [meeting.title, meeting.purpose, meeting.outside_pressures]
    for item in meeting.agenda_items:
        texts += [item.title, item.what_we_want, item.influence_explanation]
    texts += [t for topic in meeting.closed_topics for t in (topic.topic, topic.reason)]
    texts += [t for b in linked for t in (b.title, b.summary, b.body)]
    texts += [line.name for budget in money for line in budget.lines]
    texts += [t for said, _ in feedback for t in (said.view.contribution.text, said.answer.answer)]
    return texts


def easy_pack(session: Session, meeting, linked, money, feedback, terms) -> Document:
    """The easy-read meeting page exactly as the web shows it (the checked version with
    its facts made again from the data, DN-08), then each briefing, budget and answer."""
    from forum_site.easy_read_meetings import build
    from forum_site.services import easy_read as checked_easy_read

    document = checked_easy_read.checked_or_automatic(
        session,
        "meeting",
        meeting.id,
        checked_easy_read.meeting_source_hash(meeting),
        lambda: build(meeting),
        checked_easy_read.meeting_text_hash(meeting),
    )
    papers = _more_papers(meeting, linked, money, bool(feedback))
    if papers.items:
        document.sections.append(papers)
    return document


def _more_papers(meeting, linked, money, has_feedback: bool) -> Section:
    """The other papers are easy-read sheets of their own, so the pack stays short (at
    most 8 pages for the demo meeting): each one is named, with where to get it."""
    from flask import current_app, url_for

    site = current_app.config["SITE_URL"].rstrip("/")
    found = [
        (b.title, url_for("pdfs.briefing_pdf", briefing_id=b.id, version="easy-read"))
        for b in linked
    ]
    found += [
        (b.title, url_for("pdfs.budget_pdf", budget_id=b.id, version="easy-read")) for b in money
    ]
    if has_feedback:
        path = url_for("pdfs.feedback_pdf", slug=meeting.forum.slug, version="easy-read")
        found.append((_("You said, we did"), path))
    items = [
        Point(
            [_("**%(title)s** is on its own easy-read sheet.", title=title.rstrip(".")),
             _("Ask for it at the meeting, or print it from %(address)s", address=site + path)],
            picture=er.concept_picture("information"),
        )
        for title, path in found
    ]  # fmt: skip
    return Section(_("More papers for this meeting"), items)
