"""Home page, reading settings, and pages about the site."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, make_response, redirect, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from forum_site.delivery.inbox import same_things, shown_all
from forum_site.delivery.words import excerpt
from forum_site.extensions import db
from forum_site.models import OutgoingEmail
from forum_site.services import accounts, forums
from forum_site.services.home import my_home
from forum_site.web import pagination, preferences
from forum_site.web.main.forms import SettingsForm
from forum_site.web.main.home_words import to_do_words
from forum_site.web.meetings.labels import REPLY_ANSWERS
from forum_site.web.requests import translation_is_draft
from forum_site.web.responses import commit, render, safe_next, viewer
from forum_site.web.security import token_or_own_page

bp = Blueprint("main", __name__)

ONE_YEAR = 60 * 60 * 24 * 365


@bp.get("/")
def home():
    shown = forums.forums_by_name(db.session, viewer(), pagination.cursor())
    if pagination.wants_more():  # htmx's "Show more": only the next forums
        return render("main/home.html", block="forums_page", shown=shown)
    mine = forums.my_forums(db.session, viewer())
    return render("main/home.html", shown=shown, mine=mine, **_my_home())


def _my_home() -> dict:
    """A signed-in person's own part of the page; visitors get nothing extra (no queries)."""
    if not viewer().signed_in:
        return {"home": None}
    mine = my_home(db.session, viewer())
    to_read = same_things(
        shown_all(db.session, mine.to_read, current_user, easy_read=g.prefs.easy_read)
    )
    return {
        "home": mine,
        "to_read": to_read,
        "reply_words": REPLY_ANSWERS,
        "excerpt": excerpt,
        "to_do_words": to_do_words,
    }


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    form = SettingsForm(obj=g.prefs)
    form.language.choices = [SelectChoice("", _("Same as my browser"))] + _language_choices()
    if form.validate_on_submit():
        chosen = preferences.Preferences(
            easy_read=form.easy_read.data,
            hide_pictures=form.hide_pictures.data,
            text_size=form.text_size.data,
            high_contrast=form.high_contrast.data,
            language=form.language.data or None,
        )
        flash(_("Your reading settings are saved."), "success")
        return _save_preferences(chosen, url_for("main.settings"))
    return render("main/settings.html", form=form)


def _language_choices() -> list[SelectChoice]:
    """Each language in its own words, saying in that language when it is a draft."""
    choices = []
    for code, name in current_app.config["LANGUAGES"].items():
        label = name
        if translation_is_draft(code):
            with force_locale(code):
                label = _("%(language)s (draft translation, not checked yet)", language=name)
        choices.append(SelectChoice(code, label, render_kw={"lang": code}))
    return choices


@bp.post("/settings/easy-read")
@token_or_own_page
def toggle_easy_read():
    """The switch in the header: turn easy read on or off and stay on the same page."""
    target = safe_next(request.form.get("next"), url_for("main.home"))
    return _save_preferences(g.prefs.toggled_easy_read(), target)


def _save_preferences(chosen: preferences.Preferences, target: str):
    if current_user.is_authenticated:
        accounts.update_preferences(
            current_user,
            easy_read=chosen.easy_read,
            hide_pictures=chosen.hide_pictures,
            text_size=chosen.text_size,
            high_contrast=chosen.high_contrast,
            language=chosen.language,
        )
        commit()
    response = make_response(redirect(target, code=303))
    response.set_cookie(
        preferences.COOKIE_NAME,
        chosen.to_cookie(),
        max_age=ONE_YEAR,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


@bp.get("/accessibility")
def accessibility():
    return render("main/accessibility.html")


@bp.get("/about-the-pictures")
def pictures():
    """Every picture set the easy-read pages use, with its licence and author (ER-17)."""
    from easyread.pictures import symbol_credits

    return render("main/pictures.html", credits=symbol_credits())


@bp.get("/healthz")
def healthz():
    db.session.execute(select(1))
    return {"status": "ok"}


@bp.get("/dev/outbox")
def outbox():
    """Emails the site would have sent: for site admins only, in every mode (reset links
    in it would let anyone take over an account)."""
    if not viewer().is_admin:
        return render("errors/error.html", title=_("Page not found"), advice="", status=404), 404
    emails = db.session.scalars(
        select(OutgoingEmail).order_by(OutgoingEmail.id.desc()).limit(50)
    ).all()
    return render("main/outbox.html", emails=emails)
