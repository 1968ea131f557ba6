"""Making an account, signing in and out, and resetting a password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum_site.extensions import db, limiter
from forum_site.services import accounts, messages, sessions
from forum_site.services.errors import DomainError
from forum_site.web import limits, resume
from forum_site.web.accounts.emails import send_registration_email
from forum_site.web.accounts.forms import (
    ButtonForm,
    ChangePasswordForm,
    FinishRegistrationForm,
    ForgotPasswordForm,
    NewPasswordForm,
    RegisterForm,
    SignInForm,
)
from forum_site.web.accounts.signing import sign_in_user, sign_out_user
from forum_site.web.easy_read.steps import REGISTER_STEPS, FormSteps
from forum_site.web.responses import commit, render, safe_next, show_error, site_url

bp = Blueprint("accounts", __name__)

# The first, cheap line per address; a whole meeting signs in from one venue's Wi-Fi.
SIGN_IN_LIMIT = "60 per minute; 600 per hour"


def _asked_next() -> str:
    """The page to go to afterwards, if one was asked for (only our own paths)."""
    return safe_next(request.args.get("next") or request.form.get("next"), "")


def _next_page() -> str:
    return _asked_next() or url_for("main.home")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def register():
    """Who you are; the link in the email finishes it. The same page whether or not the
    address has an account, so nobody learns who is here."""
    form = RegisterForm()
    steps = FormSteps(form, REGISTER_STEPS, enabled=g.prefs.easy_read)  # one question a screen
    if steps.finished():
        email = accounts.normalise_email(form.email.data)
        limits.count_now(
            (limits.REGISTER_PER_EMAIL, email), (limits.REGISTER_PER_ADDRESS, limits.address())
        )
        registration = accounts.Registration(
            email=email, display_name=form.display_name.data, next_page=_asked_next()
        )
        send_registration_email(db.session, registration)
        commit()  # the email and the attempt, counted on every worker
        return render("accounts/register_sent.html", email=form.email.data)
    return render("accounts/register.html", form=form, steps=steps, next=_next_page())


@bp.route("/register/finish/<token>", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def finish_registration(token: str):
    try:
        registration = accounts.registration_for_token(
            db.session,
            token,
            current_app.config["SECRET_KEY"],
            current_app.config["REGISTRATION_MAX_AGE"],
        )
    except DomainError as error:
        return _registration_failed(error)
    form = FinishRegistrationForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_account(
                db.session,
                email=registration.email,
                display_name=registration.display_name,
                password=form.password.data,
            )
        except accounts.AccountExists as error:
            return _registration_failed(error)
        except DomainError as error:
            show_error(form, error)
        else:
            sign_in_user(user)
            commit()
            flash(_("Your account is ready. You are signed in."), "success")
            return redirect(safe_next(registration.next_page, url_for("main.home")), code=303)
    return render(
        "accounts/finish_registration.html", form=form, token=token, registration=registration
    )


def _registration_failed(error: DomainError):
    """A link that has run out or was made up (start again), or an address that has an
    account by now, most often because this link was used already (sign in)."""
    exists = isinstance(error, accounts.AccountExists)
    return render(
        "accounts/registration_failed.html", problem=error.message, account_exists=exists
    ), 400


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in():
    form = SignInForm()
    if form.validate_on_submit():
        email = accounts.normalise_email(form.email.data)
        # Every try counts before the password is checked, so guesses sent at once cannot
        # all slip under the limit; a right password takes its counts back.
        counted = limits.count_now(
            (limits.SIGN_IN_PER_ACCOUNT, email), (limits.SIGN_IN_PER_ADDRESS, limits.address())
        )
        try:
            user = accounts.authenticate(
                db.session, email=form.email.data, password=form.password.data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            for take_back in counted.values():
                take_back()
            sign_in_user(user)
            commit()
            carried = resume.carried_fields(request.form)
            target = safe_next(request.form.get(resume.CARRY_TO), "")
            if carried and target:
                return resume.send_again(carried, target)
            return redirect(_next_page(), code=303)
    return render(
        "accounts/sign_in.html",
        form=form,
        next=_next_page(),
        carried=resume.carried_fields(request.form),
        carry_to=safe_next(request.form.get(resume.CARRY_TO), ""),
    )


@bp.post("/sign-out")
def sign_out():
    sign_out_user()
    commit()
    flash(_("You are signed out."), "success")
    return redirect(url_for("main.home"), code=303)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        email = accounts.normalise_email(form.email.data)
        limits.count_now(
            (limits.RESET_PER_ACCOUNT, email), (limits.RESET_PER_ADDRESS, limits.address())
        )
        user = accounts.find_user_by_email(db.session, form.email.data)
        if user is not None:
            token = accounts.make_reset_token(user, current_app.config["SECRET_KEY"])
            link = f"{site_url()}{url_for('accounts.reset_password', token=token)}"
            messages.queue_email(
                db.session,
                to=user.email,
                subject=_("Reset your forum-site password"),
                body=_(
                    "Someone asked to reset the password for your account. "
                    "If it was you, open this link within one hour: %(link)s\n\n"
                    "If it was not you, you can ignore this email.",
                    link=link,
                ),
            )
        commit()  # the email (if any) and the attempt, counted on every worker
        # The same answer either way, so the page does not reveal who has an account.
        return render("accounts/reset_sent.html", email=form.email.data)
    return render("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    max_age = current_app.config["PASSWORD_RESET_MAX_AGE"]
    try:
        user = accounts.user_for_reset_token(
            db.session, token, current_app.config["SECRET_KEY"], max_age
        )
    except DomainError as error:
        return render("accounts/reset_failed.html", problem=error.message), 400
    form = NewPasswordForm()
    if form.validate_on_submit():
        accounts.set_password(user, form.password.data)
        sessions.end_all(db.session, user)
        sign_in_user(user)
        commit()
        flash(_("Your password is changed. You are signed in."), "success")
        return redirect(url_for("main.home"), code=303)
    return render("accounts/reset_password.html", form=form, token=token)


@bp.get("/account")
@login_required
def account():
    return render("accounts/account.html", user=current_user, form=ButtonForm())


@bp.post("/account/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    if ButtonForm().validate_on_submit():
        user = current_user._get_current_object()
        sessions.end_all(db.session, user)
        sign_out_user()
        commit()
        flash(_("You are signed out on every computer, phone and tablet."), "success")
    return redirect(url_for("main.home"), code=303)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                current_user, current=form.current_password.data, new=form.password.data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            sessions.end_all(db.session, current_user)
            sign_in_user(current_user)  # a new session here; every other one has ended
            commit()
            flash(_("Your password is changed."), "success")
            return redirect(url_for("accounts.account"), code=303)
    return render("accounts/change_password.html", form=form)
