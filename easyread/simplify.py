"""Turning a writer's paragraphs into easy-read rows.

The steps are fixed and each is tested on its own: swap wordy phrases, move
bracketed asides into their own row, split at sentence ends, write numbers as
digits, spell out initials and explain glossary words, then cut long sentences
at safe joining words. Nothing is ever dropped: text the rules cannot make
short, and text they cannot read (tables, other scripts, emoji), passes through
whole and is marked for the writer (``needs_attention``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from easyread.facts import facts_in
from easyread.glossary import Term
from easyread.guard import is_sound, is_whole_sentence, line_problems
from easyread.idioms import plain_idioms
from easyread.model import HardWordBox, Item, Point, visible_text, word_count
from easyread.numbers import numbers_as_digits
from easyread.plainwords import plain_words
from easyread.rewrites import drop_meta_comment, passive_to_active, speak_to_reader
from easyread.splitting import MAX_WORDS, _which, _who, split_sentence
from easyread.terms import TermExplainer
from easyread.text import Span, sentences

ROW_SENTENCES = 3
# Inside a paragraph only a label with a figure is a fact ("Estimated saving: £1.4 million.").
_A_FIGURE = re.compile(r":\s+\S*\d")
_SWAPS = [
    (re.compile(r"\be\.g\.(?=\W|$)|\beg\.(?=\s)", re.IGNORECASE), "for example"),
    (re.compile(r"\bi\.e\.(?=\W|$)", re.IGNORECASE), "that is"),
    (re.compile(r"\betc\.(?=\W|$)|\betc\b", re.IGNORECASE), "and so on"),
    (re.compile(r"\bapprox\.(?=\W|$)", re.IGNORECASE), "about"),
    (re.compile(r"\bin order to\b", re.IGNORECASE), "to"),
    (re.compile(r"\bper annum\b|\bp\.a\.(?=\W|$)", re.IGNORECASE), "a year"),
    (re.compile(r"\bprior to\b", re.IGNORECASE), "before"),
    (re.compile(r"\b(?:with regard to|in relation to)\b", re.IGNORECASE), "about"),
    (re.compile(r"\b(?:as a result|because of this|for this reason),", re.IGNORECASE), "so"),
    (re.compile(r"\beven so,", re.IGNORECASE), "but"),
    (re.compile(r"\bat the same time,", re.IGNORECASE), "also,"),
    (re.compile(r"\bwould like to\b", re.IGNORECASE), "want to"),
    (re.compile(r"\ba number of\b", re.IGNORECASE), "some"),
    (re.compile(r"\bin addition,", re.IGNORECASE), "also,"),
]
# A swap is only tried when one of these words is in the text (saves time on long briefings).
_SWAP_HINTS = {
    "for example": {"e.g.", "e.g.,", "eg.", "e.g", "(e.g."},
    "that is": {"i.e.", "i.e.,", "(i.e."},
    "and so on": {"etc", "etc.", "etc.)", "etc.,"},
    "about": {"approx.", "regard", "relation"},
    "to": {"order"},
    "a year": {"annum", "p.a.", "annum."},
    "before": {"prior"},
    "so": {"result,", "this,", "reason,"},
    "but": {"so,"},
    "also,": {"time,", "addition,"},
    "want to": {"like"},
    "some": {"number"},
}
_ASIDE = re.compile(r"\s*(?<!\])\(([^()]{1,600})\)|\s+[–—]\s+([^–—.]{1,200}?)\s+[–—](?=\s)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")

PicturePicker = Callable[[str], "str | None"]


def _default_picker(text: str) -> str | None:
    from easyread.pictures import picture_for

    return picture_for(text)


_ETC_AT_END = re.compile(r"\b(?i:etc)\.(?=\s+[A-Z\"“‘]|\s*$)")


def swap_wordy_phrases(text: str) -> str:
    """ "in order to" -> "to", "e.g." -> "for example" and a few more.

    "etc." that ends a sentence keeps its full stop, so two sentences never run together.
    """
    text = _ETC_AT_END.sub(lambda m: _same_case(m.group(), "and so on."), text)
    lower = text.lower()
    for pattern, plain in _SWAPS:
        if _SWAP_HINTS[plain] & set(lower.split()):
            text = pattern.sub(lambda m, plain=plain: _same_case(m.group(), plain), text)
    return text


def _same_case(found: str, plain: str) -> str:
    return plain[:1].upper() + plain[1:] if found[:1].isupper() else plain


def as_sentence(text: str) -> str:
    """Capital first letter and an end mark, for an aside lifted out of brackets.

    "(which includes two people)" becomes "This includes two people."
    """
    text = text.strip().rstrip(",;:")
    if not text:
        return text
    first, _, rest = text.partition(" ")
    if first.lower() == "which" and rest:
        text = _which(rest) + rest
    elif first.lower() == "who" and rest:
        text = _who(rest) + rest
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def is_mostly_other_script(text: str) -> bool:
    """True when most letters are not Latin (Arabic, Chinese...): we cannot simplify those."""
    if text.isascii():
        return False
    letters = [char for char in text if char.isalpha()]
    latin = sum(1 for char in letters if ord(char) < 0x250)
    return bool(letters) and latin / len(letters) < 0.5


@dataclass
class _Aside:
    at: int
    text: str


class Simplifier:
    """Simplifies one document, paragraph by paragraph, remembering explained words."""

    def __init__(self, terms: Iterable[Term] = (), choose_picture: PicturePicker | None = None):
        self.explainer = TermExplainer(terms)
        self.choose_picture = choose_picture or _default_picker

    def heading(self, text: str) -> tuple[str, list[HardWordBox]]:
        """A heading with numbers and initials fixed; hard words in it are explained below it."""
        marked, boxes = self.explainer.mark_up(numbers_as_digits(swap_wordy_phrases(text)))
        self.explainer.unclear.clear()  # a heading's word is explained where the text uses it
        return marked.replace("**", "").strip(), boxes

    def paragraph(self, text: str, offset: int = 0, list_item: bool = False) -> list[Item]:
        """All the rows for one paragraph of the writer's text.

        ``list_item`` is a bullet after an intro line ("We will:"): it need not be a sentence.
        """
        if not text.strip():
            return []
        if any(_TABLE_ROW.match(line) for line in text.splitlines()):
            return self._table(text, offset)
        if is_mostly_other_script(text):
            return [self._untouched(text, offset, "Not written in English letters: check by hand.")]
        if not re.search(r"[^\W_]", text):
            return [self._untouched(text, offset, "No words to simplify: check by hand.")]
        return self._prose(text, offset, list_item)

    def sentence(self, text: str) -> tuple[list[str], list[HardWordBox]]:
        """One sentence made easy: short sentences and the hard-word boxes they need."""
        text = " ".join(text.split())
        marked, boxes = self.explainer.mark_up(numbers_as_digits(text))
        return list(split_sentence(marked)), boxes

    def word_list(self):
        return self.explainer.word_list()

    def _prose(self, text: str, offset: int, list_item: bool = False) -> list[Item]:
        text = swap_wordy_phrases(text)
        self.explainer.context = text
        clean, asides = self._lift_asides(text)
        items: list[Item] = []
        for span in _covering_sentences(clean):
            own = [a for a in asides if span.start <= a.at <= span.end]
            pairs = facts_in(span.text) if _A_FIGURE.search(span.text) else []
            if pairs:  # "Estimated saving: £1.4 million." after the paragraph's sentences
                start, end = offset + span.start, offset + span.end
                items.extend(self.facts(pairs, start, end))
            else:
                items.extend(self._sentence_rows(span, offset, list_item))
            for aside in own:
                asides.remove(aside)
                items.extend(self._sentence_rows(Span(as_sentence(aside.text), 0, 0), None))
        for aside in asides:
            items.extend(self._sentence_rows(Span(as_sentence(aside.text), 0, 0), None))
        return items

    def _lift_asides(self, text: str) -> tuple[str, list[_Aside]]:
        pieces: list[str] = []
        asides: list[_Aside] = []
        last = 0
        length = 0
        for match in _ASIDE.finditer(text):
            inner = match.group(1) if match.group(1) is not None else match.group(2)
            before = text[last : match.start()]
            pieces.append(before)
            length += len(before)
            if self.explainer.learn_initials(text[: match.start()], inner) or not inner.strip():
                last = match.end()
            elif is_whole_sentence(as_sentence(inner)):  # DN-03: only whole sentences get a row
                asides.append(_Aside(length, inner))
                last = match.end()
            else:
                pieces.append(match.group())
                length += len(match.group())
                last = match.end()
        pieces.append(text[last:])
        return "".join(pieces), asides

    def _sentence_rows(self, span: Span, offset: int | None, list_item=False) -> list[Item]:
        text, idioms_kept = plain_idioms(plain_words(simpler_sentence(" ".join(span.text.split()))))
        marked, boxes = self.explainer.mark_up(numbers_as_digits(text))
        short, harm = _undo_harm(marked, list(split_sentence(marked)), list_item)
        notes = [harm] if harm else []
        if idioms_kept:
            said = ", ".join(f'"{i}"' for i in idioms_kept)
            notes.append(f"A figure of speech ({said}): please say it in plain words.")
        if self.explainer.unclear:
            words = ", ".join(f'"{w}"' for w in dict.fromkeys(self.explainer.unclear))
            notes.append(f"Which meaning of {words} is this? We did not explain it: please check.")
            self.explainer.unclear.clear()
        if any(word_count(s) > MAX_WORDS for s in short):
            notes.append(f"A sentence is still longer than {MAX_WORDS} words: please shorten it.")
        unknown = [self.explainer.unknown_initials(s) for s in short]
        if any(unknown):
            letters = ", ".join(sorted({i for found in unknown for i in found}))
            notes.append(f"Initials we cannot spell out: {letters}.")
        start = None if offset is None else offset + span.start
        end = None if offset is None else offset + span.end
        rows: list[Item] = [
            self._point(group, start, end, " ".join(notes)) for group in _rows_of(short)
        ]
        for box in boxes:
            box.picture = box.picture or self.choose_picture(f"{box.term}. {box.explanation}")
        return [*rows, *boxes]

    def _point(self, group: list[str], start, end, note: str) -> Point:
        return Point(
            sentences=group,
            picture=self.choose_picture(main_clause(group[0])),
            needs_attention=bool(note),
            attention_note=note,
            source_start=start,
            source_end=end,
        )

    def facts(self, pairs: list[tuple[str, str]], offset: int, end: int) -> list[Item]:
        """The writer's "Label: value" lines ("Report to: Cabinet"): numbers and hard words
        made easy as in a heading, the label in bold; one row, never cut."""
        lines, boxes = [], []
        for label, value in pairs:
            plain_label, label_boxes = self.heading(label)
            plain_value, value_boxes = self.heading(value)
            lines.append(f"**{plain_label}:** {plain_value}")
            boxes += [*label_boxes, *value_boxes]
        return [Point(lines, None, source_start=offset, source_end=end, fact=True), *boxes]

    def label(self, text: str, start: int, end: int) -> list[Item]:
        """A list item's own bold name ("Expanding reablement"): a row of its own, in bold,
        not a sentence."""
        plain, boxes = self.heading(text.strip().rstrip(".:"))
        return [
            Point([f"**{plain}**"], None, source_start=start, source_end=end, fact=True),
            *boxes,
        ]

    def _untouched(self, text: str, offset: int, note: str) -> Point:
        stripped = text.strip()
        start = offset + text.index(stripped)
        return Point([stripped], None, False, True, note, start, start + len(stripped))

    def _table(self, text: str, offset: int) -> list[Item]:
        rows: list[Item] = []
        position = 0
        for line in text.splitlines(keepends=True):
            here, position = position, position + len(line)
            if not line.strip() or (_TABLE_RULE.match(line) and "-" in line):
                continue
            if _TABLE_ROW.match(line):
                cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                note = "A table: please check this row by hand."
                point = self._untouched(" | ".join(cells), offset + here, note)
                rows.append(point)
            else:
                rows.extend(self.paragraph(line, offset + here))
        return rows


_CLAUSE_END = re.compile(
    r",\s|:\s|;\s|\s(?:that|which|who|when|where|because|if|until|unless|while|whether|"
    r"so that|although)\s",
    re.IGNORECASE,
)


def main_clause(sentence: str) -> str:
    """The words a row's picture is chosen from (DN-06): its first sentence up to the first
    joining word, so "It would be premature ... through the winter" gets no snowflake."""
    match = _CLAUSE_END.search(sentence)
    return sentence[: match.start()] if match and match.start() > 0 else sentence


def simpler_sentence(text: str) -> str:
    """Meta-comments dropped, passives made active and offers said to "you", if still a sentence."""
    simpler = speak_to_reader(passive_to_active(drop_meta_comment(text)))
    return simpler if simpler == text or is_sound(simpler) else text


def _undo_harm(whole: str, short: list[str], list_item: bool) -> tuple[list[str], str]:
    """DN-01: if a cut left a line that is not a sentence, keep the sentence whole and say why."""
    failing = line_problems(short, first_is_item=list_item)
    if failing and len(short) > 1:
        line, reasons = failing[0]
        return [whole], (
            f'We could not cut this sentence safely ("{visible_text(line)}" {reasons[0]}): '
            "please shorten it by hand."
        )
    if failing:
        return short, f"This is not a full sentence ({failing[0][1][0]}): please check it."
    return short, ""


def _covering_sentences(text: str) -> list[Span]:
    """Sentences that together cover every non-space character (nothing lost)."""
    found = sentences(text)
    covered: list[Span] = []
    last = 0
    for span in found:
        gap = text[last : span.start]
        if gap.strip() and covered:
            prev = covered.pop()
            covered.append(Span(text[prev.start : span.start].strip(), prev.start, span.start))
        elif gap.strip():
            span = Span(text[last : span.end].strip(), last, span.end)
        covered.append(span)
        last = span.end
    tail = text[last:]
    if tail.strip():
        if covered:
            prev = covered.pop()
            covered.append(Span(text[prev.start :].strip(), prev.start, len(text)))
        else:
            covered.append(Span(tail.strip(), last, len(text)))
    return covered


def _rows_of(short: list[str]) -> list[list[str]]:
    """At most three sentences to a row (ER-03); a long list becomes rows of two."""
    if len(short) <= ROW_SENTENCES:
        return [short]
    return [short[i : i + 2] for i in range(0, len(short), 2)]


def simplify_text(
    text: str, terms: Iterable[Term] = (), choose_picture: PicturePicker | None = None
) -> list[Item]:
    """Easy-read rows for some plain text (paragraphs separated by blank lines)."""
    simplifier = Simplifier(terms, choose_picture)
    items: list[Item] = []
    for block in blocks(text):
        items.extend(simplifier.paragraph(block.text, block.start))
    return items


def blocks(text: str) -> list[Span]:
    """Paragraphs split at blank lines, keeping blocks with no letters (emoji, numbers)."""
    return [
        Span(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
        for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text)
        if m.group().strip()
    ]
