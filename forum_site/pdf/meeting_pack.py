"""The meeting pack: everything a member needs before a meeting, on paper.

Cover (purpose, how much say members have, what is not up for discussion, who decides),
agenda, venue and access, linked briefings, budget summary, the latest "you said, we
did" and the hard words used, in that order.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from easyread import builders as er
from easyread.model import Document
from forum_site.pdf.builders import (
    FEEDBACK_IN_PACK,
    access_list,
    easy_budget,
    easy_feedback,
    influence_words,
    local,
    merge_easy,
)
from forum_site.pdf.documents import PrintDocument
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
        title=_("Meeting pack: %(title)s", title=meeting.title),
        template="pdf/meeting_pack.html",
        context=context,
        easy_read=lambda: easy_pack(meeting, linked, money, feedback, terms),
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


def easy_pack(meeting, linked, money, feedback, terms) -> Document:
    """The easy-read meeting page, then each briefing, budget and answer, one word list."""
    document = er.build_meeting(
        meeting.title,
        meeting.purpose or _("We will tell you what this meeting is for."),
        local(meeting.starts_at),
        _place(meeting),
        ends=local(meeting.ends_at),
        not_up_for_discussion=[(t.topic, t.reason) for t in meeting.closed_topics],
        agenda=[_easy_item(item) for item in meeting.agenda_items],
        who_decides=", ".join(_deciders(meeting)),
        access=_easy_access(meeting),
        payment=meeting.payment_details if meeting.paid_for_time else "",
        terms=terms,
    )
    others = [er.build_briefing(b.body, title=b.title, terms=terms) for b in linked]
    others += [easy_budget(budget, terms) for budget in money]
    if feedback:
        groups = [_Group(outcome, [said]) for said, outcome in feedback]
        others.append(easy_feedback(groups, _("You said, we did"), terms))
    return merge_easy(document, others)


class _Group:
    def __init__(self, outcome, items):
        self.outcome, self.items = outcome, items


def _easy_item(item) -> er.AgendaItem:
    return er.AgendaItem(
        title=item.title,
        influence=item.influence.value,
        who_decides=item.decision_maker,
        details=item.what_we_want,
    )


def _place(meeting) -> str:
    return ", ".join(
        p for p in (meeting.venue_name, meeting.venue_address.replace("\n", ", ")) if p
    )


def _easy_access(meeting) -> list[str]:
    said = [(str(label), answer) for label, answer in access_list(meeting)]
    return [f"{label}: {answer}." for label, answer in said]
