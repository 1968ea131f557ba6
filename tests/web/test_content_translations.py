"""Content translated by people: the writer or a language's checker translates a
briefing side by side; readers in that language see it with who and when, and are
told when the English changed afterwards; outsiders and other members cannot write it."""

from sqlalchemy import func, select

from forum_site.models import Briefing, ContentTranslation, LanguageReviewer
from tests.factories import make_user
from tests.factories_briefings import make_briefing, make_writer_and_forum

SOMALI = {
    "title": "Waqtiyada cusub ee kooxda qadada",
    "summary": "Kooxda qadada waxay u guuraysaa Talaadada.",
    "body": "Kooxda qadada waxay kulmi doontaa Talaadada laga bilaabo May.",
}


SOURCE_BODY = "The lunch club will meet on Tuesdays from May."


def read_in(client, code: str) -> None:
    client.post("/settings", data={"language": code, "text_size": "normal"})


def test_writer_translates_and_a_somali_reader_sees_it_with_who_and_when(app, client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    author = sign_in(writer, target=app.test_client())
    editor = author.get(f"/translate/briefing/{briefing.id}/so")
    assert editor.soup.select_one("textarea#body")["lang"] == "so"
    sources = [s.get_text() for s in editor.soup.select(".translate-source[lang=en]")]
    assert sources == ["New lunch club times", "The lunch club moves to Tuesdays.", SOURCE_BODY]
    saved = author.post(f"/translate/briefing/{briefing.id}/so", data=SOMALI)
    assert saved.status_code == 303

    read_in(client, "so")
    page = client.get(f"/briefings/{briefing.id}")
    assert page.soup.h1.get_text(strip=True) == SOMALI["title"]
    assert not page.soup.h1.has_attr("lang")
    assert SOMALI["body"] in page.soup.select_one(".briefing-body").get_text()
    note = page.soup.select_one(".translation-note")
    assert writer.display_name in note.get_text()
    assert not note.select("strong")  # the English has not changed
    english = client.get(note.a["href"])
    assert english.soup.h1.get_text(strip=True) == "New lunch club times"
    assert english.soup.h1["lang"] == "en"


def test_a_reader_is_told_when_the_english_changed_after_translating(app, client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    sign_in(writer, target=app.test_client()).post(
        f"/translate/briefing/{briefing.id}/so", data=SOMALI
    )
    db.execute(
        Briefing.__table__.update()
        .where(Briefing.id == briefing.id)
        .values(body="The lunch club will meet on Tuesdays and Thursdays from May.")
    )
    read_in(client, "so")
    note = client.get(f"/briefings/{briefing.id}").soup.select_one(".translation-note")
    assert note.select_one("strong") is not None


def test_english_pages_are_untouched_and_untranslated_content_is_marked_english(client, db):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    page = client.get(f"/briefings/{briefing.id}")
    assert not page.soup.select(".translation-note")
    read_in(client, "ur")
    page = client.get(f"/briefings/{briefing.id}")
    assert page.soup.html["dir"] == "rtl"
    body = page.soup.select_one(".briefing-body")
    assert (body["lang"], body["dir"]) == ("en", "ltr")


def test_members_cannot_translate_and_nothing_is_stored(app, client, db, sign_in):
    member = make_user(db)
    writer, forum = make_writer_and_forum(db, members=[member])
    briefing = make_briefing(db, forum, writer)
    sign_in(member)
    assert client.get(f"/translate/briefing/{briefing.id}/so").status_code == 403
    assert client.post(f"/translate/briefing/{briefing.id}/so", data=SOMALI).status_code == 403
    assert db.scalar(select(func.count()).select_from(ContentTranslation)) == 0


def test_a_checker_of_the_language_may_translate_and_each_save_is_kept(app, client, db, sign_in):
    checker = make_user(db, name="Hodan")
    writer, forum = make_writer_and_forum(db, members=[checker])
    briefing = make_briefing(db, forum, writer)
    db.add(LanguageReviewer(user_id=checker.id, language="so"))
    db.flush()
    sign_in(checker)
    client.post(f"/translate/briefing/{briefing.id}/so", data=SOMALI)
    better = dict(SOMALI, title="Saacadaha cusub ee kooxda qadada")
    client.post(f"/translate/briefing/{briefing.id}/so", data=better)
    rows = db.scalars(select(ContentTranslation).order_by(ContentTranslation.id)).all()
    assert [r.fields["title"] for r in rows] == [SOMALI["title"], better["title"]]
    assert {r.translated_by_name for r in rows} == {"Hodan"}
    read_in(client, "so")
    assert client.get(f"/briefings/{briefing.id}").soup.h1.get_text(strip=True) == better["title"]


def test_a_private_forum_briefing_cannot_be_reached_through_the_translator(
    app, client, db, sign_in
):
    outsider = make_user(db)
    writer, forum = make_writer_and_forum(db, private=True)
    briefing = make_briefing(db, forum, writer)
    db.add(LanguageReviewer(user_id=outsider.id, language="so"))
    db.flush()
    sign_in(outsider)
    assert client.get(f"/translate/briefing/{briefing.id}/so").status_code == 404
    assert client.post(f"/translate/briefing/{briefing.id}/so", data=SOMALI).status_code == 404
    assert db.scalar(select(func.count()).select_from(ContentTranslation)) == 0


def test_an_empty_translation_is_refused_with_a_message(app, client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    sign_in(writer)
    page = client.post(f"/translate/briefing/{briefing.id}/so", data={"title": " "})
    assert page.status_code == 400
    assert page.soup.select_one(".error-summary")
    assert db.scalar(select(func.count()).select_from(ContentTranslation)) == 0


def test_a_convenor_translates_a_meeting_purpose_for_urdu_readers(app, client, db, sign_in):
    from tests.factories import make_forum
    from tests.factories_meetings import make_meeting

    convenor = make_user(db, name="Grace")
    meeting = make_meeting(
        db, make_forum(db, convenors=[convenor]), purpose="We will talk about it."
    )
    sign_in(convenor, target=app.test_client()).post(
        f"/translate/meeting/{meeting.id}/ur",
        data={"purpose": "ہم ڈے سینٹر کے بارے میں بات کریں گے۔"},
    )
    read_in(client, "ur")
    page = client.get(f"/meetings/{meeting.id}")
    purpose = page.soup.select_one("#purpose")
    assert "ہم ڈے سینٹر کے بارے میں بات کریں گے۔" in purpose.get_text()
    assert "Grace" in purpose.select_one(".translation-note").get_text()


def test_the_briefing_pdf_prints_the_translation_and_says_who_made_it(app, client, db, sign_in):
    from tests.web.pdf_world import read_pdf

    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer)
    sign_in(writer, target=app.test_client()).post(
        f"/translate/briefing/{briefing.id}/so", data=SOMALI
    )
    read_in(client, "so")
    response = client.get(f"/print/briefings/{briefing.id}/standard.pdf")
    assert response.status_code == 200
    text = read_pdf(response.data).text
    assert SOMALI["title"] in text and SOMALI["body"] in text
    assert "Soomaali" in text and writer.display_name in text
    assert "Tuesdays from May" not in text


URDU_WORD = {
    "plain": "کمیشننگ کا مطلب ہے یہ فیصلہ کرنا کہ لوگوں کو کن خدمات کی ضرورت ہے اور ان کی ادائیگی کرنا۔",
    "easy": "کمیشننگ کا مطلب ہے خدمات چننا۔",
}


def test_a_checker_translates_a_hard_word_and_urdu_readers_see_it(app, client, db, sign_in):
    """Glossary explanations are translated by people like briefings: a language's checker
    writes them, readers of that language see them with who made them."""
    from tests.factories_briefings import make_entry

    entry = make_entry(db, "Commissioning", plain="Deciding what services people need.")
    checker = make_user(db, name="Bushra")
    db.add(LanguageReviewer(user_id=checker.id, language="ur"))
    member = make_user(db)
    db.flush()
    assert (
        sign_in(member, target=app.test_client())
        .get(f"/translate/glossary/{entry.id}/ur")
        .status_code
        == 403
    )
    writer = sign_in(checker, target=app.test_client())
    saved = writer.post(f"/translate/glossary/{entry.id}/ur", data=URDU_WORD)
    assert saved.status_code == 303 and saved.headers["Location"].endswith(
        "/glossary/commissioning"
    )
    read_in(client, "ur")
    page = client.get("/glossary/commissioning")
    definition = page.soup.select_one(".definition-text")
    assert definition.get_text() == URDU_WORD["plain"] and not definition.has_attr("lang")
    assert "Bushra" in page.soup.select_one(".translation-note").get_text()
    english = client.get("/glossary/commissioning?in=en").soup.select_one(".definition-text")
    assert english.get_text() == "Deciding what services people need." and english["lang"] == "en"
