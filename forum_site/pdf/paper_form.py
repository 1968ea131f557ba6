"""The paper contribution form for a meeting: a box for each question, review tick boxes,
the form's code on every page and a QR code to the meeting online."""

from __future__ import annotations

import segno
from flask import current_app, url_for
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.orm import Session

from easyread.pictures import alt_text, picture_for, svg_markup
from forum_site.pdf.builders import local
from forum_site.pdf.documents import PrintDocument, contact_for
from forum_site.services import meetings, paper_forms
from forum_site.services.viewer import Viewer

MEETING_PAGE_ENDPOINTS = ("meetings.show", "meetings.meeting", "meetings.show_meeting")


def paper_form_document(session: Session, viewer: Viewer, meeting_id: int) -> PrintDocument:
    meeting = meetings.get_meeting(session, viewer, meeting_id, full=True)
    form = paper_forms.form_for_meeting(session, viewer, meeting)
    online = online_address(meeting)
    context = {
        "meeting": meeting,
        "forum_name": meeting.forum.name,
        "starts": local(meeting.starts_at),
        "form": form,
        "questions": [_shown(question) for question in form.questions],
        "online": online,
        "qr_svg": qr_svg(online),
        "question_picture": _picture,
        "convenor": _convenor_name(session, meeting),
    }
    return PrintDocument(
        kind="paper-form",
        contact=contact_for(session, meeting.forum),
        title=_("Have your say on paper: %(title)s", title=meeting.title),
        template="pdf/paper_form.html",
        easy_read_template="pdf/paper_form.html",
        context=context,
        reference=form.display_code,
        filename=f"meeting-{meeting.id}-form-{form.code}",
    )


def _convenor_name(session: Session, meeting) -> str:
    """The person the form goes back to, by name (a form that says "the convenor" leaves
    people asking who that is)."""
    from forum_site.services.forums import convenors

    people = convenors(session, meeting.forum)
    return people[0].display_name if people else ""


def _shown(question: dict) -> dict:
    """Stored questions are kept as printed; the two fixed ones are shown translated."""
    shown = dict(question)
    if question["key"] == paper_forms.OTHER_QUESTION:
        shown["title"] = _("Anything else you want to tell us")
    elif question["prompt"] == paper_forms.DEFAULT_PROMPT:
        shown["prompt"] = _("What do you think about this?")
    return shown


def online_address(meeting) -> str:
    site = current_app.config["SITE_URL"].rstrip("/")
    for endpoint in MEETING_PAGE_ENDPOINTS:
        if endpoint in current_app.view_functions:
            try:
                return site + url_for(endpoint, meeting_id=meeting.id)
            except Exception:  # noqa: S112 (another area's URL rule; try the next name)
                continue
    return site + url_for("forums.show", slug=meeting.forum.slug)


def qr_svg(address: str) -> Markup:
    """A QR code as inline SVG: real vector paths, no image file to fetch."""
    code = segno.make(address, error="m")
    svg = code.svg_inline(scale=4, dark="#0b0c0c", border=2, omitsize=True)
    label = _("QR code: scan it to open this meeting online")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))


def _picture(title: str) -> Markup:
    picture = picture_for(title) or picture_for("question")
    svg = svg_markup(picture) if picture else ""
    label = Markup.escape(alt_text(picture))
    return (
        Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
        if svg
        else Markup("")
    )
