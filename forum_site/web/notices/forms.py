"""The notification choices form: one question per kind, "how should we tell you?"."""

from __future__ import annotations

from wtforms import RadioField
from wtforms.fields.choices import SelectChoice

from forum_site.delivery.words import CHANNEL_NAMES, KIND_NAMES
from forum_site.models import Channel
from forum_site.web.validation import SiteForm
from forum_site.words import _l

OFF = "off"
HOW = [SelectChoice(c.value, CHANNEL_NAMES[c.value]) for c in Channel] + [
    SelectChoice(OFF, _l("Do not tell me"))
]


def field_name(kind) -> str:
    return "kind_" + kind.value.replace("-", "_")


def choices_form(kinds, choices, formdata=None) -> SiteForm:
    """A form with a radio question for each kind, set to the person's current choices."""

    class ChoicesForm(SiteForm):
        pass

    for kind in kinds:
        setattr(ChoicesForm, field_name(kind), RadioField(KIND_NAMES[kind.value], choices=HOW))
    data = {field_name(c.kind): c.channel.value if c.wanted else OFF for c in choices}
    return ChoicesForm(formdata=formdata, data=data)
