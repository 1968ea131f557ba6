"""Words councils and the NHS use about how they are organised and decide
(data/council_words.txt): titles and bodies, deciding, plans and management words,
money, law and regulation, buying services. The checker flags them in every form
(see :mod:`easyread.inflect`); an entry with clue words only where one is in the same
sentence, because the word is plain in its other senses ("let" a room).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from easyread.inflect import forms

LEXICON_FILE = Path(__file__).with_name("data") / "council_words.txt"
_CLUES = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    plain: str
    section: str
    clues: tuple[str, ...]
    forms: frozenset[str]  # lower case, the phrase itself included


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    found, section = [], ""
    for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        if not line.strip() or line.startswith("#") or " : " not in line:
            continue
        found.append(parse(line, section))
    return tuple(found)


def parse(line: str, section: str = "") -> Entry:
    """ "bid (verb) {tender} = bid for : offer to run a service" -> an Entry."""
    left, _, plain = line.partition(" : ")
    clue_match = _CLUES.search(left)
    clues = tuple(c.strip().lower() for c in clue_match.group(1).split(",")) if clue_match else ()
    left = _CLUES.sub("", left)
    left, _, extra = left.partition(" = ")
    verb = "(verb)" in left
    phrase = " ".join(left.replace("(verb)", "").split())
    made = {f.lower() for f in forms(phrase, verb)}
    made |= {f.strip().lower() for f in extra.split(",") if f.strip()}
    return Entry(phrase, plain.strip(), section, tuple(c for c in clues if c), frozenset(made))


def clue_in(sentence: str, clues: tuple[str, ...]) -> bool:
    """Is one of the clue words (or phrases, or "£") in the sentence?"""
    lower = sentence.lower()
    for clue in clues:
        if not clue[:1].isalnum():
            if clue in lower:
                return True
        elif re.search(rf"(?<![\w-]){re.escape(clue)}\w{{0,3}}(?![\w])", lower):
            return True
    return False
