"""The search form and the one set of words for each kind of thing found."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import Length

from forum_site.models import SearchKind
from forum_site.services.search.searching import MAX_QUERY
from forum_site.web.validation import SiteForm

KIND_LABELS = {
    SearchKind.MEETING: _l("Meetings"),
    SearchKind.BRIEFING: _l("Briefings"),
    SearchKind.BUDGET: _l("Budgets"),
    SearchKind.TOPIC: _l("Topics"),
    SearchKind.CONTRIBUTION: _l("Points members made"),
    SearchKind.DECISION: _l("Decisions"),
    SearchKind.GLOSSARY: _l("Hard words"),
}
KIND_NAMES = {
    SearchKind.MEETING: _l("Meeting"),
    SearchKind.BRIEFING: _l("Briefing"),
    SearchKind.BUDGET: _l("Budget"),
    SearchKind.TOPIC: _l("Topic"),
    SearchKind.CONTRIBUTION: _l("Point made by a member"),
    SearchKind.DECISION: _l("Decision"),
    SearchKind.GLOSSARY: _l("Hard word"),
}
# Easy-read pictures for each kind (concepts in easyread/data/concepts.toml).
KIND_PICTURES = {
    SearchKind.MEETING: "meeting",
    SearchKind.BRIEFING: "read",
    SearchKind.BUDGET: "money",
    SearchKind.TOPIC: "information",
    SearchKind.CONTRIBUTION: "have your say",
    SearchKind.DECISION: "decision",
    SearchKind.GLOSSARY: "book",
}


class SearchForm(SiteForm):
    class Meta:
        csrf = False

    q = StringField(
        _l("Words to search for"),
        validators=[
            Length(max=MAX_QUERY, message=_l("Use 200 characters or fewer.")),
        ],
    )
    kind = SelectField(_l("What to look in"), default="", validate_choice=False)
    forum = SelectField(_l("Forum"), default="", validate_choice=False)
