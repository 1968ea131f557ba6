"""Showing a budget: totals and warnings, per person per week, the bar chart, and exports.

Everything here reads only what is safe to show: a withheld line has no amount stored,
so no chart, table cell, CSV cell or JSON value can carry one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from fractions import Fraction

from forum_site.models import Budget, BudgetLine, LineKind
from forum_site.models.base import as_utc
from forum_site.services.budgets.history import change_summary, shown_amounts, withheld_line_ids
from forum_site.services.money import format_money, pounds_text, share_in_pence


@dataclass(frozen=True)
class Figures:
    lines: list[BudgetLine]
    total: int
    shown_sum: int
    fixed_sum: int
    open_sum: int
    withheld_count: int

    @property
    def difference(self) -> int:
        """Stated total minus the lines we can show (only meaningful with nothing withheld)."""
        return self.total - self.shown_sum

    @property
    def does_not_add_up(self) -> bool:
        if self.withheld_count:
            return self.shown_sum > self.total
        return self.shown_sum != self.total


def current_lines(budget: Budget) -> list[BudgetLine]:
    return [line for line in budget.lines if not line.removed]


def figures(budget: Budget) -> Figures:
    lines = current_lines(budget)
    shown = [line for line in lines if not line.withheld]
    return Figures(
        lines=lines,
        total=budget.total_pence,
        shown_sum=sum(line.amount_pence for line in shown),
        fixed_sum=sum(line.amount_pence for line in shown if line.kind == LineKind.FIXED),
        open_sum=sum(line.amount_pence for line in shown if line.kind == LineKind.OPEN),
        withheld_count=len(lines) - len(shown),
    )


def weeks_in(budget: Budget) -> Fraction:
    return Fraction((budget.period_end - budget.period_start).days + 1, 7)


def per_person_per_week(budget: Budget, line: BudgetLine) -> int | None:
    """Pence per person per week, when the line is shared and says how many people."""
    if line.withheld or not line.people_served or line.amount_pence is None:
        return None
    return share_in_pence(line.amount_pence, line.people_served, weeks_in(budget))


# The bar chart -------------------------------------------------------------------------

CHART_WIDTH = 340
BAR_AREA = 300
ROW_HEIGHT = 76


@dataclass(frozen=True)
class Bar:
    name: str
    amount: str
    open_to_influence: bool
    withheld: bool
    top: int
    width: int
    full_name: str = ""  # easy read shows the whole name, never cut

    @property
    def share_of_biggest(self) -> int:
        """How long the bar is, from 0 to 100 (the biggest line is 100): whole numbers, as
        everywhere in the money code."""
        return 100 * self.width // BAR_AREA


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    description: str


def chart(budget: Budget, locale: str) -> Chart:
    """Bar sizes in whole units, worked out here so the template only draws."""
    lines = current_lines(budget)
    biggest = max((line.amount_pence or 0 for line in lines), default=0) or 1
    bars = [_bar(line, index, biggest, locale) for index, line in enumerate(lines)]
    return Chart(bars, CHART_WIDTH, max(len(bars), 1) * ROW_HEIGHT + 8, _describe(bars))


def _bar(line: BudgetLine, index: int, biggest: int, locale: str) -> Bar:
    shown = not line.withheld and line.amount_pence is not None
    width = max(2, line.amount_pence * BAR_AREA // biggest) if shown and line.amount_pence else 0
    return Bar(
        name=_shorten(line.name),
        amount=format_money(line.amount_pence, locale) if shown else "",
        open_to_influence=line.kind == LineKind.OPEN,
        withheld=line.withheld,
        top=index * ROW_HEIGHT,
        width=width,
        full_name=line.name,
    )


def _shorten(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _describe(bars: list[Bar]) -> str:
    parts = []
    for bar in bars:
        kind = "open to influence" if bar.open_to_influence else "fixed"
        parts.append(
            f"{bar.name}: withheld" if bar.withheld else f"{bar.name}: {bar.amount}, {kind}"
        )
    return "; ".join(parts) + "." if parts else "There are no lines yet."


# History -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    revision: object
    sentences: list[str]


def history(budget: Budget, locale: str, translate=None) -> list[HistoryEntry]:
    """Newest first, each with plain sentences; amounts of withheld lines never appear."""
    extra = {"_": translate} if translate else {}
    return [
        HistoryEntry(revision, change_summary(revision, locale, **extra))
        for revision in reversed(budget.revisions)
    ]


# Exports -------------------------------------------------------------------------------

CSV_COLUMNS = [
    "line",
    "amount_gbp",
    "fixed_or_open",
    "withheld",
    "withheld_reason",
    "note",
    "people_served",
    "per_person_per_week_gbp",
]


def _safe_cell(value: str) -> str:
    """Stop spreadsheet programs treating a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def as_csv(budget: Budget) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in current_lines(budget):
        share = per_person_per_week(budget, line)
        writer.writerow(
            [
                _safe_cell(line.name),
                "" if line.withheld else pounds_text(line.amount_pence),
                str(line.kind),
                "yes" if line.withheld else "no",
                _safe_cell(line.withheld_reason),
                _safe_cell(line.note),
                line.people_served or "",
                "" if share is None else pounds_text(share),
            ]
        )
    writer.writerow(["Total (as stated)", pounds_text(budget.total_pence), "", "", "", "", "", ""])
    return out.getvalue()


def as_json(budget: Budget, forum_names: list[str]) -> dict:
    numbers = figures(budget)
    hidden = withheld_line_ids(budget)
    return {
        "id": budget.id,
        "title": budget.title,
        "organisation": budget.organisation.name,
        "forums": forum_names,
        "period_start": budget.period_start.isoformat(),
        "period_end": budget.period_end.isoformat(),
        "money_comes_from": budget.money_comes_from,
        "currency": "GBP",
        "total_pence": budget.total_pence,
        "shared_lines_add_up_to_pence": numbers.shown_sum,
        "withheld_lines": numbers.withheld_count,
        "lines": [_line_json(budget, line) for line in numbers.lines],
        "history": [_revision_json(revision, hidden) for revision in budget.revisions],
    }


def _line_json(budget: Budget, line: BudgetLine) -> dict:
    return {
        "name": line.name,
        "amount_pence": None if line.withheld else line.amount_pence,
        "kind": str(line.kind),
        "withheld": line.withheld,
        "withheld_reason": line.withheld_reason,
        "note": line.note,
        "people_served": line.people_served,
        "per_person_per_week_pence": per_person_per_week(budget, line),
    }


def _revision_json(revision, hidden: set[int]) -> dict:
    return {
        "date": as_utc(revision.created_at).isoformat(),
        "reason": revision.reason,
        "by": revision.changed_by.display_name if revision.changed_by else None,
        "members_told": revision.members_told,
        "changes": [_change_json(change, hidden) for change in revision.changes],
    }


def _change_json(change, hidden: set[int]) -> dict:
    old, new = shown_amounts(change, hidden)
    return {
        "what": str(change.what),
        "line": change.line_name,
        "old_pence": old,
        "new_pence": new,
        "old_text": change.old_text,
        "new_text": change.new_text,
    }
