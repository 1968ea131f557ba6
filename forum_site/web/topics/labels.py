"""The words for topics: stages in plain words for easy read, pressures, timeline entries.

Stage names and influence levels come from the meetings area's labels, so every page
uses the same words for the same stage."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from forum_site.dates import day_and_date
from forum_site.models import PressureKind, Source
from forum_site.models.meetings import CycleStage
from forum_site.vocabulary.cycle import EASY_STAGES
from forum_site.vocabulary.meetings import INFLUENCE_PICTURES
from forum_site.web.meetings.labels import INFLUENCE, STAGES

__all__ = [
    "EASY_STAGES",
    "INFLUENCE",
    "INFLUENCE_PICTURES",
    "PRESSURES",
    "STAGES",
    "STAGE_ORDER",
    "stage_number",
]

STAGE_ORDER = list(CycleStage)

# Easy read: a picture for each way people told us (words the picture matcher knows).
ROUTE_PICTURES = {
    Source.ONLINE: "computer",
    Source.PAPER_FORM: "paper",
    Source.AT_MEETING: "meeting",
    Source.PHONE_CALL: "phone",
    Source.OTHER: "talk",
}

PRESSURES = {
    PressureKind.NATIONAL_POLICY: _l("National policy"),
    PressureKind.LOCAL_POLITICS: _l("Local politics"),
    PressureKind.MONEY: _l("Money"),
    PressureKind.OTHER: _l("Something else"),
}


def stage_number(stage: CycleStage | None) -> int | None:
    return list(CycleStage).index(CycleStage(stage)) + 1 if stage else None


def day(value) -> str:
    """A date (not a moment) in the reader's language: "Tuesday 1 December 2026"."""
    return day_and_date(value)
