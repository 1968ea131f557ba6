"""Shared set-up for the PDF tests: a meeting with everything a pack prints, and a
reader that opens PDFs the way a person's PDF software would (pypdf + pdfplumber).
Written in our own words. No tests here."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pdfplumber
import pypdf

from forum_site.models import (
    AgendaItem,
    Briefing,
    BriefingStatus,
    Budget,
    BudgetLine,
    ClosedTopic,
    Contribution,
    ContributionAnswer,
    LineKind,
    Meeting,
    Status,
)
from forum_site.models.meetings import AccessAnswer, InfluenceLevel, MeetingStatus
from tests.factories import make_commissioner, make_forum, make_organisation, make_user


@dataclass
class PdfFacts:
    text: str
    pages: int
    smallest_font: float
    title: str
    language: str
    tagged: bool
    marked: bool
    page_width: float
    fonts: set[str]
    tags: Counter
    figure_alts: list[str]
    outside: list[str]  # characters drawn off the page: "page 2: 'x' at 601,80"
    empty_pages: list[int]  # pages (not the last) whose words end in the top third

    @property
    def flat_text(self) -> str:
        return " ".join(self.text.split())


def read_pdf(data: bytes) -> PdfFacts:
    reader = pypdf.PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        sizes = [c["size"] for page in pdf.pages for c in page.chars if c["text"].strip()]
        width = float(pdf.pages[0].width)
        outside, empty_pages = geometry(pdf.pages)
    mark_info = root.get("/MarkInfo") or {}
    return PdfFacts(
        text=text,
        pages=len(reader.pages),
        smallest_font=round(min(sizes), 2),
        title=str(reader.metadata.title or ""),
        language=str(root.get("/Lang") or ""),
        tagged="/StructTreeRoot" in root,
        marked=bool(mark_info.get("/Marked")),
        page_width=width,
        fonts=fonts,
        outside=outside,
        empty_pages=empty_pages,
        **_structure(root),
    )


def geometry(pages) -> tuple[list[str], list[int]]:
    """Characters outside the page, and pages more than two-thirds empty (the running
    footer, in the bottom tenth of the page, does not count as content)."""
    outside, empty = [], []
    for number, page in enumerate(pages, start=1):
        width, height = float(page.width), float(page.height)
        chars = [c for c in page.chars if c["text"].strip()]
        for c in chars:
            if (
                c["x0"] < -0.5
                or c["x1"] > width + 0.5
                or c["top"] < -0.5
                or c["bottom"] > height + 0.5
            ):
                outside.append(f"page {number}: {c['text']!r} at {c['x0']:.0f},{c['top']:.0f}")
        body = [c["bottom"] for c in chars if c["top"] < height * 0.9]
        if number < len(pages) and (not body or max(body) < height / 3):
            empty.append(number)
    return outside[:10], empty


def _structure(root) -> dict:
    """Counts of each structure tag, and the alternative text of each figure."""
    tags: Counter = Counter()
    alts: list[str] = []
    pending = [root.get("/StructTreeRoot")]
    while pending:
        node = pending.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if "/S" in node:
                tags[str(node["/S"])] += 1
                if node["/S"] == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
            if "/K" in node:
                pending.append(node["/K"])
    return {"tags": tags, "figure_alts": alts}


@dataclass
class World:
    forum: object
    meeting: Meeting
    briefing: Briefing
    budget: Budget
    convenor: object
    member: object
    commissioner: object
    outsider: object


CONTACT_PHONE = "01632 960 777"  # the forum's own phone, in every PDF's "Who to contact"


def make_world(db, *, private: bool = False) -> World:
    council = make_organisation(db, name="Riverside Council")
    commissioner = make_commissioner(db, council, name="Priya Commissioner")
    convenor, member, outsider = make_user(db, name="Cal Convenor"), make_user(db), make_user(db)
    forum = make_forum(
        db,
        name="Riverside Learning Disability Forum",
        private=private,
        members=[member],
        convenors=[convenor],
        organisations=[council],
    )
    forum.contact_phone, forum.contact_email = CONTACT_PHONE, "forum@riverside.example.org"
    forum.contact_address = "Riverside Forum\n2 Bridge Street\nRiverside RV1 1AA"
    meeting = make_meeting(db, forum)
    briefing = make_briefing(db, forum, meeting, commissioner)
    budget = make_budget(db, council, forum, meeting)
    make_answered(db, forum, commissioner)
    return World(forum, meeting, briefing, budget, convenor, member, commissioner, outsider)


def make_meeting(db, forum, *, agenda: bool = True, venue: bool = True, **extra) -> Meeting:
    starts = datetime(2030, 3, 14, 13, 30, tzinfo=UTC)
    meeting = Meeting(
        forum_id=forum.id,
        title=extra.pop("title", "Spring meeting about day services"),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        status=MeetingStatus.PUBLISHED,
        purpose="To hear what members think about the new plan for day centres.",
        venue_name="Riverside Community Hall" if venue else "",
        venue_address="12 Mill Lane\nRiverside" if venue else "",
        step_free=AccessAnswer.YES,
        hearing_loop=AccessAnswer.NO,
        public_transport="The number 7 bus stops outside.",
        paid_for_time=True,
        payment_details="£20 for each meeting, paid by bank transfer.",
        **extra,
    )
    db.add(meeting)
    db.flush()
    if agenda:
        db.add_all(
            [
                AgendaItem(
                    meeting_id=meeting.id,
                    position=1,
                    title="Opening times at the day centres",
                    what_we_want="Which days and times suit you best?",
                    influence=InfluenceLevel.VIEWS,
                    decision_maker="The council's adult care team",
                    decision_when="June 2030",
                ),
                AgendaItem(
                    meeting_id=meeting.id,
                    position=2,
                    title="Choosing the new art group",
                    what_we_want="Pick one of the two art groups.",
                    influence=InfluenceLevel.YOU_DECIDE,
                    decision_maker="Forum members",
                ),
            ]
        )
        db.add(
            ClosedTopic(
                meeting_id=meeting.id,
                position=1,
                topic="Closing the Mill Lane centre",
                reason="The council decided this last year after a full consultation.",
            )
        )
    db.flush()
    db.expire(meeting)
    return meeting


BRIEFING_BODY = """## Why things are changing

The council wants day centres to open at times that suit people better.
Commissioning means planning what services people need and paying for them.

## What could happen

- Centres could open on Saturdays.
- Transport would still be free.
"""


def make_briefing(db, forum, meeting, author, *, title="Day centre opening times", body=None):
    briefing = Briefing(
        title=title,
        summary="A short guide to the plan for new opening times.",
        body=BRIEFING_BODY if body is None else body,
        status=BriefingStatus.PUBLISHED,
        author_id=author.id,
        published_at=datetime(2030, 2, 1, 9, 0, tzinfo=UTC),
        forums=[forum],
        meetings=[meeting] if meeting else [],
    )
    db.add(briefing)
    db.flush()
    return briefing


def make_budget(db, council, forum, meeting) -> Budget:
    budget = Budget(
        organisation_id=council.id,
        title="Day services budget 2030",
        period_start=date(2030, 4, 1),
        period_end=date(2031, 3, 31),
        money_comes_from="The council's adult social care money.",
        total_pence=250_000_00,
        forums=[forum],
        meetings=[meeting] if meeting else [],
    )
    db.add(budget)
    db.flush()
    db.add_all(
        [
            BudgetLine(budget_id=budget.id, position=1, name="Staff at the centres",
                       amount_pence=200_000_00, kind=LineKind.FIXED),
            BudgetLine(budget_id=budget.id, position=2, name="Activities and trips",
                       amount_pence=50_000_00, kind=LineKind.OPEN),
        ]
    )  # fmt: skip
    db.flush()
    db.expire(budget)
    return budget


def make_answered(db, forum, commissioner, *, said="Please open on Saturdays.") -> Contribution:
    when = datetime(2030, 1, 10, 10, 0, tzinfo=UTC)
    contribution = Contribution(
        forum_id=forum.id,
        text=said,
        status=Status.CHANGED,
        created_at=when,
        answer_due_at=when + timedelta(days=28),
        first_answered_at=when + timedelta(days=5),
        last_answered_at=when + timedelta(days=5),
        from_whole_group=True,
    )
    db.add(contribution)
    db.flush()
    db.add(
        ContributionAnswer(
            contribution_id=contribution.id,
            status=Status.CHANGED,
            answer="The Mill Lane centre now opens every Saturday morning.",
            answered_by_id=commissioner.id,
            created_at=when + timedelta(days=5),
        )
    )
    db.flush()
    return contribution
