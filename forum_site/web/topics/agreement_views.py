"""Stage agreements: read every version, write a new one, and agree the latest."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.models.meetings import InfluenceLevel
from forum_site.services.errors import DomainError, NotAllowed
from forum_site.services.topics import agreements, core
from forum_site.web.responses import commit, saved, viewer
from forum_site.web.topics.forms import AgreementForm
from forum_site.web.topics.views import bp, page, stage_or_404


@bp.get("/topics/<int:topic_id>/stages/<stage>")
def agreement(topic_id: int, stage: str):
    topic = core.get_topic(db.session, viewer(), topic_id)
    stage = stage_or_404(stage)
    return page(
        "topics/agreement.html",
        topic,
        stage=stage,
        versions=agreements.versions(db.session, topic, stage),
        can_write=core.can_write(viewer(), topic),
        can_agree=core.can_agree(viewer(), topic),
    )


@bp.route("/topics/<int:topic_id>/stages/<stage>/new", methods=["GET", "POST"])
@login_required
def write_agreement(topic_id: int, stage: str):
    topic = core.get_topic(db.session, viewer(), topic_id)
    stage = stage_or_404(stage)
    if not core.can_write(viewer(), topic):
        raise NotAllowed(_("Only commissioners from the topic's organisation write agreements."))
    latest = agreements.current(db.session, topic, stage)
    form = AgreementForm()
    if latest is not None and not form.is_submitted():
        form.fill_from(latest)
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: agreements.write_agreement(db.session, viewer(), topic, stage, _draft(form)),
            _("The agreement is saved. The convenor can now agree it."),
        )
        if done:
            return redirect(url_for(".agreement", topic_id=topic.id, stage=stage.value), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return page("topics/write_agreement.html", topic, status, form=form, stage=stage, latest=latest)


def _draft(form: AgreementForm) -> agreements.AgreementDraft:
    return agreements.AgreementDraft(
        members_asked=form.members_asked.data,
        influence=InfluenceLevel(form.influence.data),
        who_decides=form.who_decides.data,
        decides_when=form.decides_when.data,
        not_open=form.not_open.data or "",
        not_open_why=form.not_open_why.data or "",
        what_changed=form.what_changed.data or "",
    )


@bp.post("/agreements/<int:agreement_id>/agree")
@login_required
def agree(agreement_id: int):
    found = agreements.get_agreement(db.session, viewer(), agreement_id)
    back = url_for(".agreement", topic_id=found.topic_id, stage=found.stage.value)
    try:
        agreements.agree(db.session, viewer(), found)
    except NotAllowed:
        raise
    except DomainError as error:
        flash(error.message, "error")
        return redirect(back, code=303)
    commit()
    flash(_("You agreed this version. Members can see who agreed it and when."), "success")
    return redirect(back, code=303)
