"""The one-question-per-screen helper on a small form of its own: what it checks on each
screen, what it carries in hidden fields, and what it never carries."""

from __future__ import annotations

import pytest
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, ValidationError

from forum_site.web.easy_read.steps import FormSteps, Step

STEPS = [
    Step("What is your name?", ("name",), "person"),
    Step("How do you travel?", ("travel", "needs_lift"), "bus"),
    Step("Choose a secret word.", ("secret",), "key"),
]


class TripForm(FlaskForm):
    class Meta:
        csrf = False

    name = StringField("Name", validators=[DataRequired(message="Enter your name.")])
    travel = RadioField(
        "Travel",
        choices=[SelectChoice("bus", "Bus"), SelectChoice("taxi", "Taxi")],
        validators=[DataRequired(message="Choose how you travel.")],
    )
    needs_lift = BooleanField("I need a lift")
    secret = PasswordField("Secret", validators=[DataRequired(message="Choose a word.")])
    trip_id = HiddenField()

    def validate_name(self, field):
        if field.data == "nobody":
            raise ValidationError("Use your own name.")


def _steps(app, data: dict | None, enabled: bool = True) -> FormSteps:
    method = "POST" if data is not None else "GET"
    with app.test_request_context("/", method=method, data=data or {}):
        steps = FormSteps(TripForm(), STEPS, enabled=enabled)
        steps.done = steps.finished()
        steps.carried = dict(steps.carried_fields())
        steps.shown = [f.name for f in steps.shown_fields()]
        return steps


def test_a_new_form_starts_at_the_first_question(app):
    steps = _steps(app, None)
    assert (steps.number, steps.count, steps.shown) == (1, 3, ["name"])
    assert not steps.done and steps.is_first


def test_next_checks_only_this_screen_and_carries_the_rest(app):
    steps = _steps(app, {"_step": "0", "_move": "next", "name": "Ravi"})
    assert steps.number == 2 and steps.moved
    assert steps.shown == ["travel", "needs_lift"]
    assert steps.carried["name"] == ["Ravi"]
    assert not steps.form.travel.errors, "the next screen is not checked before it is seen"


def test_the_forms_own_checks_run_on_their_screen(app):
    steps = _steps(app, {"_step": "0", "_move": "next", "name": "nobody"})
    assert steps.number == 1 and not steps.moved
    assert steps.form.name.errors == ["Use your own name."]


def test_ticked_boxes_and_chosen_options_travel_between_screens(app):
    steps = _steps(
        app,
        {"_step": "2", "_move": "back", "name": "Ravi", "travel": "taxi", "needs_lift": "y"},
    )
    assert steps.number == 2
    assert steps.shown == ["travel", "needs_lift"]
    assert steps.carried == {"name": ["Ravi"]}
    assert steps.form.needs_lift.data is True and steps.form.travel.data == "taxi"
    unticked = _steps(app, {"_step": "1", "_move": "next", "name": "Ravi", "travel": "bus"})
    assert unticked.carried["needs_lift"] == []
    assert unticked.carried["travel"] == ["bus"]


def test_passwords_and_hidden_fields_are_never_carried(app):
    steps = _steps(
        app, {"_step": "0", "_move": "back", "name": "Ravi", "secret": "s3cret", "trip_id": "7"}
    )
    assert "secret" not in steps.carried
    assert "trip_id" not in steps.carried, "the template sends its own hidden fields"


def test_the_last_screen_checks_everything_and_goes_back_to_the_first_problem(app):
    steps = _steps(app, {"_step": "2", "_move": "next", "name": "Ravi", "secret": "s3cret"})
    assert not steps.done
    assert steps.number == 2 and steps.form.travel.errors == ["Choose how you travel."]
    assert steps.errors_to_show()


def test_the_last_screen_finishes_when_everything_is_right(app):
    steps = _steps(
        app, {"_step": "2", "_move": "next", "name": "Ravi", "travel": "bus", "secret": "s3cret"}
    )
    assert steps.done


@pytest.mark.parametrize("raw", ["-1", "abc", "99"])
def test_odd_step_numbers_stay_inside_the_form(app, raw):
    steps = _steps(app, {"_step": raw, "_move": "back", "name": "Ravi"})
    assert 1 <= steps.number <= 3


def test_turned_off_it_is_the_whole_form_at_once(app):
    steps = _steps(app, {"name": "Ravi"}, enabled=False)
    assert not steps.done
    assert steps.form.travel.errors and steps.form.secret.errors
    done = _steps(app, {"name": "Ravi", "travel": "bus", "secret": "x"}, enabled=False)
    assert done.done
