"""The code box, and the quick-entry form built from a paper form's own questions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from forum_site.services.contributions import MAX_TEXT
from forum_site.services.paper_forms import OTHER_QUESTION, Sheet
from forum_site.web.validation import SiteForm

REVIEW_CHOICES = [
    SelectChoice("", _l("Left blank")),
    SelectChoice("3", _l("Yes")),
    SelectChoice("2", _l("Partly")),
    SelectChoice("1", _l("No")),
]


class CodeForm(SiteForm):
    code = StringField(
        _l("Form reference"),
        validators=[
            DataRequired(
                message=_l("Type the code from the top of the form, for example K7M-2QX.")
            ),
            Length(max=20, message=_l("A form code has 6 letters and numbers, like K7M-2QX.")),
        ],
    )


class SheetForm(SiteForm):
    """Fields are added per paper form; ``questions`` keeps their order."""

    questions: list[tuple[str, dict]] = []

    def sheet(self) -> Sheet:
        return Sheet(
            answers={q["key"]: self[name].data or "" for name, q in self.questions},
            purpose_clear=int(self.purpose_clear.data) if self.purpose_clear.data else None,
            listened_to=int(self.listened_to.data) if self.listened_to.data else None,
            member_id=int(self.member.data) if self.member.data else None,
            consent_given=bool(self.consent_given.data),
        )


def sheet_form(paper, members) -> SheetForm:
    """A form class made for this paper form: same questions, same order as printed."""

    class Form(SheetForm):
        pass

    questions = []
    for number, question in enumerate(paper.questions, start=1):
        name = f"answer_{number}"
        title = question["title"] if question["key"] != OTHER_QUESTION else _l("Anything else")
        setattr(Form, name, TextAreaField(f"{number}. {title}", validators=[_length()]))
        questions.append((name, question))
    Form.questions = questions
    Form.purpose_clear = RadioField(
        _l("Was it clear what the meeting was for?"),
        choices=REVIEW_CHOICES,
        default="",
        validators=[Optional()],
    )
    Form.listened_to = RadioField(
        _l("Did you feel listened to?"), choices=REVIEW_CHOICES, default="", validators=[Optional()]
    )
    Form.member = SelectField(
        _l("Who filled it in"),
        choices=[SelectChoice("", _l("Not linked to a member's account"))]
        + [SelectChoice(str(m.id), m.display_name) for m in members],
        default="",
        validators=[Optional()],
    )
    Form.consent_given = BooleanField(_l("The person agreed to me typing this in under their name"))
    return Form()


def _length():
    return Length(
        max=MAX_TEXT, message=_l("Keep each answer to %(most)s characters or fewer.", most=MAX_TEXT)
    )
