"""One question per screen: a long form shown a few fields at a time in easy-read mode.

Works without JavaScript. Each screen is a normal POST of the whole form: the fields
of earlier and later steps travel in hidden inputs, so nothing typed is lost, and the
"Back" and "Next" buttons say which way to go. Only the current step's fields are
checked until the last step; then the whole form is checked, and if a field on an
earlier step is wrong the person is taken back to that step with the message.

In a view::

    form = RegisterForm()
    steps = FormSteps(form, REGISTER_STEPS, enabled=g.prefs.easy_read)
    if steps.finished():          # instead of form.validate_on_submit()
        ...
    return render("...", form=form, steps=steps)

and in the template, inside the <form>: ``{{ easy_steps(steps) }}`` from
components/easy_read.html, which shows the current step's fields, carries the rest
and adds the buttons. When ``enabled`` is false, ``finished()`` is exactly
``form.validate_on_submit()`` and the template shows the usual whole form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field

STEP_FIELD = "_step"
MOVE_FIELD = "_move"
# A short form elsewhere (the meeting page's "Have your say") that already asks every
# question sends _step=last: it is checked as a whole and saved in one step.
ALL_ASKED = "last"
# Never sent back in hidden fields: files cannot be, passwords should not be (put the
# password question last, so it is asked again only when an earlier answer was wrong).
NOT_CARRIED = {"CSRFTokenField", "FileField", "MultipleFileField", "SubmitField", "PasswordField"}


@dataclass(frozen=True)
class Step:
    """A screen: a short question as its heading, a picture and the fields it asks for."""

    question: str
    fields: tuple[str, ...]
    picture: str = ""
    hints: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


class FormSteps:
    def __init__(self, form: FlaskForm, steps: list[Step], enabled: bool = True):
        self.form = form
        self.steps = steps
        self.enabled = enabled and len(steps) > 1
        self._index = 0
        self._checked = False
        form._easy_steps = self  # so a template can find the view's steps (steps_for)

    # -- what the view calls ------------------------------------------------------------

    def finished(self) -> bool:
        """True when the whole form is sent and valid (the view then saves it)."""
        if not self.enabled:
            return self.form.validate_on_submit()
        if not self.form.is_submitted():
            return False
        self._checked = True
        self._index = self._posted_index()
        if request.form.get(MOVE_FIELD) == "back":
            self._index = max(self._index - 1, 0)
            return False
        if not self._validate(self.steps[self._index].fields):
            return False
        if self._index < len(self.steps) - 1:
            self._index += 1
            return False
        if self.form.validate():
            return True
        self._index = self.first_step_with_errors()
        return False

    # -- what the template reads ----------------------------------------------------------

    @property
    def index(self) -> int:
        """The step on screen; a step with errors wins (a service error on an earlier field)."""
        if self.enabled and self._has_errors():
            return self.first_step_with_errors()
        return self._index

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.steps)

    @property
    def current(self) -> Step:
        return self.steps[self.index]

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def shown_fields(self) -> list[Field]:
        return [self.form[name] for name in self.current.fields]

    def carried_fields(self) -> list[tuple[str, list[str]]]:
        """(name, values) for every other field, to send again in hidden inputs."""
        shown = set(self.current.fields)
        carried = []
        for f in self.form:
            if f.name in shown or f.type in NOT_CARRIED or _is_hidden(f):
                continue
            carried.append((f.name, _values(f)))
        return carried

    def errors_to_show(self) -> bool:
        return self._checked and (self._has_errors() or bool(self.form.form_errors))

    @property
    def moved(self) -> bool:
        """True when a Back or Next was handled without a problem: show the page with 200."""
        return self.enabled and self._checked and not self.errors_to_show()

    # -- inside ----------------------------------------------------------------------------

    def _posted_index(self) -> int:
        raw = request.form.get(STEP_FIELD, "0")
        if raw == ALL_ASKED:
            return len(self.steps) - 1
        number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 4 else 0
        return min(number, len(self.steps) - 1)

    def _validate(self, names: tuple[str, ...]) -> bool:
        """Check only these fields (and the CSRF token), with the form's own extra checks."""
        valid = True
        csrf = getattr(self.form, "csrf_token", None)
        if csrf is not None and not csrf.validate(self.form):
            self.form.form_errors.append(csrf.errors[0] if csrf.errors else "")
            valid = False
        for name in names:
            f = self.form[name]
            inline = getattr(self.form.__class__, f"validate_{name}", None)
            extra = [inline] if inline else []  # called as inline(form, field), as WTForms does
            valid = f.validate(self.form, extra) and valid
        return valid

    def _has_errors(self) -> bool:
        return any(self.form[name].errors for step in self.steps for name in step.fields)

    def first_step_with_errors(self) -> int:
        for number, step in enumerate(self.steps):
            if any(self.form[name].errors for name in step.fields):
                return number
        return self._index


def _is_hidden(f: Field) -> bool:
    """Hidden fields are the template's own to send (for example with form.hidden_tag())."""
    return f.type == "HiddenField" or getattr(f.widget, "input_type", "") == "hidden"


def _values(f: Field) -> list[str]:
    if f.raw_data is not None and f.type != "BooleanField":
        return [str(v) for v in f.raw_data]
    if f.type == "BooleanField":
        return ["y"] if f.data else []
    if isinstance(f.data, list | tuple):
        return [str(v) for v in f.data]
    value = f._value() if hasattr(f, "_value") else f.data
    return [] if value is None else [str(value)]


# The steps of "Make an account" in easy read. The password is not asked here: it is
# chosen on the page the emailed link opens (accounts/finish_registration.html).
REGISTER_STEPS = [
    Step(
        _l("What is your name?"),
        ("display_name",),
        "person",
        hints={"display_name": _l("Other members of your forums may see this name.")},
        attrs={"display_name": {"autocomplete": "name"}},
    ),
    Step(
        _l("What is your email address?"),
        ("email",),
        "email",
        hints={"email": _l("We send messages about your forums to this address.")},
        attrs={"email": {"autocomplete": "email", "spellcheck": "false"}},
    ),
]


# Meetings: "Are you coming?" and what people need (web/meetings/forms.py ReplyForm).
MEETING_REPLY_STEPS = [
    Step(_l("Are you coming to the meeting?"), ("answer",), "meeting"),
    Step(
        _l("What help do you need?"),
        ("bsl_interpreter", "easy_read_papers", "large_print", "support_worker", "hearing_loop"),
        "help",
        notes=(_l("Tick everything that helps."), _l("Only the convenor sees this.")),
    ),
    Step(
        _l("Do you need anything else?"),
        ("other_interpreter", "language", "other_needs"),
        "question",
        notes=(_l("You do not have to write anything here."),),
    ),
]

# What members say (web/contributions/forms.py ContributeForm).
CONTRIBUTION_STEPS = [
    Step(
        _l("What do you want to say?"),
        ("text",),
        "talk",
        hints={"text": _l("Use your own words.")},
        attrs={"text": {"rows": "6", "maxlength": "4000"}},
    ),
    Step(
        _l("Who can see that you said it?"),
        ("visibility",),
        "private",
        notes=(_l("You can keep your name from the commissioners."),),
    ),
    Step(
        _l("What is it about?"),
        ("topic",),
        "idea",
        notes=(_l("You do not have to answer this."),),
        hints={"topic": _l("1 or 2 words, like transport.")},
    ),
]

STEP_SETS = {
    "register": REGISTER_STEPS,
    "meeting_reply": MEETING_REPLY_STEPS,
    "contribution": CONTRIBUTION_STEPS,
}


def steps_for(form: FlaskForm, name: str) -> FormSteps:
    """For templates: the steps the view made for this form, or new ones (a GET)."""
    existing = getattr(form, "_easy_steps", None)
    if existing is not None:
        return existing
    prefs = getattr(g, "prefs", None)
    return FormSteps(form, STEP_SETS[name], enabled=bool(prefs and prefs.easy_read))
