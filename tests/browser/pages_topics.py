"""Page types of commissioning topics: the forum's list, a topic's story, stage agreements
and the commissioner's forms."""

from __future__ import annotations

from sqlalchemy import select

from tests.browser.registry import EMPTY, Demo, FormSubmit, PageType, forum_url


def _topic(demo: Demo):
    from forum_site.models import Topic

    return demo.first(select(Topic).order_by(Topic.id))


def topic_url(endpoint: str, **values):
    return lambda demo: demo.url(endpoint, topic_id=_topic(demo).id, **values)


TOPICS = [
    PageType("topics", "topics.forum_topics", forum_url("ld", "topics.forum_topics")),
    PageType("topic story", "topics.show", topic_url("topics.show"), "member"),
    PageType("topic story for a visitor", "topics.show", topic_url("topics.show")),
    PageType(
        "who had a say about a topic",
        "contributions.topic_reach",
        topic_url("contributions.topic_reach"),
        "member",
    ),
    PageType(
        "topic story for its commissioner", "topics.show", topic_url("topics.show"), "commissioner"
    ),
    PageType(
        "stage agreement versions",
        "topics.agreement",
        topic_url("topics.agreement", stage="test_and_refine"),
        "member",
    ),
    PageType(
        "stage agreement to agree",
        "topics.agreement",
        topic_url("topics.agreement", stage="agree_priorities"),
        "convenor",
    ),
    PageType("new topic", "topics.new", forum_url("ld", "topics.new"), "commissioner"),
    PageType(
        "new topic with errors",
        "topics.new",
        forum_url("ld", "topics.new"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType("move a topic", "topics.move", topic_url("topics.move"), "commissioner"),
    PageType(
        "move a topic with errors",
        "topics.move",
        topic_url("topics.move"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "write a stage agreement",
        "topics.write_agreement",
        topic_url("topics.write_agreement", stage="test_and_refine"),
        "commissioner",
    ),
    PageType(
        "write a stage agreement with errors",
        "topics.write_agreement",
        topic_url("topics.write_agreement", stage="test_and_refine"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "add an outside pressure",
        "topics.new_pressure",
        topic_url("topics.new_pressure"),
        "commissioner",
    ),
    PageType(
        "add an outside pressure with errors",
        "topics.new_pressure",
        topic_url("topics.new_pressure"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType("topic links", "topics.links", topic_url("topics.links"), "commissioner"),
]


def _consultation(demo: Demo, is_open: bool):
    from forum_site.models import Consultation
    from forum_site.models.base import utcnow

    query = select(Consultation).order_by(Consultation.id)
    if is_open:
        query = query.where(Consultation.closes_at > utcnow())
    else:
        query = query.where(Consultation.closes_at <= utcnow())
    return demo.first(query)


def consultation_url(is_open: bool):
    return lambda demo: demo.url(
        "topics.consultation", consultation_id=_consultation(demo, is_open).id
    )


CONSULTATIONS = [
    PageType("closed consultation", "topics.consultation", consultation_url(False), "member"),
    PageType(
        "closed consultation for its commissioner",
        "topics.consultation",
        consultation_url(False),
        "commissioner",
    ),
    PageType("open consultation", "topics.consultation", consultation_url(True), "member"),
    PageType(
        "open consultation with errors",
        "topics.consultation",
        consultation_url(True),
        role="member",
        submit=FormSubmit(selector="main form[action$='/say']"),
        status=400,
    ),
    PageType(
        "open consultation for the convenor",
        "topics.consultation",
        consultation_url(True),
        "convenor",
    ),
    PageType(
        "new consultation",
        "topics.new_consultation",
        topic_url("topics.new_consultation"),
        "commissioner",
    ),
    PageType(
        "new consultation with errors",
        "topics.new_consultation",
        topic_url("topics.new_consultation"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
]


def _vote(demo: Demo):
    from forum_site.models import Vote

    return demo.first(select(Vote).order_by(Vote.id))


def vote_url(endpoint: str):
    return lambda demo: demo.url(endpoint, vote_id=_vote(demo).id)


def _voting_item(demo: Demo) -> str:
    return demo.url("topics.new_item_vote", item_id=_vote(demo).agenda_item_id)


def _question(demo: Demo) -> str:
    from forum_site.models import ConsultationQuestion

    question = demo.first(select(ConsultationQuestion).order_by(ConsultationQuestion.id))
    return demo.url("topics.new_question_vote", question_id=question.id)


VOTES = [
    PageType("vote", "topics.vote", vote_url("topics.vote"), "member"),
    PageType("vote for a visitor", "topics.vote", vote_url("topics.vote")),
    PageType(
        "vote with errors",
        "topics.vote",
        vote_url("topics.vote"),
        role="member",
        submit=FormSubmit(selector="main form.ballot", clear=("option",)),
        status=400,
    ),
    PageType("vote paper ballots", "topics.vote_paper", vote_url("topics.vote_paper"), "convenor"),
    PageType(
        "vote paper ballot with errors",
        "topics.vote_paper",
        vote_url("topics.vote_paper"),
        role="convenor",
        submit=FormSubmit(selector="main form[action$='/paper/enter']"),
        status=400,
    ),
    PageType("new vote on an item", "topics.new_item_vote", _voting_item, "convenor"),
    PageType(
        "new vote on an item with errors",
        "topics.new_item_vote",
        _voting_item,
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType("new vote on a question", "topics.new_question_vote", _question, "convenor"),
]
