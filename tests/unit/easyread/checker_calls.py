"""Small helpers shared by the checker tests."""

from easyread.checker import check

_EASY_WORDS = [
    "we",
    "will",
    "talk",
    "with",
    "people",
    "about",
    "the",
    "new",
    "plan",
    "for",
    "our",
    "town",
    "this",
    "year",
]


def sentence_of(n: int) -> str:
    """A plain sentence of exactly n common words."""
    chosen = [_EASY_WORDS[i % len(_EASY_WORDS)] for i in range(n)]
    return " ".join(chosen).capitalize() + "."


def kinds(text: str, level: str = "standard", **kwargs) -> list[str]:
    return [f.kind for f in check(text, level=level, **kwargs).findings]


def found(text: str, kind: str, level: str = "standard", **kwargs):
    """The findings of one kind, checking that every span is exact."""
    report = check(text, level=level, **kwargs)
    for finding in report.findings:
        assert finding.text == text[finding.start : finding.end]
    return [f for f in report.findings if f.kind == kind]
