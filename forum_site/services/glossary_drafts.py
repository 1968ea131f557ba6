"""Draft translations of the glossary's explanations, written by the forum-site team for
the most common words (translations/glossary/common.txt), one file per language
(translations/glossary/<language>.json).

They are drafts: no fluent speaker has checked them. A reader sees one only where no
person has translated the word yet, and is told it is a draft. Each draft keeps a
fingerprint of the English it was made from, so a reader is told when the English was
changed after it was translated."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from forum_site.models import GlossaryEntry

FOLDER = Path(__file__).resolve().parents[2] / "translations" / "glossary"


@cache
def _file(language: str) -> dict:
    path = FOLDER / f"{language}.json"
    if not path.is_file():
        return {"terms": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def draft_for(entry: GlossaryEntry, language: str) -> dict | None:
    """The team's draft for this word in ``language``: its fields ("name", "plain",
    "easy"), the fingerprint of the English it was made from ("from") and the day it was
    made ("made"); None for English or a word without a draft."""
    if language == "en" or "/" in language or "." in language:
        return None
    data = _file(language)
    words = data["terms"].get(entry.term)
    if words is None:
        return None
    return {**words, "made": data.get("made")}


def made_on(draft: dict) -> datetime:
    """The day the file was joined (glossary_drafts.py join writes "made")."""
    return datetime.fromisoformat(draft["made"]).replace(tzinfo=UTC)
