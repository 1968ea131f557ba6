"""The hard words a printed document uses, explained at its end (ER-13, issue 8)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.orm import Session

from easyread.glossary import Term, default_terms
from forum_site.services import glossary


def all_terms(session: Session) -> tuple[Term, ...]:
    """The site's glossary; the shipped one when the database copy has not been loaded."""
    return glossary.terms(session) or default_terms()


def terms_used(texts: Iterable[str], terms: Iterable[Term]) -> list[Term]:
    """Terms whose headword or another form appears in the text, in A to Z order.

    Initials match only in capitals ("ICB", not "icb"); words match in any case."""
    text = "\n".join(t for t in texts if t)
    found = {term.term.lower(): term for term in terms if _appears(term, text)}
    return sorted(found.values(), key=lambda term: term.term.lower())


def _appears(term: Term, text: str) -> bool:
    for form in term.forms():
        if not form.strip():
            continue
        flags = 0 if form.isupper() else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags):
            return True
    return False
