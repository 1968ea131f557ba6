from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice

from forum_site.web.validation import SiteForm

TEXT_SIZE_CHOICES = [
    SelectChoice("normal", _l("Normal")),
    SelectChoice("large", _l("Large")),
    SelectChoice("larger", _l("Larger")),
]


class SettingsForm(SiteForm):
    easy_read = BooleanField(_l("Show easy read pages"))
    hide_pictures = BooleanField(_l("Hide the pictures in easy read"))
    text_size = RadioField(_l("Text size"), choices=TEXT_SIZE_CHOICES, default="normal")
    high_contrast = BooleanField(_l("High contrast colours"))
    language = SelectField(_l("Language"), choices=[])
