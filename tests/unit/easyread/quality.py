"""Measures of easy-read output over the corpus, kept apart from the code they measure.

The number and glossary checks use their own small parsers, so a bug in the
renderer's number rules cannot hide itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from easyread.builders import build_briefing
from easyread.model import Document, HardWordBox, Point, visible_text, word_count
from easyread.terms import plural_of

CORPUS = Path(__file__).with_name("corpus")
_WORD_VALUES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)")
_MONEY_SHORT = re.compile(r"[£$€](\d+(?:\.\d+)?)\s?(m|bn|k)\b")
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_SHARE = re.compile(r"(\d+) in every (\d+)")


def passages() -> list[Path]:
    return sorted(CORPUS.glob("*.md"))


@dataclass
class Expected:
    """What a passage's numbers must become in the easy-read version."""

    digits: set[str] = field(default_factory=set)
    shares: set[Fraction] = field(default_factory=set)


def expected_numbers(text: str) -> Expected:
    expected = Expected()
    for match in _PERCENT.finditer(text):
        expected.shares.add(Fraction(match.group(1)) / 100)
    text = _PERCENT.sub(" ", text)
    for match in _MONEY_SHORT.finditer(text):
        amount, unit = match.groups()
        expected.digits.add(f"{int(Fraction(amount) * 1000):,}" if unit == "k" else amount)
    text = _MONEY_SHORT.sub(" ", text)
    expected.digits.update(m.group() for m in _DIGITS.finditer(text))
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _WORD_VALUES:
            expected.digits.add(str(_WORD_VALUES[word]))
    return expected


def output_text(document: Document) -> str:
    parts = [document.title]
    for section in document.sections:
        parts.append(section.heading)
        parts.extend(visible_text(s) for s in _item_texts(section.items))
    return "\n".join(parts)


def _item_texts(items):
    for item in items:
        yield from getattr(item, "sentences", [])
        for name in ("number", "value", "sentence", "explanation"):
            if getattr(item, name, None):
                yield getattr(item, name)


def lost_numbers(source: str, document: Document) -> list[str]:
    """Numbers in the writer's text that are missing from the easy-read version."""
    expected = expected_numbers(source)
    out = output_text(document)
    found = {m.group() for m in _DIGITS.finditer(out)}
    shares = {Fraction(int(a), int(b)) for a, b in _SHARE.findall(out)}
    # DN-04: a change ("went up by 40%") stays a percentage.
    shares |= {Fraction(m.group(1)) / 100 for m in re.finditer(r"(\d+(?:\.\d+)?)%", out)}
    if re.search(r"\ball\b", out):
        shares.add(Fraction(1))
    lost = [d for d in sorted(expected.digits) if d not in found]
    for share in expected.shares:
        if not any(abs(share - got) <= Fraction(1, 200) for got in shares):
            lost.append(f"{float(share) * 100:g}%")
    return lost


def terms_in(text: str, terms) -> list:
    """Glossary terms a passage uses (initials matched exactly, words in any case).

    Longer terms are found first, so "adult social care" is not also "social care".
    """
    forms = [
        (form, term)
        for term in terms
        for form in (*term.forms(), *([term.acronym_for] if term.acronym_for else []))
    ]
    found = []
    for form, term in sorted(forms, key=lambda pair: len(pair[0]), reverse=True):
        flags = 0 if form.isupper() else re.IGNORECASE
        pattern = r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"s?(?![\w-])"
        text, hits = re.subn(pattern, lambda m: " " * len(m.group()), text, flags=flags)
        if hits and term not in found:
            found.append(term)
    return found


def unexplained_terms(source: str, document: Document, terms) -> list[str]:
    boxes = {item.term.lower() for item in document.all_items() if isinstance(item, HardWordBox)}
    listed = {entry.term.lower() for entry in document.word_list}
    missing = []
    asked = " ".join(
        item.attention_note for item in document.all_items() if isinstance(item, Point)
    ).lower()
    for term in terms_in(source, terms):
        names = {f.lower() for f in (term.acronym_for, *term.forms()) if f}
        names |= {plural_of(n) for n in names}
        if term.senses and any(f'"{n}"' in asked for n in names):
            continue  # DN-05: the writer is asked which sense, rather than a guess
        if not (names & boxes and names & listed):
            missing.append(term.term)
    return missing


@dataclass
class CorpusReport:
    sentences: int
    short_enough: int
    average_words: float
    terms_used: int
    terms_missing: list[str]
    numbers_missing: list[str]
    short_or_marked: int = 0

    @property
    def share_short(self) -> float:
        return self.short_enough / self.sentences

    @property
    def share_short_or_marked(self) -> float:
        """Short enough, or in a row marked for a person (DN-01: a cut that fails is undone)."""
        return self.short_or_marked / self.sentences


def measure(terms) -> CorpusReport:
    counts: list[int] = []
    used = 0
    missing_terms: list[str] = []
    missing_numbers: list[str] = []
    marked = 0
    for path in passages():
        source = path.read_text(encoding="utf-8")
        document = build_briefing(source, terms=terms)
        counts.extend(word_count(s) for s in document.all_sentences())
        marked += sum(
            1
            for item in document.all_items()
            if isinstance(item, Point) and item.needs_attention
            for s in item.sentences
            if word_count(s) > 15
        )
        used += len(terms_in(source, terms))
        missing_terms += [f"{path.name}: {t}" for t in unexplained_terms(source, document, terms)]
        missing_numbers += [f"{path.name}: {n}" for n in lost_numbers(source, document)]
    return CorpusReport(
        sentences=len(counts),
        short_enough=sum(1 for c in counts if c <= 15),
        average_words=sum(counts) / len(counts),
        terms_used=used,
        terms_missing=missing_terms,
        numbers_missing=missing_numbers,
        short_or_marked=sum(1 for c in counts if c <= 15) + marked,
    )
