"""Writing a briefing: the checker beside the text (htmx and without JavaScript),
saving drafts, and bad input (too long, empty, pasted Word HTML, odd Unicode)."""

from sqlalchemy import select

from forum_site.models import Briefing
from tests.factories import make_user
from tests.factories_briefings import load_small_glossary, make_briefing, make_writer_and_forum

JARGON = "The JSNA shows we need a new provider. Please click here to read it."


def _typed(page, field="#body"):
    """A textarea's text as a browser sees it (the first newline is not content)."""
    text = page.soup.select_one(field).get_text()
    return text[2:] if text.startswith("\r\n") else text.removeprefix("\n")


def _new_url(forum):
    return f"/forums/{forum.slug}/briefings/new"


def test_check_button_without_javascript_shows_findings_and_keeps_everything_typed(
    client, db, sign_in
):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    page = client.post(
        _new_url(forum),
        data={
            "title": "Day centre news",
            "summary": "What is changing.",
            "body": JARGON,
            "forums": [str(forum.id)],
            "action": "check",
        },
    )
    assert page.status_code == 200
    assert page.soup.select_one("#title")["value"] == "Day centre news"
    assert _typed(page) == JARGON
    findings = page.soup.select(".findings li")
    texts = " ".join(f.get_text(" ") for f in findings)
    assert "JSNA" in texts and "provider" in texts and "click here" in texts.lower()
    # each finding links to its place in the text and to its rule page
    first = findings[0]
    place = first.select_one(".finding-place a")["href"]
    assert page.soup.select_one(place).name == "mark"
    assert first.select_one(".finding-rule a")["href"].startswith("/rules/PL-")
    # counts, never one pass/fail score
    assert page.soup.select(".checker-counts li")
    assert "pass" not in page.soup.select_one(".checker").get_text().lower()
    assert db.scalar(select(Briefing)) is None


def test_check_endpoint_returns_a_fragment_for_htmx(client, db, sign_in):
    load_small_glossary(db)
    writer, _forum = make_writer_and_forum(db)
    sign_in(writer)
    response = client.post(
        "/briefings/check", data={"body": JARGON}, headers={"HX-Request": "true"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<main" not in html and "checker-title" in html
    assert '<mark id="finding-1">JSNA</mark>' in html
    assert 'href="/rules/PL-10"' in html
    assert "HX-Request" in response.headers["Vary"]


def test_check_endpoint_without_htmx_is_a_whole_page(client, db, sign_in):
    writer, _forum = make_writer_and_forum(db)
    sign_in(writer)
    page = client.post("/briefings/check", data={"body": "We will utilise the room."})
    assert page.soup.h1.get_text() == "Check your writing"
    assert _typed(page) == "We will utilise the room."
    assert "utilise" in page.soup.select_one(".findings").get_text()


def test_the_textarea_is_enhanced_with_a_debounced_htmx_check(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    body = client.get(_new_url(forum)).soup.select_one("#body")
    # data-hx-* is htmx's valid-HTML spelling of hx-*
    assert body["data-hx-post"] == "/briefings/check"
    assert body["data-hx-trigger"] == "keyup changed delay:600ms"
    assert body["data-hx-target"] == "#checker-results"


def test_save_draft_then_it_is_only_visible_to_commissioners(client, db, sign_in, new_client):
    load_small_glossary(db)
    member = make_user(db)
    writer, forum = make_writer_and_forum(db, members=[member])
    sign_in(writer)
    response = client.post(
        _new_url(forum),
        data={
            "title": "Day centre news",
            "summary": "What is changing.",
            "body": "## Opening times\n\nWe open at **9am**.",
            "forums": [str(forum.id)],
            "action": "save",
        },
    )
    assert response.status_code == 303
    briefing = db.scalar(select(Briefing))
    assert briefing.title == "Day centre news" and not briefing.is_published
    assert briefing.forums == [forum]
    other = sign_in(member, target=new_client())
    assert other.get(f"/briefings/{briefing.id}").status_code == 404
    listing = other.get(f"/forums/{forum.slug}/briefings")
    assert "Day centre news" not in listing.get_data(as_text=True)


def test_only_commissioners_of_the_forum_can_write(client, db, sign_in):
    _writer, forum = make_writer_and_forum(db)
    outsider, _other_forum = make_writer_and_forum(db)
    sign_in(outsider)
    assert client.get(_new_url(forum)).status_code == 403
    response = client.post(
        _new_url(_other_forum),
        data={"title": "T", "body": "Text.", "forums": [str(forum.id)], "action": "save"},
    )
    assert response.status_code == 400
    assert "forums whose services you commission" in response.get_data(as_text=True)
    assert forum.name not in response.get_data(as_text=True)
    assert db.scalar(select(Briefing)) is None


def test_empty_body_gives_a_clear_message(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    page = client.post(
        _new_url(forum),
        data={"title": "Kept title", "body": "   ", "forums": [str(forum.id)], "action": "save"},
    )
    assert page.status_code == 400
    assert "Write the briefing text" in page.soup.select_one(".error-summary").get_text()
    assert page.soup.select_one("#title")["value"] == "Kept title"


def test_enormous_text_is_refused_with_the_limit_and_kept(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    huge = "We meet on Tuesdays. " * 1200
    page = client.post(
        _new_url(forum),
        data={"title": "Long", "body": huge, "forums": [str(forum.id)], "action": "save"},
    )
    assert page.status_code == 400
    assert "20,000 characters" in page.soup.select_one(".error-summary").get_text()
    assert _typed(page) == huge
    assert db.scalar(select(Briefing)) is None
    checked = client.post("/briefings/check", data={"body": huge}, headers={"HX-Request": "true"})
    assert "20,000" in checked.get_data(as_text=True)


def test_pasted_word_html_is_turned_into_text_with_a_message(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    word = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>'
        "p.MsoNormal{mso-style-parent:'';margin:0cm}</style></head><body>"
        "<p class=MsoNormal>The lunch club moves&nbsp;to <b>Tuesday</b>.<o:p></o:p></p>"
        "<p class=MsoNormal>Bring a friend.</p><script>alert('x')</script></body></html>"
    )
    response = client.post(
        _new_url(forum),
        data={"title": "Lunch", "body": word, "forums": [str(forum.id)], "action": "save"},
    )
    assert response.status_code == 303
    briefing = db.scalar(select(Briefing))
    assert briefing.body == "The lunch club moves to Tuesday.\n\nBring a friend."
    page = client.get(response.headers["Location"])
    assert "formatting from Word" in page.soup.select_one(".notices").get_text()


def test_odd_unicode_is_tidied_and_emoji_kept(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    body = "Cafe\u0301 open \U0001f600 on Tues\u200bday.\u202e Right to left trick."
    client.post(
        _new_url(forum),
        data={"title": "Café", "body": body, "forums": [str(forum.id)], "action": "save"},
    )
    briefing = db.scalar(select(Briefing))
    assert briefing.body == "Café open \U0001f600 on Tuesday. Right to left trick."


def test_edit_page_keeps_the_draft_and_shows_findings(client, db, sign_in):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=JARGON, published=False)
    sign_in(writer)
    page = client.get(f"/briefings/{briefing.id}/edit")
    assert _typed(page) == JARGON
    assert page.soup.select_one("#forums input[checked]")["value"] == str(forum.id)
    assert page.soup.select(".findings li")
    words = [h.get_text() for h in page.soup.select("#hard-words h3")]
    assert words == ["“JSNA”", "“provider”"]


def test_checking_from_a_saved_draft_leaves_out_words_the_writer_kept(client, db, sign_in):
    load_small_glossary(db)
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=JARGON, published=False)
    sign_in(writer)
    client.post(
        f"/briefings/{briefing.id}/words/keep",
        data={"word": "provider", "reason": "It is the word on the contract."},
    )
    fragment = client.post(
        "/briefings/check",
        data={"body": JARGON, "briefing_id": str(briefing.id)},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert "JSNA" in fragment and "provider" not in fragment.split("checker-preview")[0]
    # someone who cannot edit the briefing gets the plain check, not its kept words
    stranger, _ = make_writer_and_forum(db)
    sign_in(stranger)
    fragment = client.post(
        "/briefings/check",
        data={"body": JARGON, "briefing_id": str(briefing.id)},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert "“provider”" in fragment
