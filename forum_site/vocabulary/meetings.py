"""Meetings: how much say members have, access at the venue, replies and what people need."""

from __future__ import annotations

from easyread.builders import INFLUENCE_LEVELS, influence_key
from forum_site.models.meetings import (
    AccessAnswer,
    ActionChange,
    ActionState,
    InfluenceLevel,
    ReplyAnswer,
)
from forum_site.words import _l

# Each influence level: its name, and what it means for members.
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

# The picture for each level: the concept the easy-read builders use for it, so "We want
# your views" is never a ballot box.
INFLUENCE_PICTURES = {level: INFLUENCE_LEVELS[influence_key(level)][1] for level in InfluenceLevel}

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

# A debrief action: where it has got to, and each step in its history.
ACTION_STATES = {
    ActionState.OPEN: _l("To do"),
    ActionState.DONE: _l("Done"),
    ActionState.DROPPED: _l("Dropped"),
}
ACTION_CHANGES = {
    ActionChange.DONE: _l("Marked done"),
    ActionChange.EDITED: _l("Changed"),
    ActionChange.DROPPED: _l("Dropped"),
}
