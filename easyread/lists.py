"""Long sentences that are really lists, written as an intro line and one line per item.

* "We must do A, do B and do C." -> "We must:" "Do A" "Do B" "Do C"
* "Our aim is that A, and that B." -> "Our aim is:" "A." "B."
* "They were waiting, for A, B or C." -> "They were waiting:" "For A" "B" "C"
"""

from __future__ import annotations

import re

from easyread.clause_parts import MAX_LIST_ITEM_WORDS, _inside, _protected, stands_alone
from easyread.clauses import _NOT_COMMA, MAX_ITEM_WORDS, has_clause
from easyread.grammar import _capitalise, _finish, looks_like_verb
from easyread.model import word_count

_THAT_LIST = re.compile(
    r"^(.{6,}?\b(?:is|are|was|found|said|told us|agreed))\s+that\s+(.+?),?\s+and\s+that\s+(.+)$"
)


def that_list(sentence: str) -> list[str] | None:
    """ "Our aim is that A, and that B." -> "Our aim is:" "A." "B." """
    match = _THAT_LIST.match(sentence.strip())
    if not match or not (stands_alone(match.group(2)) and stands_alone(match.group(3))):
        return None
    return [match.group(1) + ":", _finish(_capitalise(match.group(2))), _capitalise(match.group(3))]


def parallel_list(sentence: str) -> list[str] | None:
    """ "We must do A, do B, and do C." -> ["We must:", "Do A", "Do B", "Do C"].

    Only when there are at least 3 items, every item after the first starts with
    the same word, and each item is short.
    """
    ending = sentence.rstrip()[-1:] if sentence.rstrip()[-1:] in ".!?" else ""
    body = sentence.rstrip()[: len(sentence.rstrip()) - len(ending)]
    parts = re.split(r",\s+", body)
    if len(parts) < 2:
        return None
    last = re.sub(r"^(?:and|or)\s+", "", parts[-1])
    if last == parts[-1]:
        pieces = re.split(r"\s+(?:and|or)\s+", last, maxsplit=1)
        if len(pieces) < 2:
            return None
        items = [*parts[1:-1], *pieces]
    else:
        items = [*parts[1:-1], last]
    if len(items) < 2:
        return None
    starts = {_start_word(item) for item in items if item.split()}
    if len(starts) != 1:
        return None
    start = starts.pop()
    if _start_word(parts[0]) != start and len(items) >= 3 and start == "<number>":
        return _listed(parts[0], items)
    return _with_intro(parts[0], start, items)


def _start_word(item: str) -> str:
    first = item.split()[0].lower() if item.split() else ""
    return "<number>" if re.match(r"^[£$€]?\d", first) else first


def _listed(intro: str, items: list[str]) -> list[str] | None:
    if word_count(intro) < 2 or any(word_count(i) > MAX_ITEM_WORDS for i in items):
        return None
    return [intro.rstrip(",:;") + ":", *(_capitalise(i) for i in items)]


_TWO_PART = re.compile(
    r"^(.{6,}?)\s(to|by|for|when|if|the number of)\s+(.+?),?\s+and\s+\2\s+(.+?)([.!?]?)$", re.I
)
_ENDS_WITH_VERB_LIST = re.compile(
    rf"^(.+?),\s+((?:{_NOT_COMMA}+,\s+)+{_NOT_COMMA}+\s(?:and|or)\s{_NOT_COMMA}+?)([.!?]?)$"
)


def two_part_list(sentence: str) -> list[str] | None:
    """ "We help people to A and to B." -> "We help people:" "To A" "To B" """
    match = _TWO_PART.match(sentence.strip())
    if not match or word_count(match.group(1)) < 2:
        return None
    intro, word, first, second, _ = match.groups()
    if word_count(first) > MAX_ITEM_WORDS:
        return None
    return [intro + ":", _capitalise(f"{word} {first}"), _capitalise(f"{word} {second}")]


def trailing_list(sentence: str) -> list[str] | None:
    """ "They were waiting, for A, B or C." -> "They were waiting:" "For A" "B" "C" (after a verb)."""
    match = _ENDS_WITH_VERB_LIST.match(sentence.strip())
    if not match or not stands_alone(match.group(1)):
        return None
    last_word = match.group(1).split()[-1].lower()
    if not (looks_like_verb(last_word) or last_word.endswith("ing")) or _noun_like(last_word):
        return None  # "... young people leaving care, people with ...": "care" is a noun here
    parts = re.split(r",\s+", match.group(2))
    items = [*parts[:-1], *last_items(parts[-1])]
    if any(has_clause(i) or word_count(i) > 8 for i in items):
        return None
    if not _phrases_only(match.group(2), items):
        return None
    return [match.group(1) + ":", *(_capitalise(i) for i in items)]


_AGE_RANGE = re.compile(r"\b\d+\s+(?:and|or)\s+(?:over|under|above|older|younger|more)\b", re.I)


def last_items(last: str) -> list[str]:
    """The last piece of a comma list: "B and C" is two items, but after a comma "and drug or
    alcohol use" is one ("drug or alcohol use")."""
    if re.match(r"(?:and|or)\s+", last):
        return [re.sub(r"^(?:and|or)\s+", "", last)]
    return re.split(r"\s+(?:and|or)\s+", last, maxsplit=1)


def _phrases_only(body: str, items: list[str]) -> bool:
    """No item is a clause or holds a colon, and "aged 75 and over" is never cut in two."""
    from easyread.verbs import AUXILIARIES

    if not _flat(items):
        return False
    if _AGE_RANGE.search(body) or any(":" in i or ";" in i for i in items):
        return False
    return not any(set(i.lower().split()) & (AUXILIARIES | _PRONOUNS) for i in items)


_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it"})


_LIST_VERBS = frozenset(
    {"include", "includes", "included", "cover", "covers", "reply", "affect", "affects", "are"}
)


def verb_list(sentence: str) -> list[str] | None:
    """ "The team will include A, B and C." -> "The team will include:" "A" "B" "C".

    Only after a few list-making verbs, with at least 3 short items and no clause in any.
    """
    body = sentence.strip().rstrip(".!?")
    parts = re.split(r",\s+", body)
    if len(parts) < 2:
        return None
    last = last_items(parts[-1])
    words = parts[0].split()
    verb = next((i for i, w in enumerate(words) if w.lower() in _LIST_VERBS), None)
    if verb is None or verb < 1 or verb == len(words) - 1:
        return None
    intro, first = " ".join(words[: verb + 1]), " ".join(words[verb + 1 :])
    items = [first, *parts[1:-1], *last]
    if len(items) < 3 or any(has_clause(i) or word_count(i) > 8 for i in items):
        return None
    if not _phrases_only(body, items) or not stands_alone(intro + " them"):
        return None
    return [intro + ":", *(_capitalise(i) for i in items)]


def _with_intro(first_part: str, start: str, items: list[str]) -> list[str] | None:
    found = [m.start() for m in re.finditer(rf"(?<!\S){re.escape(start)}\b", first_part, re.I)]
    if not found:
        return None
    intro, first_item = first_part[: found[-1]].rstrip(), first_part[found[-1] :]
    if not _ends_before_object(intro):
        return None  # "This includes young:" "People leaving care": the cut split a noun phrase
    every = [first_item, *items]
    if word_count(intro) < 2 or any(word_count(i) > MAX_ITEM_WORDS for i in every):
        return None
    return [intro.rstrip(",:;") + ":", *(_capitalise(i) for i in every)]


def semicolon_list(sentence: str) -> list[str] | None:
    """ "The main risks are: that A; that B; and that C." -> "The main risks are:" "That A" ...

    Also without a colon when every item starts with the same word ("We propose to A;
    to B; and to C."). Semicolons between two whole sentences are left to the cutter.
    """
    stripped = sentence.strip()
    body = stripped[:-1] if stripped[-1:] in ".!?" else stripped
    parts = [re.sub(r"^(?:and|or)\s+", "", p.strip()) for p in re.split(r";\s+", body)]
    if len(parts) < 2 or any(not p for p in parts):
        return None
    first = parts[0]
    if ":" in first:
        intro, first_item = first.split(":", 1)
    else:
        starts = {_start_word(p) for p in parts[1:]}
        if len(starts) != 1 or starts == {"<number>"}:
            return None
        found = [m.start() for m in re.finditer(rf"(?<!\S){re.escape(starts.pop())}\b", first)]
        found = [at for at in found if word_count(first[:at]) >= 2]
        if not found:
            return None
        intro, first_item = first[: found[0]], first[found[0] :]
    items = [first_item.strip(" ,"), *(p.strip(" ,") for p in parts[1:])]
    if word_count(intro) < 2 or not all(items):
        return None
    return [intro.rstrip(" ,") + ":", *(_capitalise(i) for i in items)]


_BEFORE_ITEMS = frozenset(
    [
        "for",
        "to",
        "with",
        "about",
        "on",
        "of",
        "from",
        "by",
        "in",
        "at",
        "are",
        "were",
        "is",
        "was",
        "include",
        "includes",
    ]
)


def _ends_before_object(intro: str) -> bool:
    """An intro ends where items can start: after a verb or a preposition."""
    last = re.findall(r"[\w’']+", intro)[-1:] or [""]
    return last[0].lower() in _BEFORE_ITEMS or looks_like_verb(last[0].lower())


def _noun_like(word: str) -> bool:
    from easyread.guard_words import _NOUN_LIKE

    return word in _NOUN_LIKE


_LIST_INTRO = re.compile(r":\s+|\s+(?:including|such as)\s+")


def split_list(sentence: str) -> list[str] | None:
    """ "We fund three things: A, B and C." -> intro line and one line per thing."""
    for match in _LIST_INTRO.finditer(sentence):
        if _inside(match.start(), _protected(sentence)):
            continue
        items = _list_items(sentence[match.end() :])
        if items:
            intro = sentence[: match.end()].rstrip()
            intro = intro if intro.endswith(":") else intro + ":"
            return [intro, *items]
    return None


def _list_items(tail: str) -> list[str] | None:
    ending = tail.rstrip()[-1:] if tail.rstrip()[-1:] in ".!?" else ""
    body = tail.rstrip()[: len(tail.rstrip()) - len(ending)]
    so_on = re.search(r",?\s+and so on$", body)
    body = body[: so_on.start()] if so_on else body
    parts = [part.strip() for part in re.split(r",\s+", body)]
    last = last_items(parts[-1])
    parts = [*parts[:-1], *last]
    if len(parts) < 3 or re.search(r"\b\d+\s+(?:and|or)\s+(?:over|under|above|more)\b", body):
        return None
    if any(not part or word_count(part) > MAX_LIST_ITEM_WORDS for part in parts):
        return None
    if not _parallel(parts) or not _flat(parts):
        return None
    if so_on:  # "A, B, and so on": "so on" is not an item
        parts[-1] += " and so on"
    return [_capitalise(part) for part in parts]


_NOT_AN_ITEM = re.compile(
    r"^(?:including|especially|particularly|such as|for example|except|"
    r"is|are|was|were|will|would|can|could|should|must|may|might|has|have|had)\b",
    re.I,
)


def _flat(parts: list[str]) -> bool:
    """Items of one flat list: none goes on from the one before ("including ...", "and who ...",
    "must be offered ...") and only the last may start with "and"/"or"."""
    if any(re.match(r"(?:and|or)\b", part, re.I) for part in parts[:-1]):
        return False
    return not any(_NOT_AN_ITEM.match(part) for part in parts)


def _parallel(parts: list[str]) -> bool:
    """List items are all phrases or all clauses: "In the survey, 27% said X" is one sentence."""
    from easyread.guard import has_subject_and_verb

    clauses = {has_subject_and_verb(part) for part in parts}
    return len(clauses) == 1
