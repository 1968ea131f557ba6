"""What every check shares: the finding record and the document being checked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cached_property

from easyread.glossary import Term
from easyread.rules import RULES
from easyread.text import Span, paragraphs, sentences, words

STANDARD = "standard"
EASY = "easy"
LEVELS = (STANDARD, EASY)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a writer could improve, at an exact place in their text.

    ``start``/``end`` are character offsets into the text that was checked and
    ``text`` is exactly ``checked_text[start:end]`` (empty for findings about the
    whole document). ``term`` is the glossary slug for jargon and initials.
    """

    rule_id: str
    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None
    severity: str
    term: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


# Links, addresses, code and tags are not prose: we blank them out (keeping every
# offset) so that "https" is not a rare word and "example.org." does not end a sentence.
_NOT_PROSE = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # Markdown link target
    r"|<[^>\n]{1,300}>"  # HTML tag or <autolink>
    r"|`[^`\n]*`"  # inline code
    r"|\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"  # bare address
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email address
)


def mask_non_prose(text: str) -> str:
    """Text with links, addresses, code and tags replaced by spaces (same length)."""
    return _NOT_PROSE.sub(_blank, text)


def _blank(match: re.Match) -> str:
    piece = match.group(0)
    if piece.startswith("]("):
        return "]" + " " * (len(piece) - 1)
    return " " * len(piece)


@dataclass
class Document:
    """The text being checked, split once and shared by every check."""

    text: str
    level: str
    terms: tuple[Term, ...]
    explained: frozenset[str]
    prose: str = field(init=False)

    def __post_init__(self) -> None:
        self.prose = mask_non_prose(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return [self.span(s.start, s.end) for s in sentences(self.prose)]

    @cached_property
    def words(self) -> list[Span]:
        return words(self.prose)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return [self.span(p.start, p.end) for p in paragraphs(self.prose)]

    @property
    def easy(self) -> bool:
        return self.level == EASY

    def span(self, start: int, end: int) -> Span:
        """A span of the writer's original text."""
        return Span(self.text[start:end], start, end)

    def words_in(self, span: Span) -> list[Span]:
        return words(self.prose[span.start : span.end], span.start)

    def is_explained(self, *names: str) -> bool:
        """True when the writer has explained, or chosen to keep, any of these names."""
        return any(normalise(n) in self.explained for n in names if n)

    def finding(
        self,
        rule_id: str,
        kind: str,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        severity: str | None = None,
        term: str | None = None,
    ) -> Finding:
        return Finding(
            rule_id=rule_id,
            kind=kind,
            start=start,
            end=end,
            text=self.text[start:end],
            message=" ".join(message.split()),
            suggestion=" ".join(suggestion.split()) if suggestion else suggestion,
            severity=severity or RULES[rule_id].severity,
            term=term,
        )


def normalise(name: str) -> str:
    """Compare names without caring about case, curly apostrophes or spacing."""
    return " ".join(name.replace("’", "'").replace("‐", "-").lower().split())


def normalised_set(names: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise(n) for n in names if n and n.strip())


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
