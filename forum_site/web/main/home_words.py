"""Words for the jobs on a convenor's home page."""

from flask_babel import lazy_gettext as _l

TO_DO = {
    "join-requests": _l("People asking to join %(about)s: %(count)d"),
    "private-questions": _l("Private questions for %(about)s: %(count)d"),
    "access-needs": _l("Access needs to arrange for %(about)s: %(count)d"),
    "easy-read": _l("Check the easy read for %(about)s"),
    "paper-sheets": _l("Type in the paper sheets from %(about)s"),
}


def to_do_words(item) -> str:
    return str(TO_DO[item.kind]) % {"about": item.about, "count": item.count}
