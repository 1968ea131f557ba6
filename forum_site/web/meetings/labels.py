"""The words members see for each fixed choice, and the commissioning-cycle picture.

Kept in one place so the page, the forms, the easy-read version and the tests all use
the same plain words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from easyread.pictures import alt_text
from forum_site.models.meetings import CycleStage, MeetingReply
from forum_site.services.meetings.replies import needs_of
from forum_site.vocabulary.cycle import STAGE_LABELS as STAGES
from forum_site.vocabulary.cycle import easy_where  # noqa: F401 (templates: meeting_labels)
from forum_site.vocabulary.meetings import (  # noqa: F401  (templates read them as meeting_labels)
    ACCESS_ANSWERS,
    ACCESS_FEATURES,
    ACTION_CHANGES,
    ACTION_STATES,
    INFLUENCE,
    NEEDS,
    REPLY_ANSWERS,
)
from forum_site.web.easy_read.pictures import picture_svg


def needs_asked(reply: MeetingReply) -> list[str]:
    """What a reply asks for, in words ("A BSL interpreter", "Another language: Somali")."""
    return [
        f"{NEEDS[key]}: {detail}" if detail else str(NEEDS[key]) for key, detail in needs_of(reply)
    ]


SCALE = {
    3: (_l("Yes"), "fe-smiling-face-with-smiling-eyes"),
    2: (_l("Partly"), "fe-slightly-smiling-face"),
    1: (_l("No"), "fe-frowning-face"),
}


def picture(picture_id: str) -> Markup:
    """A bundled picture as decoration (the words beside it carry the meaning)."""
    return picture_svg(picture_id, alt="", css_class="picture")


def picture_label(picture_id: str) -> str:
    return alt_text(picture_id)


@dataclass(frozen=True)
class CycleDot:
    number: int
    label: str
    x: float
    y: float
    current: bool


def cycle_dots(current: CycleStage | None, size: int = 320) -> list[CycleDot]:
    """Twelve stages round a circle, clockwise from the top, for the SVG picture."""
    centre, radius = size / 2, size / 2 - 34
    dots = []
    for index, stage in enumerate(CycleStage):
        angle = -math.pi / 2 + index * 2 * math.pi / len(CycleStage)
        dots.append(
            CycleDot(
                number=index + 1,
                label=str(STAGES[stage]),
                x=round(centre + radius * math.cos(angle), 1),
                y=round(centre + radius * math.sin(angle), 1),
                current=stage == current,
            )
        )
    return dots


def stage_number(stage: CycleStage | None) -> int | None:
    return list(CycleStage).index(stage) + 1 if stage else None


def escape_lines(text: str) -> Markup:
    """Plain text with its line breaks kept (addresses, joining details)."""
    return Markup("<br>").join(escape(line) for line in text.splitlines())
