"""Reading scores computed here, from our own syllable counts.

``textstat`` fetches NLTK data at run time, which fails on council networks
without internet, so the formulas live here (each is one line). Word
frequencies come from the ``wordfreq`` package, which ships its data.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from easyread.text import Span, sentences, syllables, words

COMMON_ZIPF = 4.0
EASY_WORDS_FILE = Path(__file__).with_name("data") / "easy_words.txt"

# Short joining words: not counted when we measure how many content words are common.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
        "my",
        "your",
        "his",
        "our",
        "their",
        "not",
        "no",
        "yes",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
    ]
)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a word is in English (Zipf scale: 3 is rare, 5 is very common)."""
    return zipf_frequency(word.lower().replace("’", "'"), "en")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """Our own list of words that are fine for readers even if word data rates them rare."""
    lines = EASY_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def is_common(word: str, threshold: float = COMMON_ZIPF) -> bool:
    """True when the word is frequent enough, or on our easy-word list.

    Hyphenated words count as common when every part is ("well-known").
    """
    lower = word.lower().replace("’", "'")
    if lower in easy_words():
        return True
    base = lower[:-2] if lower.endswith("'s") else lower
    parts = [p for p in base.split("-") if p]
    return bool(parts) and all(_best_zipf(p) >= threshold for p in parts)


def _best_zipf(word: str) -> float:
    """Zipf of the word, or of its plain form when an ending makes it look rarer ("closes")."""
    best = zipf(word)
    if best >= COMMON_ZIPF:
        return best
    return max([best, *(zipf(stem) for stem in _stems(word))])


def _stems(word: str) -> list[str]:
    stems = []
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems += [word[: -len(ending)] + r for r in replacements]
    return stems


_ENDINGS = (
    ("ies", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ied", ("y",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("ly", ("",)),
)


def flesch_reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float | None:
    if not n_words or not n_sentences:
        return None
    return 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)


def flesch_kincaid_grade(n_words: int, n_sentences: int, n_syllables: int) -> float | None:
    if not n_words or not n_sentences:
        return None
    return 0.39 * (n_words / n_sentences) + 11.8 * (n_syllables / n_words) - 15.59


@dataclass(frozen=True, slots=True)
class Scores:
    """Numbers that describe how hard a text is; a guide for writers, never a pass mark."""

    words: int
    sentences: int
    syllables: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    average_sentence_length: float | None
    common_word_share: float | None

    def as_dict(self) -> dict:
        return {k: (round(v, 1) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def scores(
    text: str,
    sentence_spans: list[Span] | None = None,
    word_spans: list[Span] | None = None,
    jargon: list[tuple[int, int]] = (),
) -> Scores:
    """Reading scores for text; pass spans you already have to avoid splitting twice.

    Words inside ``jargon`` spans (glossary or lexicon words) never count as common,
    however often they appear in general text ("provider", "capacity")."""
    sentence_spans = sentences(text) if sentence_spans is None else sentence_spans
    word_spans = words(text) if word_spans is None else word_spans
    n_words, n_sentences = len(word_spans), len(sentence_spans)
    n_syllables = sum(syllables(w.text) for w in word_spans)
    return Scores(
        words=n_words,
        sentences=n_sentences,
        syllables=n_syllables,
        flesch_reading_ease=flesch_reading_ease(n_words, n_sentences, n_syllables),
        flesch_kincaid_grade=flesch_kincaid_grade(n_words, n_sentences, n_syllables),
        average_sentence_length=(n_words / n_sentences) if n_sentences else None,
        common_word_share=common_word_share(word_spans, jargon),
    )


def content_words(word_spans: list[Span]) -> list[Span]:
    """Words that carry meaning: not numbers and not short joining words."""
    return [
        w
        for w in word_spans
        if not any(c.isdigit() for c in w.text) and w.text.lower() not in FUNCTION_WORDS
    ]


def common_word_share(word_spans: list[Span], jargon: list[tuple[int, int]] = ()) -> float | None:
    """Share (0 to 1) of content words that are common: Zipf 4.0 or more, or on our list,
    and not part of a jargon span."""
    content = content_words(word_spans)
    if not content:
        return None
    starts = [s for s, _ in jargon]

    def in_jargon(word: Span) -> bool:
        index = bisect.bisect_right(starts, word.start) - 1
        return index >= 0 and word.end <= jargon[index][1]

    return sum(1 for w in content if is_common(w.text) and not in_jargon(w)) / len(content)
