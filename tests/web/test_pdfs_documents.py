"""Every printable document, in each version, opened the way a reader's PDF software would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from forum_site.pdf.render import renders
from tests.factories_briefings import make_entry
from tests.web.pdf_world import CONTACT_PHONE, make_briefing, make_meeting, make_world, read_pdf

VERSIONS = {"standard": 10.0, "large-print": 18.0, "easy-read": 16.0}


@pytest.fixture
def world(db):
    return make_world(db)


def urls(world) -> dict[str, str]:
    m = world.meeting.id
    return {
        "pack": f"/print/meetings/{m}/pack/{{v}}.pdf",
        "form": f"/print/meetings/{m}/form/{{v}}.pdf",
        "briefing": f"/print/briefings/{world.briefing.id}/{{v}}.pdf",
        "budget": f"/print/budgets/{world.budget.id}/{{v}}.pdf",
        "feedback": f"/print/forums/{world.forum.slug}/you-said-we-did/{{v}}.pdf",
    }


EXPECTED = {
    "pack": ["Spring meeting about day services", "Opening times at the day centres", "Mill Lane"],
    "form": ["Opening times at the day centres", "Choosing the new art group", "listened to"],
    "briefing": ["Day centre opening times", "Saturdays"],
    "budget": ["Day services budget 2030", "250,000", "Activities and trips"],
    "feedback": ["Please open on Saturdays", "every Saturday morning"],
}


def fetch_pdf(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:1500]
    assert response.mimetype == "application/pdf"
    facts = read_pdf(response.data)
    # Geometry, on every PDF these tests print: nothing drawn off the page, and no page
    # but the last more than two-thirds empty.
    assert not facts.outside, (url, facts.outside)
    assert not facts.empty_pages, (url, f"pages more than two-thirds empty: {facts.empty_pages}")
    return facts


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("document", EXPECTED)
def test_each_document_prints_in_each_version(client, sign_in, world, document, version):
    sign_in(world.member)
    facts = fetch_pdf(client, urls(world)[document].format(v=version))
    for words in EXPECTED[document]:
        assert words.lower() in facts.flat_text.lower(), (words, facts.flat_text[:800])
    # Every version ends with how to reach the forum: its convenor, phone, email, address.
    ending = facts.flat_text[facts.flat_text.rindex("Who to contact") :]
    for words in ("Cal Convenor", CONTACT_PHONE, "forum@riverside.example.org", "RV1 1AA"):
        assert words in ending, (words, ending)
    assert facts.smallest_font >= VERSIONS[version]
    assert facts.title
    assert facts.language == "en"
    assert facts.tagged and facts.marked
    assert facts.tags["/H1"] == 1, facts.tags
    assert 1 <= facts.pages <= 20
    assert f"Page 1 of {facts.pages}" in facts.flat_text
    assert any("Atkinson-Hyperlegible" in font for font in facts.fonts)


def test_easy_read_has_a_picture_beside_points_and_a_word_list(client, sign_in, world, db):
    # The meeting's closed topic gives its reason with "consultation", a glossary word.
    make_entry(db, "consultation", easy="A consultation asks what people think.")
    sign_in(world.member)
    response = client.get(f"/print/meetings/{world.meeting.id}/pack/easy-read.pdf")
    facts = read_pdf(response.data)
    assert "Words to know" in facts.flat_text
    assert "A consultation asks what people think." in facts.flat_text
    assert facts.tags["/Figure"] >= 10  # each picture is a tagged figure with alt text
    assert all(alt.strip() for alt in facts.figure_alts), facts.figure_alts
    assert facts.tags["/H1"] == 1 and facts.tags["/H2"] >= 5


def test_meeting_summary_after_the_debrief(client, sign_in, world, db):
    world.meeting.debrief_summary = "We agreed to try Saturday openings for 3 months."
    world.meeting.debrief_published_at = datetime(2030, 3, 20, tzinfo=UTC)
    world.meeting.agenda_items[0].what_was_decided = "Saturday mornings from May."
    db.flush()
    sign_in(world.member)
    for version, smallest in VERSIONS.items():
        facts = fetch_pdf(client, f"/print/meetings/{world.meeting.id}/summary/{version}.pdf")
        assert "Saturday" in facts.flat_text
        assert facts.smallest_font >= smallest


def test_no_summary_before_the_debrief_says_so(client, sign_in, world):
    sign_in(world.member)
    response = client.get(f"/print/meetings/{world.meeting.id}/summary/standard.pdf")
    assert response.status_code == 404
    assert "no summary of this meeting yet" in response.get_data(as_text=True)


def test_second_download_is_served_from_the_cache(client, sign_in, world, db):
    sign_in(world.member)
    url = f"/print/meetings/{world.meeting.id}/pack/easy-read.pdf"
    first = client.get(url)
    before = renders.count
    second = client.get(url)
    assert renders.count == before
    assert second.data == first.data
    world.meeting.title = "Spring meeting, new title"
    db.flush()
    third = client.get(url)
    assert renders.count == before + 1
    assert "new title" in read_pdf(third.data).flat_text


def test_letter_paper_is_a_setting(app, client, sign_in, world):
    sign_in(world.member)
    app.config["PDF_PAGE_SIZE"] = "Letter"
    try:
        letter = fetch_pdf(client, f"/print/briefings/{world.briefing.id}/standard.pdf")
    finally:
        app.config["PDF_PAGE_SIZE"] = "A4"
    a4 = fetch_pdf(client, f"/print/briefings/{world.briefing.id}/standard.pdf")
    assert round(letter.page_width) == 612
    assert round(a4.page_width) == 595


def test_unknown_version_is_not_found(client, sign_in, world):
    sign_in(world.member)
    assert client.get(f"/print/briefings/{world.briefing.id}/tiny-print.pdf").status_code == 404


def test_private_forum_documents_look_missing_to_outsiders(client, sign_in, db):
    private = make_world(db, private=True)
    links = [u.format(v="standard") for u in urls(private).values()]
    for url in links:
        assert client.get(url).status_code == 404, url
    sign_in(private.outsider)
    for url in links:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Riverside" not in response.get_data(as_text=True)


def test_members_of_a_private_forum_can_print(client, sign_in, db):
    private = make_world(db, private=True)
    sign_in(private.member)
    assert "Mill Lane" in fetch_pdf(client, urls(private)["pack"].format(v="standard")).flat_text


def test_draft_meeting_pack_is_not_found_for_members(client, sign_in, world, db):
    from forum_site.models.meetings import MeetingStatus

    world.meeting.status = MeetingStatus.DRAFT
    db.flush()
    sign_in(world.member)
    assert client.get(urls(world)["pack"].format(v="standard")).status_code == 404


def test_pack_without_agenda_or_venue_says_what_is_missing(client, sign_in, world, db):
    bare = make_meeting(
        db, world.forum, agenda=False, venue=False, title="Meeting still being planned"
    )
    sign_in(world.member)
    for version in VERSIONS:
        facts = fetch_pdf(client, f"/print/meetings/{bare.id}/pack/{version}.pdf")
        assert "Meeting still being planned" in facts.flat_text
        if version != "easy-read":
            assert "The agenda is not ready yet" in facts.flat_text
            assert "The place is not decided yet" in facts.flat_text
        form = fetch_pdf(client, f"/print/meetings/{bare.id}/form/{version}.pdf")
        assert "Anything else you want to tell us" in form.flat_text


def test_very_long_briefing_prints_every_page(app, client, sign_in, world, db, monkeypatch):
    paragraphs = [
        f"## Part {n}\n\nThis is part {n} of a long update about the day centres and transport. "
        "Each part says a little more about the plan and what it means for members." * 3
        for n in range(1, 41)
    ]
    long = make_briefing(db, world.forum, None, world.commissioner, title="A very long update",
                         body="\n\n".join(paragraphs)[:20_000])  # fmt: skip
    sign_in(world.member)
    facts = fetch_pdf(client, f"/print/briefings/{long.id}/large-print.pdf")
    assert facts.pages >= 8
    assert "Part 1" in facts.flat_text and "Part 30" in facts.flat_text
    assert f"Page {facts.pages} of {facts.pages}" in facts.flat_text
    # Over the default page cap in easy read (tests/web/test_pdfs_limits.py); without one:
    monkeypatch.setitem(app.config, "PDF_MAX_PAGES", 0)
    easy = fetch_pdf(client, f"/print/briefings/{long.id}/easy-read.pdf")
    assert easy.smallest_font >= 16 and easy.pages > 40


def test_arabic_and_chinese_briefing(client, sign_in, world, db):
    body = "## مرحبا\n\nنريد أن نسمع رأيك في مراكز النهار.\n\n## 你好\n\n我们想听听你对日间中心的看法。"
    briefing = make_briefing(
        db, world.forum, None, world.commissioner, title="Day centres: مرحبا 你好", body=body
    )
    sign_in(world.member)
    for version in VERSIONS:
        facts = fetch_pdf(client, f"/print/briefings/{briefing.id}/{version}.pdf")
        assert "你好" in facts.text or "?" in facts.text
        assert any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in facts.text)
        assert any("Naskh" in font for font in facts.fonts)


def test_briefing_with_a_table_and_pictures(client, sign_in, world, db):
    body = (
        "## Costs\n\n| Centre | Cost |\n|---|---|\n| Mill Lane | £10 |\n\n"
        "![A photo of the hall](http://127.0.0.1:9/hall.jpg) and ![local](file:///etc/passwd)\n\n"
        "<img src='file:///etc/passwd'> <table><tr><td>raw html</td></tr></table>"
    )
    briefing = make_briefing(
        db, world.forum, None, world.commissioner, title="Costs table", body=body
    )
    sign_in(world.member)
    for version in VERSIONS:
        facts = fetch_pdf(client, f"/print/briefings/{briefing.id}/{version}.pdf")
        assert "Mill Lane" in facts.flat_text
        assert "root:x" not in facts.text


def test_print_panel_lists_the_three_versions(client, sign_in, world):
    sign_in(world.member)
    page = client.get(f"/forums/{world.forum.slug}")
    links = [a["href"] for a in page.soup.select(".print-panel a")]
    assert f"/print/forums/{world.forum.slug}/you-said-we-did/large-print.pdf" in links
    assert len([link for link in links if link.endswith(".pdf")]) == 3
    expected = {
        f"/meetings/{world.meeting.id}": f"/print/meetings/{world.meeting.id}/form/standard.pdf",
        f"/briefings/{world.briefing.id}": f"/print/briefings/{world.briefing.id}/easy-read.pdf",
        f"/budgets/{world.budget.id}": f"/print/budgets/{world.budget.id}/large-print.pdf",
    }
    for page_url, pdf_url in expected.items():
        page = client.get(page_url)
        assert page.status_code == 200, page_url
        assert pdf_url in [a["href"] for a in page.soup.select(".print-panel a")]


def test_arabic_interface_gives_an_arabic_right_to_left_pdf(client, sign_in, world):
    sign_in(world.member)
    response = client.get(
        f"/print/meetings/{world.meeting.id}/pack/standard.pdf", headers={"Accept-Language": "ar"}
    )
    facts = read_pdf(response.data)
    assert facts.language == "ar"
    assert "To hear what members think" in facts.flat_text  # English text keeps its order
    assert any("Naskh" in font for font in facts.fonts)


def test_the_demo_meetings_easy_read_pack_is_at_most_8_pages(client, db):
    """The demo's first meeting (five agenda items, closed topics, access, payment):
    its easy-read pack fits 8 pages, each decider said once, with what they decide."""
    from sqlalchemy import select

    from forum_site.demo import seed
    from forum_site.models import Meeting

    seed(db)
    db.commit()
    meeting = db.scalars(select(Meeting).order_by(Meeting.id)).first()
    facts = fetch_pdf(client, f"/print/meetings/{meeting.id}/pack/easy-read.pdf")
    assert facts.pages <= 8
    deciders = [i.decision_maker for i in meeting.agenda_items if i.decision_maker]
    for name in deciders:
        assert facts.flat_text.count(f"{name} will make the final") == 1, name


def test_a_pdf_in_a_draft_language_says_so_in_that_language(client, sign_in, world):
    sign_in(world.member)
    url = f"/print/meetings/{world.meeting.id}/pack/standard.pdf"
    welsh = read_pdf(client.get(url, headers={"Accept-Language": "cy"}).data)
    assert "Nid yw siaradwr rhugl wedi gwirio'r cyfieithiad hwn eto." in welsh.flat_text
    english = read_pdf(client.get(url, headers={"Accept-Language": "en"}).data)
    assert "fluent speaker" not in english.flat_text


@pytest.mark.parametrize("document", ["pack", "budget"])
def test_the_printed_money_says_which_lines_members_can_change(client, sign_in, world, document):
    # a walk found the pack saying "No, this is fixed" for a line open to influence
    sign_in(world.member)
    text = fetch_pdf(client, urls(world)[document].format(v="standard")).flat_text
    table = " ".join(text.split())
    assert "Staff at the centres £200,000 No, this is fixed" in table, table[-1500:]
    assert "Activities and trips £50,000 Yes, you can have a say" in table, table[-1500:]
