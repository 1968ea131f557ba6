"""Checks on sentences and paragraphs: length, joining words, passive voice, negatives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.checks.base import Document, Finding, plural
from easyread.readability import Scores
from easyread.rules import ADVISORY, MUST_FIX, WARNING

STANDARD_MUST_FIX_WORDS = 25
STANDARD_WARNING_WORDS = 20
EASY_MAX_WORDS = 15
EASY_AVERAGE_WORDS = 10
PARAGRAPH_MAX_SENTENCES = 3
EASY_MAX_DOCUMENT_WORDS = 1000
EASY_COMMON_SHARE = 0.95
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")

_JOINING = re.compile(r"\b(?:and|but|because|which|so that)\b", re.IGNORECASE)
_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|getting)"
_IRREGULAR = (
    "given|made|done|taken|seen|known|shown|told|found|held|kept|left|paid|sent|spent|built|"
    "brought|bought|chosen|written|run|put|cut|met|led|heard|lost|won|sold|understood|"
    "set|drawn|thought|taught|caught|meant|read|said|hit|shut|let|begun|broken|spoken|hidden"
)
_PASSIVE = re.compile(
    rf"\b{_BE}\s+(?:(?:not|never|also|often|already|always|still|now|\w+ly)\s+)*"
    rf"((?:\w+ed)|(?:{_IRREGULAR}))\b",
    re.IGNORECASE,
)
# Words ending in -ed that usually describe rather than hide who acted.
_NOT_PARTICIPLES = frozenset(
    [
        "need",
        "seed",
        "feed",
        "bed",
        "red",
        "shed",
        "hundred",
        "speed",
        "breed",
        "interested",
        "concerned",
        "pleased",
        "worried",
        "excited",
        "tired",
        "bored",
        "scared",
        "married",
        "based",
        "supposed",
        "disabled",
        "aged",
        "skilled",
        "qualified",
        "experienced",
        "isolated",
        "involved",
        "committed",
        "determined",
        "satisfied",
        "delighted",
        "limited",
        "related",
        "unemployed",
        "retired",
        "dedicated",
        "talented",
        "sacred",
        "naked",
        "wicked",
    ]
)
_DOUBLE_NEGATIVE = re.compile(
    r"(?:\b(?:not|never|cannot|nobody|nothing)|\b\w+n['’]t)\s+(?:\w+\s+){0,3}?"
    r"(?:no|nothing|nobody|none|never|nowhere|neither|"
    r"un(?!der|til|it|ivers|less|ique|ion|iform)\w{3,})\b",
    re.IGNORECASE,
)


def sentence_length(doc: Document) -> Iterator[Finding]:
    """PL-01 / ER-01: sentences that are too long to follow."""
    for sentence in doc.sentences:
        count = len(doc.words_in(sentence))
        finding = _long_sentence(doc, sentence, count)
        if finding:
            yield finding


def _long_sentence(doc: Document, sentence, count: int) -> Finding | None:
    if doc.easy:
        if count <= EASY_MAX_WORDS:
            return None
        limit, rule_id, severity = EASY_MAX_WORDS, "ER-01", MUST_FIX
        advice = f"In easy read, keep every sentence to {EASY_MAX_WORDS} words or fewer."
    elif count > STANDARD_MUST_FIX_WORDS:
        limit, rule_id, severity = STANDARD_MUST_FIX_WORDS, "PL-01", MUST_FIX
        advice = f"Try to keep sentences under {STANDARD_MUST_FIX_WORDS} words."
    elif count > STANDARD_WARNING_WORDS:
        limit, rule_id, severity = STANDARD_WARNING_WORDS, "PL-01", WARNING
        advice = f"Sentences under {STANDARD_WARNING_WORDS} words are easier to follow."
    else:
        return None
    message = f"This sentence has {count} words. {advice}"
    suggestion = "Split it into two or more sentences." if count > limit else None
    return doc.finding(
        rule_id, "long_sentence", sentence.start, sentence.end, message, suggestion, severity
    )


def paragraph_length(doc: Document) -> Iterator[Finding]:
    """PL-01: paragraphs of more than 3 sentences (lists do not count)."""
    for paragraph in doc.paragraphs:
        inside = [
            s
            for s in doc.sentences
            if paragraph.start <= s.start < paragraph.end and not _is_list_item(doc, s)
        ]
        if len(inside) > PARAGRAPH_MAX_SENTENCES:
            message = (
                f"This paragraph has {len(inside)} sentences. Big blocks of text are hard "
                f"to read: try {PARAGRAPH_MAX_SENTENCES} sentences or fewer in a paragraph."
            )
            yield doc.finding(
                "PL-01",
                "long_paragraph",
                paragraph.start,
                paragraph.end,
                message,
                "Break it into shorter paragraphs, or use a list.",
                WARNING,
            )


def _is_list_item(doc: Document, sentence) -> bool:
    line_start = doc.prose.rfind("\n", 0, sentence.start) + 1
    return bool(_LIST_ITEM.match(doc.prose[line_start : sentence.end]))


def joining_words(doc: Document) -> Iterator[Finding]:
    """ER-02: more than one joining word suggests more than one idea in a sentence."""
    for sentence in doc.sentences:
        joins = _JOINING.findall(doc.prose, sentence.start, sentence.end)
        if len(joins) > 1:
            listed = ", ".join(f'"{j.lower()}"' for j in joins)
            message = (
                f"This sentence is joined up with {listed}. In easy read, each sentence "
                "says one thing."
            )
            yield doc.finding(
                "ER-02",
                "joined_sentence",
                sentence.start,
                sentence.end,
                message,
                "Split it into shorter sentences.",
            )


def passive_voice(doc: Document) -> Iterator[Finding]:
    """PL-07 / ER-07: maybe passive ("was agreed"): readers cannot tell who acted."""
    rule_id = "ER-07" if doc.easy else "PL-07"
    for match in _PASSIVE.finditer(doc.prose):
        if match.group(1).lower() in _NOT_PARTICIPLES:
            continue
        message = (
            f'Maybe passive: "{match.group()}". Readers may not know who does this. '
            'Try saying who does what, for example "we agreed" rather than "it was agreed".'
        )
        yield doc.finding(rule_id, "passive_voice", match.start(), match.end(), message)


def negatives(doc: Document) -> Iterator[Finding]:
    """ER-07: short forms like "don't" and double negatives."""
    for match in re.finditer(r"\b\w+n['’]t\b", doc.prose):
        yield doc.finding(
            "ER-07",
            "negative_short_form",
            match.start(),
            match.end(),
            f'"{match.group()}" is a short form. Easy read spells it out.',
            _spell_out_negative(match.group()),
        )
    for match in _DOUBLE_NEGATIVE.finditer(doc.prose):
        yield doc.finding(
            "ER-07",
            "double_negative",
            match.start(),
            match.end(),
            f'Maybe a double negative: "{match.group()}". Say it in a positive way if you can.',
        )


def _spell_out_negative(word: str) -> str:
    lower = word.lower().replace("’", "'")
    special = {"can't": "cannot", "won't": "will not", "shan't": "shall not"}
    full = special.get(lower) or lower[:-3] + " not"
    return full[:1].upper() + full[1:] if word[:1].isupper() else full


def document_length(doc: Document) -> Iterator[Finding]:
    """ER-12: easy-read documents of more than 1,000 words."""
    if len(doc.words) > EASY_MAX_DOCUMENT_WORDS:
        first_extra = doc.words[EASY_MAX_DOCUMENT_WORDS]
        message = (
            f"This text has {plural(len(doc.words), 'word')}. Easy-read documents work best "
            f"with {EASY_MAX_DOCUMENT_WORDS:,} words or fewer. This is where it goes over."
        )
        yield doc.finding(
            "ER-12",
            "long_document",
            first_extra.start,
            first_extra.end,
            message,
            "Split it into parts, or keep only what readers need.",
        )


def reading_level(doc: Document, scores: Scores) -> Iterator[Finding]:
    """Advice about the whole text: reading scores (PL-02 / ER-14, advisory) and, in easy
    read, average sentence length (ER-01) and the share of common words (ER-04)."""
    grade, ease = scores.flesch_kincaid_grade, scores.flesch_reading_ease
    if grade is None or ease is None or len(doc.words) < 30:
        return
    if not doc.easy:
        if grade > 6:
            yield doc.finding(
                "PL-02",
                "reading_level",
                0,
                0,
                f"The reading grade is {grade:.1f}. Aim for grade 6 or lower, so most adults "
                "can read it easily. Shorter sentences and everyday words lower the grade.",
                None,
                ADVISORY,
            )
        return
    average, share = scores.average_sentence_length, scores.common_word_share
    if average is not None and average > EASY_AVERAGE_WORDS:
        yield doc.finding(
            "ER-01",
            "average_sentence_length",
            0,
            0,
            f"Sentences have {average:.1f} words on average. In easy read, aim for "
            f"{EASY_AVERAGE_WORDS} or fewer.",
            None,
            WARNING,
        )
    if share is not None and share < EASY_COMMON_SHARE:
        yield doc.finding(
            "ER-04",
            "common_words",
            0,
            0,
            f"{share * 100:.0f} in every 100 words are common words. Easy read needs at least "
            f"{EASY_COMMON_SHARE * 100:.0f}: swap or explain the words marked as not common.",
            None,
            WARNING,
        )
    if grade > 5 or ease < 80:
        yield doc.finding(
            "ER-14",
            "reading_level",
            0,
            0,
            f"Reading ease is {ease:.0f} and grade is {grade:.1f}. For easy read, aim for ease "
            "80 or more and grade 5 or lower. Fix the other findings first.",
            None,
            ADVISORY,
        )
