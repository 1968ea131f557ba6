"""Running the plain-language checker on a briefing and deciding what blocks publishing.

The checker itself lives in easyread (pure Python). Here we feed it the glossary from
the database and the words this writer has explained or chosen to keep, and turn its
findings into marks in a preview so each finding can point at its place in the text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import unescape

import nh3
from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from easyread.checker import Report, check
from easyread.checks.base import normalise
from easyread.rules import MUST_FIX
from forum_site.models.briefings import MAX_BODY_CHARACTERS
from forum_site.services import glossary
from forum_site.text import clean_text

# Finding kinds that stop a briefing being published until explained or kept.
BLOCKING_KINDS = ("jargon", "initials")

_HTML_HINT = re.compile(
    r"<\s*/?\s*(?:p|div|span|br|b|i|u|strong|em|font|o:p|script|style|table|td|tr|li|ul|ol|"
    r"h[1-6]|a|meta|html|body|head|xml)\b[^>]*>|mso-|<!--\[if",
    re.IGNORECASE,
)
_BLOCK_END = re.compile(r"<\s*(?:/p|/div|/li|/h[1-6]|br\s*/?|/tr)\s*>", re.IGNORECASE)
# Invisible characters that can hide or reorder text: bidi overrides, zero-width spaces.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


@dataclass(frozen=True)
class TidiedText:
    text: str
    notes: tuple[str, ...] = ()


def tidy_pasted(text: str) -> TidiedText:
    """Take out pasted web or Word formatting and hidden characters, keeping every word."""
    notes = []
    if _HTML_HINT.search(text):
        text = _html_to_text(text)
        notes.append(
            "Your text had formatting from Word or a web page in it. We took the "
            "formatting out and kept the words. Please check it still reads well."
        )
    cleaned = clean_text(text)
    without_hidden = cleaned.translate(_INVISIBLE)
    if without_hidden != cleaned:
        notes.append("We removed some invisible characters that can hide or reorder text.")
    return TidiedText(unicodedata.normalize("NFC", without_hidden), tuple(notes))


def _html_to_text(html: str) -> str:
    html = re.sub(r"<!--.*?-->", "", html, flags=re.DOTALL)
    html = _BLOCK_END.sub("\n\n", html)
    stripped = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    text = unescape(stripped).replace("\xa0", " ")
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", text)


def too_long_message(text: str) -> str | None:
    if len(text) > MAX_BODY_CHARACTERS:
        return (
            f"The briefing is {len(text):,} characters long. The limit is "
            f"{MAX_BODY_CHARACTERS:,}. Please shorten it or split it into two briefings."
        )
    return None


def check_writing(session: Session, text: str, kept: set[str] = frozenset()) -> Report:
    """Findings for this text, leaving out words the writer has explained or kept."""
    return check(text, "standard", terms=glossary.terms(session), explained=kept)


def blocking(report: Report) -> list:
    """Unexplained jargon and initials, once per word: these stop publishing."""
    seen, found = set(), []
    for finding in report.findings:
        if finding.kind in BLOCKING_KINDS and finding.severity == MUST_FIX:
            key = term_key(finding)
            if key not in seen:
                seen.add(key)
                found.append(finding)
    return found


def term_key(finding) -> str:
    """How a kept word is stored: the glossary slug when there is one, else the words."""
    return normalise(finding.term or finding.text)


@dataclass(frozen=True)
class ShownFinding:
    number: int
    finding: object
    mark_id: str | None  # the <mark> in the preview this finding points at


def preview(text: str, report: Report) -> tuple[Markup, list[ShownFinding]]:
    """The writer's text with findings marked, and each finding with where its mark is.

    Marks cannot overlap, so a finding inside another's mark points at that mark."""
    marks: list[tuple[int, int, int]] = []
    shown = []
    for number, finding in enumerate(report.findings, start=1):
        mark = _mark_for(marks, finding, number)
        shown.append(ShownFinding(number, finding, f"finding-{mark}" if mark else None))
    return _marked(text, sorted(marks)), shown


def _mark_for(marks: list[tuple[int, int, int]], finding, number: int) -> int | None:
    if finding.end <= finding.start:
        return None
    for start, end, owner in marks:
        if finding.start < end and start < finding.end:
            return owner
    marks.append((finding.start, finding.end, number))
    return number


def _marked(text: str, marks: list[tuple[int, int, int]]) -> Markup:
    out, last = [], 0
    for start, end, number in marks:
        out.append(str(escape(text[last:start])))
        out.append(f'<mark id="finding-{number}">{escape(text[start:end])}</mark>')
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))
