"""Changing a budget: history entries with reasons, telling members, the "changed" notice."""

from __future__ import annotations

from sqlalchemy import func, select

from forum_site.models import Budget, BudgetChange, BudgetRevision, InboxMessage
from forum_site.models.meetings import MeetingStatus
from tests.factories import make_forum, make_user
from tests.factories_budgets import budget_world, make_budget, make_meeting
from tests.notices import seen_by


def _change_form(budget, **overrides) -> dict:
    """What the change form posts, starting from the current figures."""
    data = {"total": f"{budget.total_pence // 100}", "reason": "The council's grant went down."}
    for index, line in enumerate(x for x in budget.lines if not x.removed):
        prefix = f"lines-{index}-"
        data |= {
            prefix + "line_id": str(line.id),
            prefix + "name": line.name,
            prefix + "amount": "" if line.withheld else f"{line.amount_pence // 100}",
            prefix + "kind": line.kind.value,
            prefix + "people_served": str(line.people_served or ""),
            prefix + "note": line.note,
            prefix + "withheld_reason": line.withheld_reason,
        }
        if line.withheld:
            data[prefix + "withheld"] = "y"
    return data | overrides


def _setup(db, *, meeting_days: int | None = 14, status=MeetingStatus.PUBLISHED):
    world = budget_world(db)
    meetings = []
    if meeting_days is not None:
        meetings = [make_meeting(db, world["forum"], days_ahead=meeting_days, status=status)]
    budget = make_budget(
        db, world["commissioner"], world["council"], [world["forum"]], meetings=meetings
    )
    return world, budget


def _inbox(db, user) -> list[InboxMessage]:
    return list(db.scalars(select(InboxMessage).where(InboxMessage.user_id == user.id)))


def test_a_cut_with_a_reason_is_recorded_as_a_new_history_entry(client, db, sign_in):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    response = client.post(
        f"/budgets/{budget.id}/change",
        data=_change_form(budget, total="90000", **{"lines-1-amount": "30,000"}),
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    db.expire_all()
    stored = db.get(Budget, budget.id)
    assert stored.total_pence == 90_000_00
    revisions = stored.revisions
    assert [r.is_first for r in revisions] == [True, False]
    latest = revisions[-1]
    assert latest.reason == "The council's grant went down."
    assert latest.changed_by_id == world["commissioner"].id
    moved = {(c.what.value, c.line_name, c.old_pence, c.new_pence) for c in latest.changes}
    assert moved == {
        ("total", "", 100_000_00, 90_000_00),
        ("line_amount", "Activities members choose", 40_000_00, 30_000_00),
    }
    page = client.get(f"/budgets/{budget.id}")
    history = page.soup.select_one(".budget-history").get_text(" ", strip=True)
    assert "The total went from £100,000 to £90,000." in history
    assert "Activities members choose went from £40,000 to £30,000." in history
    assert "Why: The council's grant went down." in history


def test_current_figures_match_the_latest_history_entry(client, db, sign_in):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    for total in ["95000", "97,500.50"]:
        client.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total=total))
        db.expire_all()
        budget = db.get(Budget, budget.id)
    latest_total = db.scalar(
        select(BudgetChange.new_pence)
        .join(BudgetRevision)
        .where(BudgetRevision.budget_id == budget.id, BudgetChange.what == "TOTAL")
        .order_by(BudgetChange.id.desc())
        .limit(1)
    )
    assert budget.total_pence == latest_total == 97_500_50
    assert len(budget.revisions) == 3


def test_a_change_without_a_reason_is_refused_and_nothing_typed_is_lost(client, db, sign_in):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    page = client.post(
        f"/budgets/{budget.id}/change", data=_change_form(budget, total="12,345.67", reason="  ")
    )
    assert page.status_code == 400
    assert "Say why the budget is changing" in page.soup.select_one(".error-summary").get_text()
    assert page.soup.select_one("#total")["value"] == "12,345.67"
    db.expire_all()
    assert db.get(Budget, budget.id).total_pence == 100_000_00
    assert db.scalar(select(func.count(BudgetRevision.id))) == 1


def test_nothing_changed_is_not_written_as_history(client, db, sign_in):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    page = client.post(f"/budgets/{budget.id}/change", data=_change_form(budget))
    assert page.status_code == 400
    assert "Nothing has changed" in page.get_data(as_text=True)
    assert db.scalar(select(func.count(BudgetRevision.id))) == 1


def test_change_before_an_upcoming_meeting_tells_every_member_of_linked_forums(
    client, db, sign_in, outbox
):
    world, budget = _setup(db)
    bystander = make_user(db, name="Not In The Forum")
    make_forum(db, members=[bystander])
    sign_in(world["commissioner"])
    client.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total="80000"))
    for person in [world["member"], world["member2"]]:
        [message] = seen_by(db, person)
        assert message.subject == f"The budget changed: {budget.title}"
        assert "The council's grant went down." in message.body
        assert "£100,000 to £80,000" in message.body
        assert message.link == f"/budgets/{budget.id}"
    for person in [bystander, world["outsider"], world["commissioner"]]:
        assert _inbox(db, person) == []
    emailed = sorted(email.to_address for email in outbox())
    assert emailed == sorted([world["member"].email, world["member2"].email])
    db.expire_all()
    assert db.get(Budget, budget.id).revisions[-1].members_told


def test_no_message_when_no_linked_meeting_is_upcoming(client, db, sign_in, outbox):
    for setup in [
        {"meeting_days": None},
        {"meeting_days": -3},
        {"meeting_days": 5, "status": MeetingStatus.CANCELLED},
        {"meeting_days": 5, "status": MeetingStatus.DRAFT},
    ]:
        world, budget = _setup(db, **setup)
        sign_in(world["commissioner"])
        response = client.post(
            f"/budgets/{budget.id}/change", data=_change_form(budget, total="1000")
        )
        assert response.status_code == 303
        assert _inbox(db, world["member"]) == [], setup
        client.post("/sign-out")
    assert outbox() == []


def test_the_changed_notice_shows_until_the_member_has_seen_it(client, db, sign_in, app):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    client.post(
        f"/budgets/{budget.id}/change",
        data=_change_form(budget, total="80000", reason="Cut half-way through the consultation."),
    )
    client.post("/sign-out")
    assert client.get(f"/budgets/{budget.id}").soup.select_one(".budget-changed") is None

    sign_in(world["member"])
    for path in [f"/budgets/{budget.id}", f"/forums/{world['forum'].slug}/budgets"]:
        page = client.get(path)
        assert "changed" in page.get_data(as_text=True).lower()
    notice = client.get(f"/budgets/{budget.id}").soup.select_one(".budget-changed")
    assert "The budget changed" in notice.get_text()
    assert "Cut half-way through the consultation." in notice.get_text()
    assert "£100,000 to £80,000" in notice.get_text()

    meeting = db.get(Budget, budget.id).meetings[0]
    meeting_page = client.get(f"/meetings/{meeting.id}")
    assert meeting_page.status_code == 200
    meeting_notice = meeting_page.soup.select_one(".budget-changed")
    assert "Cut half-way through the consultation." in meeting_notice.get_text()
    assert meeting_notice.select_one("input[name=back]")["value"] == f"/meetings/{meeting.id}"

    action = notice.select_one("form")["action"]
    seen = client.post(action, data={"back": f"/budgets/{budget.id}"})
    assert seen.status_code == 303
    assert client.get(f"/budgets/{budget.id}").soup.select_one(".budget-changed") is None

    client.post("/sign-out")
    sign_in(world["member2"])
    assert client.get(f"/budgets/{budget.id}").soup.select_one(".budget-changed")


def test_withholding_a_line_records_it_without_the_old_figure(client, db, sign_in):
    world, budget = _setup(db, meeting_days=None)
    sign_in(world["commissioner"])
    data = _change_form(
        budget,
        reason="The tender is open.",
        **{
            "lines-0-amount": "",
            "lines-0-withheld": "y",
            "lines-0-withheld_reason": "We can share it when the tender closes on 1 June.",
        },
    )
    assert client.post(f"/budgets/{budget.id}/change", data=data).status_code == 303
    db.expire_all()
    change = db.get(Budget, budget.id).revisions[-1].changes[0]
    assert (change.what.value, change.old_pence, change.new_pence) == ("line_withheld", None, None)
    page = client.get(f"/budgets/{budget.id}")
    assert "60,000" not in page.soup.select_one(".budget-history").get_text()


def test_removing_and_adding_lines_are_history_entries(client, db, sign_in):
    world, budget = _setup(db, meeting_days=None)
    sign_in(world["commissioner"])
    data = _change_form(
        budget,
        reason="Transport moved to another budget; taxis added.",
        **{
            "lines-0-remove": "y",
            "lines-2-name": "Taxis to the day centre",
            "lines-2-amount": "£5,000",
            "lines-2-kind": "open",
        },
    )
    assert client.post(f"/budgets/{budget.id}/change", data=data).status_code == 303
    db.expire_all()
    changes = db.get(Budget, budget.id).revisions[-1].changes
    assert [(c.what.value, c.line_name) for c in changes] == [
        ("line_removed", "Day centre places"),
        ("line_added", "Taxis to the day centre"),
    ]
    rows = client.get(f"/budgets/{budget.id}").soup.select("table.budget-table tbody tr")
    names = [row.th.get_text(" ", strip=True) for row in rows]
    assert names == ["Activities members choose", "Taxis to the day centre"]


def test_seen_with_htmx_replaces_the_notice_and_remembers(client, db, sign_in):
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    client.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total="70000"))
    client.post("/sign-out")
    sign_in(world["member"])
    response = client.post(f"/budgets/{budget.id}/seen", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "data-announce" in response.get_data(as_text=True)
    assert client.get(f"/budgets/{budget.id}").soup.select_one(".budget-changed") is None


def test_change_form_starts_with_todays_figures_as_people_type_them(client, db, sign_in):
    world, budget = _setup(db, meeting_days=None)
    sign_in(world["commissioner"])
    page = client.get(f"/budgets/{budget.id}/change")
    assert page.soup.select_one("#total")["value"] == "£100,000"
    assert page.soup.select_one("#lines-1-amount")["value"] == "£40,000"
    assert page.soup.select_one("#lines-1-kind-1").has_attr("checked")


def test_linked_briefing_page_shows_the_budget_paper_and_notice(client, db, sign_in):
    from forum_site.models import BriefingStatus
    from forum_site.models.briefings import Briefing
    from forum_site.services import budgets as service
    from forum_site.services.viewer import load_viewer

    world, budget = _setup(db, meeting_days=None)
    briefing = Briefing(
        title="Changes to day services",
        body="We want your views on day services.",
        status=BriefingStatus.PUBLISHED,
        forums=[world["forum"]],
    )
    db.add(briefing)
    db.flush()
    service.change_links(
        db, load_viewer(db, world["commissioner"]), budget, [world["forum"].id], [], [briefing.id]
    )
    _consult_on(db, world, budget)
    sign_in(world["commissioner"])
    client.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total="75000"))
    assert len(_inbox(db, world["member"])) == 1  # the budget's topic is being consulted on
    client.post("/sign-out")
    sign_in(world["member"])
    page = client.get(f"/briefings/{briefing.id}")
    assert page.status_code == 200
    paper = page.soup.select_one(".budget-panel")
    assert budget.title in paper.get_text()
    assert "£100,000 to £75,000" in paper.select_one(".budget-changed").get_text()


def _consult_on(db, world, budget):
    """An open consultation on a topic the budget belongs to (a briefing alone is not one)."""
    from datetime import UTC, date, datetime, timedelta

    from forum_site.models.meetings import CycleStage
    from forum_site.services.topics import consultations, core
    from forum_site.services.viewer import load_viewer

    commissioner = load_viewer(db, world["commissioner"])
    draft = core.TopicDraft("Day services", "", CycleStage.TEST_AND_REFINE, date.today())
    topic = core.create_topic(db, commissioner, world["forum"], draft)
    core.set_links(db, commissioner, topic, {"budgets": [budget.id]})
    now = datetime.now(UTC)
    consultations.create_consultation(
        db,
        commissioner,
        topic,
        consultations.ConsultationDraft(
            "Day services", "", ("What matters?",), now - timedelta(days=1),
            now + timedelta(days=5), date.today() + timedelta(days=30),
        ),
    )  # fmt: skip


def test_on_the_budget_page_the_notice_shows_the_newest_change_and_links_to_the_rest(
    client, db, sign_in
):
    """The whole history is further down the budget page, so its notice says each change
    once: the newest in full, the others as a link (a meeting page shows them all)."""
    world, budget = _setup(db)
    sign_in(world["commissioner"])
    client.post(
        f"/budgets/{budget.id}/change",
        data=_change_form(budget, total="90000", reason="First cut."),
    )
    db.expire_all()
    second = _change_form(db.get(Budget, budget.id), total="80000", reason="Second cut.")
    client.post(f"/budgets/{budget.id}/change", data=second)
    client.post("/sign-out")
    sign_in(world["member"])
    page = client.get(f"/budgets/{budget.id}")
    notice = page.soup.select_one(".budget-changed")
    assert "Second cut." in notice.get_text() and "First cut." not in notice.get_text()
    more = notice.select_one('a[href="#history"]')
    assert more.get_text(" ", strip=True).startswith("1 more change since you last read this")
    assert "First cut." in page.soup.select_one("#history").parent.get_text()
    meeting = db.get(Budget, budget.id).meetings[0]
    on_meeting = client.get(f"/meetings/{meeting.id}").soup.select_one(".budget-changed")
    assert "First cut." in on_meeting.get_text() and "Second cut." in on_meeting.get_text()


def test_two_changes_to_one_budget_are_one_row_on_the_members_home(app, client, db, sign_in):
    """Before, the home page listed "The budget changed: ..." twice, reading the same."""
    world, budget = _setup(db)
    commissioner = sign_in(world["commissioner"], target=app.test_client())
    for total in ("95000", "90000"):
        db.expire_all()
        budget = db.get(Budget, budget.id)
        commissioner.post(f"/budgets/{budget.id}/change", data=_change_form(budget, total=total))
    assert len(_inbox(db, world["member"])) == 2
    sign_in(world["member"])
    [row] = client.get("/").soup.select("#to-read ~ ul li")
    links = row.select("a")
    assert links[0].get_text(strip=True).startswith("The budget changed:")
    assert links[1].get_text(strip=True) == "and 1 more message about this"
    newest = max(m.id for m in _inbox(db, world["member"]))
    assert links[0]["href"].endswith(f"/inbox/{newest}")
    assert "£95,000 to £90,000" in client.get(links[0]["href"]).get_data(as_text=True)
