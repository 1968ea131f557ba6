"""What each findable thing can be found by: its title and the words its own page shows.

Only words everyone who may open the page would read there. No names of people (so an
anonymous point can never be found by its author's name), no money amounts (so a withheld
figure can never be found or shown), nothing from a debrief before it is published, and
no withdrawn points."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from forum_site.models import (
    AgendaItem,
    Briefing,
    Budget,
    BudgetLine,
    ClosedTopic,
    Contribution,
    Decision,
    GlossaryEntry,
    Meeting,
    SearchKind,
    Topic,
)
from forum_site.text import render_markdown

MAX_TITLE = 300
MAX_BODY = 60_000
# Snippets mark matches with these two characters, so they never come from the text.
MARK_START, MARK_END = "\ue000", "\ue001"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Document:
    kind: SearchKind
    object_id: int
    title: str
    body: str


def plain(text: str | None) -> str:
    """Text as a reader sees it: Markdown rendered, tags dropped, spaces tidied."""
    if not text:
        return ""
    words = unescape(_TAG.sub(" ", str(render_markdown(text))))
    words = words.replace(MARK_START, "").replace(MARK_END, "")
    return _SPACE.sub(" ", words).strip()


def _join(*parts: str | None) -> str:
    return " ".join(p for p in (plain(part) for part in parts) if p)[:MAX_BODY]


def _meeting(meeting: Meeting) -> tuple[str, str]:
    agenda = [part for item in meeting.agenda_items for part in _agenda_item(meeting, item)]
    closed = [part for topic in meeting.closed_topics for part in (topic.topic, topic.reason)]
    debrief = meeting.debrief_summary if meeting.debrief_published_at else ""
    body = _join(
        meeting.purpose, meeting.venue_name, meeting.outside_pressures, *agenda, *closed, debrief
    )
    return meeting.title, body


def _agenda_item(meeting: Meeting, item: AgendaItem) -> list[str]:
    parts = [item.title, item.what_we_want]
    if meeting.debrief_published_at:
        parts += [item.what_happened, item.what_was_decided]
    return parts


def _briefing(briefing: Briefing) -> tuple[str, str]:
    return briefing.title, _join(briefing.summary, briefing.body)


def _budget(budget: Budget) -> tuple[str, str]:
    lines = [part for line in budget.lines if not line.removed for part in _line_words(line)]
    return budget.title, _join(budget.money_comes_from, *lines)


def _line_words(line: BudgetLine) -> tuple[str, ...]:
    """A line's name and note; a withheld line's reason, never an amount."""
    if line.withheld:
        return line.name, line.withheld_reason
    return line.name, line.note


def _topic(topic: Topic) -> tuple[str, str]:
    return topic.title, _join(topic.summary)


def _contribution(contribution: Contribution) -> tuple[str, str] | None:
    if contribution.withdrawn_at is not None:
        return None
    return contribution.topic or "", _join(contribution.text)


def _decision(decision: Decision) -> tuple[str, str]:
    return decision.title, _join(decision.details, decision.decided_by_name, decision.other_input)


def _glossary(entry: GlossaryEntry) -> tuple[str, str]:
    aliases = ", ".join(entry.aliases or [])
    return entry.term, _join(entry.acronym_for, aliases, entry.plain)


BUILDERS: dict[type, tuple[SearchKind, Callable]] = {
    Meeting: (SearchKind.MEETING, _meeting),
    Briefing: (SearchKind.BRIEFING, _briefing),
    Budget: (SearchKind.BUDGET, _budget),
    Topic: (SearchKind.TOPIC, _topic),
    Contribution: (SearchKind.CONTRIBUTION, _contribution),
    Decision: (SearchKind.DECISION, _decision),
    GlossaryEntry: (SearchKind.GLOSSARY, _glossary),
}
# Parts whose change changes what their whole can be found by: the whole's kind, and
# the column that holds its id (read directly: a new part's relationship is not loaded).
PARTS: dict[type, tuple[SearchKind, str]] = {
    AgendaItem: (SearchKind.MEETING, "meeting_id"),
    ClosedTopic: (SearchKind.MEETING, "meeting_id"),
    BudgetLine: (SearchKind.BUDGET, "budget_id"),
}
MODELS_BY_KIND = {kind: model for model, (kind, _build) in BUILDERS.items()}


def document_for(thing) -> Document | None:
    """The words ``thing`` is found by, or None when it should not be found at all."""
    kind, build = BUILDERS[type(thing)]
    words = build(thing)
    if words is None:
        return None
    title, body = words
    return Document(kind, thing.id, plain(title)[:MAX_TITLE], body)
