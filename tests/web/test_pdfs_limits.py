"""PDF limits: new renders are counted per person and per address (downloads of PDFs
already made are free), and a document over the page cap is explained, not printed."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from forum_site.pdf.render import renders
from forum_site.web import limits
from tests.web.pdf_world import make_briefing, make_world, read_pdf


@pytest.fixture
def world(db):
    return make_world(db)


@contextmanager
def settings(app, **values):
    old = {key: app.config.get(key) for key in values}
    app.config.update(values)
    try:
        yield
    finally:
        app.config.update(old)


@pytest.fixture
def limited(app, tmp_path):
    """Limits on, a cache of this test's own, and one new render each per person."""
    rules = {limits.PDF_PER_PERSON.name: (1, 600), limits.PDF_PER_ADDRESS.name: (3, 600)}
    with settings(
        app,
        RATELIMIT_ENABLED=True,
        RATE_LIMITS=rules,
        PDF_CACHE_DIR=str(tmp_path),
        REDIS_URL=None,
    ):
        yield


def test_new_renders_are_limited_per_person_and_made_pdfs_stay_free(
    limited, client, sign_in, world, new_client
):
    sign_in(world.member)
    url = f"/print/briefings/{world.briefing.id}/{{v}}.pdf"
    assert client.get(url.format(v="standard")).status_code == 200
    before = renders.count
    refused = client.get(
        url.format(v="large-print"),
        headers={"Referer": f"http://localhost/briefings/{world.briefing.id}"},
    )
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 600
    assert refused.soup.h1.get_text() == "Please wait before printing more"
    assert "wait a few minutes" in refused.soup.main.get_text()
    links = [a["href"] for a in refused.soup.select("main a")]
    assert f"/briefings/{world.briefing.id}" in links
    assert renders.count == before  # refused before any work

    again = client.get(url.format(v="standard"))  # already made: not counted, not refused
    assert again.status_code == 200 and again.mimetype == "application/pdf"
    assert renders.count == before

    someone_else = sign_in(world.convenor, target=new_client())  # their own allowance
    assert someone_else.get(url.format(v="large-print")).status_code == 200


def test_refusal_in_easy_read_links_back(limited, client, sign_in, world, db):
    world.member.easy_read = True
    db.flush()
    sign_in(world.member)
    url = f"/print/budgets/{world.budget.id}/{{v}}.pdf"
    assert client.get(url.format(v="standard")).status_code == 200
    refused = client.get(url.format(v="easy-read"))
    assert refused.status_code == 429
    assert refused.soup.select(".er-row")
    assert "Please wait a few minutes." in refused.soup.main.get_text()
    assert refused.soup.select_one("main a.er-big-link")["href"] == "/"


def test_visitors_are_limited_per_address(limited, app, world):
    url = f"/print/forums/{world.forum.slug}/you-said-we-did/{{v}}.pdf"
    one_place = {"REMOTE_ADDR": "198.51.100.7"}
    seen = []
    for version in ("standard", "large-print", "easy-read"):
        visitor = app.test_client()  # a new visitor each time: no person to count
        seen.append(visitor.get(url.format(v=version), environ_base=one_place).status_code)
    assert seen == [200, 200, 200]
    with settings(app, PDF_PAGE_SIZE="letter"):  # a different, not yet made, PDF
        last = app.test_client().get(url.format(v="standard"), environ_base=one_place)
        elsewhere = app.test_client().get(
            url.format(v="standard"), environ_base={"REMOTE_ADDR": "198.51.100.8"}
        )
    assert last.status_code == 429
    assert elsewhere.status_code == 200


# --- the page cap ---------------------------------------------------------------------

LONG_BODY = "\n\n".join(
    f"## Part {n}\n\nThe day centre on Mill Lane will open at nine on weekdays. "
    f"People told us that Saturday mornings matter most to carers who work in the week. "
    f"We will try a Saturday session for three months and ask you how it went."
    for n in range(1, 19)
)


def test_a_long_briefing_in_easy_read_is_explained_not_printed(
    app, client, sign_in, world, db, tmp_path
):
    briefing = make_briefing(
        db,
        world.forum,
        world.meeting,
        world.commissioner,
        title="Opening times in full",
        body=LONG_BODY,
    )
    sign_in(world.member)
    url = f"/print/briefings/{briefing.id}/{{v}}.pdf"
    with settings(app, PDF_MAX_PAGES=4, PDF_CACHE_DIR=str(tmp_path)):
        before = renders.count
        page = client.get(url.format(v="easy-read"))
        assert page.status_code == 422
        assert page.soup.h1.get_text() == "This document is too long to print"
        words = page.soup.main.get_text(" ")
        assert "Opening times in full" in words and "Easy read" in words
        assert "up to 4 pages" in words
        assert "for a printed copy" in words
        standard = page.soup.find("a", string="Print the standard version")["href"]
        assert standard == url.format(v="standard")
        again = client.get(url.format(v="easy-read"))  # remembered: not laid out again
        assert again.status_code == 422
        assert renders.count == before + 1

        printed = client.get(standard)
        assert printed.status_code == 200 and printed.mimetype == "application/pdf"
        assert read_pdf(printed.data).pages <= 4

        world.member.easy_read = True
        db.flush()
        easy = client.get(url.format(v="easy-read"))
        assert easy.status_code == 422
        assert "These papers are too long to print." in easy.soup.main.get_text()
        assert easy.soup.find("a", string="Print the standard version")["href"] == standard


def test_a_very_long_easy_read_briefing_is_over_the_default_cap(
    app, client, sign_in, world, db, tmp_path
):
    very_long = "\n\n".join([LONG_BODY] * 4)  # over 40 pages in easy read
    briefing = make_briefing(
        db, world.forum, world.meeting, world.commissioner, title="Every detail", body=very_long
    )
    sign_in(world.member)
    assert app.config["PDF_MAX_PAGES"] == 40
    with settings(app, PDF_CACHE_DIR=str(tmp_path)):
        page = client.get(f"/print/briefings/{briefing.id}/easy-read.pdf")
    assert page.status_code == 422
    assert "up to 40 pages" in page.soup.main.get_text(" ")


def test_progress_page_for_a_document_found_too_long_goes_to_the_explanation(app, client, tmp_path):
    from forum_site.pdf.cache import PdfCache

    key = "c" * 64
    PdfCache(tmp_path).mark_too_long(key, 73)
    with settings(app, PDF_CACHE_DIR=str(tmp_path)):
        page = client.get(f"/print/wait/{key}?next=/print/budgets/1/easy-read.pdf")
    assert page.status_code == 303
    assert page.headers["Location"] == "/print/budgets/1/easy-read.pdf"
