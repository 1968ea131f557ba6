"""Building easy-read documents from a writer's text and from the web app's plain data.

Every builder takes plain values (strings, numbers, dates, lists, dicts or the
small dataclasses below), never database objects, and a ``terms`` glossary.
They return a :class:`~easyread.model.Document` marked "made automatically";
a person can then edit it and mark it checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from easyread.facts import facts_in
from easyread.formats import day_month_year, easy_when
from easyread.glossary import Term
from easyread.model import ContactBox, Document, Item, Point, Section
from easyread.pictures import concepts, picture_for
from easyread.simplify import Simplifier, blocks

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|(\d+[.)]))\s+(.*)$")
# "4.1 The council received ...": a report's paragraph number.
_PARAGRAPH_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=[A-Z(“\"])")
# "**Being heard.** Many people felt ...": a short bold label that starts a paragraph.
# A label ends with its own full stop or colon: "**Why.** People asked", "**Cost:** £5";
# "**Day services** are closing" is a bold start of a sentence, not a label.
_RUN_IN_LABEL = re.compile(r"^\s*\*\*([^*\n]{1,60}?)(?:[.:]\*\*|\*\*[.:])\s+(?=\S)")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)([^*\n]+?)(?<!\*)\*(?![*\w])|(?<!\w)_([^_\n]+?)_(?!\w)")


def concept_picture(name: str) -> str | None:
    """The picture of a named concept ("meeting", "money"), so builders never hard-code ids."""
    return next((c.picture for c in concepts() if c.name == name), None)


def _contact(contact: ContactBox | dict | None) -> ContactBox | None:
    if contact is None or isinstance(contact, ContactBox):
        return contact
    return ContactBox(**contact)


# --- briefings: plain text and a small Markdown subset ---------------------------


def build_briefing(
    text: str,
    title: str = "",
    terms: Iterable[Term] = (),
    contact: ContactBox | dict | None = None,
) -> Document:
    """A briefing in plain text or simple Markdown (# headings, - lists, **bold**, links).

    The first top-level heading becomes the title when ``title`` is empty.
    """
    simplifier = Simplifier(terms)
    text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text.replace("__", "**"))
    document = Document(title="")
    section = Section(heading="")
    if title.strip():
        document.title, boxes = simplifier.heading(title)
        section.items.extend(boxes)
    in_list = False
    found = list(_markdown_blocks(text))
    for index, (kind, content, start, number) in enumerate(found):
        if kind == "heading" and not document.title:
            document.title, boxes = simplifier.heading(content)
            section.items.extend(boxes)
        elif kind == "heading":
            if section.items or section.heading:
                document.sections.append(section)
            heading, boxes = simplifier.heading(content)
            section = Section(heading=heading, items=list(boxes))
        elif kind == "text" and (pairs := facts_in(content)):
            section.items.extend(simplifier.facts(pairs, start, start + len(content.rstrip())))
        elif kind == "text" and (label := _run_in_label(content)):
            if section.items or section.heading:
                document.sections.append(section)
            heading, boxes = simplifier.heading(label.group(1).strip())
            # Under a section heading it is a part of that section; before any, a heading
            # of its own (no level is skipped).
            under = any(s.heading and s.level == 1 for s in document.sections)
            section = Section(heading=heading, items=list(boxes), level=2 if under else 1)
            section.items.extend(simplifier.paragraph(content[label.end() :], start + label.end()))
        else:
            # A bullet after an intro is an item even when it ends the list with a full
            # stop; so is the intro itself ("Over the year, panel members:") when bullets
            # follow: together they make the sentence.
            ends = content.rstrip().endswith((".", "!", "?"))
            item = in_list and (kind == "item" or not ends)
            item = item or _introduces_bullets(content, found[index + 1 : index + 2])
            label = _run_in_label(content) if kind == "item" else None
            if label:  # "1. **Expanding reablement.** Short-term support ...": its name first
                rows = [*simplifier.label(label.group(1), start, start + label.end())]
                rest = content[label.end() :]
                rows += simplifier.paragraph(rest, start + label.end(), item)
            else:
                rows = simplifier.paragraph(content, start, item)
            section.items.extend(_numbered(rows, number))
            in_list = content.rstrip().endswith(":") or item
            continue
        in_list = False
    if section.items or section.heading:
        document.sections.append(section)
    return _finish(document, simplifier, contact)


def _titled(simplifier: Simplifier, title: str) -> tuple[Document, list[Item]]:
    """A new document and the hard-word boxes its title needs (shown in the first section)."""
    heading, boxes = simplifier.heading(title)
    return Document(title=heading), list(boxes)


def _run_in_label(paragraph: str) -> re.Match[str] | None:
    """A short bold label at the start of a paragraph, as a writer's small heading."""
    found = _RUN_IN_LABEL.match(paragraph)
    return found if found and len(found.group(1).split()) <= 8 else None


def _introduces_bullets(content: str, following: list[tuple[str, str, int, str]]) -> bool:
    return content.rstrip().endswith(":") and bool(following) and following[0][0] == "item"


def _numbered(rows: list[Item], number: str) -> list[Item]:
    """The writer's list or paragraph number ("3.", "4.1") goes on the item's first row."""
    first = next((row for row in rows if isinstance(row, Point)), None)
    if number and first is not None:
        first.number = number
    return rows


def _markdown_blocks(text: str):
    """Yield (kind, text, offset, list number) for headings, paragraphs and list items."""
    for block in blocks(text):
        lines = block.text.splitlines(keepends=True)
        position = block.start
        paragraph: list[str] = []
        paragraph_start = position
        for line in lines:
            heading, item = _HEADING.match(line), _LIST_ITEM.match(line)
            if heading or item:
                if paragraph:
                    yield "text", "".join(paragraph), paragraph_start, ""
                    paragraph = []
                if heading:
                    yield "heading", heading.group(2), position, ""
                else:
                    text_of = list_item_text(item.group(2))
                    yield "item", text_of, position + item.start(2), item.group(1) or ""
                paragraph_start = position + len(line)
            else:
                paragraph.append(line)
            position += len(line)
        if paragraph:
            joined = "".join(paragraph)
            kind = "heading" if looks_like_heading(joined) else "text"
            numbered = _PARAGRAPH_NUMBER.match(joined) if kind == "text" else None
            if numbered:
                rest = joined[numbered.end() :]
                yield kind, rest, paragraph_start + numbered.end(), numbered.group(1)
            else:
                yield kind, joined.strip() if kind == "heading" else joined, paragraph_start, ""


_HEADING_WORDS = 12


def looks_like_heading(block: str) -> bool:
    """A line on its own, short, with no end mark and a capital: "Background", "Risks"."""
    line = block.strip()
    if "\n" in line or not line or not line[0].isupper() or line[-1] in ".!?:;,)\"'”’":
        return False
    return len(line.split()) <= _HEADING_WORDS and not line[-1].isdigit()


def list_item_text(item: str) -> str:
    """A bullet as it should read on its own: a capital, no trailing "; and" or ";"."""
    item = re.sub(r"\s*(?:;|,)\s*(?:and|or)?\s*$", "", item.rstrip())
    return item[:1].upper() + item[1:]


def _finish(document: Document, simplifier: Simplifier, contact) -> Document:
    document.title = document.title or "Easy read"
    document.title_picture = picture_for(document.title)
    document.word_list = simplifier.word_list()
    document.contact = _contact(contact)
    return document


def _rows(simplifier: Simplifier, text: str, picture: str | None = None) -> list[Item]:
    """Rows for some text; ``picture`` (if given) goes on the first row."""
    items = simplifier.paragraph(text)
    first = next((item for item in items if isinstance(item, Point)), None)
    if first is not None and picture:
        first.picture = picture
    return items


def _title_rows(
    simplifier: Simplifier, intro: str, text: str, picture: str | None = None
) -> list[Item]:
    """Rows for a title the writer gave (a topic, an agenda item). Titles are seldom
    sentences ("Transport to day centres"), so one that does not end like a sentence
    follows an intro line ending ":" ("We cannot change this:"), as a list item does;
    a title written as sentences gets ordinary rows."""
    text = " ".join(text.split())
    if not text or text.endswith((".", "!", "?")):
        return _rows(simplifier, text, picture)
    rows = simplifier.paragraph(text, list_item=True)
    first = next((item for item in rows if isinstance(item, Point)), None)
    if first is None:
        return rows
    first.sentences.insert(0, intro)
    if picture:
        first.picture = picture
    return rows


def _say(sentences: list[str], concept: str) -> Point:
    return Point(sentences=sentences, picture=concept_picture(concept))


# --- meetings ----------------------------------------------------------------------------

INFLUENCE_LEVELS = {
    "inform": (["We are telling you about this.", "The decision is already made."], "announce"),
    "consult": (["We want to hear what you think.", "Your views will help us decide."], "listen"),
    "together": (["We will decide this together with you."], "partnership"),
    "you_decide": (["You will decide this."], "vote"),
}
_INFLUENCE_ALIASES = {
    "telling": "inform", "we_are_telling_you": "inform", "information": "inform",
    "views": "consult", "we_want_your_views": "consult", "consultation": "consult",
    "decide_together": "together", "we_decide_together": "together",
    "members_decide": "you_decide", "decide": "you_decide",
}  # fmt: skip


def influence_key(level: Any) -> str:
    """Accepts "consult", "DECIDE_TOGETHER", "we want your views" or an Enum of those."""
    raw = getattr(level, "value", level)
    key = re.sub(r"[^a-z]+", "_", str(raw).lower()).strip("_")
    key = _INFLUENCE_ALIASES.get(key, key)
    if key not in INFLUENCE_LEVELS:
        raise ValueError(f"Unknown influence level: {level!r}")
    return key


@dataclass
class AgendaItem:
    """One thing on a meeting's list, how much say members have, and who decides."""

    title: str
    influence: str = "consult"
    who_decides: str = ""
    details: str = ""


def build_meeting(
    title: str,
    purpose: str,
    when: datetime | date | str,
    where: str = "",
    *,
    ends: datetime | time | None = None,
    open_for_discussion: Sequence[str] = (),
    not_up_for_discussion: Sequence[tuple[str, str]] = (),
    agenda: Sequence[AgendaItem | dict] = (),
    who_decides: str = "",
    decision_date: date | str | None = None,
    access: Sequence[str] = (),
    payment: str = "",
    contact: ContactBox | dict | None = None,
    terms: Iterable[Term] = (),
) -> Document:
    """An easy-read meeting page.

    ``not_up_for_discussion`` is a list of (topic, reason) pairs: every closed
    topic says why. Each agenda item's ``influence`` is one of "inform",
    "consult", "together" or "you_decide" (or the forum's own names for them).
    """
    s = Simplifier(terms)
    document, boxes = _titled(s, title)
    purpose_rows = boxes + _rows(s, purpose, _p("meeting"))
    document.sections.append(Section("What the meeting is for", purpose_rows))
    document.sections.append(_when_and_where(s, when, ends, where, access))
    if open_for_discussion:
        items = [
            i
            for topic in open_for_discussion
            for i in _title_rows(s, "You can have your say on this:", topic, _p("have your say"))
        ]
        document.sections.append(Section("What we can talk about", items))
    if not_up_for_discussion:
        document.sections.append(_closed_topics(s, not_up_for_discussion))
    if agenda:
        document.sections.append(_agenda(s, agenda))
    document.sections.append(_who_decides(s, who_decides, decision_date))
    if payment:
        document.sections.append(Section("Money for your time", _rows(s, payment, _p("pay"))))
    document = _finish(document, s, contact)
    document.title_picture = concept_picture("meeting")
    return document


def _p(concept: str) -> str | None:
    return concept_picture(concept)


def _when_and_where(s: Simplifier, when, ends, where: str, access: Sequence[str]) -> Section:
    items: list[Item] = [_say(easy_when(when, ends), "date")]
    if where:
        items.extend(_rows(s, f"The meeting is at {where.strip().rstrip('.')}.", _p("place")))
    for need in access:
        items.extend(_rows(s, need, _p("access")))
    return Section("When and where", items)


def _closed_topics(s: Simplifier, closed: Sequence[tuple[str, str]]) -> Section:
    items: list[Item] = []
    for topic, reason in closed:
        items.extend(_title_rows(s, "We cannot change this:", topic, _p("refused")))
        reason_rows = _rows(s, reason, _p("question"))
        first = next((i for i in reason_rows if isinstance(i, Point)), None)
        if first is not None and len(first.sentences) < 3:
            first.sentences.insert(0, "This is why:")
        items.extend(reason_rows)
    return Section("What we cannot change at this meeting", items)


def _agenda(s: Simplifier, agenda: Sequence[AgendaItem | dict]) -> Section:
    items: list[Item] = []
    for entry in agenda:
        entry = entry if isinstance(entry, AgendaItem) else AgendaItem(**entry)
        items.extend(_title_rows(s, "We will talk about this:", entry.title))
        if entry.details:
            items.extend(_rows(s, entry.details))
        sentences, concept = INFLUENCE_LEVELS[influence_key(entry.influence)]
        items.append(_say(list(sentences), concept))
        if entry.who_decides:
            items.extend(
                _rows(s, f"{entry.who_decides} will make the final decision.", _p("decision"))
            )
    return Section("What is on the list", items)


def _who_decides(s: Simplifier, who: str, decision_date: date | str | None) -> Section:
    items: list[Item] = []
    if who:
        items.extend(_rows(s, f"{who} will make the final decision.", _p("decision")))
    if isinstance(decision_date, date):
        items.append(_say([f"They will decide by {day_month_year(decision_date)}."], "date"))
    elif decision_date:
        items.extend(_rows(s, str(decision_date), _p("date")))
    if not items:
        items.append(_say(["We will tell you who decides."], "decision"))
    return Section("Who makes the decision", items)
