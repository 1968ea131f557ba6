"""Per-person attendance for a meeting: the printable sign-in sheet, ticking who came,
the expenses owed (a page to print and a CSV), and a convenor replying for a member."""

from __future__ import annotations

import csv
import io

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.models.meetings import ReplyAnswer
from forum_site.pdf.builders import local
from forum_site.pdf.render import render_pdf
from forum_site.services import meetings
from forum_site.services.errors import DomainError
from forum_site.services.meetings import replies
from forum_site.services.not_online import attendance, on_behalf
from forum_site.vocabulary.meetings import NEEDS
from forum_site.web.meetings.forms import ReplyForm
from forum_site.web.not_online.blueprint import bp
from forum_site.web.not_online.forms import AttendanceForm
from forum_site.web.responses import commit, render, show_error, viewer
from forum_site.web.validation import id_or_none


def _meeting(meeting_id: int):
    meeting = meetings.get_meeting(db.session, viewer(), meeting_id, full=True)
    if not viewer().convenes(meeting.forum_id):
        abort(404)
    return meeting


def _needs_words(attendee) -> list[str]:
    return [
        f"{NEEDS[key]}: {detail}" if detail else str(NEEDS[key]) for key, detail in attendee.needs
    ]


@bp.route("/meetings/<int:meeting_id>/attendance", methods=["GET", "POST"])
@login_required
def attendance_page(meeting_id: int):
    meeting = _meeting(meeting_id)
    people = attendance.attendees(db.session, viewer(), meeting)
    form = AttendanceForm()
    errors: dict[int, str] = {}
    if form.validate_on_submit():
        came = {i for i in map(id_or_none, request.form.getlist("came")) if i is not None}
        expenses = {}
        for person in people:
            field = f"expenses-{person.user.id}"
            try:
                pence = attendance.parse_pounds(request.form.get(field, ""), field)
            except DomainError as error:
                errors[person.user.id] = error.message
                continue
            expenses[person.user.id] = (pence, request.form.get(f"note-{person.user.id}", ""))
        if not errors:
            count = attendance.record_attendance(
                db.session, viewer(), meeting, came=came, expenses=expenses
            )
            commit()
            flash(_("Saved. %(count)s people came.", count=count), "success")
            return redirect(url_for(".attendance_page", meeting_id=meeting_id), code=303)
    return render(
        "not_online/attendance.html",
        meeting=meeting,
        people=people,
        form=form,
        errors=errors,
        typed=request.form,
        needs_words=_needs_words,
    )


@bp.get("/meetings/<int:meeting_id>/sign-in-sheet.pdf")
@login_required
def sign_in_sheet(meeting_id: int):
    meeting = _meeting(meeting_id)
    people = attendance.sign_in_sheet(db.session, viewer(), meeting)
    html = render_template(
        "not_online/pdf/sign_in_sheet.html",
        meeting=meeting,
        starts=local(meeting.starts_at),
        people=people,
        needs_words=_needs_words,
        blank_rows=range(6),
    )
    return _pdf(render_pdf(html), f"meeting-{meeting.id}-sign-in-sheet.pdf")


def _pdf(data: bytes, name: str):
    response = make_response(data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/meetings/<int:meeting_id>/expenses")
@login_required
def expenses(meeting_id: int):
    meeting = _meeting(meeting_id)
    owed = attendance.expenses_owed(db.session, viewer(), meeting)
    return render("not_online/expenses.html", meeting=meeting, owed=owed)


@bp.get("/meetings/<int:meeting_id>/expenses.csv")
@login_required
def expenses_csv(meeting_id: int):
    meeting = _meeting(meeting_id)
    owed = attendance.expenses_owed(db.session, viewer(), meeting)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [_("Name"), _("Paid for time"), _("Travel"), _("Lunch"), _("Carer"), _("Amount"), _("Note")]
    )
    yes, no = _("yes"), _("no")
    for row in owed:
        amount = "" if row.expenses_pence is None else f"{row.expenses_pence / 100:.2f}"
        flags = [row.time_paid, row.travel, row.lunch, row.carer]
        writer.writerow(
            [_safe(row.name), *[yes if f else no for f in flags], amount, _safe(row.note)]
        )
    response = make_response(out.getvalue())
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="meeting-{meeting.id}-expenses.csv"'
    )
    return response


def _safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@bp.route("/meetings/<int:meeting_id>/reply-for/<int:user_id>", methods=["GET", "POST"])
@login_required
def reply_for(meeting_id: int, user_id: int):
    meeting = _meeting(meeting_id)
    member, earlier = on_behalf.their_reply(db.session, viewer(), meeting, user_id)
    form = ReplyForm(obj=earlier if request.method == "GET" else None)
    if form.validate_on_submit():
        needs = replies.Needs(
            **{name: getattr(form, name).data or _empty(name) for name in vars(replies.Needs())}
        )
        try:
            on_behalf.reply_for_member(
                db.session, viewer(), meeting, user_id, ReplyAnswer(form.answer.data), needs
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("%(name)s's reply is saved.", name=member.display_name), "success")
            return redirect(url_for(".attendance_page", meeting_id=meeting_id), code=303)
    return render("not_online/reply_for.html", meeting=meeting, member=member, form=form)


def _empty(name: str):
    return False if isinstance(getattr(replies.Needs(), name), bool) else ""
