"""Searching: words in, a page of ranked hits the viewer may see out.

What people type is never passed to the database as query syntax: it is cut into words
(letters and digits, any script), each word quoted for SQLite FTS5, or joined as plain
words for PostgreSQL's ``plainto_tsquery``; on both, every word must be there. So quotes,
``*``, ``NEAR``, ``-`` or 5,000 characters are only ever words to look for. A page costs the same few queries
however many things there are: the hits, a bounded count, and one query per kind shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from markupsafe import Markup, escape
from sqlalchemy import case, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session, selectinload

from forum_site.models import (
    Briefing,
    Budget,
    Contribution,
    Decision,
    Forum,
    GlossaryEntry,
    Meeting,
    SearchEntry,
    SearchKind,
    Topic,
)
from forum_site.services import briefings, budgets, visibility
from forum_site.services.contributions import reading as contributions
from forum_site.services.errors import DomainError
from forum_site.services.pagination import PER_PAGE, Page, count_up_to, decode_cursor, encode_cursor
from forum_site.services.search.access import Reach, findable
from forum_site.services.search.documents import MARK_END, MARK_START
from forum_site.services.topics import core as topics
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_QUERY = 200
MAX_WORDS = 12
MAX_OFFSET = 1000
_WORD = re.compile(r"\w+", re.UNICODE)
E = SearchEntry
_FTS = table("search_fts", column("rowid"))
# A glossary word is short, so it scores high; it helps, but the forum's own things first.
_KIND_WEIGHT = case((E.kind == str(SearchKind.GLOSSARY), 0.5), else_=1.0)


@dataclass(frozen=True)
class SearchQuery:
    words: str
    kind: SearchKind | None = None
    forum: Forum | None = None


@dataclass(frozen=True)
class SearchHit:
    """One thing found, as the results list shows it."""

    kind: SearchKind
    object_id: int
    title: Markup
    snippet: Markup
    endpoint: str
    args: dict
    forum_names: list[str] = field(default_factory=list)
    when: date | datetime | None = None

    @property
    def when_is_a_day(self) -> bool:
        """A calendar day (a budget's start, a decision's date), not a moment in time."""
        return self.when is not None and not isinstance(self.when, datetime)


def words_of(query: str) -> list[str]:
    """The words to look for: letters and digits only, at most MAX_WORDS of them."""
    return [w.lower() for w in _WORD.findall(query or "")][:MAX_WORDS]


def check_query(query: str) -> str:
    text_ = (query or "").strip()
    if len(text_) > MAX_QUERY:
        raise DomainError(_l("Use 200 characters or fewer."), field="q")
    return text_


def search(session: Session, viewer: Viewer, query: SearchQuery, cursor: str | None = None) -> Page:
    """One page of hits for ``query``, best first, only what ``viewer`` may see."""
    words = words_of(query.words)
    if not words:
        return Page([], None, count_up_to(session, select(E.id).where(False)))
    offset = _offset(cursor)
    reach = Reach(viewer, query.forum.id if query.forum else None)
    engine = _Postgres(words) if session.get_bind().dialect.name == "postgresql" else _Sqlite(words)
    where = (engine.matches(), findable(reach, query.kind))
    rows = session.execute(engine.ranked(*where).offset(offset).limit(PER_PAGE + 1)).all()
    shown = rows[:PER_PAGE]
    next_cursor = encode_cursor([offset + PER_PAGE]) if len(rows) > PER_PAGE else None
    total = count_up_to(session, engine.counted(*where))
    hits = _checked_hits(session, viewer, shown)
    return Page(hits, next_cursor, total, is_first=offset == 0)


def _offset(cursor: str | None) -> int:
    values = decode_cursor(cursor, 1)
    if not values or not isinstance(values[0], int) or values[0] < 0:
        return 0
    return min(values[0], MAX_OFFSET)


class _Sqlite:
    """FTS5 over search_fts (title weighs ten times the body in bm25)."""

    fts = literal_column("search_fts")

    def __init__(self, words: list[str]):
        self.match = " ".join('"' + word.replace('"', '""') + '"' for word in words)

    def matches(self):
        return text("search_fts MATCH :match").bindparams(match=self.match)

    def _from(self, *columns):
        return select(*columns).select_from(E).join(_FTS, _FTS.c.rowid == E.id)

    def ranked(self, *where):
        rank = func.bm25(self.fts, 10.0, 1.0) * _KIND_WEIGHT  # lower is better
        title = func.highlight(self.fts, 0, MARK_START, MARK_END)
        snippet = func.snippet(self.fts, 1, MARK_START, MARK_END, "…", 32)
        query = self._from(E.kind, E.object_id, title, snippet)
        return query.where(*where).order_by(rank, E.id)

    def counted(self, *where):
        return self._from(E.id).where(*where)


class _Postgres:
    """The weighted tsvector column (title A, body B) and ts_headline for snippets."""

    document = literal_column("search_entry.document")
    marks = f"StartSel={MARK_START}, StopSel={MARK_END}"

    def __init__(self, words: list[str]):
        self.query = func.plainto_tsquery("english", " ".join(words))

    def matches(self):
        return self.document.op("@@")(self.query)

    def ranked(self, *where):
        rank = func.ts_rank(self.document, self.query) * _KIND_WEIGHT
        title = func.ts_headline("english", E.title, self.query, f"{self.marks}, HighlightAll=true")
        snippet = func.ts_headline(
            "english",
            E.body,
            self.query,
            f'{self.marks}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "',
        )
        query = select(E.kind, E.object_id, title, snippet)
        return query.where(*where).order_by(rank.desc(), E.id)

    def counted(self, *where):
        return select(E.id).where(*where)


def marked(found: str | None) -> Markup:
    """Escape the text first, then turn the match marks into <mark>: nothing typed by
    anyone can become markup."""
    found = found or ""
    if found.count(MARK_START) != found.count(MARK_END):
        found = found.replace(MARK_START, "").replace(MARK_END, "")
    safe = str(escape(found))
    return Markup(safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


# Checking each hit again with the areas' own rules, one query per kind on the page.

_LOAD = {
    SearchKind.MEETING: (Meeting, (selectinload(Meeting.forum),)),
    SearchKind.BRIEFING: (
        Briefing,
        (selectinload(Briefing.forums), selectinload(Briefing.coauthors)),
    ),
    SearchKind.BUDGET: (Budget, (selectinload(Budget.forums),)),
    SearchKind.TOPIC: (Topic, (selectinload(Topic.forums),)),
    SearchKind.CONTRIBUTION: (Contribution, (selectinload(Contribution.forum),)),
    SearchKind.DECISION: (Decision, (selectinload(Decision.forum),)),
    SearchKind.GLOSSARY: (GlossaryEntry, ()),
}


def _checked_hits(session: Session, viewer: Viewer, rows) -> list[SearchHit]:
    wanted: dict[SearchKind, set[int]] = {}
    for row in rows:
        wanted.setdefault(SearchKind(row[0]), set()).add(row[1])
    things = {}
    for kind, ids in wanted.items():
        model, options = _LOAD[kind]
        for thing in session.scalars(select(model).where(model.id.in_(ids)).options(*options)):
            things[(kind, thing.id)] = thing
    hits = []
    for kind_name, object_id, title, snippet in rows:
        kind = SearchKind(kind_name)
        thing = things.get((kind, object_id))
        if thing is not None and _may_see(viewer, kind, thing):
            hits.append(_hit(viewer, kind, thing, marked(title), marked(snippet)))
    return hits


def _may_see(viewer: Viewer, kind: SearchKind, thing) -> bool:
    if kind == SearchKind.MEETING:
        return visibility.can_see_meeting(viewer, thing)
    if kind == SearchKind.BRIEFING:
        return briefings.can_see(viewer, thing)
    if kind == SearchKind.BUDGET:
        return budgets.can_read(viewer, thing)
    if kind == SearchKind.TOPIC:
        return topics.can_see(viewer, thing)
    if kind == SearchKind.CONTRIBUTION:
        return thing.withdrawn_at is None and contributions.can_see(viewer, thing)
    if kind == SearchKind.DECISION:
        return viewer.can_see_forum(thing.forum)
    return True


def _hit(viewer: Viewer, kind: SearchKind, thing, title: Markup, snippet: Markup) -> SearchHit:
    def made(endpoint, args, forums=(), when=None):
        names = [f.name for f in visibility.shown_forums(viewer, forums)]
        return SearchHit(kind, thing.id, title, snippet, endpoint, args, names, when)

    if kind == SearchKind.MEETING:
        return made("meetings.show", {"meeting_id": thing.id}, [thing.forum], thing.starts_at)
    if kind == SearchKind.BRIEFING:
        when = thing.published_at or thing.created_at
        return made("briefings.show", {"briefing_id": thing.id}, thing.forums, when)
    if kind == SearchKind.BUDGET:
        return made("budgets.show", {"budget_id": thing.id}, thing.forums, thing.period_start)
    if kind == SearchKind.TOPIC:
        return made("topics.show", {"topic_id": thing.id}, thing.forums)
    if kind == SearchKind.CONTRIBUTION:
        args = {"contribution_id": thing.id}
        return made("contributions.show", args, [thing.forum], thing.created_at)
    if kind == SearchKind.DECISION:
        return made("decisions.show", {"decision_id": thing.id}, [thing.forum], thing.decided_on)
    return made("glossary.term", {"slug": thing.slug})
