"""The writing page: the briefing form, the checker's findings beside it, and the
hard words the writer still has to explain. Shared by the new, edit, publish and
word views, so a failed step shows the same page with everything kept."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from forum_site.extensions import db
from forum_site.models import Briefing
from forum_site.services import briefings, glossary
from forum_site.services.briefings import checking
from forum_site.services.briefings import signals as briefings_signals
from forum_site.services.errors import DomainError
from forum_site.web.briefings.forms import BriefingForm, PublishForm
from forum_site.web.forums.panels import sections_for
from forum_site.web.responses import render, viewer
from forum_site.web.validation import id_or_none


def briefing_for_check(raw_id: str | None) -> Briefing | None:
    briefing_id = id_or_none(raw_id)
    if briefing_id is None:
        return None
    try:
        briefing = briefings.get_briefing(db.session, viewer(), briefing_id)
    except DomainError:
        return None
    return briefing if briefings.can_edit(viewer(), briefing) else None


def briefing_form(obj: Briefing | None = None, forum_ids: list[int] = ()) -> BriefingForm:
    form = BriefingForm(obj=obj) if obj is not None else BriefingForm()
    writable = briefings.writable_forums(db.session, viewer())
    # Only forums this writer may send to: another organisation's forums (a private one
    # above all) are neither named nor removable here; saving keeps them.
    form.forums.choices = [(f.id, f.name) for f in writable]
    linked = [f for f in obj.forums if f in writable] if obj is not None else []
    meetings = briefings.writable_meetings(db.session, [f for f in writable])
    form.meetings.choices = [(m.id, f"{m.title} ({m.starts_at:%d %b %Y})") for m in meetings]
    if request.method == "GET":
        form.forums.data = [f.id for f in linked] or list(forum_ids)
        form.meetings.data = [m.id for m in obj.meetings] if obj is not None else []
        form.what_changed.data = ""
    if obj is not None:
        form.briefing_id.data = str(obj.id)
    return form


def text_from(form: BriefingForm) -> briefings.BriefingText:
    return briefings.BriefingText(
        title=form.title.data or "",
        summary=form.summary.data or "",
        body=form.body.data or "",
        forum_ids=list(form.forums.data or []),
        meeting_ids=list(form.meetings.data or []),
        what_changed=form.what_changed.data or "",
    )


def checker_context(text: str, briefing: Briefing | None) -> dict:
    """Findings and the marked-up preview; a clear message instead when there is no text."""
    tidied = checking.tidy_pasted(text)
    message = checking.too_long_message(tidied.text)
    if message or not tidied.text.strip():
        return {
            "check_message": message or _("Nothing to check yet. Write something first."),
            "report": None,
            "notes": tidied.notes,
        }
    kept = briefings.kept_keys(briefing) if briefing is not None else set()
    report = checking.check_writing(db.session, tidied.text, kept)
    preview, shown = checking.preview(tidied.text, report)
    return {
        "check_message": None,
        "report": report,
        "shown": shown,
        "preview": preview,
        "notes": tidied.notes,
        "blocking": checking.blocking(report),
    }


def page(form: BriefingForm, *, forum, briefing: Briefing | None, status: int = 200, **extra):
    text = form.body.data or (briefing.body if briefing else "")
    context = checker_context(text, briefing)
    hard_words = []
    if briefing is not None:
        blocking = context.get("blocking")
        if blocking is None:
            blocking = briefings.unexplained(db.session, briefing, text)
        hard_words = hard_word_choices(blocking)
    shown = briefings.shown_forums(viewer(), briefing) if briefing else []
    page_forum = forum or (shown[0] if shown else None)
    return render(
        "briefings/edit.html",
        form=form,
        forum=page_forum,
        briefing=briefing,
        hard_words=hard_words,
        publish_form=PublishForm(),
        sections=sections_for(page_forum) if page_forum else [],
        signals=(
            briefings_signals.unclear_signals(db.session, viewer(), briefing) if briefing else []
        ),
        **context,
        **extra,
    ), status


def hard_word_choices(blocking: list) -> list[dict]:
    """For each unexplained word: is it in the glossary already (and what it says there)?"""
    by_name = glossary.entries_by_name(db.session) if blocking else {}
    return [
        {"number": n, "finding": f, "entry": by_name.get(" ".join(f.text.lower().split()))}
        for n, f in enumerate(blocking, start=1)
    ]


def word_form_failed(briefing: Briefing, word_form):
    form = briefing_form(obj=briefing)
    errors = [e for field in word_form for e in field.errors if field.name != "csrf_token"]
    form.form_errors.extend(errors or [_("We could not save that. Please try again.")])
    return page(
        form,
        forum=None,
        briefing=briefing,
        status=400,
        failed_word=word_form.word.data,
        failed_form=word_form,
    )
