"""How complete and how checked each language's interface translation is.

The strings and their translations live in the ``.po`` catalogues under ``translations/``;
which translations a fluent speaker checked lives in the database (``TranslationCheck``),
so ``pybabel update`` never loses it. A check belongs to the exact words it was made on."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from forum_site.models import LanguageReviewer, TranslationCheck, User
from forum_site.services.errors import NotAllowed, NotFound
from forum_site.services.viewer import Viewer
from forum_site.words import _l

PAGE_SIZE = 50
_CATALOGUES: dict[Path, tuple[tuple[int, int], Catalog]] = {}
_FULLY_CHECKED: dict[str, tuple[float, bool]] = {}
_FULLY_CHECKED_SECONDS = 300


@dataclass(frozen=True)
class Figures:
    language: str
    name: str
    total: int
    translated: int
    checked: int

    @property
    def drafts(self) -> int:
        return self.translated - self.checked

    @property
    def untranslated(self) -> int:
        return self.total - self.translated


@dataclass(frozen=True)
class TranslatedString:
    key: str
    english: str
    translation: str
    checked_by: str
    problems: tuple[str, ...]

    @property
    def is_checked(self) -> bool:
        return bool(self.checked_by)

    @property
    def is_translated(self) -> bool:
        return bool(self.translation)


def message_key(message: Message) -> str:
    """Names a string across catalogue updates: its context and English words."""
    english = message.id if isinstance(message.id, str) else "\x00".join(message.id)
    return _sha(f"{message.context or ''}\x04{english}")


def translation_key(message: Message) -> str:
    words = message.string if isinstance(message.string, str) else "\x00".join(message.string)
    return _sha(words)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def catalogue(folder: Path, language: str) -> Catalog:
    """The language's ``.po`` catalogue, read once and again only when the file changes."""
    path = folder / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        raise NotFound(_l("We do not have that language."))
    stat = path.stat()
    changed = (stat.st_mtime_ns, stat.st_size)
    cached = _CATALOGUES.get(path)
    if cached and cached[0] == changed:
        return cached[1]
    with path.open("rb") as handle:
        loaded = read_po(handle, locale=language)
    _CATALOGUES[path] = (changed, loaded)
    return loaded


def is_translated(message: Message) -> bool:
    words = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(message.id) and all(words) and "fuzzy" not in message.flags


def strings_to_translate(cat: Catalog) -> list[Message]:
    return [message for message in cat if message.id]


def checked_keys(session: Session, language: str) -> dict[tuple[str, str], str]:
    rows = session.execute(
        select(
            TranslationCheck.message_key,
            TranslationCheck.translation_key,
            TranslationCheck.checked_by_name,
        ).where(TranslationCheck.language == language)
    )
    return {(row.message_key, row.translation_key): row.checked_by_name for row in rows}


def figures(session: Session, folder: Path, languages: dict[str, str]) -> list[Figures]:
    result = []
    for code, name in languages.items():
        if code == "en":
            continue
        messages = strings_to_translate(catalogue(folder, code))
        checks = checked_keys(session, code)
        translated = [message for message in messages if is_translated(message)]
        checked = sum(
            (message_key(message), translation_key(message)) in checks for message in translated
        )
        result.append(Figures(code, name, len(messages), len(translated), checked))
    return result


def problems(cat: Catalog) -> dict[str, tuple[str, ...]]:
    """Broken placeholders and other errors Babel's own checkers find, by message key."""
    found: dict[str, tuple[str, ...]] = {}
    for message, errors in cat.check():
        if errors:
            found[message_key(message)] = tuple(str(error) for error in errors)
    return found


def strings(
    session: Session, folder: Path, language: str, *, show: str = "all", page: int = 1
) -> tuple[list[TranslatedString], int]:
    """One page of the language's strings (English, translation, who checked it)."""
    cat = catalogue(folder, language)
    checks = checked_keys(session, language)
    found = problems(cat)
    rows = [_row(message, checks, found) for message in strings_to_translate(cat)]
    wanted = {
        "drafts": lambda row: row.is_translated and not row.is_checked,
        "untranslated": lambda row: not row.is_translated,
        "checked": lambda row: row.is_checked,
        "problems": lambda row: bool(row.problems),
    }.get(show)
    if wanted:
        rows = [row for row in rows if wanted(row)]
    start = (max(page, 1) - 1) * PAGE_SIZE
    return rows[start : start + PAGE_SIZE], len(rows)


def _row(message: Message, checks, found) -> TranslatedString:
    key = message_key(message)
    translated = is_translated(message)
    english = message.id if isinstance(message.id, str) else message.id[0]
    words = message.string if isinstance(message.string, str) else " / ".join(message.string)
    checked_by = checks.get((key, translation_key(message)), "") if translated else ""
    return TranslatedString(
        key, english, words if translated else "", checked_by, found.get(key, ())
    )


def can_review(session: Session, viewer: Viewer, language: str) -> bool:
    if viewer.is_admin:
        return True
    if not viewer.signed_in:
        return False
    return bool(
        session.scalar(
            select(
                exists().where(
                    LanguageReviewer.user_id == viewer.user_id,
                    LanguageReviewer.language == language,
                )
            )
        )
    )


def mark_checked(
    session: Session, viewer: Viewer, folder: Path, language: str, keys: list[str]
) -> int:
    """Record that a fluent speaker checked these strings as they are now. Returns how many."""
    if not can_review(session, viewer, language):
        raise NotAllowed(_l("Only a checker for this language can mark translations checked."))
    cat = catalogue(folder, language)
    wanted = set(keys)
    done = checked_keys(session, language)
    added = 0
    for message in strings_to_translate(cat):
        key = message_key(message)
        if key not in wanted or not is_translated(message):
            continue
        if (key, translation_key(message)) in done:
            continue
        session.add(
            TranslationCheck(
                language=language,
                message_key=key,
                translation_key=translation_key(message),
                checked_by_id=viewer.user_id,
                checked_by_name=viewer.display_name,
            )
        )
        added += 1
    session.flush()
    _FULLY_CHECKED.pop(language, None)
    return added


def grant_reviewer(session: Session, viewer: Viewer, email: str, language: str) -> User:
    if not viewer.is_admin:
        raise NotAllowed(_l("Only site admins can choose who checks a language."))
    person = session.scalar(select(User).where(User.email == email.strip().lower()))
    if person is None:
        raise NotFound(_l("Nobody has an account with that email address."), field="email")
    already = session.scalar(
        select(LanguageReviewer).where(
            LanguageReviewer.user_id == person.id, LanguageReviewer.language == language
        )
    )
    if already is None:
        session.add(
            LanguageReviewer(user_id=person.id, language=language, granted_by_id=viewer.user_id)
        )
        session.flush()
    return person


def reviewers(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(LanguageReviewer.language, User.display_name)
        .join(User, User.id == LanguageReviewer.user_id)
        .order_by(LanguageReviewer.language, User.display_name)
    )
    return [(row.language, row.display_name) for row in rows]


#: Said wherever words in a draft language reach a reader: page footers, emails, PDFs.
DRAFT_NOTICE = _l("This translation has not been checked by a fluent speaker yet.")


def is_draft(session: Session, config, locale: str) -> bool:
    """Whether words in ``locale`` are a draft: no fluent speaker has checked them all.

    ``config`` is the app's settings (``BABEL_TRANSLATION_DIRECTORIES``); English never is."""
    if locale.split("_")[0] == "en":
        return False
    folder = Path(config["BABEL_TRANSLATION_DIRECTORIES"])
    return not fully_checked(session, folder, locale)


def fully_checked(session: Session, folder: Path, language: str) -> bool:
    """Whether every string of the language was checked (cached for a few minutes).

    Every page in a language asks this for its footer, so it must not cost a query each."""
    now = time.monotonic()
    cached = _FULLY_CHECKED.get(language)
    if cached and now - cached[0] < _FULLY_CHECKED_SECONDS:
        return cached[1]
    try:
        (result,) = figures(session, folder, {language: language})
    except NotFound:
        return False
    answer = result.total > 0 and result.checked == result.total
    _FULLY_CHECKED[language] = (now, answer)
    return answer
