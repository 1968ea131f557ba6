"""Words the sentence tools share: auxiliaries, modal and common verbs, joining words,
and the small helpers that finish and capitalise a cut-off part. Kept apart from the
cutting itself (splitting.py), the clause rules (clauses.py) and the lists (lists.py),
which all read them."""

from __future__ import annotations

import re
from functools import lru_cache


def _set_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AUX = _set_of(
    "is are was were be been am will would can could should shall must may might has have "
    "had do does did won't can't isn't aren't wasn't don't doesn't didn't"
)
_MODALS = _set_of("will would can could should shall must may might")
_VERBS = _set_of(
    """ask agree allow answer apply arrange attend book bring build buy call care cause change
    check choose close come consult continue cost count cover cut decide deliver describe
    design develop do end explain fall feel fill find follow fund get give go grow hear
    help hold hope improve include increase invite join keep know lead learn leave let
    listen live look lose make manage mean meet miss move need offer open pay plan
    play provide publish put reach read receive reduce remain replace report request rise
    review run say see seem sell send serve set share show sign speak spend stand start stay
    stop suggest support take talk teach tell test think train travel try turn understand
    use visit vote wait want watch work write happen become require involve affect expect
    prepare protect carry raise invest submit score reflect recover retire worry welcome value
    double merge link respect reply measure create track shape spot sit treat tend win place
    assess ensure enable allow face struggle cope feel lead employ hire intend propose recommend
    operate contribute commit"""
)
_IRREGULAR_PAST = _set_of(
    """bought brought built came chose cut did fell felt found gave got grew heard held kept
    knew led left lost made meant met paid put ran read said sat saw sent set showed sold
    spent spoke stood took taught told thought understood went won wrote"""
)
_SUBORDINATORS = _set_of(
    "if when although though because while whilst unless once whether as since until "
    "before after where whereas"
)
_RELATIVE = frozenset({"who", "that", "which", "to", "whose"})
_CLAUSE_MARKERS = frozenset({"whether", "if", "when", "because", "although", "unless"})
_BAD_STARTS = frozenset(
    {"to", "and", "or", "which", "who", "that", "whose", "of", "instead", "despite", "rather"}
)
_PREPOSITIONS = frozenset({"by", "for", "with", "from", "in", "on", "at", "without", "after"})
# Never cut inside: bold, links, brackets, "and so on", and quotations ("you said, we
# did" is a name; a person's words are theirs).
_PROTECTED = re.compile(
    r"\*\*.+?\*\*|\[[^\]]*\]\([^)]*\)|\([^()]*\)|\band so on\b"
    r"|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”"
)


@lru_cache(maxsize=8192)
def looks_like_verb(word: str) -> bool:
    """True for auxiliaries and the common verbs we know, in their usual forms."""
    w = word.lower()
    if w in _AUX or w in _VERBS or w in _IRREGULAR_PAST:
        return True
    stems = (w[:-1], w[:-2], w[:-3]) if len(w) > 3 else ()
    return any(stem in _VERBS or stem + "e" in _VERBS for stem in stems if stem) and w.endswith(
        ("s", "ed")
    )


_ITEM_LABEL = re.compile(r"\s*\((?:[a-z]|[ivx]+)\)\s")


def _capitalise(text: str) -> str:
    if _ITEM_LABEL.match(text):
        return text  # "(b) that officers ...": the label stays as written
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char.isdigit():
            return text
    return text


def _finish(left: str) -> str:
    left = left.rstrip(" ,;:–—-")
    return left if left.endswith((".", "!", "?")) else left + "."
