"""Who made a decision."""

from __future__ import annotations

from forum_site.models.decisions import DecisionMaker
from forum_site.words import _l

DECISION_MAKERS = {
    DecisionMaker.OFFICER: _l("An officer (a member of staff)"),
    DecisionMaker.CABINET: _l("The council's cabinet"),
    DecisionMaker.BOARD: _l("A board"),
    DecisionMaker.OTHER: _l("Someone else"),
}
