"""Words typed while a session ended are not lost (issue 15).

Someone writes a long point; meanwhile they were signed out in another tab, their password
was changed elsewhere, or the session ran out. When they press Send, the sign-in page
carries what they typed in hidden fields; once signed in, a page shows the words again in
a form that sends them where they were going, with a fresh token. Nothing is stored on
the server and nothing needs JavaScript. Passwords, PINs and tokens are never carried.
"""

from __future__ import annotations

from flask import Response, make_response, request
from werkzeug.datastructures import MultiDict

from forum_site.web.responses import asks_for_a_fragment, render

CARRY_PREFIX = "carry-"
CARRY_TO = "carry_to"
NEVER_CARRIED = frozenset({"csrf_token", "password", "password_again", "pin", "pin_again"})
LONGEST_CARRIED = 20_000  # characters, all fields together: a long point fits, a flood not
SHOWN_FROM = 60  # characters: longer words are shown to the person (shorter ones stay hidden)


def typed_fields(form: MultiDict) -> list[tuple[str, str]]:
    """What the person typed into this form, ready to carry (nothing secret)."""
    kept, size = [], 0
    for name in form:
        if name in NEVER_CARRIED or name == CARRY_TO or name.startswith(CARRY_PREFIX):
            continue
        for value in form.getlist(name):
            size += len(value)
            if size > LONGEST_CARRIED:
                return kept
            kept.append((name, value))
    return kept


def carried_fields(form: MultiDict) -> list[tuple[str, str]]:
    """The fields the sign-in form carried, under their own names again."""
    return [
        (name.removeprefix(CARRY_PREFIX), value)
        for name in form
        if name.startswith(CARRY_PREFIX)
        for value in form.getlist(name)
    ][:200]


def _whole_page(html: str) -> Response:
    """These pages replace the whole page: htmx is told to put them in the body, not
    into the part of the page the form was going to update (a page inside a page)."""
    response = make_response(html)
    if asks_for_a_fragment():
        response.headers["HX-Retarget"] = "body"
        response.headers["HX-Reswap"] = "innerHTML"
    return response


def sign_in_to_send(sign_in_form) -> Response:
    """The sign-in page, carrying what was typed into the form posted to this address."""
    return _whole_page(
        render(
            "accounts/sign_in.html",
            form=sign_in_form,
            next=request.path,
            carried=typed_fields(request.form),
            carry_to=request.path,
        )
    )


def send_again(carried: list[tuple[str, str]], target: str) -> Response:
    """After signing in: the words again, in a form that sends them on."""
    shown = [(name, value) for name, value in carried if len(value) >= SHOWN_FROM]
    hidden = [(name, value) for name, value in carried if len(value) < SHOWN_FROM]
    return _whole_page(
        render("accounts/send_again.html", shown=shown, hidden=hidden, target=target)
    )
