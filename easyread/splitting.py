"""Cutting a long sentence into short ones at safe joining words (ER-01, ER-02).

A cut is made only where both halves would stand alone as sentences: at least
three words, a verb we recognise, and not an unfinished "If ..." clause. The
words added to make the second half read well ("This is because ...") come from
a fixed table, so the result is deterministic and testable. A sentence with no
safe cut comes back unchanged; the caller marks it for the writer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from easyread.clause_parts import (
    _clauses_for,
    _inside,
    _lower_words,
    _protected,
    _which,
    _who,
    stands_alone,
)
from easyread.clause_tails import reported_which
from easyread.grammar import (
    _MODALS,
    _SUBORDINATORS,
    _VERBS,
    _capitalise,
    _finish,
    _set_of,
    looks_like_verb,
)
from easyread.model import _WORD, visible_text, word_count
from easyread.shared_subject import _a_noun_here, _pronoun_for
from easyread.text import words

MAX_WORDS = 15
SPLIT_OVER = 10
# Sentences longer than this only get the simple cuts: the list and clause rules are
# for real sentences, and would be slow on a page of text with no full stops.
RULES_UP_TO = 80


_THERE = "There "
# "X, where ..." is about a place only after a word for a place ("the centre, where ...");
# after anything else it means "when" or "if" ("sensors, where they help"), and "There"
# would turn a condition into a fact.
_PLACES = _set_of(
    "room rooms centre centres building buildings area areas home homes house houses "
    "town towns city ward wards hospital hospitals place places site sites venue "
    "venues hall halls library school schools street streets village villages county "
    "borough district flat flats office offices clinic clinics park parks surgery "
    "surgeries unit units"
)


def _place_before(left: str) -> bool:
    words = _lower_words(left)
    return bool(words) and words[-1] in _PLACES


_SUBJECTS = (
    "the|a|an|our|their|its|his|her|many|some|most|all|each|every|these|those|we|you|they|"
    "it|there|he|she"
)
# "people" starts a clause only with its verb: "older people, people with a disability" is a list.
_PEOPLE_DO = (
    r"people\s+(?:are|were|have|had|will|would|can|could|should|must|may|might|do|did|said|"
    r"told|say|tell|use|used|get|got|need|want|feel|felt|like|liked|think|thought)"
)
# (pattern, words that start the second half). Earlier rows win ties.
Rewrite = str | Callable[[str], str]
_JOINS: list[tuple[re.Pattern[str], Rewrite]] = [
    (re.compile(r";\s+(?:and|but)\s+(?=(?:" + _SUBJECTS + r"|information|support)\b)"), ""),
    (re.compile(r";\s+"), ""),
    (re.compile(r",\s+and\s+(?!then\b|so\s+on\b)"), ""),
    (re.compile(r",\s+but\s+"), "But "),
    (re.compile(r",\s+which\s+"), _which),
    (re.compile(r",\s+who\s+"), _who),
    (re.compile(r"\s+because\s+(?!of\b)"), "This is because "),
    (re.compile(r",?\s+so\s+that\s+"), "So "),
    (re.compile(r",\s+so\s+"), "So "),
    (re.compile(r",\s+(?:although|though|whereas|while|whilst)\s+"), "But "),
    (re.compile(r",\s+or\s+"), "Or "),
    (re.compile(r",\s+(?:and\s+)?then\s+"), "Then "),
    (re.compile(r":\s+"), ""),
    (re.compile(r"\s+[–—-]\s+"), ""),
    (re.compile(r"\s+and\s+(?=(?:we|you|they|it|there|this|" + _PEOPLE_DO + r")\b)"), ""),
    (re.compile(r",\s+(?=(?:we|you|they|it|there|this|" + _PEOPLE_DO + r")\s)"), ""),
    (re.compile(r",\s+where\s+"), _THERE),
    (re.compile(r",\s+of\s+which\s+"), "Of this, "),
    (re.compile(r",\s+whether\s+"), "This is true whether "),
    (re.compile(r",\s+and\s+because\s+"), "This is also because "),
    (re.compile(r",?\s+or\s+when\s+"), "Or when "),
    (re.compile(r"\s+but\s+(?=(?:were|are|have|do)\b)"), "But they "),
    (re.compile(r"\s+but\s+(?=(?:was|is|has|does)\b)"), "But it "),
    (re.compile(r"\s+whereas\s+"), "But "),  # not "while": it is as often "during" as "but"
    (re.compile(r",?\s+before\s+(?=(?:" + _SUBJECTS + r")\b)"), "Then "),
    (re.compile(r",?\s+and\s+(?=(?:" + _SUBJECTS + r")\b)"), ""),
]
_AND_VERB = re.compile(r",?\s+and\s+(?=[a-z]+\b)")


def _subject_and_modal(left: str) -> str | None:
    """ "We will review the contract" -> "We will": lets "and talk to people" stand alone."""
    spans = words(left)
    for index, span in enumerate(spans[:6]):
        if span.text.lower() in _MODALS and index > 0:
            return left[: span.end]
    return None


def _candidates(sentence: str) -> list[tuple[int, int, int, int, Rewrite]]:
    """Every safe cut as (balance, priority, start, end, rewrite)."""
    ranges = _protected(sentence)
    clauses = _clauses_for(sentence)
    found = []
    for priority, (pattern, rewrite) in enumerate(_JOINS):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if _inside(start, ranges) or not clauses.cut_is_safe(start, end):
                continue
            if rewrite in (_which, _who) and _main_verb_resumes(sentence[end:]):
                continue
            if rewrite == _THERE and not _place_before(sentence[:start]):
                continue  # "video calls, where it helps": "where" means "when", not a place
            joined = sentence[:start].rstrip()[-1:] + match.group().lstrip()[:1]
            bare = not any(mark in joined for mark in ",;:")
            if bare and not clauses.verb_since_comma(start):
                continue
            added = 0 if isinstance(rewrite, str) and not rewrite else 3
            found.append((clauses.balance(start, end, added), priority, start, end, rewrite))
    return found


def _main_verb_resumes(rest: str) -> bool:
    """ "X, which was commissioned in March, and asks members to ...": the relative clause
    ends before ", and asks", whose subject is X; cutting at "which" would give it the wrong one."""
    match = re.search(r",\s+and\s+([a-z]+)\b", rest)
    return bool(match) and looks_like_verb(match.group(1))


def _apply(sentence: str, start: int, end: int, rewrite: Rewrite) -> tuple[str, str]:
    left, rest = sentence[:start], sentence[end:]
    if rewrite is _which and (reported := reported_which(rest.lstrip())):
        return _finish(left), reported
    opening = rewrite(rest) if callable(rewrite) else rewrite
    if ":" in sentence[max(0, start - 2) : end] and rest.lstrip()[:1] in "\"“‘'":
        # 'One carer wrote: "..."': the colon says a quotation follows; keep it.
        return left.rstrip(" :") + ":", rest.lstrip()
    return _finish(left), (opening + rest if opening else _capitalise(rest))


def _shared_subject_cut(sentence: str) -> tuple[str, str] | None:
    """ "We will review it and talk to people" -> "We will review it." "We will talk to people." """
    ranges = _protected(sentence)
    for match in _AND_VERB.finditer(sentence):
        rest = sentence[match.end() :]
        following = _lower_words(rest)[:2]
        allowed = _VERBS | {"have", "are", "were"}
        if _inside(match.start(), ranges) or len(following) < 2 or following[0] not in allowed:
            continue
        left = sentence[: match.start()]
        if re.search(r"\bto\s+\w+$", sentence[: match.start()]):
            continue  # "freedom to come and go": two verbs that belong together
        if _a_noun_here(following, (_lower_words(left) or [""])[-1]):
            continue  # "involved in discharge and care planning": "care" is a noun here
        modal = _subject_and_modal(left)
        if modal and following[0] in {"are", "were", "is", "was", "has"}:
            continue  # "Providers would" + "are still there": the subject of "are" is elsewhere
        subject = modal or _pronoun_for(left, following[0])
        if subject and stands_alone(left):
            return _finish(left), f"{subject} {rest}"
    return None


def best_cut(sentence: str) -> tuple[str, str] | None:
    """The safe cut that leaves the two most even halves, or None."""
    from easyread.clauses import extra_cuts

    simple = _candidates(sentence)
    options = []
    if simple:
        balance, priority, start, end, rewrite = min(simple, key=lambda option: option[:4])
        options.append((balance, priority, *_apply(sentence, start, end, rewrite)))
    good_enough = options and options[0][0] <= SPLIT_OVER
    if word_count(sentence) <= RULES_UP_TO and not good_enough:
        options.extend(extra_cuts(sentence))
        shared = _shared_subject_cut(sentence)
        if shared:
            balance = max(word_count(shared[0]), word_count(shared[1]))
            options.append((balance, len(_JOINS), *shared))
    options = [option for option in options if _sound_cut(option[2], option[3])]
    if not options and good_enough:  # the even cut was not sound: try the others too
        return best_cut_of_the_rest(sentence)
    if not options:
        return None
    _, _, left, right = min(options, key=lambda option: option[:2])
    return left, right


def best_cut_of_the_rest(sentence: str) -> tuple[str, str] | None:
    from easyread.clauses import extra_cuts

    options = list(extra_cuts(sentence)) if word_count(sentence) <= RULES_UP_TO else []
    shared = _shared_subject_cut(sentence)
    if shared:
        options.append((max(word_count(shared[0]), word_count(shared[1])), len(_JOINS), *shared))
    options = [option for option in options if _sound_cut(option[2], option[3])]
    if not options:
        return None
    _, _, left, right = min(options, key=lambda option: option[:2])
    return left, right


_DANGLING = _set_of(
    "and or but except than of to for from with without by in on at as like including "
    "such the a an their our its especially particularly mainly mostly only even just also"
)


def _sound_cut(left: str, right: str) -> bool:
    """Both halves are sentences a reader can trust (RULES.md DN-01, DN-02)."""
    from easyread.guard import is_sound

    return (
        not _dangles(left)
        and not _ends_in_a_condition(left)
        and not _now_a_command(left, right)
        and is_sound(left)
        and is_sound(right)
    )


def _now_a_command(left: str, right: str) -> bool:
    """ "We will keep the group, and report back every year." cut as "... Report back
    every year." tells the reader to do it: who does it was lost (DN-01)."""
    first = (_lower_words(right) or [""])[0]
    return first in _VERBS and (_lower_words(left) or [""])[0] not in _VERBS


_LAST_PART = re.compile(r"(?:^|[;:]\s+)([^;:]*)$")


def _ends_in_a_condition(left: str) -> bool:
    """ "The savings are planned; if they are not made." : the first half ends in an "if"
    (or "when", "unless"...) part whose main clause went to the second half (DN-02)."""
    text = visible_text(left).strip()
    last = _LAST_PART.search(text)
    if last is None or last.start(1) == 0:
        return False
    first = (_WORD.findall(last.group(1)) or [""])[0].lower()
    return first in _SUBORDINATORS


def _sound_list(listed: list[str]) -> bool:
    """An intro that is a sentence, then items that start with a capital and finish."""
    from easyread.guard import is_sound

    intro, *items = listed
    return is_sound(intro) and all(is_sound(item, list_item=True) for item in items)


def _dangles(left: str) -> bool:
    """A first half ending in "and", "except" or "the" is not a finished sentence."""
    found = _WORD.findall(visible_text(left))
    return bool(found) and found[-1].lower() in _DANGLING


@lru_cache(maxsize=4096)
def split_sentence(sentence: str, depth: int = 0) -> tuple[str, ...]:
    """Cut a sentence into sentences of at most about ``SPLIT_OVER`` words where safe.

    Cached: the result depends only on the text, and briefings are rendered again and again.
    """
    return tuple(_split(sentence, depth))


def _split(sentence: str, depth: int) -> list[str]:
    if word_count(sentence) <= SPLIT_OVER or depth > 60:
        return [sentence]
    from easyread.lists import (
        parallel_list,
        semicolon_list,
        split_list,
        that_list,
        trailing_list,
        two_part_list,
        verb_list,
    )

    listed = semicolon_list(sentence) if ";" in sentence else None
    if listed and not _sound_list(listed):
        listed = None
    if not listed and word_count(sentence) <= RULES_UP_TO:
        listed = that_list(sentence) or parallel_list(sentence) or split_list(sentence)
    if not listed and MAX_WORDS < word_count(sentence) <= RULES_UP_TO:
        listed = two_part_list(sentence) or trailing_list(sentence) or verb_list(sentence)
    if listed and _sound_list(listed):
        intro = _split(listed[0], depth + 1)
        return [*intro, *(p for item in listed[1:] for p in _split(item, depth + 1))]
    cut = best_cut(sentence)
    if cut is None:
        return [sentence]
    left, right = cut
    return _split(left, depth + 1) + _split(right, depth + 1)
