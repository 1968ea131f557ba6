"""The glossary in the database: loading the reviewed file, reading, searching, editing.

The checker and the briefing renderer take easyread ``Term`` objects; ``terms()`` builds
them from the database so admin edits and words writers add are used straight away."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from weakref import WeakKeyDictionary

from sqlalchemy import event, func, or_, select
from sqlalchemy.orm import Session

from easyread.glossary import Term, default_terms, slugify
from forum_site.models import GlossaryEntry, GlossarySource
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.pagination import Page, page_of_list
from forum_site.services.viewer import Viewer
from forum_site.text import clean_text
from forum_site.words import _l

MAX_DEFINITION = 1000
_FILE_FIELDS = ("term", "plain", "easy", "acronym_for", "plain_alternative", "jargon_sense")


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    kept_edits: int
    unchanged: int


def load_terms(session: Session, terms: Iterable[Term], *, overwrite: bool = False) -> LoadResult:
    """Upsert by slug. Entries an admin edited are kept unless ``overwrite``."""
    existing = {e.slug: e for e in session.scalars(select(GlossaryEntry))}
    added = updated = kept = unchanged = 0
    for term in terms:
        entry = existing.get(term.slug)
        if entry is None:
            entry = GlossaryEntry(slug=term.slug, source=GlossarySource.FILE)
            session.add(entry)
            existing[term.slug] = entry
            _copy_term(entry, term)
            added += 1
        elif entry.edited_at is not None and not overwrite:
            kept += 1
        elif _differs(entry, term):
            _copy_term(entry, term)
            entry.edited_at = entry.edited_by_id = None
            updated += 1
        else:
            unchanged += 1
    session.flush()
    return LoadResult(added, updated, kept, unchanged)


def _copy_term(entry: GlossaryEntry, term: Term) -> None:
    for name in _FILE_FIELDS:
        setattr(entry, name, getattr(term, name))
    entry.aliases = list(term.aliases)
    entry.tags = list(term.tags)


def _differs(entry: GlossaryEntry, term: Term) -> bool:
    return any(getattr(entry, n) != getattr(term, n) for n in _FILE_FIELDS) or (
        list(entry.aliases or []) != list(term.aliases) or list(entry.tags or []) != list(term.tags)
    )


@lru_cache(maxsize=1)
def _shipped_senses() -> dict[str, tuple]:
    """Senses by slug from the shipped glossary file ("capacity" to decide, or a service's
    room for more people): the database keeps one definition a word, the file its senses."""
    return {term.slug: term.senses for term in default_terms() if term.senses}


def as_term(entry: GlossaryEntry) -> Term:
    # An entry an admin has edited keeps only its own words: the file's senses may no
    # longer match them.
    senses = () if entry.edited_at else _shipped_senses().get(entry.slug, ())
    return Term(
        term=entry.term,
        plain=entry.plain,
        easy=entry.easy or entry.plain,
        slug=entry.slug,
        aliases=tuple(entry.aliases or ()),
        acronym_for=entry.acronym_for,
        plain_alternative=entry.plain_alternative,
        jargon_sense=entry.jargon_sense,
        tags=tuple(entry.tags or ()),
        senses=senses,
    )


def terms(session: Session) -> tuple[Term, ...]:
    """Every entry as a checker Term, in a stable order, in one query.

    The terms are kept between requests (per database) and loaded again only when the
    glossary has changed, which one small query tells (issue 20: loading some 250 entries
    cost every easy-read page and briefing 10 to 15 ms). Any edit raises an entry's
    ``revision`` and any new or removed entry changes the count or the largest id, in
    whichever process made it; a change this process flushes forgets the kept terms at once.
    """
    engine = session.get_bind().engine
    kept = _kept_terms.get(engine)
    if kept is not None and kept[0] == tuple(session.execute(_SIGNATURE).one()):
        return kept[1]
    rows = session.execute(select(*_TERM_COLUMNS).order_by(GlossaryEntry.slug)).all()
    found = tuple(as_term(row) for row in rows)
    signature = (len(rows), max((r.id for r in rows), default=None), sum(r.revision for r in rows))
    _kept_terms[engine] = (signature if rows else (0, None, None), found)
    return found


def terms_signature(session: Session) -> tuple:
    """What identifies the glossary as it is now (count, largest id, sum of revisions):
    anything made from the terms can be kept under it (one small query)."""
    return tuple(session.execute(_SIGNATURE).one())


_TERM_COLUMNS = (
    GlossaryEntry.id,
    GlossaryEntry.revision,
    GlossaryEntry.slug,
    GlossaryEntry.edited_at,
    *(getattr(GlossaryEntry, name) for name in (*_FILE_FIELDS, "aliases", "tags")),
)
_SIGNATURE = select(func.count(), func.max(GlossaryEntry.id), func.sum(GlossaryEntry.revision))
_kept_terms: WeakKeyDictionary = WeakKeyDictionary()  # engine -> (signature, terms)


@event.listens_for(Session, "after_flush")
def _forget_changed_terms(session: Session, _context) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(isinstance(obj, GlossaryEntry) for obj in changed):
        _kept_terms.pop(session.get_bind().engine, None)


def all_entries(session: Session) -> list[GlossaryEntry]:
    return list(session.scalars(select(GlossaryEntry).order_by(func.lower(GlossaryEntry.term))))


def by_letter(entries: list[GlossaryEntry]) -> dict[str, list[GlossaryEntry]]:
    grouped: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.letter, []).append(entry)
    return grouped


def search(session: Session, query: str) -> list[GlossaryEntry]:
    """Terms whose name, other forms or definition contain the words, names first."""
    query = " ".join(clean_text(query).split())[:100]
    if not query:
        return []
    escaped = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = f"%{escaped}%"
    found = session.scalars(
        select(GlossaryEntry).where(
            or_(
                func.lower(GlossaryEntry.term).like(like, escape="\\"),
                func.lower(GlossaryEntry.acronym_for).like(like, escape="\\"),
                func.lower(GlossaryEntry.plain).like(like, escape="\\"),
            )
        )
    ).all()
    in_name = [e for e in found if query.lower() in (e.term + " " + e.acronym_for).lower()]
    rest = [e for e in found if e not in in_name]
    return sorted(in_name, key=lambda e: e.term.lower()) + sorted(
        rest, key=lambda e: e.term.lower()
    )


def search_page(session: Session, query: str, cursor: str | None) -> Page[GlossaryEntry]:
    """A page of ``search``: the glossary is small, so it is ranked in Python first."""
    return page_of_list(search(session, query), cursor)


def get_entry(session: Session, slug: str) -> GlossaryEntry:
    entry = session.scalar(select(GlossaryEntry).where(GlossaryEntry.slug == slug))
    if entry is None:
        raise NotFound(_l("We could not find that word in the glossary."))
    return entry


def get_entry_by_id(session: Session, entry_id: int) -> GlossaryEntry:
    entry = session.get(GlossaryEntry, entry_id)
    if entry is None:
        raise NotFound(_l("We could not find that word in the glossary."))
    return entry


def find_by_name(session: Session, name: str) -> GlossaryEntry | None:
    """The entry whose headword, other form or initials match ``name`` (any case)."""
    return entries_by_name(session).get(_name_key(name))


def entries_by_name(session: Session) -> dict[str, GlossaryEntry]:
    """Every form of every entry -> the entry, in one query (for looking up many words)."""
    found: dict[str, GlossaryEntry] = {}
    for entry in session.scalars(select(GlossaryEntry).order_by(GlossaryEntry.id)):
        for form in (entry.term, entry.acronym_for, *(entry.aliases or [])):
            if form:
                found.setdefault(_name_key(form), entry)
    return found


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def edit_entry(
    session: Session,
    viewer: Viewer,
    entry: GlossaryEntry,
    *,
    plain: str,
    easy: str,
    plain_alternative: str = "",
    acronym_for: str = "",
    aliases: list[str] = (),
) -> GlossaryEntry:
    if not viewer.is_admin:
        raise NotAllowed(_l("Only site admins can change glossary entries."))
    entry.plain = _definition(plain, "plain")
    entry.easy = _definition(easy, "easy", required=False)
    entry.plain_alternative = clean_text(plain_alternative)[:200]
    entry.acronym_for = clean_text(acronym_for)[:200]
    entry.aliases = [a for a in (clean_text(x)[:120] for x in aliases) if a]
    entry.edited_by_id = viewer.user_id
    entry.edited_at = datetime.now(UTC)
    session.flush()
    return entry


def add_entry(
    session: Session,
    viewer: Viewer,
    *,
    term: str,
    plain: str,
    easy: str = "",
    acronym_for: str = "",
    source: GlossarySource = GlossarySource.ADMIN,
) -> GlossaryEntry:
    """A new word. Admins add from the glossary; writers add from their briefing."""
    if not viewer.signed_in:
        raise NotAllowed(_l("Sign in to add words to the glossary."))
    term = " ".join(clean_text(term).split())
    if not term:
        raise DomainError(_l("Enter the word or initials."), field="term")
    if len(term) > 120:
        raise DomainError(_l("A glossary word can have up to 120 characters."), field="term")
    if find_by_name(session, term) is not None:
        raise DomainError(_l("“%(term)s” is already in the glossary.", term=term), field="term")
    slug = _free_slug(session, slugify(term) or "word")
    entry = GlossaryEntry(
        slug=slug,
        term=term,
        plain=_definition(plain, "plain"),
        easy=_definition(easy, "easy", required=False),
        aliases=[],
        tags=[],
        acronym_for=clean_text(acronym_for)[:200],
        source=source,
        added_by_id=viewer.user_id,
        edited_by_id=viewer.user_id,
        edited_at=datetime.now(UTC),
    )
    session.add(entry)
    session.flush()
    return entry


def _definition(text: str, field: str, required: bool = True) -> str:
    text = clean_text(text or "")
    if required and not text:
        raise DomainError(_l("Write what the word means, in plain words."), field=field)
    if len(text) > MAX_DEFINITION:
        raise DomainError(
            _l(
                "Keep the meaning to %(max_definition)s characters or fewer.",
                max_definition=MAX_DEFINITION,
            ),
            field=field,
        )
    return text


def _free_slug(session: Session, slug: str) -> str:
    taken = set(
        session.scalars(select(GlossaryEntry.slug).where(GlossaryEntry.slug.like(f"{slug}%")))
    )
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
