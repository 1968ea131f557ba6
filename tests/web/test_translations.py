"""Honest drafts: pages in a language nobody fluent has checked say so, in that language;
fluent speakers chosen by an admin mark strings checked; a changed translation is a draft again."""

import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from sqlalchemy import func, select

from forum_site.models import LanguageReviewer, TranslationCheck
from forum_site.services import translations
from forum_site.services.viewer import load_viewer
from tests.factories import make_user

WELSH_NOTICE = "Nid yw siaradwr rhugl wedi gwirio'r cyfieithiad hwn eto."


def choose_language(client, code: str) -> None:
    client.post("/settings", data={"language": code, "text_size": "normal"})


def test_a_welsh_page_says_in_welsh_that_its_translation_is_a_draft(client, db):
    choose_language(client, "cy")
    page = client.get("/forums")
    assert page.soup.html["lang"] == "cy"
    footer = page.soup.select_one("footer").get_text(" ", strip=True)
    assert WELSH_NOTICE in footer


def test_a_page_finds_its_catalogue_once_however_many_words_it_shows(client, db, monkeypatch):
    """Flask-Babel looked up the context, the locale and the catalogue again for each of a
    page's hundreds of words (issue 20)."""
    import flask_babel

    choose_language(client, "cy")
    client.get("/forums")
    found = []
    original = flask_babel.get_translations
    monkeypatch.setattr(flask_babel, "get_translations", lambda: found.append(1) or original())
    page = client.get("/forums")
    assert page.soup.html["lang"] == "cy"
    assert WELSH_NOTICE in page.soup.select_one("footer").get_text(" ", strip=True)
    assert len(found) == 1


def test_english_pages_have_no_draft_notice(client, db):
    page = client.get("/forums")
    assert "fluent speaker" not in page.soup.select_one("footer").get_text()


def test_the_language_menu_marks_each_draft_in_its_own_language(client, db):
    page = client.get("/settings")
    options = {o["value"]: o for o in page.soup.select("select#language option")}
    assert set(options) == {"", "en", "cy", "pl", "ar", "so", "ur"}
    assert options["cy"]["lang"] == "cy"
    assert options["cy"].get_text() == "Cymraeg (cyfieithiad drafft, heb ei wirio eto)"
    assert options["en"].get_text() == "English"


def test_somali_and_urdu_are_offered_and_urdu_is_right_to_left(client, db):
    choose_language(client, "ur")
    page = client.get("/forums")
    assert (page.soup.html["lang"], page.soup.html["dir"]) == ("ur", "rtl")
    choose_language(client, "so")
    assert client.get("/forums").soup.html["lang"] == "so"


def test_the_figures_page_counts_every_language(client, db):
    page = client.get("/translations")
    rows = {card.h3.get_text(strip=True): card for card in page.soup.select("li.card")}
    assert set(rows) == {"Cymraeg", "Polski", "العربية", "Soomaali", "اردو"}
    first = translations.figures(
        db, Path(client.application.config["BABEL_TRANSLATION_DIRECTORIES"]), {"cy": "Cymraeg"}
    )[0]
    assert first.total > 1000
    assert f"Translated: {first.translated:,} of {first.total:,}" in rows["Cymraeg"].get_text()


def test_only_a_chosen_checker_marks_strings_checked(app, client, db, sign_in):
    admin = make_user(db, admin=True)
    checker = make_user(db, name="Rhian")
    stranger = make_user(db)
    sign_in(admin)
    page = client.post("/translations", data={"email": checker.email, "language": "cy"})
    assert page.status_code == 303
    assert db.scalar(select(func.count()).select_from(LanguageReviewer)) == 1

    review = sign_in(stranger, target=app.test_client())
    listing = review.get("/translations/cy?show=drafts")
    assert not listing.soup.select("input[name=checked]")
    key = _first_draft_key(db, app)
    refused = review.post("/translations/cy", data={"checked": key})
    assert refused.status_code == 403
    assert db.scalar(select(func.count()).select_from(TranslationCheck)) == 0

    mine = sign_in(checker, target=app.test_client())
    boxes = mine.get("/translations/cy?show=drafts").soup.select("input[name=checked]")
    assert boxes
    done = mine.post("/translations/cy", data={"checked": [b["value"] for b in boxes[:2]]})
    assert done.status_code == 303
    stored = db.scalars(select(TranslationCheck)).all()
    assert [(c.language, c.checked_by_name) for c in stored] == [("cy", "Rhian")] * 2
    checked = mine.get("/translations/cy?show=checked")
    assert checked.soup.get_text().count("Checked by Rhian") == 2


def test_a_changed_translation_is_a_draft_again(app, db, tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]) / "cy", folder / "cy")
    admin = load_viewer(db, make_user(db, admin=True))
    catalogue = translations.catalogue(folder, "cy")
    message = next(m for m in catalogue if m.id == "Skip to main content")
    translations.mark_checked(db, admin, folder, "cy", [translations.message_key(message)])
    assert _checked(db, folder) == 1

    path = folder / "cy" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        changed = read_po(handle, locale="cy")
    changed[message.id].string = "Ewch i'r prif gynnwys"
    with path.open("wb") as handle:
        write_po(handle, changed)
    assert _checked(db, folder) == 0


def _checked(db, folder) -> int:
    return translations.figures(db, folder, {"cy": "Cymraeg"})[0].checked


def _first_draft_key(db, app) -> str:
    folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    rows, _ = translations.strings(db, folder, "cy", show="drafts")
    return rows[0].key


def test_words_outside_a_request_are_english_not_an_error(app):
    """Commands (seed-demo, send-due) and jobs turn marked words into text with no request."""
    from flask_babel import force_locale

    from forum_site.words import _l

    with app.app_context():
        assert str(_l("Received")) == "Received"
        with force_locale("cy"):
            assert str(_l("Received")) == "Wedi'i dderbyn"
            # WTForms' validators fill their message in with % and a dict of values
            assert _l("Received") % {"max": 254, "length": 300} == "Wedi'i dderbyn"


def test_an_email_in_a_draft_language_says_so_in_that_language(client, db, sign_in):
    from tests.factories_contributions import make_contribution
    from tests.factories_meetings import People
    from tests.notices import emails_to

    people = People(db)
    people.member.language = "cy"
    for who in (people.member, people.other_member):
        point = make_contribution(db, people.forum, who, text="The Friday bus is late.")
        sign_in(people.commissioner)
        client.post(
            f"/contributions/{point.id}/answers",
            data={"status": "considering", "answer": "We have asked the bus company."},
        )
    [welsh] = emails_to(db, people.member)
    assert WELSH_NOTICE in welsh.body_text
    assert "Yr ateb gan" in welsh.body_text  # the rest is in Welsh too
    [english] = emails_to(db, people.other_member)
    assert "fluent speaker" not in english.body_text
