"""A contribution's status and outcome, where it came from, and who can see it."""

from __future__ import annotations

from forum_site.models.contributions import Source, Status, Visibility
from forum_site.words import _l

# The status as a label (forms, lists, the answer timeline).
STATUS_LABELS = {
    Status.RECEIVED: _l("Received"),
    Status.CONSIDERING: _l("Being considered"),
    Status.CHANGED: _l("Changed something"),
    Status.PARTLY: _l("Partly"),
    Status.NOT_TAKEN_FORWARD: _l("Not taken forward"),
    Status.ALREADY_HAPPENING: _l("Already happening"),
}
# The status inside a sentence ("Where it is now: being considered.").
STATUS_IN_A_SENTENCE = {
    Status.RECEIVED: _l("received"),
    Status.CONSIDERING: _l("being considered"),
    Status.CHANGED: _l("changed something"),
    Status.PARTLY: _l("partly"),
    Status.NOT_TAKEN_FORWARD: _l("not taken forward"),
    Status.ALREADY_HAPPENING: _l("already happening"),
}
# The status in easy read: one short sentence each.
STATUS_IN_EASY_READ = {
    Status.CONSIDERING: _l("We are thinking about it."),
    Status.CHANGED: _l("It changed something."),
    Status.PARTLY: _l("It changed some things."),
    Status.NOT_TAKEN_FORWARD: _l("We cannot do it. We say why."),
    Status.ALREADY_HAPPENING: _l("This is happening already."),
}
# An outcome as the heading of a "you said, we did" group (printed).
OUTCOME_HEADINGS = {
    Status.CHANGED: _l("This changed what happens."),
    Status.PARTLY: _l("This changed some things."),
    Status.NOT_TAKEN_FORWARD: _l("We did not do this, and we said why."),
    Status.ALREADY_HAPPENING: _l("This was already happening."),
}
STATUS_CLASSES = {
    Status.RECEIVED: "status-received",
    Status.CONSIDERING: "status-considering",
    Status.CHANGED: "status-changed",
    Status.PARTLY: "status-partly",
    Status.NOT_TAKEN_FORWARD: "status-not-taken",
    Status.ALREADY_HAPPENING: "status-already",
}
STATUS_PICTURES = {
    Status.RECEIVED: "letter",
    Status.CONSIDERING: "decision",
    Status.CHANGED: "improve",
    Status.PARTLY: "yes",
    Status.NOT_TAKEN_FORWARD: "problem",
    Status.ALREADY_HAPPENING: "good",
}
# How a contribution typed in by the convenor reached them (the form's choices).
SOURCE_CHOICES = {
    Source.PAPER_FORM: _l("A paper form"),
    Source.AT_MEETING: _l("Said at the meeting"),
    Source.PHONE_CALL: _l("A phone call"),
    Source.OTHER: _l("Another way"),
}
# Where a contribution came from, shown beside it.
SOURCE_LABELS = {
    Source.ONLINE: _l("Sent on this site"),
    Source.PAPER_FORM: _l("From a paper form"),
    Source.AT_MEETING: _l("Said at the meeting"),
    Source.PHONE_CALL: _l("From a phone call"),
    Source.OTHER: _l("Passed on another way"),
}
VISIBILITY_NOTES = {
    Visibility.SHARED: "",
    Visibility.ANONYMOUS: _l("Anonymous to commissioners"),
    Visibility.PRIVATE: _l("Private to the convenor"),
}
