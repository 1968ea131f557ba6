"""The convenor's pages for members who are not online: the list, making a supported
account, one person's page with their card, and printing cards."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, url_for
from flask_babel import gettext as _
from flask_login import login_required

from forum_site.extensions import db
from forum_site.services import forums, meetings
from forum_site.services.errors import DomainError
from forum_site.services.not_online import cards, letters, supported, venues
from forum_site.web.accounts.signing import sign_out_user
from forum_site.web.not_online import card_pdf
from forum_site.web.not_online.blueprint import bp
from forum_site.web.not_online.forms import (
    CONSENT_HOW,
    PIN_HINT,
    REACH_BY,
    CardForm,
    SupportedMemberForm,
    VenueComputerForm,
)
from forum_site.web.not_online.venue import set_cookie
from forum_site.web.responses import commit, render, show_error, viewer


def _forum(slug: str):
    forum = forums.get_forum(db.session, viewer(), slug)
    supported.require_convenor(viewer(), forum)
    return forum


@bp.get("/forums/<slug>/not-online")
@login_required
def hub(slug: str):
    forum = _forum(slug)
    people = supported.supported_members(db.session, viewer(), forum)
    current = {p.user_id: cards.current_card(db.session, p.user_id) for p in people}
    return render(
        "not_online/hub.html",
        forum=forum,
        people=people,
        cards=current,
        reach_by=REACH_BY,
        letters_waiting=letters.waiting_count(db.session, forum),
        computers=venues.venue_computers(db.session, viewer(), forum),
        venue_form=VenueComputerForm(),
    )


@bp.route("/forums/<slug>/not-online/new", methods=["GET", "POST"])
@login_required
def new_person(slug: str):
    forum = _forum(slug)
    form = SupportedMemberForm()
    if form.validate_on_submit():
        details = supported.NewSupportedMember(
            name=form.name.data,
            reach_by=form.reach_by.data or "",
            consent_from=form.consent_from.data or "",
            consent_how=form.consent_how.data or "",
            consent_confirmed=form.consent_confirmed.data,
            postal_address=form.postal_address.data or "",
            phone=form.phone.data or "",
            easy_read=form.easy_read.data,
        )
        try:
            account = supported.make_supported_account(db.session, viewer(), forum, details)
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("%(name)s is a member now. Make them a sign-in card.", name=form.name.data))
            return redirect(url_for(".person", slug=slug, user_id=account.user_id), code=303)
    return render("not_online/new_person.html", forum=forum, form=form)


def _person(slug: str, user_id: int):
    forum = _forum(slug)
    return forum, supported.get_supported(db.session, viewer(), forum, user_id)


@bp.route("/forums/<slug>/not-online/people/<int:user_id>", methods=["GET", "POST"])
@login_required
def person(slug: str, user_id: int):
    """The person's details, consent, and card; POST issues a new card with a PIN."""
    forum, account = _person(slug, user_id)
    form = CardForm()
    if form.validate_on_submit():
        try:
            cards.issue_card(db.session, viewer(), account.user, form.pin.data)
        except DomainError as error:
            show_error(form, error)
        else:
            commit()
            flash(_("The new card is ready to print. Any older card has stopped working."))
            return redirect(url_for(".person", slug=slug, user_id=user_id), code=303)
    return render(
        "not_online/person.html",
        forum=forum,
        account=account,
        card=cards.current_card(db.session, user_id),
        form=form,
        reach_by=REACH_BY,
        consent_words=CONSENT_HOW,
        pin_hint=PIN_HINT,
        upcoming=meetings.upcoming_meetings(db.session, viewer(), forum, limit=5),
    )


@bp.post("/forums/<slug>/not-online/people/<int:user_id>/card/<action>")
@login_required
def change_card(slug: str, user_id: int, action: str):
    _forum, account = _person(slug, user_id)
    card = cards.current_card(db.session, user_id)
    if card is None or action not in {"revoke", "unlock"}:
        abort(404)
    if action == "revoke":
        cards.revoke_card(card)
        flash(_("The card has stopped working. Make a new one when you are ready."))
    else:
        cards.unlock_card(card)
        flash(_("The card works again."))
    commit()
    return redirect(url_for(".person", slug=slug, user_id=account.user_id), code=303)


@bp.get("/forums/<slug>/not-online/people/<int:user_id>/card.pdf")
@login_required
def card_pdf_one(slug: str, user_id: int):
    forum, account = _person(slug, user_id)
    card = cards.current_card(db.session, user_id)
    if card is None:
        abort(404)
    return card_pdf.send([card], forum, sheet=False)


@bp.get("/forums/<slug>/not-online/cards.pdf")
@login_required
def cards_sheet(slug: str):
    forum = _forum(slug)
    people = supported.supported_members(db.session, viewer(), forum)
    found = [cards.current_card(db.session, p.user_id) for p in people]
    found = [card for card in found if card is not None]
    if not found:
        flash(_("Nobody has a card yet. Make one on a person's page."))
        return redirect(url_for(".hub", slug=slug), code=303)
    return card_pdf.send(found, forum, sheet=True)


@bp.post("/forums/<slug>/venue-computers")
@login_required
def set_up_venue(slug: str):
    forum = _forum(slug)
    form = VenueComputerForm()
    if not form.validate_on_submit():
        flash(_("Say where this computer is."), "error")
        return redirect(url_for(".hub", slug=slug), code=303)
    try:
        computer, secret = venues.set_up_venue_computer(
            db.session,
            viewer(),
            forum,
            name=form.name.data,
            idle_minutes=int(form.idle_minutes.data),
        )
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for(".hub", slug=slug), code=303)
    sign_out_user()  # the convenor's own account must not stay open on a shared computer
    commit()
    flash(_("This is now a shared computer for %(forum)s. You are signed out.", forum=forum.name))
    response = make_response(redirect(url_for(".card_sign_in"), code=303))
    set_cookie(response, computer.id, secret)
    return response


@bp.post("/forums/<slug>/venue-computers/<int:computer_id>/stop")
@login_required
def stop_venue(slug: str, computer_id: int):
    forum = _forum(slug)
    venues.stop_venue_computer(db.session, viewer(), forum, computer_id)
    commit()
    flash(_("That computer is an ordinary computer again."))
    return redirect(url_for(".hub", slug=slug), code=303)
