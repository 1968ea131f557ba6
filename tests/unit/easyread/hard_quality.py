"""Measures of easy-read output on the hard corpus (issue 13), per passage.

    python -m tests.unit.easyread.hard_quality [tuning|held_out|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|all]

prints one line per passage. The checks here are kept apart from the renderer:
the number check has its own parser, and the broken-sentence count adds fixed
patterns of its own (fillers, doubled plurals, "none" for 0%) to the guard's test.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from easyread import guard
from easyread.builders import build_briefing
from easyread.glossary import default_terms
from easyread.model import Document, HardWordBox, Point, visible_text, word_count
from easyread.readability import scores
from easyread.terms import plural_of


def _set_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


HARD = Path(__file__).with_name("hard_corpus")
_DIGITS = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)", re.IGNORECASE)
_SHARE = re.compile(r"(\d+) in every (\d+)")
_FILLER = re.compile(r"^(?:This|It)\s+(?:is|was)\s+(?:by|in|at|on|for|with|from|of|as)\b")
_DOUBLED = re.compile(r"\b\w+(?:iess|ss’|s’s)\b|\bauthorityes\b")
_PASSIVE_END = re.compile(
    r"\b(?:be|been|being|is|are|was|were|get|got)\s+\w+(?:ed|en)\s+"
    r"(?:to|for|with|about|after|on|of|at|in|from)\.?$",
    re.IGNORECASE,
)
_END_WORDS = _set_of("a an the of and or but to for from with by in on at as")
# "since the new system came in.": "in" finishes the verb, it does not lose an object.
_PARTICLE_END = re.compile(
    r"\b(?:\w+ed|came|come|comes|went|go|goes|set|sets|got|kept|brought|join|joins|move|"
    r"moves|kick|kicks|phase|phases|step|steps)\s+in\.?$",
    re.IGNORECASE,
)


def passages(part: str = "all") -> list[Path]:
    parts = (
        ["tuning", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6"]
        if part == "all"
        else [part]
    )
    return sorted(p for name in parts for p in (HARD / name).glob("*.md"))


def annotations(path: Path) -> dict:
    data = tomllib.loads((path.parent / "annotations.toml").read_text(encoding="utf-8"))
    return data.get(path.stem, {})


def point_lines(document: Document) -> list[tuple[str, bool]]:
    """Every sentence in a row, with whether its row is marked for a person (the writer's
    "Label: value" facts are not sentences and are not counted)."""
    return [
        (s, item.needs_attention)
        for item in document.all_items()
        if isinstance(item, Point) and not item.fact
        for s in item.sentences
    ]


def broken(document: Document, source: str) -> list[str]:
    """Output lines that are not trustworthy sentences (DN-01/02/03), flagged rows included."""
    lines = [s for s, _ in point_lines(document)]
    failing = [line for line, _ in guard.line_problems(lines)]
    for line in lines:
        text = visible_text(line).strip()
        last = re.findall(r"[\w’']+", text)[-1:] or [""]
        so_on = text.lower().rstrip(".").endswith("and so on")
        passive = _PASSIVE_END.search(text) or _PARTICLE_END.search(text)  # whole
        dangling = last[0].lower() in _END_WORDS and not (text.endswith(":") or so_on or passive)
        if _FILLER.match(text) or _DOUBLED.search(text) or dangling:
            failing.append(line)
    if re.search(r"\b0\s?(?:%|per ?cent)", source) and re.search(r"\bnone\b", output(document)):
        failing.append("0% became none")
    return sorted(set(failing))


def output(document: Document) -> str:
    parts = [document.title]
    for section in document.sections:
        parts.append(section.heading)
        for item in section.items:
            parts.extend(getattr(item, "sentences", []))
            for name in ("number", "value", "sentence", "explanation"):
                if getattr(item, name, None):
                    parts.append(getattr(item, name))
    return "\n".join(visible_text(p) for p in parts)


def lost_numbers(source: str, document: Document) -> list[str]:
    """Numbers of the source missing from the output; percentages as % or as a share."""
    out = output(document)
    found = {m.group() for m in _DIGITS.finditer(out)}
    percents = {Fraction(m.group(1)) for m in _PERCENT.finditer(out)}
    shares = {Fraction(int(a), int(b)) * 100 for a, b in _SHARE.findall(out)}
    lost = []
    for match in _PERCENT.finditer(source):
        value = Fraction(match.group(1))
        if value not in percents and not any(abs(value - s) <= Fraction(1, 2) for s in shares):
            lost.append(match.group())
    rest = _PERCENT.sub(" ", source)
    rest = re.sub(r"£(\d+(?:\.\d+)?)m\b", r"£\1 million", rest)
    lost += [d for d in sorted({m.group() for m in _DIGITS.finditer(rest)}) if d not in found]
    return lost


def grade(document: Document) -> float:
    lines = [s for s, _ in point_lines(document)]
    lines += [b.explanation for b in document.all_items() if isinstance(b, HardWordBox)]
    text = "\n".join(visible_text(s).rstrip(":") + ("" if s.endswith(".") else ".") for s in lines)
    return scores(text).flesch_kincaid_grade or 0.0


@dataclass
class PassageReport:
    name: str
    words: int
    broken: list[str]
    sentences: int
    short_or_flagged: int
    flagged_rows: int
    fk_grade: float
    numbers_lost: list[str]
    short: int = 0
    titles_not_in_text: tuple[str, ...] = ()

    @property
    def share_short(self) -> float:
        """Sentences really 15 words or fewer, flagged or not."""
        return self.short / max(1, self.sentences)

    @property
    def broken_per_400(self) -> float:
        return len(self.broken) * 400 / self.words

    @property
    def share_ok(self) -> float:
        return self.short_or_flagged / max(1, self.sentences)


def measure(path: Path, terms=None) -> PassageReport:
    source = path.read_text(encoding="utf-8")
    document = build_briefing(source, terms=default_terms() if terms is None else terms)
    lines = point_lines(document)
    ok = sum(1 for s, flagged in lines if flagged or word_count(s) <= 15)
    rows = [i for i in document.all_items() if isinstance(i, Point) and i.needs_attention]
    return PassageReport(
        name=path.stem,
        words=len(source.split()),
        broken=broken(document, source),
        sentences=len(lines),
        short_or_flagged=ok,
        flagged_rows=len(rows),
        fk_grade=grade(document),
        numbers_lost=lost_numbers(source, document),
        short=sum(1 for s, _ in lines if word_count(s) <= 15),
        titles_not_in_text=titles_not_in_text(source, document),
    )


def titles_not_in_text(source: str, document: Document) -> tuple[str, ...]:
    """Hard-word box titles the source never uses (DN-05: the word as it appears)."""
    lower = " ".join(source.lower().split())
    return tuple(
        box.term
        for box in document.all_items()
        if isinstance(box, HardWordBox)
        and not {box.term.lower(), plural_of(box.term.lower())} & _phrases_in(lower)
    )


def _phrases_in(lower: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", lower)
    return {" ".join(words[i : i + n]) for n in range(1, 7) for i in range(len(words))}


def main(part: str = "all") -> None:
    print(f"{'passage':34} words broken/400 ok%   short% flagged FK   bad-titles numbers-lost")
    for path in passages(part):
        r = measure(path)
        print(
            f"{r.name:34} {r.words:5} {r.broken_per_400:6.2f} {r.share_ok * 100:6.1f} "
            f"{r.share_short * 100:6.1f} {r.flagged_rows:5} {r.fk_grade:5.1f} "
            f"{len(r.titles_not_in_text):5}      {','.join(r.numbers_lost) or '-'}"
        )


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["all"]))
