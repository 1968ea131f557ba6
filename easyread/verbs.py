"""Verb forms and words for the guard and the rewrites: a small lexicon, no parser.

``data/verbs.txt`` lists base verbs and their irregular forms; the rest are word endings.
(Why not a parser: see :mod:`easyread.guard`.)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from easyread.model import _WORD, visible_text


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


VERBS_FILE = Path(__file__).with_name("data") / "verbs.txt"

AUXILIARIES = word_set(
    "is are was were am be been being will would can could should shall must may might "
    "has have had do does did isn't aren't wasn't weren't won't can't couldn't shouldn't "
    "don't doesn't didn't hasn't haven't hadn't wouldn't mustn't cannot 's 're 've 'll 'd"
)


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(base verbs, irregular finite forms) from data/verbs.txt ("=" lines list regular verbs)."""
    base: set[str] = set()
    irregular: set[str] = set()
    for line in VERBS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("="):
            base.update(line[1:].split())
            continue
        first, *forms = line.split()
        base.add(first)
        irregular.update(forms)
    return frozenset(base), frozenset(irregular)


def base_verbs() -> frozenset[str]:
    return lexicon()[0]


@lru_cache(maxsize=20000)
def verb_base(word: str) -> str | None:
    """The base form of a verb form we know ("rejected" -> "reject"), else None."""
    base, irregular = lexicon()
    w = word.lower()
    if w in base:
        return w
    candidates = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s"):
        candidates.append(w[:-1])
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            candidates.append(w[:-3])
    return next((c for c in candidates if c in base), None)


@lru_cache(maxsize=20000)
def is_finite_form(word: str) -> bool:
    """An auxiliary, an irregular past, or a known verb ending in -s/-ed."""
    w = word.lower()
    if w in AUXILIARIES or w in lexicon()[1]:
        return True
    return w.endswith(("s", "ed")) and verb_base(w) is not None and w not in NOT_VERBS


# Known verb forms that are almost always nouns or adjectives in council prose.
NOT_VERBS = word_set(
    "needs services costs means results works plans cuts rates terms funds levels "
    "changes reports views figures numbers areas schemes homes places beds hours "
    "weeks years days months meetings members"
)


@lru_cache(maxsize=20000)
def _cached_tokens(sentence: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _WORD.findall(visible_text(sentence)))


def lower_tokens(sentence: str) -> list[str]:
    return list(_cached_tokens(sentence))
