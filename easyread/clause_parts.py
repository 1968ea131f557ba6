"""What the sentence cutters share (splitting, clauses, lists): a sentence's words and
verbs found once (``_Clauses``), whether a clause could stand alone as a sentence, the
words that start a half cut at "which" or "who", and the spans no cut may enter.

It imports none of the cutters, so they can all import it without a cycle."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from easyread.grammar import (
    _BAD_STARTS,
    _CLAUSE_MARKERS,
    _PREPOSITIONS,
    _PROTECTED,
    _RELATIVE,
    _SUBORDINATORS,
    looks_like_verb,
)
from easyread.model import _WORD, visible_text
from easyread.text import words

MAX_LIST_ITEM_WORDS = 12


def _lower_words(clause: str) -> list[str]:
    return [span.text.lower() for span in words(visible_text(clause))]


@lru_cache(maxsize=8192)
def stands_alone(clause: str) -> bool:
    """Could this clause be a sentence on its own?"""
    clauses = _clauses_for(clause)
    return clauses._alone(0, len(clauses.tokens), "," in clause)


def _which(rest: str) -> str:
    following = (_lower_words(rest) or [""])[0]
    return "These " if following in {"are", "were", "have", "do"} else "This "


def _who(rest: str) -> str:
    following = (_lower_words(rest) or [""])[0]
    singular = following in {"is", "was", "has", "does"} or (
        following.endswith("s") and not following.endswith("ss")
    )
    return "This person " if singular else "They "


def _protected(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(sentence)]


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in ranges)


class _Clauses:
    """Word positions of one sentence, so each possible cut is checked in constant time."""

    def __init__(self, sentence: str) -> None:
        self.text = sentence
        self.first_comma, self.last_comma = sentence.find(","), sentence.rfind(",")
        hidden = [(m.start(1), m.end(1)) for m in re.finditer(r"\]\(([^)]*)\)", sentence)]
        found = list(_WORD.finditer(sentence))
        if hidden:
            found = [m for m in found if not _inside(m.start(), hidden)]
        self.tokens = found
        self.starts = [m.start() for m in found]
        self.lower = [m.group().lower() for m in found]
        self.raw_verb = [looks_like_verb(word) for word in self.lower]
        self.verbs = [0]
        for index in range(len(self.lower)):
            inside_relative = index > 0 and self.lower[index - 1] in _RELATIVE
            self.verbs.append(self.verbs[-1] + (self.raw_verb[index] and not inside_relative))
        self.next_verb = [len(self.lower)] * (len(self.lower) + 1)
        for index in range(len(self.lower) - 1, -1, -1):
            is_verb = self.verbs[index + 1] > self.verbs[index]
            self.next_verb[index] = index if is_verb else self.next_verb[index + 1]

    def first_verb(self, first: int) -> int:
        """Where the first main verb from ``first`` is (a half may start with one)."""
        if first < len(self.raw_verb) and self.raw_verb[first]:
            return first
        return self.next_verb[first]

    def _alone(self, first: int, last: int, has_comma: bool) -> bool:
        if last - first < 3 or self.lower[first] in _BAD_STARTS:
            return False
        if self.lower[first] in _PREPOSITIONS and self.lower[first + 1].endswith("ing"):
            return False
        if self.lower[first] in _SUBORDINATORS and not has_comma:
            return False
        verb = self.first_verb(first)
        if verb >= last:
            return False
        return not any(word in _CLAUSE_MARKERS for word in self.lower[first + 1 : verb])

    def cut_is_safe(self, start: int, end: int) -> bool:
        split_at, resume_at = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if not self._alone(0, split_at, 0 <= self.first_comma < start):
            return False
        comma = self.text.find(", ", end)
        before_comma = bisect_left(self.starts, comma) if comma >= 0 else len(self.tokens)
        if self.first_verb(resume_at) >= before_comma:
            return False
        return self._alone(resume_at, len(self.tokens), self.last_comma >= end)

    def verb_since_comma(self, position: int) -> bool:
        """Is there a verb between the last comma before ``position`` and ``position``?"""
        comma = self.text.rfind(",", 0, position)
        first = bisect_left(self.starts, comma) if comma >= 0 else 0
        return self.verbs[bisect_left(self.starts, position)] - self.verbs[first] > 0

    def balance(self, start: int, end: int, added: int) -> int:
        left, resume_at = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return max(left, len(self.tokens) - resume_at + added)


@lru_cache(maxsize=4096)
def _clauses_for(sentence: str) -> _Clauses:
    return _Clauses(sentence)
