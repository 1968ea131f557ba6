"""The easy-read document: what the renderer prints and what a person can edit.

Sentences are short strings with two bits of inline markup only: ``**bold**`` for
key words and ``[link text](url)`` for links. Everything else is plain text and
is escaped when rendered. The model turns into plain dicts (``to_dict``) so the
web app can store a version a person has edited and checked, and load it back
(``from_dict``) without running the simplifier again.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
# The same notion of a word as easyread.text.words, counted without building spans.
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def visible_text(sentence: str) -> str:
    """A sentence as a reader sees it: no ``**`` markers, links as their text."""
    return _LINK.sub(r"\1", sentence).replace("**", "")


@lru_cache(maxsize=8192)
def word_count(sentence: str) -> int:
    """Words a reader sees in a sentence (markup and link addresses left out)."""
    return len(_WORD.findall(visible_text(sentence)))


@dataclass
class Point:
    """One row: a picture beside 1 to 3 short sentences (ER-03).

    ``needs_attention`` marks text the renderer could not make easy, passed
    through whole so nothing is lost; ``attention_note`` says why, for the writer.
    ``source_start``/``source_end`` point back at the writer's text.
    ``picture_chosen_by_author`` stops automatic picture choice replacing it.
    ``number`` is the writer's own list or paragraph number, as written ("3." of "3. review
    the criteria", "4.1" of a report's paragraph), shown before the first sentence:
    readers and meetings refer to "recommendation 3" and "paragraph 4.1".
    ``fact`` is a label and its value from the writer ("**Report to:** Cabinet, 14 May"),
    shown as written with the label in bold: not a sentence, so never cut or checked as one.
    """

    kind: ClassVar[str] = "point"
    sentences: list[str]
    picture: str | None = None
    picture_chosen_by_author: bool = False
    needs_attention: bool = False
    attention_note: str = ""
    source_start: int | None = None
    source_end: int | None = None
    number: str = ""
    fact: bool = False


@dataclass
class HardWordBox:
    """A hard word and what it means, shown right after its first use (ER-04)."""

    kind: ClassVar[str] = "hard_word"
    term: str
    explanation: str
    picture: str | None = None


@dataclass
class NumberCallout:
    """A big number standing alone, with a sentence that says what it is."""

    kind: ClassVar[str] = "number"
    value: str
    sentence: str
    picture: str | None = None


@dataclass
class NextStep:
    """Something the reader can do next, for example "Tell us what you think"."""

    kind: ClassVar[str] = "next_step"
    sentences: list[str]
    link_text: str = ""
    link_url: str = ""
    picture: str | None = None


@dataclass
class ContactBox:
    """Who to contact and how."""

    kind: ClassVar[str] = "contact"
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    text: str = ""
    picture: str | None = "fe-telephone-receiver"


Item = Point | HardWordBox | NumberCallout | NextStep | ContactBox
_ITEM_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (Point, HardWordBox, NumberCallout, NextStep, ContactBox)
}


@dataclass
class Section:
    """A heading that says what the part is about (ER-13) and its rows.

    ``level`` 2 is a part of the section before it: a writer's run-in label
    ("**Being heard.** Many people felt ...") becomes its own small heading.
    """

    heading: str
    items: list[Item] = field(default_factory=list)
    picture: str | None = None
    level: int = 1

    def points(self) -> list[Point]:
        return [item for item in self.items if isinstance(item, Point)]


@dataclass
class WordListEntry:
    """One line of the word list at the end."""

    term: str
    explanation: str


@dataclass
class Document:
    """A whole easy-read document.

    ``made_automatically`` stays true until a named person checks it (ER-16):
    use :meth:`mark_checked`, which records who and when.
    """

    title: str
    sections: list[Section] = field(default_factory=list)
    title_picture: str | None = None
    word_list: list[WordListEntry] = field(default_factory=list)
    contact: ContactBox | None = None
    checked_by: str = ""
    checked_at: str = ""
    made_automatically: bool = True
    language: str = "en"

    def mark_checked(self, person: str, when: str) -> None:
        """Record that a named person checked this version (ISO date-time in ``when``)."""
        if not person.strip():
            raise ValueError("A person's name is needed to say it was checked.")
        self.checked_by, self.checked_at, self.made_automatically = person.strip(), when, False

    @property
    def checked_by_a_person(self) -> bool:
        return bool(self.checked_by) and not self.made_automatically

    def all_items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def rows_needing_a_person(self) -> list[Point]:
        """Rows the renderer could not make right, each with its reason (DN-07)."""
        return [i for i in self.all_items() if isinstance(i, Point) and i.needs_attention]

    def all_sentences(self) -> list[str]:
        """Every sentence a reader sees in the rows, boxes and call-outs."""
        found: list[str] = []
        for item in self.all_items():
            found.extend(_sentences_of(item))
        return found

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = [_section_to_dict(section) for section in self.sections]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        values = dict(data)
        values["sections"] = [_section_from_dict(s) for s in data.get("sections", [])]
        values["word_list"] = [WordListEntry(**w) for w in data.get("word_list", [])]
        contact = data.get("contact")
        values["contact"] = ContactBox(**contact) if contact else None
        return cls(**values)


def _sentences_of(item: Item) -> list[str]:
    if isinstance(item, Point | NextStep):
        return list(item.sentences)
    if isinstance(item, HardWordBox):
        from easyread.text import sentences

        return [span.text for span in sentences(item.explanation)] or [item.explanation]
    if isinstance(item, NumberCallout):
        return [item.sentence]
    return [item.text] if item.text else []


def item_to_dict(item: Item) -> dict[str, Any]:
    return {"kind": item.kind, **asdict(item)}


def item_from_dict(data: dict[str, Any]) -> Item:
    values = dict(data)
    kind = values.pop("kind", "point")
    try:
        return _ITEM_TYPES[kind](**values)
    except KeyError:
        raise ValueError(f"Unknown easy-read item kind: {kind!r}") from None


def _section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "picture": section.picture,
        "level": section.level,
        "items": [item_to_dict(item) for item in section.items],
    }


def _section_from_dict(data: dict[str, Any]) -> Section:
    return Section(
        heading=data["heading"],
        picture=data.get("picture"),
        level=data.get("level", 1),
        items=[item_from_dict(item) for item in data.get("items", [])],
    )
