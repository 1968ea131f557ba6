"""PL-04 (as a warning): words councils and the NHS use about how they are organised and
decide, from the lexicon in data/council_words.txt, in every form, first use only.

Glossary terms are found by the jargon check; this check skips what it covered. A word
with clue words is only flagged when a clue is in the same sentence, or when it has a
capital inside a sentence ("the Chair", "Cabinet"): the capital names the body or role.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from easyread.checks.base import Document, Finding, normalise
from easyread.checks.patterns import phrase_pattern
from easyread.lexicon import Entry, clue_in, entries
from easyread.rules import WARNING


@dataclass(frozen=True)
class LexiconMatcher:
    pattern: re.Pattern
    by_form: dict[str, Entry]


@lru_cache(maxsize=8)
def matcher_for(glossary_forms: frozenset[str]) -> LexiconMatcher:
    """Entries that are not glossary words (those only lend the glossary their forms)."""
    by_form: dict[str, Entry] = {}
    for entry in entries():
        if normalise(entry.phrase) in glossary_forms:
            continue
        for form in entry.forms:
            by_form.setdefault(normalise(form), entry)
    return LexiconMatcher(phrase_pattern(by_form), by_form)


def spans(doc: Document) -> list[tuple[int, int, Entry]]:
    """Every place a lexicon word is used in its council sense (clues checked)."""
    forms = frozenset(normalise(f) for t in doc.terms for f in (*t.forms(), t.acronym_for) if f)
    matcher = matcher_for(forms)
    starts = [s.start for s in doc.sentences]
    found = []
    for match in matcher.pattern.finditer(doc.prose):
        entry = matcher.by_form.get(normalise(match.group()))
        if entry is None:
            continue
        if entry.clues and not (
            _institution(match, starts)
            or clue_in(_sentence(doc, starts, match.start()), entry.clues)
        ):
            continue
        found.append((match.start(), match.end(), entry))
    return found


def _institution(match: re.Match, starts: list[int]) -> bool:
    """ "the Chair", "Cabinet", "Lot 2": a capital inside a sentence is the clue itself
    (the body or role, not "a chair" or "a lot")."""
    word = match.group()
    if not word[:1].isupper() or word.isupper():
        return False
    index = bisect.bisect_right(starts, match.start()) - 1
    return index >= 0 and starts[index] != match.start()


def _sentence(doc: Document, starts: list[int], at: int) -> str:
    index = bisect.bisect_right(starts, at) - 1
    if index < 0:
        return doc.prose[max(0, at - 200) : at + 200]
    sentence = doc.sentences[index]
    return doc.prose[sentence.start : sentence.end]


def council_words(
    doc: Document, found: list[tuple[int, int, Entry]], covered: list[tuple[int, int]]
) -> Iterator[Finding]:
    seen: set[str] = set()
    for start, end, entry in found:
        if entry.phrase in seen or inside_any(start, end, covered):
            continue
        seen.add(entry.phrase)
        word = doc.text[start:end]
        if doc.is_explained(word, entry.phrase):
            continue
        message = (
            f'"{word}" is a word councils and the NHS use about how they work. Many readers '
            "will not know it. Say it in plain words, or explain it the first time."
        )
        yield doc.finding(
            "PL-04", "council_word", start, end, message, entry.plain or None, severity=WARNING
        )


# Names of plans, rules, funds and groups end in one of these words. A name of three or
# more capitalised words with one of them last ("Friends and Family Test", "Carers
# Partnership Board") means nothing to a reader who has not been told what it is.
_NAME_HEADS = (
    "Act|Agreement|Alliance|Assessment|Board|Collaborative|Committee|Duty|Framework|Fund|"
    "Index|Network|Order|Panel|Partnership|Plan|Policy|Programme|Regime|Regulations|Review|"
    "Scheme|Standard|Standards|Strategy|System|Tariff|Test|"
    # money a person is paid or guaranteed ("Attendance Allowance", "National Living Wage")
    "Allowance|Benefit|Credit|Grant|Guarantee|Levy|Payment|Premium|Wage|"
    # groups and teams ("Trust Board", "Quality Committee", "Brokerage Team")
    "Directorate|Division|Forum|Group|Team|Unit|Recovery|"
    # a job ("Cabinet Member", "Chief Operating Officer")
    "Director|Lead|Manager|Member|Officer|Secretary"
)
# Titles that start with the job: "Head of Quality Assurance", "Secretary of State",
# "Divisional Director for Surgery", "Cabinet Member for Adults and Wellbeing".
_JOB = (
    r"(?:(?:Assistant|Deputy|Divisional|Executive|Chief|Interim|Associate|Strategic|Senior)\s+)?"
    r"(?:Director|Head|Secretary|Minister|Member|Officer|Manager|Lead|Chair|Commissioner)"
)
_CAPITALISED = r"[A-Z][\w’'&-]*"
_LINK = r"(?:[ \t]+(?:and|of|for|the|in|on|&)[ \t]+|[ \t]+)"
_NAMED = re.compile(
    rf"(?<![\w’'-])(?!(?:The|A|An|This|That|Our|Their|Its|Each|Every|Any)\b)"
    rf"(?:(?:{_CAPITALISED}{_LINK}){{1,8}}(?:{_NAME_HEADS})"
    rf"|{_JOB}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_CAPITALISED}(?:{_LINK}{_CAPITALISED}){{0,5}})"
    rf"(?![\w’'-])"
)


def inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def named_spans(doc: Document) -> list[tuple[int, int]]:
    """Every place a long official name is used."""
    return [match.span() for match in _NAMED.finditer(doc.prose)]


def named_schemes(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    """A long official name (a plan, a rule, a fund, a board) not explained in the text."""
    seen: set[str] = set()
    for match in _NAMED.finditer(doc.prose):
        start, end = match.span()
        name = " ".join(match.group().split())
        if name in seen or inside_any(start, end, covered):
            continue
        seen.add(name)
        # "Better Care Fund (a pot of money ...)" is explained; "(BCF)" or "(Part 1)" is not.
        if doc.is_explained(name) or re.match(r"\s*\([a-z]", doc.prose[end : end + 4]):
            continue
        message = (
            f'"{name}" is the name of a plan, a rule, a fund or a group. Readers will not '
            "know what it is: say it in plain words the first time."
        )
        yield doc.finding("PL-04", "council_word", start, end, message, severity=WARNING)


# Labels with a number that mean something only inside the organisation: a quarter of
# the year ("quarter 2", "Q3"), an NHS pay band ("band 6"), a tier of a service ("tier 2").
_NUMBERED = re.compile(
    r"(?<![\w-])(?:(?P<quarter>[Qq]uarter\s+[1-4]|Q[1-4])|(?P<band>[Bb]and\s+[1-9][abc]?)"
    r"|(?P<tier>[Tt]ier\s+[1-4])"
    r"|(?P<year>(?:19|20)\d\d/\d\d(?!\d))"
    r"|(?P<part>(?:[Pp]art|[Ii]tem|[Ss]ection|[Pp]aragraph|[Aa]ppendix|[Aa]nnex|[Ss]chedule"
    r"|[Cc]lause)\s+(?:\d+(?:\.\d+)*(?:\([a-z]\))?|[A-Z](?![\w’'])|[IVX]+(?![\w’']))))(?![\w-])"
)
_NUMBERED_SAYS = {
    "quarter": (
        'Readers will not know which months "{0}" is: councils and the NHS often count '
        "quarters from April. Say the months."
    ),
    "band": '"{0}" is an NHS pay grade. Say the job instead, for example "an experienced nurse".',
    "tier": '"{0}" is a level of a service. Say what the service does at this level.',
    "year": (
        '"{0}" is a financial year: councils and the NHS count years from April. Say '
        '"April 2027 to March 2028".'
    ),
    "part": (
        '"{0}" points to a part of a document readers may not have. Say what it says, '
        "or say where to find it."
    ),
}


def numbered_labels(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    """PL-04: the first use of each numbered label ("quarter 2", "band 6", "tier 3")."""
    seen: set[str] = set()
    for match in _NUMBERED.finditer(doc.prose):
        kind = match.lastgroup
        label = " ".join(match.group().lower().split())
        start, end = match.span()
        if label in seen or inside_any(start, end, covered):
            continue
        seen.add(label)
        message = _NUMBERED_SAYS[kind].format(match.group())
        yield doc.finding("PL-04", "council_word", start, end, message, severity=WARNING)


# A body named by a capitalised common noun inside a sentence ("asked the Executive",
# "the Trust continues"): the capital says it is one organisation's own group, and readers
# do not know which group it is or what it does.
_BODY = re.compile(
    r"(?<=[a-z,;:] )the (Executive|Board|Trust|Cabinet|Panel|Committee|Authority|Directorate"
    r"|Division|Commission|Partnership|Department|Executive Team|Programme Board)(?![\w’'-])"
)


def capitalised_bodies(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    seen: set[str] = set()
    for match in _BODY.finditer(doc.prose):
        start, end = match.span(1)
        name = match.group(1)
        if name in seen or inside_any(start, end, covered) or doc.is_explained(name):
            continue
        seen.add(name)
        message = (
            f'"the {name}" is the name of a group in the organisation. Readers will not know '
            "which group it is: say who they are the first time."
        )
        yield doc.finding("PL-04", "council_word", start, end, message, severity=WARNING)
