"""Notification words, written from templates when a message is read or an email sent.

Each kind has one template, ``templates/notifications/<kind>.txt``, with the blocks
``subject``, ``body``, ``easy_subject`` and ``easy_body``. Context comes from the data as
it is now, so a figure withheld since, or a meeting moved again, reads true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app
from flask_babel import format_date, format_time, get_locale, gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.dates import easy_date_and_time
from forum_site.delivery import meeting_words
from forum_site.delivery.words import ANSWER_PHRASES, EASY_ANSWERS, excerpt, quote
from forum_site.models import (
    Briefing,
    BriefingVersion,
    BudgetRevision,
    Contribution,
    ContributionAnswer,
    ContributionVersion,
    Forum,
    JoinRequest,
    Meeting,
    MeetingQuestion,
    MeetingReply,
    NoticeKind,
    Notification,
    User,
    Visibility,
)
from forum_site.models.base import as_utc
from forum_site.vocabulary.dates import DAY_AND_DATE, DAY_AND_MONTH, TIME

_IDS = {
    "forum": ("forum_id", Forum),
    "meeting": ("meeting_id", Meeting),
    "contribution": ("contribution_id", Contribution),
    "answer": ("answer_id", ContributionAnswer),
    "revision": ("revision_id", BudgetRevision),
    "briefing": ("briefing_id", Briefing),
    "join_request": ("join_request_id", JoinRequest),
    "question": ("question_id", MeetingQuestion),
    "reply": ("reply_id", MeetingReply),
    "actor": ("actor_id", User),
}

LINKS = {
    "meeting": "/meetings/{id}",
    "contribution": "/contributions/{id}",
    "briefing": "/briefings/{id}",
}


@dataclass(frozen=True)
class Written:
    subject: str
    body: str
    link: str


def preload(session: Session, notices: list[Notification]) -> list:
    """Everything a page of notices is about, in one query per kind instead of a few per
    notice; ``write`` then finds them in the session. Keep the returned list while
    writing (the session only holds objects someone still refers to)."""
    kept: list = []
    for column, model in _IDS.values():
        ids = {getattr(notice, column) for notice in notices} - {None}
        if ids:
            kept.extend(session.scalars(select(model).where(model.id.in_(ids))))
    forum_ids = {getattr(row, "forum_id", None) for row in kept} - {None}
    if forum_ids:
        kept.extend(session.scalars(select(Forum).where(Forum.id.in_(forum_ids))))
    return kept


def write(session: Session, notice: Notification, reader: User, *, easy_read: bool) -> Written:
    """The words for one reader, in the current locale (callers force the reader's)."""
    context = _context(session, notice, reader)
    template = current_app.jinja_env.get_template(f"notifications/{notice.kind.value}.txt")
    prefix = "easy_" if easy_read else ""
    subject = " ".join(_block(template, prefix + "subject", context).split())
    body = _tidy(_block(template, prefix + "body", context))
    return Written(subject=subject[:200], body=body, link=context["link"])


def _block(template, name: str, context: dict) -> str:
    return "".join(template.blocks[name](template.new_context(context)))


def _tidy(text: str) -> str:
    """Template lines without their indentation; at most one empty line between paragraphs."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _context(session: Session, notice: Notification, reader: User) -> dict:
    context: dict = {"notice": notice, "reader": reader, "details": notice.details or {}}
    for name, (column, model) in _IDS.items():
        value = getattr(notice, column)
        context[name] = session.get(model, value) if value else None
    if _hides_its_author(context, reader):
        context["actor"] = None
    if context["forum"] is None:
        context["forum"] = _forum_of(context)
    context["link"] = _link(context)
    context.update(_extras(session, notice, context, reader))
    context.update(when=when, easy_when=easy_date_and_time, day=day, excerpt=excerpt, quote=quote)
    return context


def _hides_its_author(context: dict, reader: User) -> bool:
    """An anonymous point's author is never named to anyone else, in any notice."""
    contribution = context["contribution"]
    return (
        contribution is not None
        and contribution.visibility == Visibility.ANONYMOUS
        and contribution.author_id != reader.id
        and context["notice"].actor_id in (contribution.author_id, contribution.recorded_by_id)
    )


def _forum_of(context: dict) -> Forum | None:
    for name in ("meeting", "contribution", "join_request"):
        if context[name] is not None:
            return context[name].forum
    return None


def _link(context: dict) -> str:
    notice = context["notice"]
    if notice.revision_id:
        return f"/budgets/{context['revision'].budget_id}"
    if notice.join_request_id:
        return f"/forums/{context['forum'].slug}/requests"
    for name in ("contribution", "briefing", "meeting"):
        if context[name] is not None:
            return LINKS[name].format(id=context[name].id)
    return "/inbox"


def _extras(session: Session, notice: Notification, context: dict, reader: User) -> dict:
    extras: dict = {}
    contribution, answer = context["contribution"], context["answer"]
    if contribution is not None:
        extras["about"] = excerpt(contribution.text)
        extras["yours"] = contribution.author_id == reader.id
    if answer is not None:
        extras["phrase"] = ANSWER_PHRASES[answer.status]
        extras["easy_answer"] = EASY_ANSWERS[answer.status]
        organisation = answer.organisation
        extras["answered_by"] = organisation.name if organisation else gettext("The organisers")
    if context["revision"] is not None:
        extras["budget_lines"] = _budget_lines(context["revision"])
    if context["meeting"] is not None:
        extras.update(meeting_words.for_notice(session, notice, context["meeting"], reader))
    if context["reply"] is not None:
        extras["needs"] = meeting_words.needs(context["reply"])
    extras.update(_what_was_put_right(session, notice, context))
    return extras


def _what_was_put_right(session: Session, notice: Notification, context: dict) -> dict:
    """For a correction: what it said before and why (kept, append-only, in its own row)."""
    details = notice.details or {}
    if notice.kind == NoticeKind.POINT_CHANGED:
        earlier = session.get(ContributionVersion, details.get("version_id"))
        return {
            "withdrawn": details.get("change") == "withdrawn",
            "edited": details.get("change") == "edited",
            "by_member": bool(details.get("by_member")),
            "earlier": quote(earlier.text) if earlier else "",
            "reason": earlier.reason if earlier else "",
            "now_says": quote(context["contribution"].text),
        }
    if notice.kind == NoticeKind.BRIEFING_CORRECTED:
        version = session.scalar(
            select(BriefingVersion).where(
                BriefingVersion.briefing_id == notice.briefing_id,
                BriefingVersion.number == details.get("version"),
            )
        )
        return {"what_changed": version.what_changed if version else ""}
    return {}


def _budget_lines(revision: BudgetRevision) -> list[str]:
    from forum_site.services.budgets.history import change_summary

    def translate(text: str, **values) -> str:
        return gettext(text, **values)

    return change_summary(revision, str(get_locale() or "en"), translate)


def when(moment) -> str:
    """A meeting's date and time in the reader's language and the site's time zone."""
    moment = as_utc(moment)
    return f"{format_date(moment, DAY_AND_DATE)}, {format_time(moment, TIME)}"


def day(moment) -> str:
    return format_date(as_utc(moment), DAY_AND_MONTH)
