"""Malformed input on every POST endpoint in the URL map: never a server error.

A seeded generator (the same variants every run) sends at least VARIANTS forms to each
endpoint, signed in as a site admin so every form is really read. Values are the kinds
that broke the site before: control characters and NUL, ids past 2^31, values that are
not one of a field's choices, digits int() refuses, lone pound signs, bidi overrides, very long text."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select
from wtforms import FieldList, FormField

from forum_site.models import User
from forum_site.web.validation import SiteForm
from tests.security import world as demo

VARIANTS = 50
CHUNKS = 4
NASTY = [
    "",
    " ",
    "\t",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "9" * 20,
    "9" * 5000,  # past Python's longest int string
    "\u00b2",  # a digit to str.isdigit() that int() refuses
    "2147483648",
    "-2147483649",
    "-1",
    "0",
    "1e309",
    "NaN",
    "zzz",
    "£",
    "£,",
    "1,2,3.456",
    "\u202egnp.exe",
    "\u2066x\u2069",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "𝕏" * 300,
    "x" * 6000,
    "\r\n\r\n",
    "2026-02-30",
    "99:99",
    "on",
    "true",
    "None",
]
EXTRA_FIELDS = ["lines-0-kind", "lines-0-amount", "lines-0-name", "lines-0-withheld", "member"]
SKIPPED = {"accounts.sign_out"}  # ends the admin's session; it takes no input


def _form_fields(cls=SiteForm) -> set[str]:
    names: set[str] = set()
    for sub in cls.__subclasses__():
        for name, unbound in getattr(sub, "_unbound_fields", None) or []:
            if unbound.field_class in (FieldList, FormField):
                continue
            names.add(name)
        names |= _form_fields(sub)
    return names


def _post_rules(app):
    rules = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ())]
    return sorted((r for r in rules if r.endpoint not in SKIPPED), key=lambda r: r.rule)


def _variant(rng: random.Random, fields: list[str]) -> dict:
    chosen = rng.sample(fields, k=min(len(fields), rng.randint(1, 12)))
    data = {name: rng.choice(NASTY) for name in chosen}
    if rng.random() < 0.3:
        data[rng.choice(chosen)] = [rng.choice(NASTY), rng.choice(NASTY)]
    return data


def _send(client, url: str, data: dict) -> tuple[int, str]:
    try:
        return client.post(url, data=data).status_code, ""
    except Exception as error:  # in testing mode a crash propagates: it counts as a 500
        return 500, repr(error)[:300]


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_no_post_endpoint_gives_a_server_error(app, client, db, sign_in, chunk):
    world = demo.build(db)
    admin = db.scalar(select(User).where(User.email == demo.INSIDERS["admin"]))
    sign_in(admin, password="demo-password-1")
    client.check_pages = False  # the pages' own checks run elsewhere; here: status only
    fields = sorted(_form_fields() | set(EXTRA_FIELDS))
    rules = _post_rules(app)[chunk::CHUNKS]
    failures, sent = [], 0
    for rule in rules:
        rng = random.Random(f"fuzz:{rule.endpoint}")
        for ids in (world.ids, world.private_ids):
            url = demo.url_for_rule(rule, ids)
            for _ in range(VARIANTS // 2):
                data = _variant(rng, fields)
                status, error = _send(client, url, data)
                sent += 1
                if status >= 500:
                    failures.append((rule.endpoint, url, data, error))
    assert sent >= VARIANTS * len(rules)
    assert failures == [], failures[:5]
