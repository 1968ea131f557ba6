"""The plain-language checker: ``check(text)`` returns findings and summary scores.

Writers see every finding with its rule id (see :mod:`easyread.rules`), its
exact place in their text and, where we have one, a suggestion. We never give
a single pass or fail score (RULES.md PL-11); the web app only refuses to
publish while "must fix" findings remain unexplained.

Finding kinds (rule ids at standard / easy level):

- ``jargon``: a glossary term, first use only (PL-04)
- ``council_word``: a word about how councils and the NHS work, from our lexicon
  (PL-04 as a warning), first use only
- ``initials``: initials (acronyms) not spelled out the first time (PL-06 / ER-05)
- ``long_sentence`` (PL-01 / ER-01), ``long_paragraph`` (PL-01),
  ``average_sentence_length`` (ER-01), ``long_document`` (ER-12)
- ``rare_word``: first use of a word few people know (PL-05 / ER-04)
- ``passive_voice``: maybe passive (PL-07 / ER-07)
- ``wordy_phrase`` (PL-03) and ``style`` (PL-07): plainer swaps
- ``percentage`` (PL-09 / ER-06); easy read only: ``number_in_words``,
  ``time_or_date`` (ER-06), ``short_form`` (ER-05), ``joined_sentence`` (ER-02),
  ``negative_short_form`` and ``double_negative`` (ER-07)
- ``link_text``: "click here", "read more" (PL-10)
- ``idiom`` (PL-07): figures of speech, from the list the renderer shares
- ``disrespectful_wording`` (PL-08 / ER-15)
- ``reading_level``: advisory, about the whole text (PL-02 / ER-14); easy read
  only: ``common_words`` when under 95 in every 100 words are common (ER-04)

Findings about the whole text have ``start == end == 0`` and empty ``text``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from easyread.checks import council, jargon, numbers, sentences, wording
from easyread.checks.base import LEVELS, STANDARD, Document, Finding, normalised_set
from easyread.glossary import Term, as_terms
from easyread.readability import scores
from easyread.rules import MUST_FIX, SEVERITIES

__all__ = ["Finding", "Report", "add_check_command", "check"]

# When two word-level findings cover the same words, the writer sees the first kind here.
_WORD_KINDS = (
    "disrespectful_wording",
    "link_text",
    "short_form",
    "jargon",
    "council_word",
    "wordy_phrase",
    "style",
    "idiom",
    "rare_word",
)


@dataclass
class Report:
    """Everything the checker found, in text order, and the summary numbers."""

    level: str
    findings: list[Finding]
    summary: dict = field(default_factory=dict)

    @property
    def must_fix(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == MUST_FIX]

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "summary": self.summary,
            "findings": [f.as_dict() for f in self.findings],
        }


def check(
    text: str,
    level: str = STANDARD,
    terms: Iterable[Term] | None = None,
    explained: Iterable[str] = (),
) -> Report:
    """Check text for plain-language problems.

    ``level`` is "standard" (writers' briefings) or "easy" (easy-read rules).
    ``terms`` defaults to the shipped glossary. ``explained`` holds terms the
    writer has explained or chosen to keep; their findings are left out.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    doc = Document(text, level, as_terms(terms), normalised_set(explained))
    findings = _resolve_overlaps(_find_all(doc))
    summary_scores = scores(doc.prose, doc.sentences, doc.words, _jargon_spans(doc))
    findings += sentences.reading_level(doc, summary_scores)
    findings.sort(key=lambda f: (f.start, f.end, f.rule_id))
    return Report(level, findings, _summary(doc, summary_scores, findings))


def _find_all(doc: Document) -> list[Finding]:
    glossary_spans = jargon.glossary_spans(doc)
    found = [
        *jargon.jargon(doc, glossary_spans),
        *jargon.initials(doc),
        *sentences.sentence_length(doc),
        *sentences.paragraph_length(doc),
        *sentences.passive_voice(doc),
        *wording.wordy(doc),
        *wording.figures_of_speech(doc),
        *wording.respectful(doc),
        *wording.link_text(doc),
        *numbers.percentages(doc),
    ]
    covered = [(start, end) for start, end, _ in glossary_spans]
    lexicon_spans = council.spans(doc)
    # A long official name is flagged as one ("Patient Safety Incident Response
    # Framework"), not as the lexicon words inside it, unless the lexicon has all of it.
    whole = [(s, e) for s, e, _ in lexicon_spans]
    names = [(s, e) for s, e in council.named_spans(doc) if not council.inside_any(s, e, whole)]
    found += council.council_words(doc, lexicon_spans, covered + names)
    found += council.named_schemes(doc, covered + whole)
    covered += [(start, end) for start, end, _ in lexicon_spans]
    found += council.numbered_labels(doc, covered)
    found += council.capitalised_bodies(doc, covered)
    found += wording.rare_words(
        doc, covered + [(f.start, f.end) for f in found if f.kind in _WORD_KINDS]
    )
    if doc.easy:
        percent_spans = [(f.start, f.end) for f in found if f.kind == "percentage"]
        found += [
            *sentences.joining_words(doc),
            *sentences.negatives(doc),
            *sentences.document_length(doc),
            *wording.abbreviations(doc),
            *numbers.number_words(doc, percent_spans),
            *numbers.times_and_dates(doc),
        ]
    return found


def _jargon_spans(doc: Document) -> list[tuple[int, int]]:
    """Where glossary and lexicon words are: never counted as common words (ER-04)."""
    return sorted(
        [(s, e) for s, e, _ in jargon.glossary_spans(doc)]
        + [(s, e) for s, e, _ in council.spans(doc)]
    )


def _resolve_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep one word-level finding per stretch of words, by the order in _WORD_KINDS."""
    kept: list[Finding] = [f for f in found if f.kind not in _WORD_KINDS]
    taken: set[int] = set()  # character offsets already under a word-level finding
    word_level = sorted(
        (f for f in found if f.kind in _WORD_KINDS), key=lambda f: _WORD_KINDS.index(f.kind)
    )
    for finding in word_level:
        span = range(finding.start, finding.end)
        if any(offset in taken for offset in span):
            continue
        taken.update(span)
        kept.append(finding)
    return kept


def _summary(doc: Document, summary_scores, findings: list[Finding]) -> dict:
    by_severity = Counter(f.severity for f in findings)
    return {
        **summary_scores.as_dict(),
        "paragraphs": len(doc.paragraphs),
        "findings": len(findings),
        "by_kind": dict(sorted(Counter(f.kind for f in findings).items())),
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
    }


# ------------------------------------------------------------------ command line


def add_check_command(subparsers) -> argparse.ArgumentParser:
    """Add ``check FILE [--level easy] [--json]`` to the ``python -m easyread`` parser."""
    parser = subparsers.add_parser(
        "check",
        help="check a text file for plain-language problems",
        description="Check a text or Markdown file. Exit code 0: nothing must be fixed; "
        "1: there are 'must fix' findings; 2: the file could not be read.",
    )
    parser.add_argument("file", help='the file to check, or "-" to read standard input')
    parser.add_argument("--level", choices=LEVELS, default=STANDARD, help="rules to apply")
    parser.add_argument("--json", action="store_true", help="print findings and summary as JSON")
    parser.set_defaults(func=run_check_command)
    return parser


def run_check_command(args: argparse.Namespace) -> int:
    try:
        text = _read_input(args.file)
    except (OSError, UnicodeDecodeError) as error:
        print(f"Cannot read {args.file}: {_reason(error)}", file=sys.stderr)
        return 2
    report = check(text, level=args.level)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report, text, args.file))
    return 1 if report.must_fix else 0


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8")


def _reason(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file."
    if isinstance(error, IsADirectoryError):
        return "that is a folder, not a file."
    if isinstance(error, UnicodeDecodeError):
        return "it is not UTF-8 text."
    return error.strerror or str(error)


def format_report(report: Report, text: str, name: str = "-") -> str:
    """Findings as ``file:line:col: [rule] severity: message`` lines, then the summary."""
    lines = []
    for f in report.findings:
        line, col = line_and_column(text, f.start)
        lines.append(f"{name}:{line}:{col}: [{f.rule_id}] {f.severity}: {f.message}")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    lines.append(_summary_line(report))
    return "\n".join(lines)


def _summary_line(report: Report) -> str:
    s = report.summary
    counts = ", ".join(f"{sev}: {n}" for sev, n in s["by_severity"].items())
    parts = [f"{s['words']} words", f"{s['sentences']} sentences", counts]
    if s["flesch_reading_ease"] is not None:
        parts.append(f"reading ease {s['flesch_reading_ease']:.0f}")
        parts.append(f"grade {s['flesch_kincaid_grade']:.1f}")
        parts.append(f"{s['average_sentence_length']:.1f} words a sentence")
    if s["common_word_share"] is not None:
        parts.append(f"{s['common_word_share'] * 100:.0f} in every 100 words common")
    return "Summary: " + "; ".join(parts)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
