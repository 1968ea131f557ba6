"""The writer's "Label: value" lines: the front matter of a report ("**Report to:** Cabinet,
14 January", "Lead Member: ... . Key decision: yes.") and a figure after a paragraph
("Estimated saving: £1.4 million."). They are facts, not sentences: shown as written with
the label in bold, never cut or checked as sentences (DN-01 does not apply to a label).
"""

from __future__ import annotations

import re

from easyread.guard import has_subject_and_verb

# "**Report to:** Cabinet", "Date: 3 May 2027.": a label of a few words and its value.
_BOLD_FACT = re.compile(r"^\*\*([^*\n]{1,40}?):\*\*\s*([^\n]+?)\s*$")
_BOLD_FACT_OUTSIDE = re.compile(r"^\*\*([^*\n]{1,40}?)\*\*:\s*([^\n]+?)\s*$")
_PLAIN_FACT = re.compile(
    r"([A-Z][A-Za-z’' ]{1,30}):\s+((?:[^.:\n]|(?<=\d)[.:](?=\d))+?)(?:\.\s+|\.?$)"
)  # a value may hold "£1.4 million" or "10:30"


def facts_in(paragraph: str) -> list[tuple[str, str]]:
    """A paragraph that is only labels and values (the front matter of a report: "Report to:
    Cabinet", "Lead Member: ... . Key decision: yes."), as (label, value) pairs; else [].
    A value with a subject and verb is a sentence, and is left to the ordinary rows."""
    text = paragraph.strip()
    lines = text.splitlines()
    bold = [_BOLD_FACT.match(line) or _BOLD_FACT_OUTSIDE.match(line) for line in lines]
    if len(lines) > 1 and not all(bold):
        return []  # lines one under another are facts only when each is "**Label:** value"
    found = bold[0] if all(bold) else None
    if found:
        pairs = [(m.group(1).strip(), m.group(2).strip()) for m in bold]
    else:
        matches = list(_PLAIN_FACT.finditer(text))
        covered = "".join(m.group() for m in matches).strip()
        if not matches or covered != text:
            return []
        pairs = [(m.group(1).strip(), m.group(2).strip()) for m in matches]
    for label, value in pairs:
        words = len(label.split())
        if words > 5 or (not found and words > 2 and has_subject_and_verb(label + ".")):
            return []  # "Two things matter most: money and time." is a sentence
        if _a_sentence(value, bold=bool(found)):
            return []
    return pairs


def _a_sentence(value: str, bold: bool) -> bool:
    """After a bold label a value is a sentence only when it ends like one ("**Note:** We
    will meet at 2pm."); "**Present:** Cllr Okafor (Chair)" is a list of names."""
    if bold and not value.rstrip().endswith((".", "!", "?")):
        return False
    return has_subject_and_verb(value)
