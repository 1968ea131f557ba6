"""Reading a briefing: glossary help on first use (normal and easy read), private
forums, "I didn't understand this part", and the forum's list of briefings."""

from sqlalchemy import select

from forum_site.models import UnclearSignal
from tests.factories import make_user
from tests.factories_briefings import load_small_glossary, make_briefing, make_writer_and_forum

BODY = (
    "## Who runs the lunch club\n\n"
    "A new provider will run the lunch club. The provider is a local charity.\n\n"
    "- You can use a personal budget to pay.\n"
    "- Read the [provider's page](https://example.org/provider).\n"
)


def test_first_use_of_each_glossary_term_links_to_its_definition(client, db):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=BODY)
    page = client.get(f"/briefings/{briefing.id}")
    marks = page.soup.select(".briefing-body a.glossary-term")
    assert [m.get_text() for m in marks] == ["provider", "personal budget"]
    first = marks[0]
    assert first["href"] == "#define-provider"
    definition = page.soup.select_one("#define-provider")
    assert "The organisation that runs a service." in definition.get_text()
    assert definition.select_one("dt a")["href"] == "/glossary/provider"
    assert first["aria-describedby"] == "define-provider"
    # the writer's own link is left alone, not nested inside another link
    own = page.soup.select_one('.briefing-body a[href="https://example.org/provider"]')
    assert own.get_text() == "provider's page" and not own.select("a")


def test_easy_read_shows_a_box_right_after_the_sentence_with_the_hard_word(client, db):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=BODY)
    client.post("/settings/easy-read", data={"next": f"/briefings/{briefing.id}"})
    page = client.get(f"/briefings/{briefing.id}")
    assert "easy-read" in page.soup.body["class"]
    rows = page.soup.select(".briefing-easy-read .er-row")
    sentence = next(i for i, r in enumerate(rows) if "provider" in r.get_text().lower())
    box = rows[sentence + 1]
    assert "er-hard-word" in box["class"]
    assert "The group that runs a service." in box.get_text()
    assert "made automatically" in page.soup.select_one(".briefing-easy-read").get_text()
    assert not page.soup.select_one(f'a[href$="/easy-read/briefing/{briefing.id}/check"]')


def test_the_writer_is_offered_to_check_the_easy_read_version(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=BODY)
    sign_in(writer)
    client.post("/settings/easy-read", data={"next": "/"})
    check_link = f"/easy-read/briefing/{briefing.id}/check"
    assert client.get(f"/briefings/{briefing.id}").soup.select_one(f'a[href="{check_link}"]')
    assert client.get(f"/briefings/{briefing.id}/edit").soup.select_one(f'a[href="{check_link}"]')
    assert client.get(check_link).status_code == 200


def test_a_private_forum_briefing_looks_missing_to_outsiders(client, db, sign_in, new_client):
    member = make_user(db)
    writer, forum = make_writer_and_forum(db, private=True, members=[member])
    briefing = make_briefing(db, forum, writer, title="Clinic hours for members")
    assert client.get(f"/briefings/{briefing.id}").status_code == 404
    assert client.get(f"/forums/{forum.slug}/briefings").status_code == 404
    outsider = sign_in(make_user(db), target=new_client())
    page = outsider.get(f"/briefings/{briefing.id}")
    assert page.status_code == 404 and "Clinic hours" not in page.get_data(as_text=True)
    inside = sign_in(member, target=new_client())
    assert inside.get(f"/briefings/{briefing.id}").soup.h1.get_text() == "Clinic hours for members"


def test_reader_says_they_did_not_understand_a_part_and_the_writer_sees_it(
    client, db, sign_in, new_client
):
    load_small_glossary(db)
    member = make_user(db, name="Ali Hassan")
    writer, forum = make_writer_and_forum(db, members=[member])
    briefing = make_briefing(db, forum, writer, body=BODY)
    reader = sign_in(member, target=new_client())
    page = reader.get(f"/briefings/{briefing.id}")
    options = [o["value"] for o in page.soup.select("#section option")]
    assert options == ["", "Who runs the lunch club"]
    reader.post(
        f"/briefings/{briefing.id}/unclear",
        data={"section": "Who runs the lunch club", "quoted": "local charity", "note": ""},
    )
    reader.post(
        f"/briefings/{briefing.id}/unclear",
        data={"section": "", "note": "Too many long words", "anonymous": "y"},
    )
    signals = list(db.scalars(select(UnclearSignal).order_by(UnclearSignal.id)))
    assert [s.user_id for s in signals] == [member.id, None]
    sign_in(writer)
    seen = client.get(f"/briefings/{briefing.id}").soup.select(".signals li")
    text = " ".join(s.get_text(" ") for s in seen)
    assert "Ali Hassan" in text and "local charity" in text
    assert "did not give their name" in text and "Too many long words" in text
    # readers do not see the signals list
    assert not reader.get(f"/briefings/{briefing.id}").soup.select(".signals")


def test_signed_out_readers_are_anonymous(client, db):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    response = client.post(f"/briefings/{briefing.id}/unclear", data={"section": ""})
    assert response.status_code == 303
    assert db.scalar(select(UnclearSignal)).user_id is None


def test_a_visitor_reading_a_briefing_gets_no_cookie_and_can_still_say_unclear(app, db):
    """The page can be cached (issue 20): no session for a visitor, so the form has no
    token; its post is taken only from our own page, as the browser says."""
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    visitor = app.test_client()
    page = visitor.get(f"/briefings/{briefing.id}")
    assert "Set-Cookie" not in page.headers
    assert page.headers["Cache-Control"].startswith("public")
    assert f'action="/briefings/{briefing.id}/unclear"' in page.get_data(as_text=True)
    url = f"/briefings/{briefing.id}/unclear"
    # open(), not post(): the test client's post() would fetch and add a token.
    elsewhere = visitor.open(
        url, method="POST", data={"section": ""}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert elsewhere.status_code == 400
    assert db.scalar(select(UnclearSignal)) is None
    ours = visitor.open(
        url, method="POST", data={"section": ""}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert ours.status_code == 303
    assert db.scalar(select(UnclearSignal)).user_id is None


def test_forum_list_shows_published_briefings_and_drafts_only_to_commissioners(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    make_briefing(db, forum, writer, title="Published news")
    make_briefing(db, forum, writer, title="Secret draft", published=False)
    page = client.get(f"/forums/{forum.slug}/briefings")
    titles = [a.get_text() for a in page.soup.select(".briefing-list h2 a")]
    assert titles == ["Published news"]
    sign_in(writer)
    page = client.get(f"/forums/{forum.slug}/briefings")
    assert {a.get_text() for a in page.soup.select(".briefing-list h2 a")} == {
        "Published news",
        "Secret draft",
    }
    assert page.soup.select_one(f'a[href="/forums/{forum.slug}/briefings/new"]')


def test_forum_page_panel_and_section_menu_link_to_briefings(client, db):
    writer, forum = make_writer_and_forum(db)
    make_briefing(db, forum, writer, title="Published news")
    page = client.get(f"/forums/{forum.slug}")
    assert page.soup.select_one("#briefings-panel-title")
    assert "Published news" in page.soup.select_one(".panel").get_text()
    menu = [a["href"] for a in page.soup.select(".forum-sections a")]
    assert f"/forums/{forum.slug}/briefings" in menu


def test_forum_list_uses_the_same_number_of_queries_for_2_and_20_briefings(
    client, db, count_queries
):
    writer, forum = make_writer_and_forum(db)
    other_writer, _ = make_writer_and_forum(db)

    def queries_for(n):
        for i in range(n):
            make_briefing(db, forum, writer if i % 2 else other_writer, title=f"News {i}")
        db.flush()
        with count_queries() as queries:
            page = client.get(f"/forums/{forum.slug}/briefings")
        assert len(page.soup.select(".briefing-list li")) == (n if n == 2 else 20)
        return len(queries)

    assert queries_for(2) == queries_for(18)
