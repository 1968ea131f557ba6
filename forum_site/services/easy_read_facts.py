"""Checked means checked (RULES.md DN-08) and the quality gate (DN-07).

A person who checks an easy-read version checks words. The facts in it (the date, time,
place, access, agenda items, who decides, money) come from the data, so those sections
are always made again from the data; the person's edits apply to the other sections.

When facts change after the check, the rows that changed say "Changed since it was
checked on ...", and the checker is told once. When the free text changes (the purpose,
a briefing's words), the check no longer stands: the label is withdrawn.

An automatic version is shown to readers only when the renderer could make every row
right (no row needs a person); otherwise the page shows its standard text with
"A person is making the easy-read version of this".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from easyread.formats import easy_date
from easyread.model import Document, HardWordBox, NextStep, NumberCallout, Point, Section

# The sections of each kind that are made from facts, by the heading the builder gives
# them (easyread/builders.py). Every other section is free text a person may change.
FACT_SECTIONS: dict[str, frozenset[str]] = {
    "meeting": frozenset(
        {"When and where", "What is on the list", "Who makes the decision", "Money for your time"}
    ),
}
LONDON = ZoneInfo("Europe/London")


def fact_headings(kind: str) -> frozenset[str]:
    return FACT_SECTIONS.get(kind, frozenset())


def is_fact_section(kind: str, section: Section) -> bool:
    return section.heading in fact_headings(kind)


def row_key(item) -> str:
    """What a row says, to tell whether it is the same row as at the check."""
    value = getattr(item, "value", "")
    if isinstance(item, Point | NextStep):
        said = list(item.sentences)
    elif isinstance(item, HardWordBox):
        said = [item.explanation]
    elif isinstance(item, NumberCallout):
        said = [item.sentence]
    else:
        said = [getattr(item, "text", "")]
    return "\n".join([value, *said]).strip()


def snapshot(kind: str, automatic: Document, text_hash: str) -> dict:
    """What the check covered: the fact rows as they were, and the free text's hash."""
    sections = {
        s.heading: [row_key(item) for item in s.items]
        for s in automatic.sections
        if is_fact_section(kind, s)
    }
    return {"text_hash": text_hash, "sections": sections}


def checked_on(moment: datetime) -> str:
    """ "Tuesday 1 December 2026", the way easy read writes dates (ER-06)."""
    return easy_date(moment.astimezone(LONDON))


# ------------------------------------------------------------------ putting it together


@dataclass(frozen=True)
class Merged:
    document: Document
    changed_rows: int


def merge(
    kind: str, checked: Document, fresh: Document, facts: dict | None, when: datetime
) -> Merged:
    """The checked words with every fact section made again from the data (``fresh``).

    Rows that differ from the facts at the check say so; a section that lost rows says
    something was taken out."""
    checked_sections = {s.heading: s for s in checked.sections}
    before = (facts or {}).get("sections", {})
    label = f"Changed since it was checked on {checked_on(when)}:"
    sections, changed = [], 0
    for section in fresh.sections:
        if not is_fact_section(kind, section):
            sections.append(checked_sections.get(section.heading, section))
            continue
        was = before.get(section.heading)
        items, count = _marked(section.items, was, label) if was is not None else (section.items, 0)
        changed += count
        sections.append(Section(section.heading, items, section.picture, section.level))
    document = Document(
        title=checked.title,
        sections=sections,
        title_picture=checked.title_picture,
        word_list=_words(checked, fresh),
        contact=fresh.contact or checked.contact,
        language=checked.language,
    )
    return Merged(document, changed)


def _marked(items: list, was: list[str], label: str) -> tuple[list, int]:
    out, changed = [], 0
    for item in items:
        if row_key(item) in was:
            out.append(item)
            continue
        changed += 1
        if isinstance(item, Point) and len(item.sentences) < 3:
            item.sentences = [label, *item.sentences]
            out.append(item)
        else:
            out += [Point([label], picture=getattr(item, "picture", None)), item]
    now = {row_key(item) for item in items}
    if any(key not in now for key in was):
        changed += 1
        out.append(Point([label, "Something here is no longer true, so we took it out."]))
    return out, changed


def _words(checked: Document, fresh: Document) -> list:
    seen = {entry.term.lower() for entry in checked.word_list}
    return checked.word_list + [e for e in fresh.word_list if e.term.lower() not in seen]


# ------------------------------------------------------------------ the quality gate (DN-07)


@dataclass(frozen=True)
class Flag:
    """A row the software could not make right, and why, for the writer."""

    section: str
    text: str
    why: str


def flags(document: Document, kind: str = "") -> list[Flag]:
    """Rows that need a person before readers see this version. Rows of fact sections
    are left out: they are made from the data every time and cannot be edited on the
    check page, so holding the page back for them would leave nobody able to fix it."""
    found = []
    for section in getattr(document, "sections", ()):
        if is_fact_section(kind, section):
            continue
        for item in section.items:
            if getattr(item, "needs_attention", False):
                text = " ".join(getattr(item, "sentences", []) or [])
                found.append(Flag(section.heading, text, item.attention_note))
            elif isinstance(item, NumberCallout) and not item.sentence.strip():
                found.append(Flag(section.heading, item.value, "This number has no sentence."))
    return found


def passes(document: Document) -> bool:
    return not flags(document)
