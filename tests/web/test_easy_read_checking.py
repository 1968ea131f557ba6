"""A person checks an easy-read version (ER-16): edits sentences, changes pictures, marks
it checked; pages say who checked it and when, or that it was made automatically."""

from __future__ import annotations

from bs4 import BeautifulSoup
from sqlalchemy import select

from forum_site.models import EasyReadVersion
from forum_site.services import easy_read
from forum_site.web.easy_read.kinds import briefing_source_hash
from tests.factories import make_forum, make_user
from tests.factories_briefings import make_briefing, make_writer_and_forum
from tests.factories_meetings import make_meeting
from tests.web.easy_read_sentences import easy_read_on

BODY = (
    "The lunch club will meet on Tuesdays from May. "
    "The bus will collect people from the library at 11am."
)


def _briefing(db, members=(), **extra):
    writer, forum = make_writer_and_forum(db, members=members)
    writer.display_name = "Priya Shah"
    briefing = make_briefing(db, forum, writer, body=BODY, **extra)
    return writer, forum, briefing


def _form_data(page) -> dict[str, str]:
    """Everything the check form would send as it stands."""
    form = page.soup.select_one("form.er-check-form")
    data = {}
    for box in form.select("textarea"):
        data[box["name"]] = box.get_text()
    for chosen in form.select("input[type=radio][checked]"):
        data[chosen["name"]] = chosen["value"]
    for kept in form.select("input[type=hidden], input[type=search]"):
        data[kept["name"]] = kept.get("value", "")
    return data


def _stored(db, briefing) -> EasyReadVersion | None:
    db.expire_all()
    return db.scalar(
        select(EasyReadVersion).where(
            EasyReadVersion.kind == "briefing", EasyReadVersion.subject_id == briefing.id
        )
    )


def test_the_writer_sees_every_row_with_its_sentences_and_picture(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    page = client.get(f"/easy-read/briefing/{briefing.id}/check")
    assert page.status_code == 200
    assert page.soup.h1.get_text() == "Check the easy read: New lunch club times"
    boxes = page.soup.select("form.er-check-form textarea")
    assert boxes, "one box of sentences per row"
    text = " ".join(box.get_text() for box in boxes)
    assert "Tuesdays" in text and "library" in text
    picker = page.soup.select_one("form.er-check-form fieldset.er-picker")
    assert picker.legend.get_text(strip=True) == "Picture"
    names = [label.get_text(" ", strip=True) for label in picker.select("label")]
    assert "No picture" in names and "Find a picture" in names
    assert "made automatically" in page.soup.select_one("main").get_text()


def test_edit_a_point_change_a_picture_and_mark_it_checked(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    first_picture = first_text.replace("_text", "_pic")
    data[first_text] = "The lunch club is on **Tuesdays**.\nIt starts in May."
    data[first_picture] = "fe-fork-and-knife-with-plate"
    saved = client.post(url, data={**data, "action": "checked"})
    assert saved.status_code == 303

    stored = _stored(db, briefing)
    assert stored.checked_by_name == "Priya Shah"
    assert stored.checked_at is not None and stored.checked_by_id == writer.id
    assert stored.source_hash == briefing_source_hash(briefing)
    row = stored.document["sections"][0]["items"][0]
    assert row["sentences"] == ["The lunch club is on **Tuesdays**.", "It starts in May."]
    assert row["picture"] == "fe-fork-and-knife-with-plate"
    assert row["picture_chosen_by_author"] is True

    page = client.get(url)
    assert "Priya Shah checked this easy read" in page.soup.find("main").get_text()
    assert page.soup.select_one(f"#{first_picture} input[checked]")["value"] == (
        "fe-fork-and-knife-with-plate"
    )


def test_readers_get_the_checked_version_with_the_name_and_date(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    data[first_text] = "A checked sentence."
    client.post(url, data={**data, "action": "checked"})

    db.expire_all()
    result = easy_read.easy_read_document(
        db, "briefing", briefing.id, briefing_source_hash(briefing), build=_never
    )
    assert result.checked_by_a_person and result.checked_by == "Priya Shah"
    assert result.document.checked_by_a_person
    assert result.document.all_sentences()[0] == "A checked sentence."
    assert not result.out_of_date


def _never():
    raise AssertionError("the automatic version is not needed when a person checked it")


def test_saving_without_checking_does_not_say_checked(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    client.post(url, data={**_form_data(client.get(url)), "action": "checked"})
    client.post(url, data={**_form_data(client.get(url)), "action": "save"})
    stored = _stored(db, briefing)
    assert stored.checked_at is None and stored.checked_by_name == ""
    result = easy_read.easy_read_document(
        db, "briefing", briefing.id, stored.source_hash, build=lambda: "automatic"
    )
    assert result.document == "automatic" and result.made_automatically


def test_changing_the_words_withdraws_the_check(client, db, sign_in):
    from easyread.model import Document

    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    client.post(url, data={**_form_data(client.get(url)), "action": "checked"})
    briefing.body = BODY + " Lunch costs £3."
    db.flush()
    result = easy_read.easy_read_document(
        db, "briefing", briefing.id, briefing_source_hash(briefing), build=lambda: Document("New")
    )
    assert result.check_withdrawn and not result.checked_by_a_person
    assert result.document.title == "New"
    page = client.get(url)
    assert "has changed since this easy read was saved" in page.soup.find("main").get_text()


def test_start_again_throws_the_edits_away(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    client.post(url, data={**_form_data(client.get(url)), "action": "checked"})
    assert _stored(db, briefing) is not None
    moved = client.post(f"/easy-read/briefing/{briefing.id}/start-again")
    assert moved.status_code == 303
    assert _stored(db, briefing) is None


def test_an_empty_point_is_refused_with_a_message(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    data[first_text] = "   "
    page = client.post(url, data={**data, "action": "checked"})
    assert page.status_code == 400
    assert "Write at least one sentence" in page.soup.select_one(".error-summary").get_text()
    assert _stored(db, briefing) is None


def test_only_the_writer_can_check_a_briefing(client, db, sign_in):
    member = make_user(db)
    _writer, _forum, briefing = _briefing(db, members=[member])
    url = f"/easy-read/briefing/{briefing.id}/check"
    assert client.get(url).status_code == 302, "visitors are sent to sign in"
    sign_in(member)
    assert client.get(url).status_code == 403
    assert client.post(url, data={"action": "checked"}).status_code == 403
    assert _stored(db, briefing) is None


def test_unknown_kinds_and_missing_things_are_not_found(client, db, sign_in):
    sign_in(make_user(db))
    assert client.get("/easy-read/nonsense/1/check").status_code == 404
    assert client.get("/easy-read/briefing/999999/check").status_code == 404


def test_a_convenor_checks_a_meeting_summary_and_a_member_cannot(client, db, sign_in):
    convenor = make_user(db, name="Sam Convenor")
    member = make_user(db)
    forum = make_forum(db, convenors=[convenor], members=[member])
    meeting = make_meeting(db, forum, days_from_now=-7)
    meeting.debrief_summary = "We talked about the new bus route. The council will decide in June."
    db.flush()
    url = f"/easy-read/meeting_summary/{meeting.id}/check"
    sign_in(member)
    assert client.get(url).status_code in (403, 404)
    client.post("/sign-out")
    sign_in(convenor)
    page = client.get(url)
    assert page.status_code == 200
    assert "bus route" in page.soup.select_one("form.er-check-form").get_text()
    saved = client.post(url, data={**_form_data(page), "action": "checked"})
    assert saved.status_code == 303
    db.expire_all()
    stored = db.scalar(select(EasyReadVersion).where(EasyReadVersion.kind == "meeting_summary"))
    assert stored.checked_by_name == "Sam Convenor" and stored.subject_id == meeting.id


def test_the_briefing_page_says_who_checked_it_or_that_it_was_made_automatically(
    client, db, sign_in, new_client
):
    writer, _forum, briefing = _briefing(db)
    reader = new_client()
    easy_read_on(reader)
    before = reader.get(f"/briefings/{briefing.id}").soup.find("main").get_text(" ", strip=True)
    assert "made automatically" in before and "checked this easy read" not in before

    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    data[first_text] = "Lunch club is on **Tuesdays** now."
    client.post(url, data={**data, "action": "checked"})

    after = reader.get(f"/briefings/{briefing.id}").soup.find("main").get_text(" ", strip=True)
    assert "A person checked this easy read: Priya Shah on " in after
    assert "Lunch club is on Tuesdays now." in after
    assert "made automatically" not in after and "out of date" not in after

    briefing.body = BODY + " Lunch costs £3."
    db.flush()
    changed = reader.get(f"/briefings/{briefing.id}").soup.find("main").get_text(" ", strip=True)
    # New words: the check no longer stands (DN-08), so readers are not told it was checked.
    assert "A person checked this easy read" not in changed
    assert "A person checked an earlier version." in changed
    assert "Lunch club is on Tuesdays now." not in changed


def _warnings_after_saving_the_first_row(client, db, sign_in, text: str) -> list:
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    client.post(url, data={**data, first_text: text, "action": "save"})
    return client.get(url).soup.select(".er-check-row .notice-warning")


def test_rows_with_long_sentences_are_pointed_out(client, db, sign_in):
    warnings = _warnings_after_saving_the_first_row(
        client,
        db,
        sign_in,
        "This sentence is far too long for easy read because it goes on and on and on.",
    )
    assert len(warnings) == 1
    assert "more than 15 words" in warnings[0].get_text()


def test_a_convenor_can_check_the_easy_read_meeting_page(client, db, sign_in):
    convenor = make_user(db, name="Sam Convenor")
    forum = make_forum(db, convenors=[convenor])
    meeting = make_meeting(db, forum)
    sign_in(convenor)
    url = f"/easy-read/meeting/{meeting.id}/check"
    page = client.get(url)
    assert page.status_code == 200
    assert "What the meeting is for" in page.soup.find("main").get_text()
    assert client.post(url, data={**_form_data(page), "action": "checked"}).status_code == 303
    db.expire_all()
    stored = db.scalar(select(EasyReadVersion).where(EasyReadVersion.kind == "meeting"))
    assert stored.checked_by_name == "Sam Convenor"
    meeting = db.get(type(meeting), meeting.id)
    meeting.purpose = "A new purpose."
    db.flush()
    assert "has changed since" in client.get(url).soup.find("main").get_text()


def test_easy_read_block_gives_areas_the_document_the_line_and_the_link(app, db):
    from bs4 import BeautifulSoup
    from flask import g

    from easyread.model import Document, Point, Section
    from forum_site.services.viewer import ANONYMOUS
    from forum_site.web.easy_read.views import easy_read_block
    from forum_site.web.preferences import Preferences

    def build():
        return Document(title="Bus times", sections=[Section("", [Point(["The bus is at 9am."])])])

    with app.test_request_context("/"):
        g.prefs, g.viewer = Preferences(easy_read=True), ANONYMOUS
        checker = BeautifulSoup(
            easy_read_block("meeting", 42, "h", build, can_check=True), "html.parser"
        )
        reader = BeautifulSoup(easy_read_block("meeting", 42, "h", build), "html.parser")
    assert checker.select_one("h2").get_text() == "Bus times"
    assert "made automatically" in checker.get_text()
    assert checker.select_one("a[href='/easy-read/meeting/42/check']")
    assert not reader.select("a[href*='/check']")


def test_the_easy_read_pdf_prints_the_checked_version(client, db, sign_in):
    from tests.web.pdf_world import read_pdf

    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    first_text = next(name for name in data if name.endswith("_text"))
    data[first_text] = "Lunch club moves to Tuesdays."
    client.post(url, data={**data, "action": "checked"})
    pdf = client.get(f"/print/briefings/{briefing.id}/easy-read.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = read_pdf(pdf.data).flat_text
    assert "Lunch club moves to Tuesdays." in text
    assert "A person checked this easy read: Priya Shah" in text


# --- the picture picker: search by what a picture shows or means, radio buttons with previews


def _first_row(data: dict[str, str]) -> str:
    return next(name for name in data if name.endswith("_text")).removesuffix("_text")


def test_find_pictures_without_javascript_keeps_what_was_typed_and_saves_nothing(
    client, db, sign_in
):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    row = _first_row(data)
    data[f"{row}_text"] = "My own words, not saved yet."
    data[f"{row}_find"] = "bus"
    page = client.post(url, data={**data, "action": "find"})
    assert page.status_code == 200
    assert _stored(db, briefing) is None
    assert page.soup.select_one(f"textarea[name={row}_text]").get_text().strip() == (
        "My own words, not saved yet."
    )
    search = page.soup.select_one(f"input[name={row}_find]")
    assert search["value"] == "bus" and search.has_attr("autofocus")
    found = page.soup.select_one(f"#{row}_pic-found")
    assert "picture for “bus”" in found.get_text(" ", strip=True)
    choice = found.select_one("input[type=radio][value=fe-bus]")
    assert choice["name"] == f"{row}_pic"
    label = found.select_one(f"label[for='{choice['id']}']")
    assert label.get_text(strip=True) == "bus" and label.select_one("svg")
    button = page.soup.select_one(f"#{row}_pic button[value=find]")
    assert button["formaction"].endswith(f"/check#{row}_pic")


def test_a_found_picture_is_chosen_and_saved(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    row = _first_row(data)
    page = client.post(url, data={**data, f"{row}_find": "toilet", "action": "find"})
    toilet = page.soup.select_one(f"#{row}_pic-found input[type=radio]")
    assert toilet["value"] == "fe-restroom"
    data = _form_data(page)
    data[f"{row}_pic"] = toilet["value"]
    assert client.post(url, data={**data, "action": "save"}).status_code == 303
    assert _stored(db, briefing).document["sections"][0]["items"][0]["picture"] == "fe-restroom"


def test_typing_a_search_with_htmx_gets_only_that_rows_results(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    row = _first_row(data)
    headers = {"HX-Request": "true", "HX-Trigger": f"{row}_find"}
    part = client.post(
        url, data={**data, f"{row}_find": "money", "action": "find"}, headers=headers
    )
    assert part.status_code == 200
    html = part.get_data(as_text=True)
    assert "<html" not in html and "<h1" not in html
    values = [
        radio["value"] for radio in BeautifulSoup(html, "html.parser").select("input[type=radio]")
    ]
    assert values[0] == "fe-pound-banknote"  # £, never the money bag with a dollar sign
    assert "fe-money-bag" not in values
    assert _stored(db, briefing) is None


def test_no_picture_found_says_so_and_a_row_suggests_pictures_from_its_words(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    page = client.get(url)
    suggested = page.soup.select("input[type=radio][value=fe-bus]")
    assert suggested, "the row about the bus suggests the bus picture"
    data = _form_data(page)
    row = _first_row(data)
    page = client.post(url, data={**data, f"{row}_find": "xylophone", "action": "find"})
    assert "No picture was found for “xylophone”." in page.soup.select_one(
        f"#{row}_pic-found"
    ).get_text(" ", strip=True)


def test_an_error_on_saving_keeps_the_search_and_the_choice(client, db, sign_in):
    writer, _forum, briefing = _briefing(db)
    sign_in(writer)
    url = f"/easy-read/briefing/{briefing.id}/check"
    data = _form_data(client.get(url))
    row = _first_row(data)
    data[f"{row}_text"] = "Too long. " * 120
    data[f"{row}_find"] = "bus"
    data[f"{row}_pic"] = "fe-bus"
    page = client.post(url, data={**data, "action": "save"})
    assert page.status_code == 400
    assert page.soup.select_one(f"input[name={row}_find]")["value"] == "bus"
    chosen = page.soup.select_one(f"#{row}_pic input[type=radio][checked]")
    assert chosen["value"] == "fe-bus"
    assert _stored(db, briefing) is None


def test_two_short_sentences_on_one_line_are_not_a_long_sentence(client, db, sign_in):
    # a hard-word box's explanation is one line of two sentences (a walk saw it warned)
    text = "This is a short sentence of nine words in all. So is this one, with its ten words too."
    assert _warnings_after_saving_the_first_row(client, db, sign_in, text) == []
