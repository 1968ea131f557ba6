"""Votes: start one (convenor), vote (members), paper ballots and a show of hands."""

from __future__ import annotations

from flask import Response, g, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from wtforms.fields.choices import SelectChoice

from forum_site.extensions import db
from forum_site.models import AgendaItem
from forum_site.models.consultations import ConsultationQuestion
from forum_site.pdf.render import render_pdf
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.topics import votes as service
from forum_site.web.forums.panels import sections_for
from forum_site.web.panels import agenda_item_panels
from forum_site.web.responses import commit, render, saved, show_error, viewer
from forum_site.web.topics.views import bp
from forum_site.web.topics.vote_forms import (
    BallotForm,
    PaperEntryForm,
    PrintForm,
    VoteForm,
    hands_form_for,
)


def _draft(form: VoteForm) -> service.VoteDraft:
    return service.VoteDraft(
        question=form.question.data,
        options=form.option_lines(),
        opens_at=form.opens_at(),
        closes_at=form.closes_at(),
        anonymous=not form.named.data,
        live_results=bool(form.live_results.data),
    )


def _new_vote(forum, start, subject_title: str, action: str):
    if not viewer().convenes(forum.id):
        raise NotAllowed(_("Only the forum's convenor can start a vote."))
    form = VoteForm()
    if not form.is_submitted():
        form.question.data = subject_title
    if form.validate_on_submit():
        done = saved(form, lambda: start(_draft(form)), _("The vote is ready."))
        if done:
            return redirect(url_for(".vote", vote_id=done.value.id), code=303)
    status = 400 if form.errors or form.form_errors else 200
    return render(
        "topics/new_vote.html", forum=forum, form=form, action=action, sections=sections_for(forum)
    ), status


@bp.route("/agenda-items/<int:item_id>/votes/new", methods=["GET", "POST"])
@login_required
def new_item_vote(item_id: int):
    item = db.session.get(AgendaItem, item_id)
    if item is None or not viewer().can_see_forum(item.meeting.forum):
        raise NotFound(_("We could not find that agenda item."))
    return _new_vote(
        item.meeting.forum,
        lambda draft: service.start_for_item(db.session, viewer(), item, draft),
        item.title,
        url_for(".new_item_vote", item_id=item.id),
    )


@bp.route("/consultation-questions/<int:question_id>/votes/new", methods=["GET", "POST"])
@login_required
def new_question_vote(question_id: int):
    question = db.session.get(ConsultationQuestion, question_id)
    topic = question.consultation.topic if question else None
    forum = next((f for f in topic.forums if viewer().convenes(f.id)), None) if topic else None
    if question is None or forum is None:
        raise NotFound(_("We could not find that question."))
    return _new_vote(
        forum,
        lambda draft: service.start_for_question(db.session, viewer(), question, draft),
        question.text,
        url_for(".new_question_vote", question_id=question.id),
    )


def _ballot_form(vote, formdata=None) -> BallotForm:
    form = BallotForm(formdata=formdata) if formdata is not None else BallotForm()
    form.option.choices = [SelectChoice(o.id, o.label) for o in vote.options]
    return form


def _show(vote, status=200, form=None):
    who = viewer()
    mine = service.my_ballot(db.session, who, vote)
    form = form or _ballot_form(vote, formdata={})
    if mine and not form.errors:
        form.option.data = mine.option_id
    return render(
        "topics/vote.html",
        vote=vote,
        forum=vote.forum,
        sections=sections_for(vote.forum),
        form=form,
        mine=mine,
        can_vote=service.can_vote(who, vote),
        results=service.results(db.session, vote),
        named=service.named_ballots(db.session, who, vote),
        convenes=who.convenes(vote.forum_id),
    ), status


@bp.get("/votes/<int:vote_id>")
def vote(vote_id: int):
    return _show(service.get_vote(db.session, viewer(), vote_id))


@bp.post("/votes/<int:vote_id>/ballot")
@login_required
def cast(vote_id: int):
    found = service.get_vote(db.session, viewer(), vote_id)
    form = _ballot_form(found)
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: service.cast(db.session, viewer(), found, form.option.data),
            _("Your vote is saved. You can change it until the vote closes."),
        )
        if done:
            return redirect(url_for(".vote", vote_id=found.id), code=303)
    return _show(found, 400, form)


def _paper_page(vote, status=200, **forms):
    entry = forms.get("entry") or PaperEntryForm(formdata=None)
    entry.option.choices = [SelectChoice(o.id, o.label) for o in vote.options]
    return render(
        "topics/vote_paper.html",
        vote=vote,
        forum=vote.forum,
        sections=sections_for(vote.forum),
        print_form=forms.get("printing") or PrintForm(formdata=None, data={"count": 10}),
        entry_form=entry,
        hands_form=forms.get("hands") or hands_form_for(vote),
        codes=service.paper_codes(db.session, viewer(), vote),
    ), status


@bp.get("/votes/<int:vote_id>/paper")
@login_required
def vote_paper(vote_id: int):
    found = service.get_vote(db.session, viewer(), vote_id)
    if not viewer().convenes(found.forum_id):
        raise NotAllowed(_("Only the forum's convenor can do this."))
    return _paper_page(found)


@bp.post("/votes/<int:vote_id>/paper/print")
@login_required
def print_ballots(vote_id: int):
    found = service.get_vote(db.session, viewer(), vote_id)
    form = PrintForm()
    if not form.validate_on_submit():
        return _paper_page(found, 400, printing=form)
    try:
        made = service.print_codes(db.session, viewer(), found, form.count.data)
    except DomainError as error:
        if isinstance(error, NotAllowed):
            raise
        show_error(form, error)
        return _paper_page(found, 400, printing=form)
    commit()
    lang = str(get_locale() or "en")
    html = render_template("topics/ballots_pdf.html", vote=found, ballots=made, lang=lang)
    response = Response(render_pdf(html), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="ballots-vote-{found.id}.pdf"'
    return response


@bp.post("/votes/<int:vote_id>/paper/enter")
@login_required
def enter_ballot(vote_id: int):
    found = service.get_vote(db.session, viewer(), vote_id)
    form = PaperEntryForm()
    form.option.choices = [SelectChoice(o.id, o.label) for o in found.options]
    if form.validate_on_submit():
        done = saved(
            form,
            lambda: service.enter_paper(
                db.session, viewer(), found, form.code.data, form.option.data
            ),
            _("The paper ballot is counted."),
        )
        if done:
            return redirect(url_for(".vote_paper", vote_id=found.id), code=303)
    return _paper_page(found, 400, entry=form)


@bp.post("/votes/<int:vote_id>/hands")
@login_required
def hands(vote_id: int):
    found = service.get_vote(db.session, viewer(), vote_id)
    form = hands_form_for(found)
    if form.validate_on_submit():
        counts = {
            o.id: form[str(o.id)].data for o in found.options if form[str(o.id)].data is not None
        }
        done = saved(
            form,
            lambda: service.record_hands(db.session, viewer(), found, counts),
            _("The show of hands is recorded."),
        )
        if done:
            return redirect(url_for(".vote_paper", vote_id=found.id), code=303)
    return _paper_page(found, 400, hands=form)


def _meeting_votes(meeting_id: int) -> dict[int, list]:
    """Loaded once per page for all the meeting's items (the panel is asked per item)."""
    cache = g.setdefault("votes_by_item", {})
    if meeting_id not in cache:
        cache[meeting_id] = service.votes_by_item(db.session, meeting_id)
    return cache[meeting_id]


@agenda_item_panels.panel("topics/_item_votes.html", order=70)
def item_votes(item, who) -> dict | None:
    found = _meeting_votes(item.meeting_id).get(item.id, [])
    can_start = who.convenes(item.meeting.forum_id) and item.influence in service.VOTING_LEVELS
    if not found and not can_start:
        return None
    return {"votes": found, "item": item, "can_start": can_start}
