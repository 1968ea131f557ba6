"""The words members see for each fixed choice, and the commissioning-cycle picture.

Kept in one place so the page, the forms, the easy-read version and the tests all use
the same plain words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from easyread.pictures import alt_text, svg_markup
from forum_site.models.meetings import AccessAnswer, CycleStage, InfluenceLevel, ReplyAnswer

INFLUENCE = {
    InfluenceLevel.TELLING: (
        _l("We are telling you"),
        _l(
            "The decision has already been made. We are explaining it so you know what will happen."
        ),
    ),
    InfluenceLevel.VIEWS: (
        _l("We want your views"),
        _l(
            "We will listen to what you say and think about it. Someone else makes the final decision."
        ),
    ),
    InfluenceLevel.DECIDE_TOGETHER: (
        _l("We will decide together"),
        _l("Members and the organisers make the decision together, as equals."),
    ),
    InfluenceLevel.YOU_DECIDE: (
        _l("You decide"),
        _l("Members make the decision. The organisers have agreed to do what you choose."),
    ),
}

STAGES = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l("Agree a framework for involvement"),
    CycleStage.OPERATING_CONTEXT: _l("Operating context"),
    CycleStage.NEEDS_ASSESSMENT: _l("Needs assessment"),
    CycleStage.OVERALL_BUDGET: _l("Overall budget"),
    CycleStage.STRATEGIC_FRAMEWORK: _l("Strategic framework"),
    CycleStage.TEST_AND_REFINE: _l("Test and refine"),
    CycleStage.AGREE_PRIORITIES: _l("Agree priorities"),
    CycleStage.DECISION_POINT: _l("Decision point"),
    CycleStage.PROCUREMENT: _l("Procurement (buying services)"),
    CycleStage.IMPLEMENTATION: _l("Implementation (putting it in place)"),
    CycleStage.MONITORING: _l("Monitoring and evaluation"),
    CycleStage.REVIEW: _l("Review"),
}

ACCESS_ANSWERS = {
    AccessAnswer.YES: _l("Yes"),
    AccessAnswer.NO: _l("No"),
    AccessAnswer.NOT_KNOWN: _l("Not checked yet"),
}

ACCESS_FEATURES = [
    ("step_free", _l("Step-free access")),
    ("hearing_loop", _l("Hearing loop")),
    ("accessible_toilet", _l("Accessible toilet")),
    ("quiet_room", _l("Quiet room")),
    ("parking", _l("Parking")),
]

REPLY_ANSWERS = {
    ReplyAnswer.GOING: _l("Going"),
    ReplyAnswer.MAYBE: _l("Maybe"),
    ReplyAnswer.NOT_GOING: _l("Not going"),
}

NEEDS = {
    "bsl_interpreter": _l("British Sign Language (BSL) interpreter"),
    "other_interpreter": _l("Another interpreter"),
    "easy_read_papers": _l("Easy-read papers"),
    "large_print": _l("Large print papers"),
    "support_worker": _l("A support worker coming too"),
    "hearing_loop": _l("Hearing loop"),
    "language": _l("Papers or an interpreter in another language"),
    "other_needs": _l("Something else"),
}

SCALE = {
    3: (_l("Yes"), "fe-smiling-face-with-smiling-eyes"),
    2: (_l("Partly"), "fe-slightly-smiling-face"),
    1: (_l("No"), "fe-frowning-face"),
}

_SVG_ID = re.compile(r'\b(id="|url\(#|href="#)([^")]+)')


def picture(picture_id: str, suffix: str) -> Markup:
    """A bundled picture as decorative inline SVG (the words beside it carry the meaning)."""
    svg = svg_markup(picture_id)
    if not svg:
        return Markup("")
    svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}-{suffix}", svg)
    opening = '<svg class="picture" aria-hidden="true" focusable="false" '
    return Markup(svg.replace("<svg ", opening, 1))


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
