"""Signing in with a card (by scanning its QR code or typing its code, then a PIN), the
venue computer's idle warning, sign-out and Finished, and taking an account over."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum_site.extensions import db, limiter
from forum_site.services import accounts, sessions
from forum_site.services.errors import DomainError
from forum_site.services.not_online import cards, supported
from forum_site.web import limits
from forum_site.web.accounts.forms import FinishRegistrationForm
from forum_site.web.accounts.signing import sign_in_user, sign_out_user
from forum_site.web.not_online import venue as kiosk
from forum_site.web.not_online.blueprint import bp
from forum_site.web.not_online.emails import send_add_email_email
from forum_site.web.not_online.forms import CardSignInForm, TakeOverForm
from forum_site.web.responses import commit, render, safe_next, show_error

PER_ADDRESS = "10 per minute; 60 per hour"
PER_CARD = "5 per minute; 20 per hour"


def _card_key() -> str:
    """The card a sign-in is for, so one card can't be tried from many addresses at once."""
    typed = request.form.get("code") or request.view_args.get("code") or ""
    return "card:" + (cards.normalise_code(typed) or "none")


def _after_sign_in() -> str:
    venue = kiosk.current_venue()
    if venue is not None:
        session[kiosk.SEEN] = time.time()
        return url_for("forums.show", slug=venue.forum.slug)
    return safe_next(request.args.get("next"), url_for("main.home"))


@bp.route("/card", methods=["GET", "POST"])
@bp.route("/card/<code>", methods=["GET", "POST"])
@limiter.limit(PER_ADDRESS, methods=["POST"])
@limiter.limit(PER_CARD, methods=["POST"], key_func=_card_key)
def card_sign_in(code: str | None = None):
    form = CardSignInForm()
    if request.method == "GET" and code:
        form.code.data = cards.normalise_code(code)
    if form.validate_on_submit():
        try:
            user = cards.sign_in_with_card(db.session, form.code.data, form.pin.data)
        except DomainError as error:
            commit()  # a wrong PIN is counted towards locking the card
            show_error(form, error)
        else:
            # One card, one place: a card used at a second computer signs it out at the
            # first, where it may have been left signed in for the next person to see.
            elsewhere = sessions.end_all(db.session, user)
            sign_in_user(user)
            commit()
            flash(_("You are signed in. Hello, %(name)s.", name=user.display_name), "success")
            if elsewhere:
                flash(
                    _("You were still signed in on another computer. You are signed out there now.")
                )
            return redirect(_after_sign_in(), code=303)
    form.pin.data = ""
    return render("not_online/card_sign_in.html", form=form, venue=kiosk.current_venue())


@bp.get("/venue/still-there")
def still_there():
    """The warning a minute before the idle sign-out, reached by a meta refresh."""
    if kiosk.current_venue() is None or not current_user.is_authenticated:
        return redirect(url_for("main.home"), code=303)
    return render("not_online/still_there.html", **kiosk.warning_context())


@bp.post("/venue/still-there")
def keep_going():
    """Pressing "I am still here" counts as using the computer, so the clock starts again."""
    target = safe_next(request.form.get("next"), url_for("main.home"))
    return redirect(target, code=303)


@bp.get("/venue/signed-out")
def timed_out():
    """Where the warning page's refresh lands: the idle check has signed the person out."""
    if current_user.is_authenticated:
        if kiosk.current_venue() is None:
            return redirect(url_for("main.home"), code=303)
        sign_out_user()
        commit()
    return render("not_online/timed_out.html", venue=kiosk.current_venue())


@bp.post("/venue/finished")
def finished():
    return kiosk.finished_response()


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
@limiter.limit(PER_ADDRESS, methods=["POST"])
def take_over():
    """A supported member adds an email address. We email the address, and the page says
    the same whether or not it has an account, so nobody learns who is here."""
    try:
        supported.may_add_email(db.session, current_user)
    except DomainError:
        return redirect(url_for("accounts.account"), code=303)
    form = TakeOverForm()
    if form.validate_on_submit():
        email = accounts.normalise_email(form.email.data)
        limits.count_now(
            (limits.REGISTER_PER_EMAIL, email), (limits.REGISTER_PER_ADDRESS, limits.address())
        )
        send_add_email_email(db.session, current_user, email)
        commit()  # the email and the attempt, counted on every worker
        return render("not_online/take_over_sent.html", email=form.email.data)
    return render("not_online/take_over.html", form=form)


@bp.route("/account/email/confirm/<token>", methods=["GET", "POST"])
@limiter.limit(PER_ADDRESS, methods=["POST"])
def confirm_email(token: str):
    """The link in our email: signed in as the member who asked, they choose a password
    and the address becomes theirs."""
    member = current_user if current_user.is_authenticated else None
    try:
        added = accounts.added_email_for_token(
            token, current_app.config["SECRET_KEY"], current_app.config["REGISTRATION_MAX_AGE"]
        )
        email = supported.email_to_confirm(db.session, member, added)
    except DomainError as error:
        return _confirm_failed(error)
    form = FinishRegistrationForm()
    if form.validate_on_submit():
        try:
            supported.take_over(db.session, current_user, email=email, password=form.password.data)
        except DomainError as error:
            show_error(form, error)
        else:
            sign_in_user(current_user)
            commit()
            flash(_("Your account has your email address now. You can sign in with it."))
            return redirect(url_for("accounts.account"), code=303)
    return render("not_online/confirm_email.html", form=form, token=token, email=email)


def _confirm_failed(error: DomainError):
    """A link that has run out or was made up, one opened without signing in with the
    card, or an address that has an account by now."""
    return render(
        "not_online/confirm_email_failed.html",
        problem=error.message,
        sign_in_first=isinstance(error, supported.SignInFirst),
        account_exists=isinstance(error, accounts.AccountExists),
    ), 400
