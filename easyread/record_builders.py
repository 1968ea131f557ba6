"""Easy-read documents of records: a budget in plain figures, and "you said, we did".

Like the builders in builders.py (whose row helpers these share), they take plain values,
never database objects, and return a Document marked "made automatically".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from easyread.builders import _finish, _p, _rows, _say, _titled, concept_picture
from easyread.formats import money, per_person_per_week
from easyread.glossary import Term
from easyread.model import ContactBox, Document, Item, NextStep, NumberCallout, Point, Section
from easyread.pictures import picture_for
from easyread.simplify import Simplifier

# --- budgets -----------------------------------------------------------------------------


@dataclass
class BudgetLine:
    """Part of a budget. ``open_to_influence`` says whether members can change it."""

    name: str
    amount: int | float | Decimal
    open_to_influence: bool = False
    note: str = ""


def build_budget(
    title: str,
    total: int | float | Decimal,
    lines: Sequence[BudgetLine | dict] = (),
    *,
    withheld: Sequence[tuple[str, str]] = (),
    people_served: int | None = None,
    period: str = "year",
    contact: ContactBox | dict | None = None,
    terms: Iterable[Term] = (),
) -> Document:
    """An easy-read budget: the total as a big number, each part fixed or open to change,
    anything withheld with the reason, and (given ``people_served``) what it comes to for
    each person each week. ``period`` is "year", "month" or "week"."""
    s = Simplifier(terms)
    lines = [line if isinstance(line, BudgetLine) else BudgetLine(**line) for line in lines]
    document, overview = _titled(s, title)
    overview.insert(
        0, NumberCallout(money(total), f"This is the money for each {period}.", _p("money"))
    )
    if people_served:
        overview.append(_per_person(total, people_served, period))
    document.sections.append(Section("How much money there is", overview))
    document.sections.append(Section("Where the money goes", _budget_lines(s, lines, total)))
    if withheld:
        document.sections.append(_withheld(s, withheld))
    document = _finish(document, s, contact)
    document.title_picture = concept_picture("money")
    return document


def _per_person(amount, people: int, period: str) -> Point:
    each = per_person_per_week(amount, people, period)
    sentences = [
        f"This money helps {people:,} people.",
        f"That is about {each} for each person each week.",
    ]
    return _say(sentences, "people")


def _budget_lines(s: Simplifier, lines: list[BudgetLine], total) -> list[Item]:
    items: list[Item] = []
    for line in lines:
        name, _ = s.heading(line.name)
        what = name[0].lower() + name[1:] if name[1:2].islower() else name
        if Decimal(str(line.amount)) * 4 >= Decimal(str(total)):
            callout = NumberCallout(money(line.amount), f"This is for {what}.", picture_for(name))
            items.append(callout)
        else:
            items.append(
                Point([f"{money(line.amount)} is for {what}."], picture_for(name) or _p("budget"))
            )
        if line.open_to_influence:
            items.append(_say(["You can have a say on how this money is spent."], "have your say"))
        else:
            items.append(_say(["This money is fixed.", "It cannot change now."], "private"))
        if line.note:
            items.extend(_rows(s, line.note))
    return items


def _withheld(s: Simplifier, withheld: Sequence[tuple[str, str]]) -> Section:
    items: list[Item] = []
    for name, reason in withheld:
        heading, _ = s.heading(name)
        items.append(_say(["We cannot show you this number yet:", heading], "private"))
        items.extend(_rows(s, reason, _p("question")))
    return Section("Numbers we cannot show you", items)


# --- feedback: "you said, we did" ---------------------------------------------------------

OUTCOMES = {
    "changed": (["This changed what we do."], "done"),
    "partly": (["This changed some things."], "improve"),
    "not_taken_forward": (["We did not do this."], "refused"),
    "already_happening": (["This is already happening."], "done"),
}


@dataclass
class FeedbackEntry:
    """One "you said, we did" answer. ``outcome`` is one of OUTCOMES."""

    you_said: str
    we_did: str
    outcome: str = "changed"
    reason: str = ""
    topic: str = ""
    # Whether the reader made this point. Easy-read readers take "You said" as meaning
    # them, so another member's point is "A member said" (the page's title keeps the
    # usual "You said, we did", which speaks to the members as a group).
    by_reader: bool = False


def build_feedback(
    entries: Sequence[FeedbackEntry | dict],
    title: str = "You said, we did",
    *,
    contact: ContactBox | dict | None = None,
    terms: Iterable[Term] = (),
) -> Document:
    """Easy-read "you said, we did": what members said, what happened, and why."""
    s = Simplifier(terms)
    document, boxes = _titled(s, title)
    if boxes:
        document.sections.append(Section("", boxes))
    for number, entry in enumerate(entries, start=1):
        entry = entry if isinstance(entry, FeedbackEntry) else FeedbackEntry(**entry)
        heading = s.heading(entry.topic)[0] if entry.topic else f"Point {number}"
        # A person speaking for "You said", a reply for "We did": two pictures (issue 14).
        said = "You said:" if entry.by_reader else "A member said:"
        items = _labelled(s, said, entry.you_said, "talk")
        items += _labelled(s, "We did:", entry.we_did, "answer")
        key = re.sub(r"[^a-z]+", "_", entry.outcome.lower()).strip("_")
        sentences, concept = OUTCOMES.get(key, OUTCOMES["changed"])
        items.append(_say(list(sentences), concept))
        if entry.reason:
            items.extend(_labelled(s, "This is why:", entry.reason, "question"))
        document.sections.append(Section(heading, items))
    document.sections.append(
        Section(
            "Tell us more",
            [NextStep(["Tell us what you think about this."], picture=_p("feedback"))],
        )
    )
    return _finish(document, s, contact)


def _labelled(s: Simplifier, label: str, text: str, concept: str) -> list[Item]:
    return [_say([label], concept), *_rows(s, text)]
