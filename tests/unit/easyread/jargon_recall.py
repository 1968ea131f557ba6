"""How much of the jargon a person marked the checker catches, and how often it
flags words nobody marked (issue 13: goal 90% caught, at most 5% false alarms).

    python -m tests.unit.easyread.jargon_recall [tuning|held_out|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|all]

The marks are in each folder's annotations.toml. A marked phrase is caught when any
word-level finding covers part of any place the phrase appears (the checker flags the
first use of a word only). A false alarm is a word-level finding that covers no marked
phrase; we report them as a share of all word-level findings and of the plain words.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from easyread.checker import check
from easyread.checks.base import STANDARD, Document

HARD = Path(__file__).with_name("hard_corpus")
PARTS = ("tuning", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
WORD_KINDS = frozenset(
    {
        "jargon",
        "council_word",
        "initials",
        "short_form",
        "rare_word",
        "wordy_phrase",
        "style",
        "idiom",
    }
)


@dataclass(frozen=True)
class JargonScore:
    name: str
    marked: int
    missed: tuple[str, ...]
    findings: int
    false_alarms: tuple[str, ...]
    plain_words: int

    @property
    def caught_share(self) -> float:
        return (self.marked - len(self.missed)) / self.marked if self.marked else 1.0

    @property
    def false_alarm_share(self) -> float:
        return len(self.false_alarms) / self.findings if self.findings else 0.0

    @property
    def plain_words_flagged(self) -> float:
        return len(self.false_alarms) / self.plain_words if self.plain_words else 0.0


def passages(part: str = "all") -> list[Path]:
    parts = PARTS if part == "all" else (part,)
    found = []
    for name in parts:
        marks = HARD / name / "annotations.toml"
        if marks.exists():
            marked = tomllib.loads(marks.read_text(encoding="utf-8"))
            found += [p for p in sorted((HARD / name).glob("*.md")) if p.stem in marked]
    return found


def marked_phrases(path: Path) -> list[str]:
    data = tomllib.loads((path.parent / "annotations.toml").read_text(encoding="utf-8"))
    return list(data[path.stem]["jargon"])


def places(phrase: str, text: str) -> list[tuple[int, int]]:
    words = [re.escape(w) for w in phrase.split()]
    pattern = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w])"
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def measure(path: Path) -> JargonScore:
    text = path.read_text(encoding="utf-8")
    marks = marked_phrases(path)
    spans = [(f.start, f.end, f.text) for f in check(text).findings if f.kind in WORD_KINDS]
    marked_places = {phrase: places(phrase, text) for phrase in marks}
    unfound = [phrase for phrase, where in marked_places.items() if not where]
    if unfound:
        raise ValueError(f"{path.name}: marked phrases not in the text: {unfound}")
    every_place = [span for where in marked_places.values() for span in where]
    missed = tuple(
        phrase
        for phrase, where in marked_places.items()
        if not any(_overlap(span, (s, e)) for span in where for s, e, _ in spans)
    )
    false = tuple(t for s, e, t in spans if not any(_overlap((s, e), p) for p in every_place))
    words = Document(text, STANDARD, (), frozenset()).words
    plain = sum(1 for w in words if not any(_overlap((w.start, w.end), p) for p in every_place))
    return JargonScore(path.stem, len(marks), missed, len(spans), false, plain)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(part: str = "all") -> None:
    total_marked = total_missed = total_findings = total_false = total_plain = 0
    for path in passages(part):
        score = measure(path)
        total_marked += score.marked
        total_missed += len(score.missed)
        total_findings += score.findings
        total_false += len(score.false_alarms)
        total_plain += score.plain_words
        print(
            f"{score.name:38} caught {score.caught_share:6.1%} of {score.marked:3}  "
            f"false alarms {len(score.false_alarms):2}/{score.findings:3} findings "
            f"({score.plain_words_flagged:.1%} of plain words)"
        )
        print(f"    missed: {', '.join(score.missed) or '-'}")
        print(f"    false:  {', '.join(score.false_alarms) or '-'}")
    if total_marked:
        print(
            f"ALL caught {(total_marked - total_missed) / total_marked:.1%} of {total_marked}; "
            f"false alarms {total_false}/{total_findings} findings "
            f"({total_false / max(total_plain, 1):.1%} of plain words)"
        )


if __name__ == "__main__":
    main(*sys.argv[1:2])
