"""What people type into a budget, and the rules for it: each rule raises a message for
the box it is about.

Messages are marked where they are written, so they reach the reader in their language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from babel.numbers import format_decimal

from forum_site.models import Budget, LineKind
from forum_site.services.errors import DomainError
from forum_site.services.money import MAX_PENCE
from forum_site.words import _l

MAX_LINES = 60
MAX_PEOPLE = 10_000_000
LONGEST_TEXT = 2000


class LineError(DomainError):
    """A problem with one line of the form: ``index`` is its row, ``field`` its box."""

    def __init__(self, message, index: int, field: str):
        super().__init__(message, field=field)
        self.index = index


@dataclass
class LineInput:
    name: str
    amount_pence: int | None
    kind: LineKind = LineKind.FIXED
    note: str = ""
    people_served: int | None = None
    withheld: bool = False
    withheld_reason: str = ""
    line_id: int | None = None
    remove: bool = False


@dataclass
class BudgetInput:
    title: str
    period_start: date
    period_end: date
    money_comes_from: str
    total_pence: int
    forum_ids: list[int]
    meeting_ids: list[int] = field(default_factory=list)
    briefing_ids: list[int] = field(default_factory=list)
    lines: list[LineInput] = field(default_factory=list)


def check_details(data: BudgetInput) -> None:
    if not data.title.strip():
        raise DomainError(_l("Give the budget a title in plain words."), "title")
    if len(data.title.strip()) > 200:
        raise DomainError(_l("Keep the title to 200 characters or fewer."), "title")
    if data.period_end < data.period_start:
        raise DomainError(_l("The end of the period must be after its start."), "period_end")
    if (data.period_end - data.period_start).days > 5 * 366:
        raise DomainError(_l("A budget can cover up to 5 years. Check the dates."), "period_end")
    if len(data.money_comes_from) > LONGEST_TEXT:
        raise DomainError(
            _l(
                "Keep where the money comes from to %(longest_text)s characters or fewer.",
                longest_text=LONGEST_TEXT,
            ),
            "money_comes_from",
        )


def check_total(total_pence: int | None) -> None:
    if total_pence is None:
        raise DomainError(_l("Enter the total amount of the budget."), "total")
    if total_pence < 0:
        raise DomainError(_l("Enter a total of £0 or more."), "total")
    if total_pence > MAX_PENCE:
        raise DomainError(_l("That total is more than £10 billion. Check the number."), "total")


def check_lines(lines: list[LineInput]) -> None:
    if len(lines) > MAX_LINES:
        raise DomainError(_l("A budget can have up to %(max_lines)s lines.", max_lines=MAX_LINES))
    for index, line in enumerate(lines):
        if not line.remove:
            check_line(index, line)


def check_line(index: int, line: LineInput) -> None:
    def fail(message, field: str):
        raise LineError(message, index, field)

    if not line.name.strip():
        fail(_l("Give this line a name in plain words."), "name")
    if len(line.name.strip()) > 200:
        fail(_l("Keep the name to 200 characters or fewer."), "name")
    if len(line.note) > LONGEST_TEXT or len(line.withheld_reason) > LONGEST_TEXT:
        fail(
            _l(
                "Keep notes and reasons to %(longest_text)s characters or fewer.",
                longest_text=LONGEST_TEXT,
            ),
            "note",
        )
    if line.withheld:
        if not line.withheld_reason.strip():
            fail(
                _l("Say why this amount cannot be shared. Members will see the reason."),
                "withheld_reason",
            )
        if line.amount_pence is not None:
            fail(
                _l(
                    "Leave the amount empty for a withheld line: we do not keep figures "
                    "that cannot be shared."
                ),
                "amount",
            )
        return
    if line.amount_pence is None:
        fail(
            _l("Enter an amount, or tick 'We cannot share this amount yet' and say why."),
            "amount",
        )
    if line.amount_pence < 0 or line.amount_pence > MAX_PENCE:
        fail(_l("Enter an amount between £0 and £10 billion."), "amount")
    if line.people_served is not None and not 1 <= line.people_served <= MAX_PEOPLE:
        fail(
            _l(
                "Enter a number of people between 1 and %(most)s.",
                most=format_decimal(MAX_PEOPLE, locale="en_GB"),
            ),
            "people_served",
        )


def check_line_ids(budget: Budget, lines: list[LineInput]) -> None:
    known = {line.id for line in budget.lines if not line.removed}
    for index, line in enumerate(lines):
        if line.line_id is not None and line.line_id not in known:
            raise LineError(
                _l("This line is no longer in the budget. Reload the page."), index, "name"
            )
