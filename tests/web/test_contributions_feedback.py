"""You said, we did; the impact page; and that neither gets slower per contribution."""

from __future__ import annotations

from datetime import timedelta

import pytest

from forum_site.models import Status
from tests.factories import make_commissioner, make_forum, make_organisation, make_user
from tests.factories_contributions import START, make_contribution, make_decision, support, take_to
from tests.factories_meetings import make_meeting


@pytest.fixture
def world(db):
    council = make_organisation(db, name="Parkside Council")
    commissioner = make_commissioner(db, council)
    member = make_user(db, name="Maya Member")
    reader = make_user(db, name="Ravi Reader", easy_read=True)
    forum = make_forum(db, members=[member, reader], organisations=[council])
    return {"forum": forum, "commissioner": commissioner, "member": member, "reader": reader}


def _answered(db, world, text, outcome, days, **extra):
    contribution = make_contribution(db, world["forum"], world["member"], text=text, **extra)
    details = {
        Status.CHANGED: {
            "what_changed": "Something changed.",
            "decision_id": make_decision(db, world["forum"]).id,
        },
        Status.NOT_TAKEN_FORWARD: {"reason": f"Because of {text}."},
    }.get(outcome, {})
    take_to(
        db,
        world["commissioner"],
        contribution,
        outcome,
        first_at=START + timedelta(days=days),
        final_at=START + timedelta(days=days, hours=1),
        text=f"We did this about {text}",
        **details,
    )
    return contribution


def test_grouped_by_outcome_newest_first(client, db, world):
    meeting = make_meeting(db, world["forum"], title="June meeting")
    _answered(db, world, "buses", Status.CHANGED, 1)
    _answered(db, world, "trains", Status.CHANGED, 5, meeting_id=meeting.id)
    _answered(db, world, "parks", Status.NOT_TAKEN_FORWARD, 2, topic="Outdoors")
    _answered(db, world, "lunch", Status.ALREADY_HAPPENING, 3)
    make_contribution(db, world["forum"], world["member"], text="Not answered yet")
    page = client.get(f"/forums/{world['forum'].slug}/you-said-we-did")
    headings = [h.get_text(strip=True) for h in page.soup.select(".outcome-group h2")]
    assert headings == ["Changed something (2)", "Not taken forward (1)", "Already happening (1)"]
    changed = page.soup.select("#outcome-changed ~ ul .card-title a")
    assert [a.get_text() for a in changed] == ["trains", "buses"]
    text = page.get_data(as_text=True)
    assert "Because of parks." in text
    assert "Not answered yet" not in text


def test_filters_work_as_a_plain_get_form_and_by_htmx(client, db, world):
    meeting = make_meeting(db, world["forum"], title="June meeting")
    _answered(db, world, "buses", Status.CHANGED, 1)
    _answered(db, world, "trains", Status.CHANGED, 5, meeting_id=meeting.id)
    _answered(db, world, "parks", Status.NOT_TAKEN_FORWARD, 2, topic="Outdoors")
    url = f"/forums/{world['forum'].slug}/you-said-we-did"
    form = client.get(url).soup.select_one("form.filters")
    assert form["method"] == "get"
    assert [o.get_text() for o in form.select("#meeting option")] == [
        "All meetings",
        "June meeting",
    ]
    by_meeting = client.get(url, query_string={"meeting": meeting.id})
    assert [a.get_text() for a in by_meeting.soup.select(".card-title a")] == ["trains"]
    assert by_meeting.soup.select_one("#meeting option[selected]").get_text() == "June meeting"
    by_topic = client.get(url, query_string={"topic": "Outdoors"})
    assert [a.get_text() for a in by_topic.soup.select(".card-title a")] == ["parks"]
    by_outcome = client.get(url, query_string={"outcome": "not_taken_forward"})
    assert [a.get_text() for a in by_outcome.soup.select(".card-title a")] == ["parks"]
    nothing = client.get(url, query_string={"outcome": "partly"})
    assert "Nothing matches these choices." in nothing.get_data(as_text=True)
    junk = client.get(url, query_string={"outcome": "received", "meeting": "abc"})
    assert junk.status_code == 200
    fragment = client.get(url, query_string={"topic": "Outdoors"}, headers={"HX-Request": "true"})
    html = fragment.get_data(as_text=True)
    assert html.lstrip().startswith('<div id="results"') and "parks" in html and "<h1" not in html


def test_easy_read_version_has_pictures_and_short_lines(client, db, sign_in, world):
    _answered(db, world, "buses", Status.NOT_TAKEN_FORWARD, 1)
    sign_in(world["reader"])
    page = client.get(f"/forums/{world['forum'].slug}/you-said-we-did")
    assert "easy-read" in page.soup.body["class"]
    document = page.soup.select_one(".feedback-easy-read .er-document")
    rows = document.select(".er-point")
    assert rows and all(row.select_one("svg[aria-label]") for row in rows)
    sentences = [p.get_text(" ", strip=True) for p in document.select(".er-sentence")]
    assert "We did not do this." in sentences
    assert all(len(sentence.split()) <= 15 for sentence in sentences)
    assert page.soup.select(".said-card") == []


def test_easy_read_says_you_said_only_for_the_readers_own_point(client, db, sign_in, world):
    """Easy-read readers take "you" as meaning them: another member's point is "A member
    said", the reader's own is "You said"."""
    _answered(db, world, "buses", Status.NOT_TAKEN_FORWARD, 1)
    own = make_contribution(db, world["forum"], world["reader"], text="Bins are not emptied.")
    take_to(
        db,
        world["commissioner"],
        own,
        Status.ALREADY_HAPPENING,
        first_at=START + timedelta(days=2),
        final_at=START + timedelta(days=2, hours=1),
        text="We empty them weekly.",
    )
    sign_in(world["reader"])
    page = client.get(f"/forums/{world['forum'].slug}/you-said-we-did")
    sentences = [
        p.get_text(" ", strip=True)
        for p in page.soup.select(".feedback-easy-read .er-document .er-sentence")
    ]
    assert sentences.index("A member said:") == sentences.index("buses") - 1
    assert sentences.index("You said:") == sentences.index("Bins are not emptied.") - 1
    assert sentences.count("You said:") == 1


def test_impact_page_numbers_chart_and_table(client, db, world):
    _answered(db, world, "buses", Status.CHANGED, 1)
    _answered(db, world, "parks", Status.NOT_TAKEN_FORWARD, 3)
    make_contribution(db, world["forum"], world["member"], text="waiting")
    page = client.get(f"/forums/{world['forum'].slug}/impact")
    figures = [dd.get_text(" ", strip=True) for dd in page.soup.select(".figures dd")]
    assert figures[0] == "3"
    assert figures[1] == "2 (67%)"
    assert figures[2] == "2.0"  # first answers after 1 and 3 days
    assert figures[3].startswith("1 (50% of the 2 with a final answer)")
    chart = page.soup.select_one("#chart-contributions-caption").parent
    assert chart.select_one("svg[role=img] title").get_text() == "Contributions each month"
    assert len(chart.select("svg rect")) == 3  # one month, three bars
    row = [c.get_text() for c in chart.select("table tbody tr")[0].find_all(["th", "td"])]
    assert row == ["Mar 2026", "3", "2", "1"]


def test_organisation_impact_page(client, db, world):
    _answered(db, world, "buses", Status.CHANGED, 1)
    council = world["forum"].organisations[0]
    page = client.get(f"/organisations/{council.id}/impact")
    assert page.soup.h1.get_text() == "Impact: Parkside Council"
    assert page.soup.select_one(".figures dd").get_text() == "1"
    assert client.get("/organisations/999999/impact").status_code == 404


def _fill(db, world, count):
    others = [make_user(db) for _ in range(3)]
    for n in range(count):
        contribution = _answered(
            db, world, f"point {n}", list(Status)[2 + n % 4], n, topic=f"topic {n % 3}"
        )
        support(db, contribution, *others[: n % 3])


@pytest.mark.parametrize(
    "path",
    [
        "/forums/{slug}/you-said-we-did",
        "/forums/{slug}/impact",
        "/forums/{slug}/contributions",
        "/forums/{slug}",
        "/organisations/{org}/impact",
    ],
)
def test_pages_cost_the_same_queries_for_2_or_20_contributions(
    client, db, sign_in, world, count_queries, path
):
    sign_in(world["commissioner"])
    url = path.format(slug=world["forum"].slug, org=world["forum"].organisations[0].id)
    counts = []
    for extra in (2, 18):
        _fill(db, world, extra)
        client.get(url)  # warm up
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_forum_impact_shows_meeting_review_results(client, db, world):
    from forum_site.models import MeetingReview

    meeting = make_meeting(db, world["forum"], title="Review meeting", days_from_now=-10)
    for person, (purpose, listened) in zip(
        [world["member"], world["reader"]], [(3, 3), (3, 1)], strict=True
    ):
        db.add(
            MeetingReview(
                meeting_id=meeting.id,
                user_id=person.id,
                purpose_clear=purpose,
                listened_to=listened,
            )
        )
    db.flush()
    page = client.get(f"/forums/{world['forum'].slug}/impact")
    tables = page.soup.select("table.review-table")
    totals = [
        [c.get_text() for c in row.find_all(["th", "td"])] for row in tables[0].select("tbody tr")
    ]
    assert totals == [
        ["Was the purpose clear?", "2", "0", "0"],
        ["Were you listened to?", "1", "0", "1"],
    ]
    per_meeting = [c.get_text() for c in tables[1].select("tbody tr")[0].find_all(["th", "td"])]
    assert per_meeting[0].startswith("Review meeting")
    assert per_meeting[1:] == ["2", "2", "1"]


def test_meeting_page_has_a_have_your_say_panel_that_saves_against_the_meeting(
    client, db, sign_in, world
):
    from sqlalchemy import select

    from forum_site.models import Contribution

    meeting = make_meeting(db, world["forum"], title="Summer meeting")
    sign_in(world["member"])
    page = client.get(f"/meetings/{meeting.id}")
    if page.status_code == 404:
        pytest.skip("the meetings pages are not registered yet")
    form = page.soup.select_one(f"#say-meeting-{meeting.id}-title").parent.select_one("form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    data["text"] = "Please send the papers a week before."
    saved = client.post(form["action"], data=data)
    assert saved.status_code == 303
    assert saved.headers["Location"] == f"/meetings/{meeting.id}#notices"
    contribution = db.scalar(select(Contribution))
    assert contribution.meeting_id == meeting.id
    again = client.get(f"/meetings/{meeting.id}")
    assert "Please send the papers a week before." in again.get_data(as_text=True)
