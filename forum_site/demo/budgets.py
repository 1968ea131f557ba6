"""Demo budgets: the council's day services (with a withheld line and a cut made half-way
through the consultation) and the NHS's HIV support budget for the private forum."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from forum_site.models import Budget, LineKind, Meeting
from forum_site.models.meetings import MeetingStatus
from forum_site.services import budgets
from forum_site.services.budgets import BudgetInput, LineInput
from forum_site.services.viewer import load_viewer

POUND = 100


def _line(name, pounds, kind=LineKind.FIXED, people=None, note="", withheld=""):
    return LineInput(
        name=name,
        amount_pence=None if withheld else pounds * POUND,
        kind=kind,
        note=note,
        people_served=people,
        withheld=bool(withheld),
        withheld_reason=withheld,
    )


def _next_financial_year(today: date) -> tuple[date, date]:
    start_year = today.year + 1 if today.month >= 4 else today.year
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def _upcoming_meeting(session: Session, forum_id: int) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.forum_id == forum_id,
            Meeting.status == MeetingStatus.PUBLISHED,
            Meeting.starts_at > datetime.now(UTC),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )


DAY_SERVICES_LINES = [
    _line(
        "Places at the three day centres",
        1_650_000,
        people=180,
        note="Staff, buildings and lunches at Mill Lane, Riverside and Eastgate.",
    ),
    _line("Transport to and from the centres", 310_000, people=140),
    _line(
        "Activities members choose: art, sport and trips",
        220_000,
        LineKind.OPEN,
        people=180,
        note="The forum helps decide which activities to run.",
    ),
    _line("Help to find paid work or volunteering", 150_000, LineKind.OPEN, people=45),
    _line(
        "New contract to run the Eastgate centre",
        0,
        withheld=(
            "We cannot share this figure until the tender closes on 1 June. If bidders "
            "saw it, they would all bid close to it and we could not get the best price."
        ),
    ),
]


def _day_services(session: Session, base) -> Budget:
    council = base.council
    forum = base.forums["ld"]
    commissioner = load_viewer(session, base.users["commissioner"])
    start, end = _next_financial_year(date.today())
    meeting = _upcoming_meeting(session, forum.id)
    now = datetime.now(UTC).replace(microsecond=0)
    budget = budgets.create_budget(
        session,
        commissioner,
        council.id,
        BudgetInput(
            title=f"Day services for adults with learning disabilities, {start.year} to {end.year}",
            period_start=start,
            period_end=end,
            money_comes_from=(
                "The council's adult social care budget, plus some money the council "
                "and the local NHS put into one shared pot."
            ),
            total_pence=2_480_000 * POUND,
            forum_ids=[forum.id],
            meeting_ids=[meeting.id] if meeting else [],
            lines=DAY_SERVICES_LINES,
        ),
        when=now - timedelta(days=40),
    )
    _cut_mid_consultation(session, commissioner, budget, now)
    return budget


def _inputs(budget: Budget, **new_amounts: int) -> list[LineInput]:
    """Today's lines as form input, with some amounts (in pounds) changed by position."""
    found = []
    for position, line in enumerate(budget.lines):
        pounds = new_amounts.get(f"line{position}")
        amount = pounds * POUND if pounds is not None else line.amount_pence
        found.append(
            LineInput(
                name=line.name,
                amount_pence=None if line.withheld else amount,
                kind=line.kind,
                note=line.note,
                people_served=line.people_served,
                withheld=line.withheld,
                withheld_reason=line.withheld_reason,
                line_id=line.id,
            )
        )
    return found


def _cut_mid_consultation(session, commissioner, budget: Budget, now: datetime) -> None:
    budgets.change_budget(
        session,
        commissioner,
        budget,
        total_pence=2_400_000 * POUND,
        lines=_inputs(budget, line2=140_000),
        reason=(
            "The council set its overall budget on 4 March and we have to save £80,000. "
            "We took it from activities, because that money is not yet promised to anyone. "
            "We know we asked you about activities in this consultation. We are sorry the "
            "money changed while you were still telling us what you think. We will talk "
            "about what this means at the next meeting."
        ),
        when=now - timedelta(days=6),
    )
    budgets.change_budget(
        session,
        commissioner,
        budget,
        total_pence=2_400_000 * POUND,
        lines=_inputs(budget, line3=160_000, line2=130_000),
        reason=(
            "Correction: we left out £10,000 of travel costs for the job coach. We moved it "
            "from activities, so the total stays the same."
        ),
        when=now - timedelta(days=2),
    )


def _hiv_support(session: Session, base) -> Budget:
    start, end = _next_financial_year(date.today())
    return budgets.create_budget(
        session,
        load_viewer(session, base.users["nhs_commissioner"]),
        base.nhs.id,
        BudgetInput(
            title=f"Support for people living with HIV, {start.year} to {end.year}",
            period_start=start,
            period_end=end,
            money_comes_from="The local NHS budget for community health services.",
            total_pence=755_000 * POUND,
            forum_ids=[base.forums["hiv"].id],
            lines=[
                _line("Specialist HIV nurses in the community", 420_000, people=900),
                _line(
                    "Peer support and mentoring",
                    180_000,
                    LineKind.OPEN,
                    people=320,
                    note="Run by people who live with HIV themselves.",
                ),
                _line("Counselling and emotional support", 95_000, LineKind.OPEN, people=150),
                _line("Advice on benefits and housing", 60_000, people=200),
            ],
        ),
        when=datetime.now(UTC).replace(microsecond=0) - timedelta(days=20),
    )


def seed(session: Session, base) -> None:
    _day_services(session, base)
    _hiv_support(session, base)
    session.flush()
