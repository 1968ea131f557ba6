"""PDF downloads, the progress page for background rendering, and typing in paper forms.

Every download builds its document through the owning area's service, so who may print
a document is exactly who may see its page (private forums: 404 to outsiders).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.exceptions import TooManyRequests

from forum_site.extensions import db
from forum_site.pdf import builders, meeting_pack, paper_form
from forum_site.pdf.documents import PrintDocument, Version
from forum_site.pdf.pipeline import Queued, TooLong, get_pdf, job_state
from forum_site.services import contributions, paper_forms
from forum_site.services.errors import DomainError
from forum_site.web import limits
from forum_site.web.pdfs import panels  # noqa: F401  (registers the Print panels)
from forum_site.web.pdfs.forms import CodeForm, sheet_form
from forum_site.web.responses import commit, render, safe_next, show_error, viewer
from forum_site.web.translations.reading import reader_language

log = logging.getLogger(__name__)
bp = Blueprint("pdfs", __name__)


def _version(name: str) -> Version:
    try:
        return Version(name)
    except ValueError:
        abort(404)


def _send(document: PrintDocument, version: Version):
    try:
        outcome = get_pdf(document, version, before_render=_count_cold_render)
    except TooManyRequests as refused:
        return _busy(refused)
    except Exception:
        log.exception("Could not make the PDF %s (%s)", document.filename, version)
        return render("pdfs/problem.html", document_title=document.title, again=request.path), 500
    if isinstance(outcome, Queued):
        return redirect(url_for(".wait", key=outcome.key, next=request.path), code=303)
    if isinstance(outcome, TooLong):
        return _too_long(document, version, outcome)
    response = send_file(
        outcome.path,
        mimetype="application/pdf",
        download_name=f"{document.filename}-{version.value}.pdf",
        etag=outcome.key,
        conditional=True,
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _count_cold_render() -> None:
    """Only PDFs not already made count: downloading a cached one is always free."""
    person = viewer().user_id if viewer().signed_in else None
    limits.count_now(
        (limits.PDF_PER_ADDRESS, limits.address()),
        (limits.PDF_PER_PERSON, f"user:{person}" if person else ""),
    )


def _back() -> str:
    """Where the reader came from, when that was one of our pages; else the home page."""
    came_from = urlsplit(request.referrer or "")
    path = came_from.path + (f"?{came_from.query}" if came_from.query else "")
    same_site = came_from.netloc == request.host
    return safe_next(path if same_site else None, url_for("main.home"))


def _busy(refused: TooManyRequests):
    response = render("pdfs/busy.html", again=request.path, back=_back())
    headers = {"Retry-After": str(refused.retry_after or 60)}
    return response, 429, headers


def _too_long(document: PrintDocument, version: Version, outcome: TooLong):
    standard = None
    if version is not Version.STANDARD:
        standard = url_for(request.endpoint, **{**request.view_args, "version": "standard"})
    page = render(
        "pdfs/too_long.html",
        document_title=document.title,
        version_label=version.label,
        pages=outcome.pages,
        most=outcome.most,
        standard=standard,
        contact_name=document.contact.name if document.contact else "",
        back=_back(),
    )
    return page, 422


@bp.get("/print/meetings/<int:meeting_id>/pack/<version>.pdf")
def meeting_pack_pdf(meeting_id: int, version: str):
    chosen = _version(version)
    return _send(meeting_pack.meeting_pack(db.session, viewer(), meeting_id), chosen)


@bp.get("/print/meetings/<int:meeting_id>/summary/<version>.pdf")
def meeting_summary_pdf(meeting_id: int, version: str):
    chosen = _version(version)
    return _send(builders.summary_document(db.session, viewer(), meeting_id), chosen)


@bp.get("/print/meetings/<int:meeting_id>/form/<version>.pdf")
def paper_form_pdf(meeting_id: int, version: str):
    chosen = _version(version)
    return _send(paper_form.paper_form_document(db.session, viewer(), meeting_id), chosen)


@bp.get("/print/briefings/<int:briefing_id>/<version>.pdf")
def briefing_pdf(briefing_id: int, version: str):
    chosen = _version(version)
    return _send(
        builders.briefing_document(db.session, viewer(), briefing_id, reader_language()), chosen
    )


@bp.get("/print/budgets/<int:budget_id>/<version>.pdf")
def budget_pdf(budget_id: int, version: str):
    chosen = _version(version)
    return _send(builders.budget_document(db.session, viewer(), budget_id), chosen)


@bp.get("/print/forums/<slug>/you-said-we-did/<version>.pdf")
def feedback_pdf(slug: str, version: str):
    chosen = _version(version)
    return _send(builders.feedback_document(db.session, viewer(), slug), chosen)


@bp.get("/print/wait/<key>")
def wait(key: str):
    """Works without JavaScript: the page refreshes itself until the PDF is ready."""
    if len(key) != 64 or any(ch not in "0123456789abcdef" for ch in key):
        abort(404)
    download = safe_next(request.args.get("next"), url_for("main.home"))
    state = job_state(key)
    if state == "too-long":  # the download itself explains, in the reader's language
        return redirect(download, code=303)
    return render("pdfs/wait.html", state=state, download=download)


# --- paper forms back in -----------------------------------------------------------------


@bp.route("/paper-forms", methods=["GET", "POST"])
@login_required
def enter_code():
    form = CodeForm()
    if form.validate_on_submit():
        try:
            found = paper_forms.find_form(db.session, viewer(), form.code.data)
        except DomainError as error:
            show_error(form, error)
        else:
            return redirect(url_for(".quick_entry", code=found.code), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render("pdfs/enter_code.html", form=form), status


@bp.route("/paper-forms/<code>", methods=["GET", "POST"])
@login_required
def quick_entry(code: str):
    try:
        found = paper_forms.find_form(db.session, viewer(), code)
    except DomainError as error:
        form = CodeForm(data={"code": code})
        show_error(form, error)
        return render("pdfs/enter_code.html", form=form), 404
    members = contributions.members_for_recording(db.session, found.forum)
    form = sheet_form(found, members)
    if form.validate_on_submit():
        try:
            entry = paper_forms.record_sheet(db.session, viewer(), found, form.sheet())
        except DomainError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            commit()
            flash(
                _(
                    "Sheet %(number)s is saved. Type the next person's answers.",
                    number=entry.sheet_number,
                ),
                "success",
            )
            return redirect(url_for(".quick_entry", code=found.code), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "pdfs/quick_entry.html",
        paper=found,
        form=form,
        typed=paper_forms.sheets_typed(db.session, found),
    ), status
