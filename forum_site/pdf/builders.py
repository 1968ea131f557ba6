"""The documents we print, built from what the matching web page shows.

Each builder loads through the owning area's service (so permissions are exactly the
page's: a private forum's documents are NotFound to outsiders) and returns a
``PrintDocument``. Easy-read versions come from easyread/builders.py.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from easyread import builders as er
from easyread import record_builders as records
from easyread.model import Document, Section
from forum_site.models.base import as_utc
from forum_site.pdf.documents import PrintDocument, contact_for
from forum_site.pdf.glossary import all_terms, terms_used
from forum_site.services import briefings, budgets, content_translations, forums, meetings
from forum_site.services import easy_read as checked_easy_read
from forum_site.services.budgets.show import figures
from forum_site.services.contributions import feedback as contributions_feedback
from forum_site.services.errors import NotFound
from forum_site.services.viewer import Viewer
from forum_site.text import render_markdown
from forum_site.vocabulary.meetings import ACCESS_ANSWERS, ACCESS_FEATURES, ACTION_STATES, INFLUENCE

FEEDBACK_IN_PACK = 6


def local(moment):
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"))
    return as_utc(moment).astimezone(zone)


# --- briefing ------------------------------------------------------------------------


def briefing_document(
    session: Session, viewer: Viewer, briefing_id: int, language: str = "en"
) -> PrintDocument:
    """The briefing as printed, in ``language`` when a person translated it (the
    easy-read version is English only)."""
    briefing = briefings.get_briefing(session, viewer, briefing_id)
    terms = all_terms(session)
    shown_forums = [f for f in briefing.forums if viewer.can_see_forum(f)]
    translation = content_translations.latest(session, "briefing", briefing, language)
    words = {
        name: translation.get(name, getattr(briefing, name))
        if translation
        else getattr(briefing, name)
        for name in ("title", "summary", "body")
    }
    context = {
        "briefing": briefing,
        "words": words,
        "translation": translation,
        "body_html": render_markdown(words["body"]),
        "forum_name": ", ".join(f.name for f in shown_forums),
        "glossary": [] if translation else terms_used(list(words.values()), terms),
    }
    return PrintDocument(
        kind="briefing",
        title=words["title"],
        contact=_first_contact(session, shown_forums),
        template="pdf/briefing.html",
        context=context,
        easy_read=lambda: checked_easy_read.checked_or_automatic(
            session,
            "briefing",
            briefing.id,
            checked_easy_read.briefing_source_hash(briefing),
            _same_as_the_page(session, briefing),
        ),
        filename=f"briefing-{briefing.id}",
    )


def _first_contact(session: Session, forums_shown):
    """Who to contact: the first forum this reader can see (others are not named)."""
    forums_shown = list(forums_shown)
    return contact_for(session, forums_shown[0]) if forums_shown else None


def _same_as_the_page(session: Session, briefing):
    """The easy read the briefing page shows, so print and screen never disagree."""
    from forum_site.services import glossary

    # The same call as web/easy_read/kinds.py build_briefing_document.
    return lambda: er.build_briefing(
        briefing.body, title=briefing.title, terms=glossary.terms(session)
    )


# --- budget --------------------------------------------------------------------------


def budget_document(session: Session, viewer: Viewer, budget_id: int) -> PrintDocument:
    budget = budgets.get_budget(session, viewer, budget_id)
    terms = all_terms(session)
    sums = figures(budget)
    names = [budget.title, budget.money_comes_from, *(line.name for line in sums.lines)]
    context = {
        "budget": budget,
        "figures": sums,
        "forum_name": ", ".join(f.name for f in budgets.visible_forums(viewer, budget)),
        "glossary": terms_used(names + [line.note for line in sums.lines], terms),
    }
    return PrintDocument(
        kind="budget",
        title=budget.title,
        contact=_first_contact(session, budgets.visible_forums(viewer, budget)),
        template="pdf/budget.html",
        context=context,
        easy_read=lambda: easy_budget(budget, terms),
        filename=f"budget-{budget.id}",
    )


def easy_budget(budget, terms) -> Document:
    sums = figures(budget)
    shown = [line for line in sums.lines if not line.withheld]
    lines = [
        records.BudgetLine(
            name=line.name,
            amount=line.amount_pence // 100,
            open_to_influence=line.kind.value == "open",
            note=line.note,
        )
        for line in shown
    ]
    withheld = [(line.name, line.withheld_reason) for line in sums.lines if line.withheld]
    return records.build_budget(
        budget.title, budget.total_pence // 100, lines, withheld=withheld, terms=terms
    )


# --- you said, we did ------------------------------------------------------------------


def feedback_document(session: Session, viewer: Viewer, slug: str) -> PrintDocument:
    forum = forums.get_forum(session, viewer, slug)
    groups = contributions_feedback.you_said_we_did(session, viewer, forum)
    terms = all_terms(session)
    title = _("You said, we did: %(forum)s", forum=forum.name)
    context = {
        "forum": forum,
        "forum_name": forum.name,
        "groups": groups,
        "glossary": terms_used(_feedback_texts(groups), terms),
    }
    return PrintDocument(
        kind="you-said-we-did",
        title=title,
        contact=contact_for(session, forum),
        template="pdf/you_said_we_did.html",
        context=context,
        easy_read=lambda: easy_feedback(groups, title, terms),
        filename=f"you-said-we-did-{forum.slug}",
    )


def _feedback_texts(groups) -> list[str]:
    return [t for g in groups for s in g.items for t in (s.view.contribution.text, s.answer.answer)]


def feedback_entries(groups, most: int | None = None) -> list[records.FeedbackEntry]:
    entries = [
        records.FeedbackEntry(
            you_said=said.view.contribution.text,
            we_did=said.answer.answer,
            outcome=group.outcome.value,
            reason=said.answer.reason,
            topic=said.view.contribution.topic,
        )
        for group in groups
        for said in group.items
    ]
    return entries[:most] if most else entries


def easy_feedback(groups, title: str, terms) -> Document:
    return records.build_feedback(feedback_entries(groups), title=title, terms=terms)


# --- meeting summary (after the debrief) ---------------------------------------------


def summary_document(session: Session, viewer: Viewer, meeting_id: int) -> PrintDocument:
    meeting = meetings.get_meeting(session, viewer, meeting_id, full=True)
    if meeting.debrief_published_at is None:
        raise NotFound(_("There is no summary of this meeting yet."))
    terms = all_terms(session)
    texts = [meeting.debrief_summary] + [
        t for item in meeting.agenda_items for t in (item.what_happened, item.what_was_decided)
    ]
    title = _("What happened at %(title)s", title=meeting.title)
    context = {
        "meeting": meeting,
        "forum_name": meeting.forum.name,
        "starts": local(meeting.starts_at),
        "glossary": terms_used(texts, terms),
    }
    return PrintDocument(
        kind="meeting-summary",
        title=title,
        contact=contact_for(session, meeting.forum),
        template="pdf/meeting_summary.html",
        context=context,
        easy_read=lambda: checked_easy_read.checked_or_automatic(
            session,
            "meeting_summary",
            meeting.id,
            checked_easy_read.meeting_summary_source_hash(meeting),
            lambda: easy_summary(meeting, title, terms),
        ),
        filename=f"meeting-{meeting.id}-summary",
    )


def _state(action) -> str:
    return "" if action.is_open else f" ({ACTION_STATES[action.state]})"


def easy_summary(meeting, title: str, terms) -> Document:
    text = [f"# {title}", meeting.debrief_summary]
    for item in meeting.agenda_items:
        if item.what_happened or item.what_was_decided:
            text += [f"## {item.title}", item.what_happened, item.what_was_decided]
    if meeting.actions:
        text.append("## " + _("What people will do next"))
        text += [f"- {action.who}: {action.what}{_state(action)}" for action in meeting.actions]
    return er.build_briefing("\n\n".join(t for t in text if t), terms=terms)


# --- helpers shared with the meeting pack ----------------------------------------------


def influence_words(level) -> tuple[str, str]:
    label, explanation = INFLUENCE[level]
    return str(label), str(explanation)


def access_list(meeting) -> list[tuple[str, str]]:
    return [
        (str(label), str(ACCESS_ANSWERS[getattr(meeting, name)])) for name, label in ACCESS_FEATURES
    ]


def merge_easy(main: Document, others: list[Document], heading_prefix: str = "") -> Document:
    """Add other easy-read documents' sections (titled) and word lists to ``main``."""
    seen = {entry.term.lower() for entry in main.word_list}
    for other in others:
        for index, section in enumerate(other.sections):
            heading = section.heading or other.title
            if index == 0 and section.heading:
                heading = f"{heading_prefix}{other.title}: {section.heading}"
            main.sections.append(Section(heading, section.items, section.picture, section.level))
        for entry in other.word_list:
            if entry.term.lower() not in seen:
                seen.add(entry.term.lower())
                main.word_list.append(entry)
    return main
