"""Budget history in easy read: one short sentence per entry, amounts exactly as recorded.

The same entries as history.change_summary, written for easy read (RULES.md ER-01, ER-06):
"The money for **transport** went down from £12,000 to £10,000." An amount is never
rounded or left out (honest records), and a withheld line never shows one.
"""

from __future__ import annotations

from collections.abc import Callable

from forum_site.models import BudgetChange, BudgetRevision, ChangeWhat
from forum_site.services.budgets.history import _plain, shown_amounts, withheld_line_ids
from forum_site.services.money import format_money


def easy_change_sentences(
    revision: BudgetRevision, locale: str = "en_GB", _: Callable = _plain
) -> list[str]:
    """One easy-read sentence (or two) per entry of a revision, in the entry's order."""
    hidden = withheld_line_ids(revision.budget)
    return [_easy(change, locale, hidden, _) for change in revision.changes]


def _easy(change: BudgetChange, locale: str, hidden: set[int], _: Callable) -> str:
    old, new = shown_amounts(change, hidden)
    money = {"old": _money(old, locale), "new": _money(new, locale), "name": change.line_name}
    what = change.what
    if what == ChangeWhat.TOTAL:
        return _total(old, new, money, _)
    if what in (ChangeWhat.LINE_ADDED, ChangeWhat.LINE_AMOUNT):
        return _line_amount(what, old, new, money, _)
    if what == ChangeWhat.LINE_WITHHELD:
        return _("We do not share the money for **%(name)s** now.", **money)
    if what == ChangeWhat.LINE_SHARED and new is None:
        return _(
            "We shared the money for **%(name)s** for a time. We do not share it now.", **money
        )
    if what == ChangeWhat.LINE_SHARED:
        return _("We share the money for **%(name)s** now. It is **%(new)s**.", **money)
    if what == ChangeWhat.LINE_REMOVED:
        return _("**%(name)s** is not part of the budget now.", **money)
    return _(
        "The words about **%(name)s** changed. They said: %(before)s. Now they say: %(after)s.",
        name=change.line_name,
        before=change.old_text,
        after=change.new_text,
    )


def _money(pence: int | None, locale: str) -> str:
    return "" if pence is None else format_money(pence, locale)


def _total(old, new, money: dict, _: Callable) -> str:
    if old is None:
        return _("The total money is **%(new)s**.", **money)
    if new < old:
        return _("The total money went down from %(old)s to **%(new)s**.", **money)
    return _("The total money went up from %(old)s to **%(new)s**.", **money)


def _line_amount(what, old, new, money: dict, _: Callable) -> str:
    if what == ChangeWhat.LINE_ADDED and new is None:
        return _("There is new money for **%(name)s**. We do not share how much.", **money)
    if what == ChangeWhat.LINE_ADDED:
        return _("There is new money for **%(name)s**: **%(new)s**.", **money)
    if new is None or old is None:
        return _("The money for **%(name)s** changed. We do not share how much.", **money)
    if new < old:
        return _("The money for **%(name)s** went down from %(old)s to **%(new)s**.", **money)
    return _("The money for **%(name)s** went up from %(old)s to **%(new)s**.", **money)
