"""Whatever a writer types or pastes, readers get safe HTML: no scripts, no
javascript: links, no Word markup; and the words are kept."""

from sqlalchemy import select

from forum_site.models import Briefing
from tests.factories_briefings import make_briefing, make_writer_and_forum

NASTY = (
    "Hello <script>alert('x')</script> there.\n\n"
    "[Open me](javascript:alert(1)) and [the plan](https://example.org/plan).\n\n"
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">raw link</a>\n\n'
    '<p style="color:red" onclick="alert(4)">Styled</p>'
)


def test_scripts_and_javascript_links_never_reach_the_page(client, db):
    writer, forum = make_writer_and_forum(db)
    briefing = make_briefing(db, forum, writer, body=NASTY)
    page = client.get(f"/briefings/{briefing.id}")
    body = page.soup.select_one(".briefing-body")
    assert not body.select("script, img, [onclick], [onerror], [style]")
    hrefs = [a.get("href", "") for a in body.select("a")]
    assert hrefs == ["https://example.org/plan"]
    attributes = [v for tag in body.find_all(True) for v in tag.attrs.values()]
    assert not any("javascript" in str(v) for v in attributes)
    text = body.get_text(" ")
    assert "Hello" in text and "the plan" in text and "Open me" in text


def test_typed_script_tags_are_saved_without_the_script(client, db, sign_in):
    writer, forum = make_writer_and_forum(db)
    sign_in(writer)
    client.post(
        f"/forums/{forum.slug}/briefings/new",
        data={
            "title": "Title <script>x()</script>",
            "body": "Before <script>alert('x')</script> after.",
            "forums": [str(forum.id)],
            "action": "save",
        },
    )
    briefing = db.scalar(select(Briefing))
    assert "<script" not in briefing.body and "alert" not in briefing.body
    assert briefing.body.startswith("Before") and briefing.body.endswith("after.")
    assert "<script" not in briefing.title


def test_the_checker_preview_escapes_what_was_typed(client, db, sign_in):
    writer, _forum = make_writer_and_forum(db)
    sign_in(writer)
    response = client.post(
        "/briefings/check",
        data={"body": "Please click here <b onmouseover=alert(1)>now</b> & thanks."},
        headers={"HX-Request": "true"},
    )
    html = response.get_data(as_text=True)
    assert "onmouseover" not in html and "<b " not in html
    assert "formatting from Word or a web page" in html
