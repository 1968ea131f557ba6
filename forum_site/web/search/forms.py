"""The search form: a plain GET form (no token), its choices filled in by the view."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import Length

from forum_site.services.search.searching import MAX_QUERY
from forum_site.web.validation import SiteForm


class SearchForm(SiteForm):
    class Meta:
        csrf = False

    q = StringField(
        _l("Words to search for"),
        validators=[Length(max=MAX_QUERY, message=_l("Use 200 characters or fewer."))],
    )
    kind = SelectField(_l("What to look in"), default="", validate_choice=False)
    forum = SelectField(_l("Forum"), default="", validate_choice=False)
