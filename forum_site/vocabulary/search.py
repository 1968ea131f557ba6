"""The kinds of thing search finds: as a choice ("look in"), as a tag on each result,
and the easy-read picture for each."""

from __future__ import annotations

from forum_site.models.search import SearchKind
from forum_site.words import _l

# "What to look in" on the search form.
KIND_CHOICES = {
    SearchKind.MEETING: _l("Meetings"),
    SearchKind.BRIEFING: _l("Briefings"),
    SearchKind.BUDGET: _l("Budgets"),
    SearchKind.TOPIC: _l("Topics"),
    SearchKind.CONTRIBUTION: _l("Points members made"),
    SearchKind.DECISION: _l("Decisions"),
    SearchKind.GLOSSARY: _l("Hard words"),
}
# The tag above each result.
KIND_TAGS = {
    SearchKind.MEETING: _l("A meeting"),
    SearchKind.BRIEFING: _l("A briefing"),
    SearchKind.BUDGET: _l("A budget"),
    SearchKind.TOPIC: _l("A commissioning topic"),
    SearchKind.CONTRIBUTION: _l("A point a member made"),
    SearchKind.DECISION: _l("A decision"),
    SearchKind.GLOSSARY: _l("A hard word explained"),
}
# Easy-read pictures (concepts in easyread/data/concepts.toml, or a menu picture name).
KIND_PICTURES = {
    SearchKind.MEETING: "meeting",
    SearchKind.BRIEFING: "read",
    SearchKind.BUDGET: "money",
    SearchKind.TOPIC: "information",
    SearchKind.CONTRIBUTION: "have your say",
    SearchKind.DECISION: "decision",
    SearchKind.GLOSSARY: "book",
}
