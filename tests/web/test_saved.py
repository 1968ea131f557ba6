"""responses.saved: one service call for a checked form (the topics views use it)."""

from __future__ import annotations

import pytest
from flask import get_flashed_messages
from wtforms import StringField

from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.web.responses import Saved, saved
from forum_site.web.validation import SiteForm


class _Form(SiteForm):
    title = StringField("Title")


@pytest.fixture
def form(app, db):
    with app.test_request_context("/", method="POST", data={"title": "Day services"}):
        yield _Form(meta={"csrf": False})


def _raise(error: Exception):
    def action():
        raise error

    return action


def test_a_call_that_works_is_committed_and_thanked(form):
    done = saved(form, lambda: 42, "Saved.")
    assert done == Saved(42)
    assert get_flashed_messages(with_categories=True) == [("success", "Saved.")]


def test_a_broken_rule_goes_next_to_its_field_and_nothing_is_thanked(form):
    done = saved(
        form, _raise(DomainError("Give the topic a shorter title.", field="title")), "Saved."
    )
    assert done is None
    assert form.title.errors == ["Give the topic a shorter title."]
    assert get_flashed_messages() == []


def test_a_broken_rule_with_no_field_goes_at_the_top_of_the_form(form):
    assert saved(form, _raise(DomainError("The vote has closed.")), "Saved.") is None
    assert form.form_errors == ["The vote has closed."]


@pytest.mark.parametrize("error", [NotAllowed("Only the convenor can."), NotFound("No vote.")])
def test_a_refusal_about_the_person_or_thing_goes_to_the_error_page(form, error):
    with pytest.raises(type(error)):
        saved(form, _raise(error), "Saved.")
    assert form.form_errors == []


def test_a_not_found_about_a_field_is_the_form_s_business(form):
    error = NotFound("Nobody has an account with that email address.", field="title")
    assert saved(form, _raise(error), "Saved.") is None
    assert form.title.errors == ["Nobody has an account with that email address."]
