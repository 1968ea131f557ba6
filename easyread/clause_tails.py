"""Cuts for a last clause that says what the first part does or is for (issue 13).

* "X, giving a total of Y." -> "X." "This gives a total of Y."  (meaning, leaving ...)
* "X, to make sure Y." -> "X." "This is to make sure Y."  (in order to)
* "X, which one relative said made Y." -> "X." "One relative said this made Y."

The -ing word or "to" says what the whole first part does, so "This" keeps the sense.
Each gives (first part as written, second sentence); :mod:`easyread.clauses` checks that
the first part stands alone and finishes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.grammar import _capitalise
from easyread.model import word_count
from easyread.verbs import base_verbs

_NOT_COMMA = r"(?:[^,]|(?<=\d),(?=\d))"
_RESULT_VERBS = {
    "giving": "gives", "meaning": "means", "leaving": "leaves", "making": "makes",
    "bringing": "brings", "taking": "takes", "creating": "creates", "adding": "adds",
    "putting": "puts", "raising": "raises", "reducing": "reduces", "saving": "saves",
    "costing": "costs", "resulting": "results", "allowing": "allows", "causing": "causes",
}  # fmt: skip
_RESULT = re.compile(rf",\s+({'|'.join(_RESULT_VERBS)})\s+({_NOT_COMMA}+)$", re.I)
_PURPOSE = re.compile(rf",\s+(in order to|to)\s+({_NOT_COMMA}+)$", re.I)


def trailing_result(sentence: str) -> Iterator[tuple[str, str]]:
    """ "The council adds £9 million, giving a total of £44 million." -> "The council adds
    £9 million." "This gives a total of £44 million." """
    match = _RESULT.search(sentence.rstrip())
    if match and word_count(match.group(2)) >= 2:
        verb = _RESULT_VERBS[match.group(1).lower()]
        yield sentence[: match.start()], f"This {verb} {match.group(2)}"


def trailing_purpose(sentence: str) -> Iterator[tuple[str, str]]:
    """ "We would review everyone's support, to make sure it still meets their needs." ->
    "We would review everyone's support." "This is to make sure it still meets their needs."
    ", to the council" is not a purpose: a verb must follow "to"."""
    match = _PURPOSE.search(sentence.rstrip())
    if match and match.group(2).split()[0].lower() in base_verbs():
        yield sentence[: match.start()], f"This is to {match.group(2)}"


# "..., which one relative said made it hard": "which" is the object of the report.
_REPORTED = re.compile(
    r"^((?:one|a|an|the|some|many|most|several|\d+)\s+[\w’']+(?:\s+[\w’']+)?)\s+"
    r"(said|says|told us|felt|feel|feels|thought|think|believed|believe|reported)\s+(\S.*)$",
    re.I,
)


def reported_which(rest: str) -> str | None:
    """ "one relative said made it hard" -> "One relative said this made it hard"."""
    found = _REPORTED.match(rest)
    if not found or found.group(3).split()[0].lower() in {"that", "they", "it", "we", "the"}:
        return None
    return f"{_capitalise(found.group(1))} {found.group(2)} this {found.group(3)}"
