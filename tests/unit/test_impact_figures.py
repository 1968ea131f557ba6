"""Impact figures computed from known data, to the exact number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from forum_site.models import Meeting, MeetingReview, Status
from forum_site.models.meetings import MeetingStatus
from forum_site.services import impact
from forum_site.services.viewer import ANONYMOUS, load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import answer, make_contribution, take_to

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)


def day(month: int, date: int) -> datetime:
    return datetime(2026, month, date, 10, 0, tzinfo=UTC)


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Brookside Council")
    commissioner = make_commissioner(db, council)
    member = make_user(db)
    forum = make_forum(db, members=[member], organisations=[council])
    c = [
        make_contribution(db, forum, member, made_at=made)
        for made in (day(3, 2), day(3, 2), day(4, 1), day(4, 1), day(4, 10), day(5, 15))
    ]
    take_to(
        db,
        commissioner,
        c[0],
        Status.CHANGED,
        first_at=day(3, 4),
        final_at=day(3, 10),
        what_changed="Later opening.",
        decision_id=_decision(db, forum).id,
    )
    take_to(
        db,
        commissioner,
        c[1],
        Status.NOT_TAKEN_FORWARD,
        first_at=day(3, 12),
        final_at=day(3, 20),
        reason="No money this year.",
    )
    take_to(db, commissioner, c[2], Status.PARTLY, first_at=day(4, 5), final_at=day(4, 9))
    answer(db, commissioner, c[3], Status.CONSIDERING, at=day(4, 7))
    _reviews(db, forum, member)
    other = make_forum(db, organisations=[council], members=[member])
    make_contribution(db, other, member, made_at=day(5, 1))
    private = make_forum(db, private=True, organisations=[council], members=[member])
    make_contribution(db, private, member, made_at=day(5, 1))
    return {
        "forum": forum,
        "other": other,
        "council": council,
        "member": member,
        "commissioner": commissioner,
    }


def _decision(db, forum):
    from tests.factories_contributions import make_decision

    return make_decision(db, forum)


def _reviews(db, forum, member):
    people = [member] + [make_user(db) for _ in range(2)]
    answers = {day(3, 20): [(3, 3), (3, 1), (2, 2)], day(4, 20): [(3, 3), (1, 3)]}
    for starts_at, pairs in answers.items():
        meeting = Meeting(
            forum_id=forum.id,
            title=f"Meeting {starts_at:%B}",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            status=MeetingStatus.PUBLISHED,
        )
        db.add(meeting)
        db.flush()
        for person, (purpose, listened) in zip(people, pairs, strict=False):
            db.add(
                MeetingReview(
                    meeting_id=meeting.id,
                    user_id=person.id,
                    purpose_clear=purpose,
                    listened_to=listened,
                )
            )
    db.flush()


def test_forum_figures(db, world):
    figures = impact.forum_impact(db, world["forum"], now=NOW)
    assert figures.made == 6
    assert figures.answered == 4
    assert figures.share_answered == 67
    assert figures.median_days_to_answer == 5.0  # first answers after 2, 10, 4 and 6 days
    assert figures.with_final_answer == 3
    assert figures.changed_or_partly == 2
    assert figures.share_changed == 67
    assert figures.overdue == 1  # made 10 April, due 8 May; the 15 May one is not due yet


def test_forum_figures_month_by_month(db, world):
    figures = impact.forum_impact(db, world["forum"], now=NOW)
    assert [(m.month, m.made, m.answered, m.changed_or_partly) for m in figures.months] == [
        ("2026-03", 2, 2, 1),
        ("2026-04", 3, 2, 1),
        ("2026-05", 1, 0, 0),
    ]


def test_meeting_review_results(db, world):
    figures = impact.forum_impact(db, world["forum"], now=NOW)
    r = figures.reviews
    assert (r.reviews, r.purpose_yes, r.purpose_partly, r.purpose_no) == (5, 3, 1, 1)
    assert (r.listened_yes, r.listened_partly, r.listened_no) == (3, 1, 1)
    assert [
        (m.month, m.reviews, m.purpose_clear, m.listened_to) for m in figures.review_months
    ] == [
        ("2026-03", 3, 2, 1),
        ("2026-04", 2, 1, 2),
    ]


def test_organisation_figures_count_only_forums_the_viewer_may_see(db, world):
    public = impact.organisation_forums(db, ANONYMOUS, world["council"])
    assert {f.id for f in public} == {world["forum"].id, world["other"].id}
    figures = impact.impact_for(db, [f.id for f in public], now=NOW)
    assert figures.made == 7
    assert figures.overdue == 1  # the 1 May one in the other forum is due 29 May
    insider = load_viewer(db, world["commissioner"])
    assert len(impact.organisation_forums(db, insider, world["council"])) == 3


def test_no_contributions_gives_empty_figures_not_errors(db):
    forum = make_forum(db)
    figures = impact.forum_impact(db, forum, now=NOW)
    assert (figures.made, figures.share_answered, figures.median_days_to_answer) == (0, None, None)
    assert figures.months == []


def test_the_figures_read_each_history_once_for_months_and_totals(db, world, count_queries):
    """Totals are the sum of the months (issue 20): every read of the contributions goes
    over the forums' whole history, so it is read for the months and the median only,
    and the reviews once."""
    with count_queries() as queries:
        figures = impact.forum_impact(db, world["forum"], now=NOW)
    assert figures.made == sum(m.made for m in figures.months) == 6
    assert figures.reviews.reviews == sum(m.reviews for m in figures.review_months) == 5
    reads = [q for q in queries if "FROM contribution" in q]
    assert len(reads) == 2, reads
    assert len([q for q in queries if "FROM meeting_review" in q]) == 1
