"""Plain words for wordy ones, swapped by the renderer where the swap fits in place.

Only swaps that keep the meaning in any sentence: fixed phrases ("due to the fact that"
-> "because") and verbs whose every form has a plain form ("ensured" -> "made sure").
Words whose plain swap depends on the sense ("inform" may mean "tell" or "shape";
"required" may mean "needed" or "obliged") are left to the checker, which asks the writer.
The checker's list (data/plain_swaps.toml) is the source; this is the subset that is safe.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PHRASES = {
    "due to the fact that": "because",
    "despite the fact that": "although",
    "in the event that": "if",
    "a large number of": "many",
    "a small number of": "a few",
    "the majority of": "most",
    "on a regular basis": "regularly",
    "on a daily basis": "every day",
    "on a weekly basis": "every week",
    "on a monthly basis": "every month",
    "in the near future": "soon",
    "until such time as": "until",
    "for the purpose of": "for",
    "with the exception of": "except",
    "in addition to": "as well as",
    "additionally,": "also,",
    "furthermore,": "also,",
    "moreover,": "also,",
    "approximately": "about",
    "in excess of": "more than",
    "in the region of": "about",
    "in respect of": "about",
    "with reference to": "about",
    "pertaining to": "about",
    "at this point in time": "now",
    "subsequently": "later",
    "subsequent to": "after",
    "sufficient": "enough",
    "insufficient": "not enough",
    "numerous": "many",
    "individuals": "people",
    "expenditure": "spending",
    "remuneration": "pay",
    "whilst": "while",
    "amongst": "among",
}
# base, -s, past, -ing: every form of the wordy verb and of its plain swap.
_VERBS = [
    (("assist", "assists", "assisted", "assisting"), ("help", "helps", "helped", "helping")),
    (("obtain", "obtains", "obtained", "obtaining"), ("get", "gets", "got", "getting")),
    (("commence", "commences", "commenced", "commencing"), ("start", "starts", "started", "starting")),
    (("utilise", "utilises", "utilised", "utilising"), ("use", "uses", "used", "using")),
    (("utilize", "utilizes", "utilized", "utilizing"), ("use", "uses", "used", "using")),
    (("ensure", "ensures", "ensured", "ensuring"), ("make sure", "makes sure", "made sure", "making sure")),
    (("ascertain", "ascertains", "ascertained", "ascertaining"), ("find out", "finds out", "found out", "finding out")),
    (("endeavour", "endeavours", "endeavoured", "endeavouring"), ("try", "tries", "tried", "trying")),
]  # fmt: skip


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table = dict(_PHRASES)
    for wordy, plain in _VERBS:
        table.update(zip(wordy, plain, strict=True))
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(_table(), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I
    )


# "make sure" needs a clause after it ("make sure that ...", "make sure you ..."); before a
# noun ("ensure continuity of care") it would break the sentence, so "ensure" stays there.
_CLAUSE_VERBS = frozenset({"ensure", "ensures", "ensured", "ensuring"})
_CLAUSE_START = re.compile(
    r"\s+(?:that|we|you|they|it|there|everyone|everybody|people|he|she|all|no\s+one)\b", re.I
)


def _needs_a_clause(match: re.Match[str], text: str) -> bool:
    if match.group().lower() not in _CLAUSE_VERBS:
        return False
    return not _CLAUSE_START.match(text, match.end())


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")

# "a small number of them" is "a few of them", not "a few them": a swap that ends a
# quantity ("a few", "many", "most") keeps "of" before a pronoun or a determiner.
_QUANTITY_OF = frozenset({"a large number of", "a small number of", "the majority of"})
_OF_NEEDED = re.compile(
    r"\s+(?:them|us|you|these|those|this|that|which|whom|it|the|our|their|its|his|her|"
    r"your|my)\b",
    re.I,
)


@lru_cache(maxsize=8192)
def plain_words(text: str) -> str:
    """ "We will ensure that staff assist residents." -> "We will make sure that staff help residents." """
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]

    def swap(match: re.Match[str]) -> str:
        if any(a <= match.start() < b for a, b in quoted):
            return match.group()
        if _needs_a_clause(match, text):
            return match.group()
        plain = _table()[match.group().lower()]
        if match.group().lower() in _QUANTITY_OF and _OF_NEEDED.match(text, match.end()):
            plain += " of"
        return plain[:1].upper() + plain[1:] if match.group()[:1].isupper() else plain

    return _pattern().sub(swap, text)
