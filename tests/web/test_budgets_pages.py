"""Budget pages: what members see (table, chart, history, easy read), and permissions."""

from __future__ import annotations

from sqlalchemy import select

from forum_site.models import Budget
from tests.factories import make_commissioner, make_organisation, make_user
from tests.factories_budgets import budget_world, line, make_budget, make_meeting


def test_member_sees_table_with_totals_and_a_chart(client, db, sign_in):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    sign_in(world["member"])
    page = client.get(f"/budgets/{budget.id}")
    assert page.status_code == 200
    table = page.soup.select_one("table.budget-table")
    rows = [" ".join(tr.get_text(" ", strip=True).split()) for tr in table.select("tbody tr")]
    assert rows[0].startswith("Day centre places £60,000 No: fixed")
    assert "Activities members choose £40,000 Yes: open to your influence" in rows[1]
    total = table.select_one("tfoot .budget-total-row").get_text(" ", strip=True)
    assert total == "Total budget £100,000"
    svg = page.soup.select_one("figure.budget-chart svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title"
    assert "Day centre places: £60,000, fixed" in svg.find(id=desc_id).get_text()
    bars = svg.select("rect[width]")
    widths = [int(bar["width"]) for bar in bars if bar.find_parent("g")]
    assert widths == [300, 200]  # biggest line fills the bar area; the rest in proportion
    assert "url(#" in bars[-1]["fill"]  # open lines are striped, not just another colour


def test_per_person_per_week_is_shown_when_people_are_given(client, db, sign_in):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    page = client.get(f"/budgets/{budget.id}")
    first_row = page.soup.select_one("table.budget-table tbody tr")
    # £60,000 for 40 people over 365 days (52 1/7 weeks) = £28.77 a week each
    assert "£28.77" in first_row.get_text()
    assert "for each of 40 people" in first_row.get_text()


def test_lines_that_do_not_add_up_show_a_warning_and_keep_the_figures(client, db):
    world = budget_world(db)
    budget = make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=90_000_00,
        lines=[line("Transport", 50_000_00), line("Lunch club", 50_000_00)],
    )
    page = client.get(f"/budgets/{budget.id}")
    warning = page.soup.select_one(".budget-warning").get_text(" ", strip=True)
    assert "do not add up" in warning
    assert "£100,000" in warning and "£90,000" in warning and "£10,000 more" in warning
    db.expire_all()
    assert db.get(Budget, budget.id).total_pence == 90_000_00


def test_public_forum_budget_is_readable_by_anyone(client, db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    assert client.get(f"/budgets/{budget.id}").status_code == 200
    listing = client.get(f"/forums/{world['forum'].slug}/budgets")
    assert budget.title in listing.get_data(as_text=True)


def test_private_forum_budget_looks_missing_to_outsiders(client, db, sign_in):
    world = budget_world(db, private=True)
    budget = make_budget(
        db, world["commissioner"], world["council"], [world["forum"]], title="Secret clinic money"
    )
    for path in [
        f"/budgets/{budget.id}",
        f"/budgets/{budget.id}.csv",
        f"/budgets/{budget.id}.json",
    ]:
        response = client.get(path)
        assert response.status_code == 404
        assert "Secret clinic money" not in response.get_data(as_text=True)
    sign_in(world["outsider"])
    assert client.get(f"/budgets/{budget.id}").status_code == 404
    assert client.get(f"/forums/{world['forum'].slug}/budgets").status_code == 404


def test_private_forum_members_and_the_owning_commissioner_can_read_it(client, db, sign_in):
    world = budget_world(db, private=True)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    sign_in(world["member"])
    assert client.get(f"/budgets/{budget.id}").status_code == 200
    client.post("/sign-out")
    sign_in(world["commissioner"])
    assert client.get(f"/budgets/{budget.id}").status_code == 200


def test_only_the_owning_organisation_can_change_it(client, db, sign_in):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    other = make_commissioner(db, make_organisation(db), name="Someone Elsewhere")
    for person in [world["member"], other]:
        sign_in(person)
        assert client.get(f"/budgets/{budget.id}/change").status_code == 403
        response = client.post(
            f"/budgets/{budget.id}/change", data={"total": "1", "reason": "Because"}
        )
        assert response.status_code == 403
        assert "Change the figures" not in client.get(f"/budgets/{budget.id}").get_data(
            as_text=True
        )
        client.post("/sign-out")
    db.expire_all()
    assert db.get(Budget, budget.id).total_pence == 100_000_00


def test_signed_out_people_are_sent_to_sign_in_to_change(client, db):
    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])
    response = client.get(f"/budgets/{budget.id}/change")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_only_commissioners_of_the_forum_can_add_a_budget(client, db, sign_in):
    world = budget_world(db)
    sign_in(world["member"])
    assert client.get(f"/forums/{world['forum'].slug}/budgets/new").status_code == 403
    client.post("/sign-out")
    sign_in(world["commissioner"])
    page = client.get(f"/forums/{world['forum'].slug}/budgets/new")
    assert page.status_code == 200
    assert page.soup.select_one(f"input[name=forums][value='{world['forum'].id}']").has_attr(
        "checked"
    )


def test_easy_read_view_has_big_numbers_pictures_and_per_person_rows(client, db, sign_in):
    world = budget_world(db)
    budget = make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=100_000_00,
        lines=[
            line("Day centre places", 60_000_00, people=40),
            line("New minibus", None, withheld_reason="The price is agreed in June."),
        ],
    )
    reader = make_user(db, easy_read=True)
    sign_in(reader)
    page = client.get(f"/budgets/{budget.id}")
    easy = page.soup.select_one(".budget-easy-read")
    text = easy.get_text(" ", strip=True)
    assert "£100,000" in text
    assert "about £29 for each person each week" in text
    assert "The price is agreed in June." in text
    assert easy.select(".er-picture svg"), "each point has a picture"


def test_linked_meeting_page_panel_shows_the_budget_as_a_paper(client, db, app):
    world = budget_world(db)
    meeting = make_meeting(db, world["forum"])
    budget = make_budget(
        db, world["commissioner"], world["council"], [world["forum"]], meetings=[meeting]
    )
    from forum_site.services.viewer import ANONYMOUS
    from forum_site.web.panels import meeting_panels

    with app.test_request_context(f"/meetings/{meeting.id}"):
        panels = meeting_panels.render_for(meeting, ANONYMOUS)
    mine = [p for p in panels if p.template == "budgets/_meeting_panel.html"]
    assert [b.id for b in mine[0].context["budgets"]] == [budget.id]


def test_forum_page_lists_its_budgets(client, db):
    world = budget_world(db)
    make_budget(db, world["commissioner"], world["council"], [world["forum"]], title="Lunch clubs")
    page = client.get(f"/forums/{world['forum'].slug}")
    panel = page.soup.select_one(".budget-panel")
    assert "Lunch clubs" in panel.get_text()
    assert db.scalar(select(Budget.id).where(Budget.title == "Lunch clubs"))


def _big_budget(db, world, count: int):
    lines = [line(f"Service {n}", (n + 1) * 1000_00, people=10 + n) for n in range(count)]
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]], lines=lines)
    from forum_site.services import budgets as service
    from forum_site.services.budgets import LineInput
    from forum_site.services.viewer import load_viewer

    for n in range(count):
        inputs = [
            LineInput(x.name, x.amount_pence + (n if i == 0 else 0), x.kind, line_id=x.id)
            for i, x in enumerate(budget.lines)
        ]
        service.change_budget(
            db,
            load_viewer(db, world["commissioner"]),
            budget,
            total_pence=budget.total_pence + n + 1,
            lines=inputs,
            reason=f"Change {n}",
        )
    return budget


def test_budget_page_queries_do_not_grow_with_lines_or_history(client, db, sign_in, count_queries):
    world = budget_world(db)
    small = _big_budget(db, world, 2)
    big = _big_budget(db, world, 20)
    sign_in(world["member"])
    counts = []
    for budget in [small, big]:
        client.get(f"/budgets/{budget.id}")  # warm caches (templates, pictures)
        with count_queries() as queries:
            page = client.get(f"/budgets/{budget.id}")
        assert page.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    rows = client.get(f"/budgets/{big.id}").soup.select("table.budget-table tbody tr")
    assert len(rows) == 20


def test_forum_budget_list_queries_do_not_grow_with_budgets(client, db, count_queries):
    world = budget_world(db)
    counts = []
    for how_many in [2, 10]:
        forum = world["forum"]
        for n in range(how_many - (2 if how_many == 10 else 0)):
            make_budget(db, world["commissioner"], world["council"], [forum], title=f"B{n}")
        with count_queries() as queries:
            page = client.get(f"/forums/{forum.slug}/budgets")
        assert len(page.soup.select(".card")) == how_many
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_amounts_are_formatted_for_the_readers_language(client, db, sign_in):
    world = budget_world(db)
    budget = make_budget(
        db,
        world["commissioner"],
        world["council"],
        [world["forum"]],
        total=1_250_050,
        lines=[line("Day centre places", 1_250_050)],
    )
    sign_in(make_user(db, language="pl"))
    page = client.get(f"/budgets/{budget.id}")
    amount = page.soup.select_one("table.budget-table tbody td.budget-number").get_text()
    assert amount == "12\xa0500,50\xa0GBP"
    client.post("/sign-out")
    sign_in(make_user(db, language="en"))
    page = client.get(f"/budgets/{budget.id}")
    amount = page.soup.select_one("table.budget-table tbody td.budget-number").get_text()
    assert amount == "£12,500.50"


PANEL = "<p class=test-panel>{{ panel_context.title }}</p>"


def test_other_areas_panels_appear_on_the_budget_page(client, db, app):
    """Areas register with budget_panels (web/panels.py); the page must show them."""
    from forum_site.web.panels import budget_panels

    world = budget_world(db)
    budget = make_budget(db, world["commissioner"], world["council"], [world["forum"]])

    @budget_panels.panel("budgets/_test_panel.html", order=99)
    def _loader(subject, who):
        return {"title": subject.title} if subject.id == budget.id else None

    from jinja2 import ChoiceLoader, DictLoader

    original = app.jinja_env.loader
    app.jinja_env.loader = ChoiceLoader([DictLoader({"budgets/_test_panel.html": PANEL}), original])
    try:
        page = client.get(f"/budgets/{budget.id}")
    finally:
        app.jinja_env.loader = original
        budget_panels._panels[:] = [p for p in budget_panels._panels if p.load is not _loader]
    assert page.soup.select_one(".test-panel").get_text() == budget.title
