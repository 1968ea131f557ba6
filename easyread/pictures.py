"""Choosing a picture for a row, and the credits for every bundled picture.

One concept always gets the same picture (ER-11): ``data/concepts.toml`` maps
words to one picture id per concept. :func:`picture_for` looks for the most
specific concept in a row's words (longest phrase first, then the earliest);
"general" concepts ("people", "date") are used only when nothing else matches.
An author's own choice always wins.

Each concept says what its picture means, and a concept check (DN-06) drops a match
whose word is used in another sense ("Open the web site" is not a padlock, "the key
time" not a key, an election "returned" a councillor, not a back arrow): the next
match is used, or no picture at all, never a wrong one.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from easyread.model import visible_text

HERE = Path(__file__).parent
CONCEPTS_FILE = HERE / "data" / "concepts.toml"
SYMBOLS_DIR = HERE / "symbols"
_TOKEN = re.compile(r"£|\d+(?::\d\d)?(?:am|pm)\b|[^\W_]+(?:['’&-][^\W_]+)*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OtherSense:
    """When a concept's word means something its picture does not show (concepts.toml)."""

    words: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    # The other sense unless one of these is in the sentence: "reduce" is a money cut only
    # beside money ("reduce the budget"), not in "reduce travel time" (RULES.md DN-06).
    without: frozenset[str] = frozenset()
    # The other sense unless the next word is one of these ("#": a number).
    not_next: frozenset[str] = frozenset()

    def applies(self, tokens: list[str], start: int, size: int) -> bool:
        phrase = " ".join(tokens[start : start + size])
        if self.words and phrase not in self.words and phrase[:-1] not in self.words:
            return False
        before = tokens[start - 1] if start else ""
        after = tokens[start + size] if start + size < len(tokens) else ""
        around = tokens[max(0, start - 4) : start] + tokens[start + size : start + size + 4]
        return (
            before in self.before
            or ("#" in self.before and before[:1].isdigit())
            or after in self.next
            or not self.near.isdisjoint(around)
            or not self.with_.isdisjoint(tokens)
            or (bool(self.without) and self.without.isdisjoint(tokens))
            or (bool(self.not_next) and not _next_is(after, self.not_next))
        )


def _next_is(after: str, listed: frozenset[str]) -> bool:
    return after in listed or ("#" in listed and after[:1].isdigit())


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    picture: str
    words: tuple[str, ...]
    general: bool = False
    meaning: str = ""
    unless: tuple[OtherSense, ...] = ()

    def fits(self, tokens: list[str], start: int, size: int) -> bool:
        """Whether the words matched at ``start`` are used in the sense the picture shows."""
        return not any(other.applies(tokens, start, size) for other in self.unless)


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    with CONCEPTS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(_concept(c) for c in data["concept"])


def _concept(record: dict) -> Concept:
    unless = record.get("unless") or []
    return Concept(
        record["name"],
        record["picture"],
        tuple(record["words"]),
        bool(record.get("general", False)),
        record.get("meaning", ""),
        tuple(_other_sense(u) for u in (unless if isinstance(unless, list) else [unless])),
    )


def _other_sense(record: dict) -> OtherSense:
    def words(key: str) -> frozenset[str]:
        return frozenset(record.get(key, ()))

    return OtherSense(
        words("words"), words("before"), words("next"), words("near"), words("with"),
        words("without"), words("not_next"),
    )  # fmt: skip


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[dict[tuple[str, ...], Concept], int]:
    index: dict[tuple[str, ...], Concept] = {}
    for concept in concepts():
        for word in concept.words:
            index.setdefault(tuple(_tokens(word)), concept)
    return index, max(len(phrase) for phrase in index)


_ASIDES = re.compile(r"\([^()]*\)")


def _tokens(text: str) -> list[str]:
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group().lower()
        if token[0].isdigit() and token.endswith(("am", "pm")):
            token = "pm"
        found.append("money" if token == "£" else token)
    return found


@lru_cache(maxsize=4096)
def concept_for(text: str) -> Concept | None:
    """The concept a row is most about, or None."""
    found = min(_fitting(text), default=None, key=lambda match: match[0])
    return found[1] if found else None


def concepts_in(text: str) -> list[Concept]:
    """Every concept that fits the text, most specific first (the picker's suggestions)."""
    ranked = sorted(_fitting(text), key=lambda match: match[0])
    return list({concept.name: concept for _rank, concept in reversed(ranked)}.values())[::-1]


def _fitting(text: str) -> list[tuple[tuple[int, int, int], Concept]]:
    """(rank, concept) for each place a concept's words start and fit their sense."""
    index, longest = _phrase_index()
    firsts = _first_words()
    # An aside in brackets is not what the row is about ("612 responses (including 2 in
    # easy read)" is about responses), unless the brackets are all there is.
    outside = _ASIDES.sub(" ", visible_text(text))
    tokens = _tokens(outside if outside.strip(" .,;:") else visible_text(text))
    found = []
    covered = 0  # words inside a phrase already matched ("site" in "web site") start nothing
    for start in range(len(tokens)):
        if start < covered or (tokens[start] not in firsts and tokens[start][:-1] not in firsts):
            continue
        for size in range(min(longest, len(tokens) - start), 0, -1):
            concept = _lookup(index, tokens[start : start + size])
            if concept is None:
                continue
            if concept.fits(tokens, start, size):
                found.append(((int(concept.general), -size, start), concept))
                covered = start + size
            break
    return found


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _phrase_index()[0])


def _lookup(index: dict, phrase: list[str]) -> Concept | None:
    found = index.get(tuple(phrase))
    if found is None and len(phrase[-1]) > 3 and phrase[-1].endswith("s"):
        found = index.get((*phrase[:-1], phrase[-1][:-1]))
    return found


def picture_for(text: str, chosen_by_author: str | None = None) -> str | None:
    """The picture id for a row: the author's choice, else the concept's picture."""
    if chosen_by_author:
        return chosen_by_author
    concept = concept_for(text)
    return concept.picture if concept else None


@lru_cache(maxsize=1)
def manifest() -> dict[str, dict]:
    """Every bundled picture's record from symbols.json, by id."""
    data = json.loads((SYMBOLS_DIR / "symbols.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in data["symbols"]}


def has_picture(picture_id: str | None) -> bool:
    return bool(picture_id) and picture_id in manifest()


@lru_cache(maxsize=512)
def svg_markup(picture_id: str) -> str:
    """The SVG file of a bundled picture ("" for an unknown id, so pages never break)."""
    if not has_picture(picture_id):
        return ""
    return (SYMBOLS_DIR / "svg" / f"{picture_id}.svg").read_text(encoding="utf-8").strip()


#: The id of the drawing inside a picture file, for ``<use href="FILE#picture">``.
SYMBOL_ID = "picture"
_VIEW_BOX = re.compile(r'viewBox="([^"]*)"')


def stands_alone(picture_id: str) -> bool:
    """Whether a page may point at the picture's file rather than copy it into the page.

    A drawing with ids of its own (a gradient, a clip) is copied in: browsers do not all
    follow those ids through ``<use>`` into another file."""
    svg = svg_markup(picture_id)
    return bool(svg) and 'id="' not in svg


@lru_cache(maxsize=512)
def symbol_file(picture_id: str) -> str:
    """A picture as a file that pages point at with ``<use href="FILE#picture">``, so each
    picture travels once and is cached, not copied into every page (issue 20).

    The drawing goes in a ``<symbol>`` (which ``<use>`` can show at any size, in the
    colour of the page around it) and the file shows it once, so it still opens as an
    image. "" for an unknown id."""
    svg = svg_markup(picture_id)
    if not svg:
        return ""
    opening = svg.split(">", 1)[0]
    return f'{opening}>{symbol(picture_id, SYMBOL_ID)}<use href="#{SYMBOL_ID}"/></svg>'


@lru_cache(maxsize=1024)
def symbol(picture_id: str, symbol_id: str) -> str:
    """A picture's drawing as a ``<symbol>`` that ``<use href="#symbol_id">`` shows ("" for
    an unknown id)."""
    svg = svg_markup(picture_id)
    if not svg:
        return ""
    opening, drawing = svg.split(">", 1)
    view_box = _VIEW_BOX.search(opening).group(1)
    return (
        f'<symbol id="{symbol_id}" viewBox="{view_box}">{drawing.removesuffix("</svg>")}</symbol>'
    )


def picture_meaning(picture_id: str) -> str:
    """What a picture shows and stands for, from its concepts' meanings ("" if unknown);
    a concept without a meaning of its own is described by its drawing and its name."""
    record = manifest().get(picture_id)
    if not record:
        return ""
    by_name = {c.name: c for c in concepts() if c.picture == picture_id}
    meanings = [
        by_name[n].meaning for n in record["concepts"] if n in by_name and by_name[n].meaning
    ]
    if meanings:
        return " ".join(dict.fromkeys(meanings))
    drawing = record["icon"].replace("-", " ")
    names = ", ".join(record["concepts"])
    return f"Shows: {drawing}." if names == drawing else f"Shows: {drawing}. Stands for: {names}."


def alt_text(picture_id: str | None) -> str:
    """A short description for screen readers: the concept the picture stands for."""
    record = manifest().get(picture_id or "")
    if not record:
        return ""
    return record["concepts"][0]


def licence_notice() -> str:
    """The licence text (Markdown) that must be shown with the pictures (ER-17)."""
    return (SYMBOLS_DIR / "NOTICE.md").read_text(encoding="utf-8")


def symbol_credits() -> list[dict]:
    """One entry per picture set with its licence and author, for an "about the pictures" page."""
    groups: dict[str, dict] = {}
    for record in manifest().values():
        group = groups.setdefault(
            record["set"],
            {
                "set": record["set"],
                "package": record["package"],
                "licence": record["licence"],
                "licence_url": record["licence_url"],
                "author": record["author"],
                "author_url": record["author_url"],
                "pictures": [],
            },
        )
        group["pictures"].append({"id": record["id"], "concepts": record["concepts"]})
    return sorted(groups.values(), key=lambda group: group["set"])
