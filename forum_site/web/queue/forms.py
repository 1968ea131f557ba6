"""The queue's filters: a GET form, so every filtered view has its own address."""

from wtforms import SelectField
from wtforms.fields.choices import SelectChoice

from forum_site.web.validation import SiteForm
from forum_site.words import _l

AGES = [
    SelectChoice("", _l("Any age")),
    SelectChoice("7", _l("More than a week old")),
    SelectChoice("21", _l("More than three weeks old")),
    SelectChoice("28", _l("More than four weeks old")),
]
WHO = [
    SelectChoice("", _l("Everyone's")),
    SelectChoice("me", _l("Only the ones I look after")),
]


class QueueFilterForm(SiteForm):
    class Meta:
        csrf = False

    forum = SelectField(_l("Forum"), coerce=int, default=0, validate_choice=False)
    status = SelectField(_l("Where it has got to"), default="", validate_choice=False)
    topic = SelectField(_l("Topic"), default="", validate_choice=False)
    age = SelectField(_l("Age"), default="", validate_choice=False)
    who = SelectField(_l("Looked after by"), choices=WHO, default="", validate_choice=False)
