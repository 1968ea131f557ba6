"""Forum pages: the list, one forum, joining, convenors managing members, and how the forum
works together (its terms of reference)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.models import Role
from forum_site.services import forums
from forum_site.services import working_together as together
from forum_site.services.errors import DomainError
from forum_site.web import pagination
from forum_site.web.forums.forms import (
    DecideForm,
    ForumContactForm,
    ForumForm,
    InviteForm,
    JoinForm,
    RoleForm,
    WorkingTogetherForm,
)
from forum_site.web.forums.panels import panels_for, sections_for
from forum_site.web.responses import commit, render, show_error, site_url, viewer

bp = Blueprint("forums", __name__)


@bp.get("/forums")
def index():
    return render(
        "forums/index.html",
        block="forums_page" if pagination.wants_more() else None,
        summaries=forums.visible_forums(db.session, viewer(), pagination.cursor()),
    )


@bp.route("/forums/new", methods=["GET", "POST"])
@login_required
def new():
    form = ForumForm()
    if form.validate_on_submit():
        try:
            forum = forums.create_forum(
                db.session,
                viewer(),
                name=form.name.data,
                description=form.description.data,
                community=form.community.data or "",
                is_private=form.is_private.data,
                convened_by=form.convened_by.data or "",
                convenor_funded_by=form.convenor_funded_by.data or "",
            )
        except DomainError as error:
            if error.field is None and not viewer().is_admin:
                raise
            show_error(form, error)
        else:
            commit()
            return redirect(url_for("forums.show", slug=forum.slug), code=303)
    if not viewer().is_admin:
        return render(
            "errors/error.html",
            title=_("You cannot see this page"),
            advice=_("Only site admins can set up a new forum."),
            status=403,
        ), 403
    return render("forums/new.html", form=form)


@bp.get("/forums/<slug>")
def show(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    waiting = viewer().signed_in and forums.pending_request(db.session, forum, viewer().user_id)
    return render(
        "forums/show.html",
        forum=forum,
        convenors=forums.convenors(db.session, forum),
        member_count=forums.member_count(db.session, forum),
        waiting=waiting,
        panels=panels_for(forum, viewer()),
        sections=sections_for(forum),
    )


@bp.route("/forums/<slug>/join", methods=["GET", "POST"])
@login_required
def join(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    form = JoinForm()
    if form.validate_on_submit():
        try:
            forums.request_to_join(
                db.session, viewer(), forum, message=form.message.data or "", site_url=site_url()
            )
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("Thank you. The convenor will look at your request."), "success")
            return redirect(url_for("forums.show", slug=forum.slug), code=303)
    return render("forums/join.html", forum=forum, form=form)


@bp.get("/forums/<slug>/requests")
@login_required
def requests(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    waiting = forums.waiting_requests(db.session, viewer(), forum)
    return render("forums/requests.html", forum=forum, waiting=waiting, form=DecideForm())


@bp.post("/forums/<slug>/requests/<int:request_id>")
@login_required
def decide(slug: str, request_id: int):
    forum = forums.get_forum(db.session, viewer(), slug)
    form = DecideForm()
    if form.validate_on_submit():
        join = forums.decide_join_request(
            db.session,
            viewer(),
            forum,
            request_id,
            approve=form.decision.data == "approve",
            reply=form.reply.data or "",
            site_url=site_url(),
        )
        commit()
        flash(_("Your answer to %(name)s is saved.", name=join.user.display_name), "success")
        return redirect(url_for("forums.requests", slug=forum.slug), code=303)
    waiting = forums.waiting_requests(db.session, viewer(), forum)
    return render(
        "forums/requests.html", forum=forum, waiting=waiting, form=form, failed_id=request_id
    ), 400


@bp.get("/forums/<slug>/members")
@login_required
def members(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    listing = forums.members(db.session, viewer(), forum, pagination.cursor())
    return render("forums/members.html", forum=forum, members=listing, role_form=RoleForm())


@bp.post("/forums/<slug>/members/<int:membership_id>/role")
@login_required
def change_role(slug: str, membership_id: int):
    forum = forums.get_forum(db.session, viewer(), slug)
    form = RoleForm()
    if form.validate_on_submit():
        forums.change_role(db.session, viewer(), forum, membership_id, Role(form.role.data))
        commit()
        flash(_("The role is changed."), "success")
    else:
        flash(_("Choose a role, then press Change role."), "error")
    return redirect(url_for("forums.members", slug=forum.slug), code=303)


@bp.post("/forums/<slug>/members/<int:membership_id>/remove")
@login_required
def remove_member(slug: str, membership_id: int):
    forum = forums.get_forum(db.session, viewer(), slug)
    try:
        forums.remove_member(db.session, viewer(), forum, membership_id)
    except DomainError as error:
        flash(error.message, "error")
    else:
        commit()
        flash(_("The person is no longer a member."), "success")
    return redirect(url_for("forums.members", slug=forum.slug), code=303)


@bp.route("/forums/<slug>/invite", methods=["GET", "POST"])
@login_required
def invite(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not viewer().convenes(forum.id):
        forums.waiting_requests(db.session, viewer(), forum)  # raises NotAllowed
    form = InviteForm()
    if form.validate_on_submit():
        forums.invite(db.session, viewer(), forum, email=form.email.data, site_url=site_url())
        commit()
        flash(_("We have emailed an invitation to %(email)s.", email=form.email.data), "success")
        return redirect(url_for("forums.members", slug=forum.slug), code=303)
    return render("forums/invite.html", forum=forum, form=form)


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    invitation = forums.invitation_for_token(db.session, token)
    if not viewer().signed_in:
        return redirect(
            url_for("accounts.register", next=url_for(".accept_invitation", token=token))
        )
    form = JoinForm()
    if form.validate_on_submit():
        forum = forums.accept_invitation(db.session, viewer(), token)
        commit()
        flash(_("Welcome to %(name)s.", name=forum.name), "success")
        return redirect(url_for("forums.show", slug=forum.slug), code=303)
    return render("forums/accept_invitation.html", invitation=invitation, form=form, token=token)


@bp.get("/forums/<slug>/how-we-work-together")
def working_together(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    return render(
        "forums/working_together.html",
        forum=forum,
        versions=together.versions(db.session, forum),
        can_write=together.can_write(viewer(), forum),
        sections=sections_for(forum),
    )


@bp.route("/forums/<slug>/how-we-work-together/new", methods=["GET", "POST"])
@login_required
def write_working_together(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    if not together.can_write(viewer(), forum):
        abort(403)
    latest = together.current(db.session, forum)
    form = WorkingTogetherForm(obj=latest) if latest else WorkingTogetherForm()
    if not form.is_submitted():
        _start_from(form, forum, latest)
    if form.validate_on_submit():
        try:
            together.write_version(db.session, viewer(), forum, _draft(form))
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The new version is saved. Members can read it now."), "success")
            return redirect(url_for(".working_together", slug=forum.slug), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "forums/write_working_together.html",
        forum=forum,
        form=form,
        latest=latest,
        sections=sections_for(forum),
    ), status


@bp.route("/forums/<slug>/contact", methods=["GET", "POST"])
@login_required
def contact(slug: str):
    """How people reach the forum: its page and every PDF's "Who to contact" show it."""
    forum = forums.get_forum(db.session, viewer(), slug)
    if not viewer().convenes(forum.id):
        abort(403)
    form = ForumContactForm(obj=forums.ContactDetails.of(forum))  # what was typed wins
    if form.validate_on_submit():
        details = forums.ContactDetails(
            **{name: form[name].data or "" for name in ("phone", "email", "address")}
        )
        try:
            forums.set_contact(db.session, viewer(), forum, details)
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(
                _("Saved. The forum's page and its printed papers show these details."), "success"
            )
            return redirect(url_for(".show", slug=forum.slug, _anchor="contact"), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "forums/contact.html", forum=forum, form=form, sections=sections_for(forum)
    ), status


def _start_from(form: WorkingTogetherForm, forum, latest) -> None:
    """A new version starts from the last one; the first from what the forum's page says."""
    if latest:
        form.agreed_on.data, form.what_changed.data = None, ""
    else:
        form.convened_by.data = forum.convened_by
        form.convening_paid_by.data = forum.convenor_funded_by


def _draft(form: WorkingTogetherForm) -> together.WorkingTogetherDraft:
    return together.WorkingTogetherDraft(
        can_influence=form.can_influence.data,
        response_promise=form.response_promise.data,
        payment=form.payment.data,
        convened_by=form.convened_by.data,
        convening_paid_by=form.convening_paid_by.data,
        agreed_by=form.agreed_by.data,
        agreed_on=form.agreed_on.data,
        what_changed=form.what_changed.data or "",
    )
