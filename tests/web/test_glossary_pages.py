"""The glossary: A to Z, search (a GET form), one page per word, admin editing,
the rule pages, and the load-glossary command."""

from sqlalchemy import func, select

from easyread.glossary import load_terms
from forum_site.models import GlossaryEntry
from tests.factories import make_user
from tests.factories_briefings import load_small_glossary


def test_a_to_z_lists_every_word_under_its_letter(client, db):
    load_small_glossary(db)
    page = client.get("/glossary")
    letters = [a.get_text() for a in page.soup.select(".letter-nav a")]
    assert letters == ["C", "J", "P"]
    p_words = [a.get_text() for a in page.soup.select_one("#letter-P").find_next("ul").select("a")]
    assert p_words == ["personal budget", "provider"]


def test_main_menu_links_to_the_glossary(client, db):
    menu = client.get("/").soup.select(".main-nav a")
    assert any(a["href"] == "/glossary" for a in menu)


def test_search_is_a_get_form_and_finds_names_and_meanings(client, db):
    load_small_glossary(db)
    page = client.get("/glossary")
    form = page.soup.select_one("form[role=search]")
    assert form["method"] == "get" and form["action"] == "/glossary"
    found = client.get("/glossary?q=JSNA")
    assert [a.get_text() for a in found.soup.select("#glossary-results a[href^='/glossary/']")] == [
        "JSNA"
    ]
    by_meaning = client.get("/glossary?q=runs a service")
    assert "provider" in by_meaning.soup.select_one("#glossary-results").get_text()
    nothing = client.get("/glossary?q=zzzz")
    assert "No words match" in nothing.soup.select_one("#glossary-results").get_text()


def test_search_with_htmx_returns_only_the_results(client, db):
    load_small_glossary(db)
    response = client.get("/glossary?q=budget", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "<html" not in html and 'id="results-title"' in html
    assert "personal budget" in html


def test_a_term_page_shows_plain_and_easy_meanings(client, db):
    load_small_glossary(db)
    page = client.get("/glossary/jsna")
    assert page.soup.h1.get_text() == "JSNA"
    text = page.soup.main.get_text(" ")
    assert "Joint Strategic Needs Assessment" in text
    assert "A study of what local people need" in text
    assert "A big report." in text
    assert client.get("/glossary/not-a-word").status_code == 404


def test_only_admins_can_edit_entries(client, db, sign_in, new_client):
    load_small_glossary(db)
    member = sign_in(make_user(db), target=new_client())
    assert member.get("/glossary/provider/edit").status_code == 403
    refused = member.post("/glossary/provider/edit", data={"term": "provider", "plain": "Hacked."})
    assert refused.status_code == 403
    assert not client.get("/glossary/provider").soup.select_one('a[href$="/edit"]')
    admin = make_user(db, admin=True)
    sign_in(admin)
    page = client.get("/glossary/provider/edit")
    assert (
        page.soup.select_one("#plain").get_text().strip() == "The organisation that runs a service."
    )
    response = client.post(
        "/glossary/provider/edit",
        data={"term": "provider", "plain": "The group paid to run a service.", "easy": ""},
    )
    assert response.status_code == 303
    entry = db.scalar(select(GlossaryEntry).where(GlossaryEntry.slug == "provider"))
    assert entry.plain == "The group paid to run a service." and entry.edited_by_id == admin.id
    empty = client.post("/glossary/provider/edit", data={"term": "provider", "plain": ""})
    assert empty.status_code == 400


def test_admin_adds_a_word(client, db, sign_in):
    sign_in(make_user(db, admin=True))
    response = client.post(
        "/glossary/new", data={"term": "Respite", "plain": "A short break for a carer."}
    )
    assert response.headers["Location"] == "/glossary/respite"
    twice = client.post("/glossary/new", data={"term": "respite", "plain": "Again."})
    assert "already in the glossary" in twice.soup.select_one(".error-summary").get_text()


def test_every_rule_has_a_page_and_unknown_rules_are_404(client, db):
    listing = client.get("/rules")
    links = [a["href"] for a in listing.soup.select("main li a")]
    assert "/rules/PL-04" in links
    page = client.get("/rules/PL-04")
    assert page.soup.h1.get_text().startswith("PL-04")
    assert "Why it matters" in page.get_data(as_text=True)
    assert client.get("/rules/pl-06").status_code == 200
    assert client.get("/rules/XX-99").status_code == 404


def _count(db):
    return db.scalar(select(func.count(GlossaryEntry.id)))


def test_load_glossary_twice_adds_each_word_once_and_keeps_admin_edits(app, db):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["load-glossary"])
    assert first.exit_code == 0, first.output
    expected = len(load_terms())
    assert expected >= 150 and _count(db) == expected
    assert f"{expected} added" in first.output
    entry = db.scalar(select(GlossaryEntry).where(GlossaryEntry.slug == "commissioning"))
    original = entry.plain
    entry.plain = "Changed by an admin."
    entry.edited_by_id = make_user(db, admin=True).id
    from datetime import UTC, datetime

    entry.edited_at = datetime.now(UTC)
    db.flush()
    second = runner.invoke(args=["load-glossary"])
    assert "0 added" in second.output and "1 kept" in second.output
    assert _count(db) == expected
    db.expire_all()
    assert entry.plain == "Changed by an admin."
    third = runner.invoke(args=["load-glossary", "--overwrite"])
    assert "1 updated" in third.output
    db.expire_all()
    assert entry.plain == original and _count(db) == expected


def test_easy_read_term_page_puts_each_easy_sentence_on_its_own_line(client, db):
    load_small_glossary(db)
    client.post("/settings/easy-read", data={"next": "/glossary/jsna"})
    page = client.get("/glossary/jsna")
    lines = [p.get_text() for p in page.soup.select(".easy-definition p")]
    assert lines == ["A big report.", "It says what help people here need."]


def test_search_treats_percent_and_underscore_as_plain_characters(client, db):
    load_small_glossary(db)
    assert (
        "No words match"
        in client.get("/glossary?q=%25").soup.select_one("#glossary-results").get_text()
    )
    assert (
        "No words match"
        in client.get("/glossary?q=_").soup.select_one("#glossary-results").get_text()
    )


def test_words_with_two_senses_are_explained_in_the_sense_the_text_uses(db):
    """The database keeps one definition a word; the shipped file's senses come with it,
    so "capacity" in a text about beds is not explained as deciding for yourself."""
    from easyread.builders import build_briefing
    from easyread.glossary import default_terms
    from forum_site.services import glossary

    shipped = {t.slug: t for t in default_terms()}
    glossary.load_terms(db, [shipped["capacity"]])
    terms = glossary.terms(db)
    capacity = next(t for t in terms if t.slug == "capacity")
    assert len(capacity.senses) >= 2
    about_beds = "The ward has capacity for 20 more patients this winter, so beds are free."
    document = build_briefing(about_beds, title="Beds", terms=terms)
    boxes = [i for s in document.sections for i in s.items if hasattr(i, "explanation")]
    explained = " ".join(box.explanation for box in boxes)
    senses = {sense.name: sense.easy for sense in capacity.senses}
    assert senses["room"] in explained
    assert senses["decide"] not in explained and capacity.easy not in explained
