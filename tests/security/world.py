"""The demo site plus marker strings in its private forum, for the security suite.

The demo has every kind of object (forums public and private, meetings published, past
and draft, briefings, budgets, contributions, decisions), so every route has a real id
to ask for. Markers are planted in Positive Voices (the private forum): a member's
name and an anonymous point's words. No outsider may ever see them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from forum_site.demo import seed
from forum_site.models import (
    AgendaItem,
    Briefing,
    Budget,
    Contribution,
    Decision,
    Forum,
    GlossaryEntry,
    Membership,
    Role,
    SupportedAccount,
    Topic,
    User,
    Visibility,
)
from forum_site.models.consultations import Consultation, ConsultationQuestion
from forum_site.models.meetings import Meeting, MeetingAction, MeetingStatus
from forum_site.models.topics import StageAgreement
from forum_site.models.votes import Vote
from tests.factories import make_user
from tests.factories_contributions import make_contribution

MARKER_NAME = "Zephyrine Quillfeather"
MARKER_WORDS = "the violet lighthouse keeps my secret"
PUBLIC_SLUG = "learning-disability-forum"
PRIVATE_SLUG = "positive-voices"

# Who is looking, by demo email ("" is a visitor). Outsiders of the private forum:
OUTSIDERS = {
    "visitor": "",
    "newcomer": "jess@example.org",
    "member": "ali@example.org",
    "convenor": "grace@example.org",
    "commissioner": "priya.shah@example.org",
}
INSIDERS = {
    "private_member": "kofi@example.org",
    "private_convenor": "daniel@example.org",
    "private_commissioner": "tom.reilly@example.org",
    "admin": "admin@example.org",
}
ROLES = {**OUTSIDERS, **INSIDERS}


@dataclass
class World:
    public: Forum
    private: Forum
    marker_member: User
    ids: dict[str, int | str] = field(default_factory=dict)
    private_ids: dict[str, int | str] = field(default_factory=dict)


NOTHING = 2**31 - 1  # an id no row has: "not found"


def _first(db, query):
    """The first row by id: without an order PostgreSQL may return any row, and a new index
    (contribution forum_id, topic) once made it a private point."""
    return db.scalar(query.limit(1))


def _ids_for(db, forum: Forum) -> dict[str, int | str]:
    meeting = _first(
        db,
        select(Meeting)
        .where(Meeting.forum_id == forum.id, Meeting.status == MeetingStatus.PUBLISHED)
        .order_by(Meeting.id),
    )
    meeting = meeting or _first(
        db, select(Meeting).where(Meeting.forum_id == forum.id).order_by(Meeting.id)
    )
    item = _first(
        db, select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.id)
    )
    action = _first(
        db,
        select(MeetingAction)
        .where(MeetingAction.meeting_id == meeting.id)
        .order_by(MeetingAction.id),
    )
    briefing = _first(
        db,
        select(Briefing).where(Briefing.forums.any(Forum.id == forum.id)).order_by(Briefing.id),
    )
    budget = _first(
        db, select(Budget).where(Budget.forums.any(Forum.id == forum.id)).order_by(Budget.id)
    )
    contribution = _first(
        db, select(Contribution).where(Contribution.forum_id == forum.id).order_by(Contribution.id)
    )
    decision = _first(
        db, select(Decision).where(Decision.forum_id == forum.id).order_by(Decision.id)
    )
    membership = _first(
        db, select(Membership).where(Membership.forum_id == forum.id).order_by(Membership.id)
    )
    supported = _first(
        db,
        select(SupportedAccount)
        .where(SupportedAccount.forum_id == forum.id)
        .order_by(SupportedAccount.id),
    )
    return {
        **_topic_ids_for(db, forum),
        "slug": forum.slug,
        "meeting_id": meeting.id,
        "item_id": item.id if item else NOTHING,
        "action_id": action.id if action else NOTHING,
        "briefing_id": briefing.id if briefing else NOTHING,
        "subject_id": briefing.id if briefing else NOTHING,
        "budget_id": budget.id if budget else NOTHING,
        "contribution_id": contribution.id if contribution else NOTHING,
        "decision_id": decision.id if decision else NOTHING,
        "membership_id": membership.id if membership else NOTHING,
        # /reply-for/<user_id> and /not-online/people/<user_id>: a member who is not online
        "user_id": supported.user_id if supported else NOTHING,
        # /organisations/<organisation_id>/...: one that commissions this forum (ids are
        # not 1 on PostgreSQL, where sequences go on between tests)
        "organisation_id": forum.organisations[0].id if forum.organisations else NOTHING,
        "glossary_slug": _first(db, select(GlossaryEntry.slug).order_by(GlossaryEntry.id))
        or "no-such-word",
    }


def _topic_ids_for(db, forum: Forum) -> dict[str, int | str]:
    """A topic of the forum, its first agreement's stage, a consultation, question and vote."""
    topic = _first(
        db, select(Topic).where(Topic.forums.any(Forum.id == forum.id)).order_by(Topic.id)
    )
    topic_id = topic.id if topic else NOTHING
    agreement = _first(
        db,
        select(StageAgreement)
        .where(StageAgreement.topic_id == topic_id)
        .order_by(StageAgreement.id),
    )
    consultation = _first(
        db, select(Consultation).where(Consultation.topic_id == topic_id).order_by(Consultation.id)
    )
    question = _first(
        db,
        select(ConsultationQuestion)
        .where(
            ConsultationQuestion.consultation_id == (consultation.id if consultation else NOTHING)
        )
        .order_by(ConsultationQuestion.id),
    )
    vote = _first(db, select(Vote).where(Vote.forum_id == forum.id).order_by(Vote.id))
    return {
        "topic_id": topic_id,
        "stage": agreement.stage.value if agreement else "review",
        "consultation_id": consultation.id if consultation else NOTHING,
        "question_id": question.id if question else NOTHING,
        "vote_id": vote.id if vote else NOTHING,
    }


def build(db) -> World:
    seed(db)
    db.flush()
    public = db.scalar(select(Forum).where(Forum.slug == PUBLIC_SLUG))
    private = db.scalar(select(Forum).where(Forum.slug == PRIVATE_SLUG))
    marker = make_user(db, name=MARKER_NAME, email="zephyrine@example.org")
    db.add(Membership(forum_id=private.id, user_id=marker.id, role=Role.MEMBER))
    point = make_contribution(
        db, private, marker, text=f"I think {MARKER_WORDS}.", visibility=Visibility.ANONYMOUS
    )
    db.flush()
    world = World(public=public, private=private, marker_member=marker)
    world.ids = _ids_for(db, public)
    world.private_ids = {**_ids_for(db, private), "contribution_id": point.id}
    return world


def url_for_rule(rule, ids: dict) -> str:
    """The rule's path with the world's ids (or harmless stand-ins) filled in."""
    values = {}
    if rule.endpoint.startswith("glossary.") and "slug" in rule.arguments:
        ids = {**ids, "slug": ids.get("glossary_slug", "no-such-word")}
    for name in rule.arguments:
        if name in ids:
            values[name] = ids[name]
        elif name == "kind":
            values[name] = "briefing"
        elif name == "direction":
            values[name] = "up"
        elif name in {"token", "code", "key", "filename", "version"}:
            values[name] = "zz"
        else:
            values[name] = 1
    path = rule.rule
    for name, value in values.items():
        path = _fill(path, name, value)
    return path


def _fill(path: str, name: str, value) -> str:
    import re

    return re.sub(r"<(?:[^<>:]+:)?" + name + r"(?:\([^)]*\))?>", str(value), path)
