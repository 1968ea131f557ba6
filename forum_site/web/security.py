"""Security headers on every response (no inline scripts or styles anywhere; HSTS in
production), trusting the reverse proxies in front of the site, and the form token for
the one form on every page.

A visitor gets no session (no cookie) until a page with a form of its own makes one, so
that visitor pages can be cached (issue 20). The reading switch in the header is on every
page, so for a visitor without a session it has no token: such a switch request must come
from one of our own pages, as the browser tells us (``Sec-Fetch-Site``, else ``Origin``).
With a token, the token is checked as on every other form."""

from __future__ import annotations

import functools

from flask import Flask, Response, current_app, request, session
from flask_babel import LazyString
from flask_wtf.csrf import _FlaskFormCSRF
from werkzeug.middleware.proxy_fix import ProxyFix

from forum_site.extensions import csrf

TOKEN_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if current_app.config["ENV"] == "production":
        headers.setdefault(
            "Strict-Transport-Security",
            f"max-age={current_app.config['HSTS_SECONDS']}; includeSubDomains",
        )
    if response.mimetype == "text/html":
        # Pages answer htmx with only a part, so a cache must keep the two apart. One
        # Vary header (a second one would be lost by the compressor's own Vary).
        response.vary.add("HX-Request")
    return response


class TokenWhenShown(_FlaskFormCSRF):
    """A form's token is made when the form is shown, not when it is built, so a page that
    builds a form it does not show a visitor (a meeting's reply form) starts no session."""

    def generate_csrf_token(self, csrf_token_field):
        return LazyString(super().generate_csrf_token, csrf_token_field)


def has_form_token() -> bool:
    """Whether this visitor's session already holds a form token (so showing one sets no
    new cookie)."""
    return TOKEN_FIELD in session


def from_our_own_page() -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("Origin")
    return origin is not None and origin.rstrip("/") == request.host_url.rstrip("/")


def token_or_own_page(view):
    """A form on every page: its token is checked when it has one; without one, the
    request must come from our own page (see the module's docstring)."""

    @functools.wraps(view)
    def checked(*args, **kwargs):
        if request.form.get(TOKEN_FIELD) or not from_our_own_page():
            csrf.protect()
        return view(*args, **kwargs)

    return csrf.exempt(checked)


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
    app.jinja_env.globals["has_form_token"] = has_form_token
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        # The client's address, scheme and host as the proxies saw them, so rate limits
        # count people, not the proxy, and redirects and Secure cookies use https.
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
