"""The checker the test client runs on every htmx fragment (tests/pagecheck.py)."""

from __future__ import annotations

import pytest

from tests.pagecheck import PageProblem, check_fragment, check_page

TOKEN = '<input type="hidden" name="csrf_token" value="t">'
GOOD = f"""<section id="reply">
  <h2>Your reply</h2>
  <form method="post" action="/meetings/1/reply">{TOKEN}
    <label for="reply-note">A note</label>
    <input id="reply-note" name="note">
    <input name="search" aria-label="Search">
    <label>Going <input type="checkbox" name="going"></label>
    <button type="submit">Send</button>
  </form>
  <h3>What others said</h3>
</section>"""


def _problem(html: str) -> str:
    with pytest.raises(PageProblem) as caught:
        check_fragment(html, "/a/fragment")
    return str(caught.value)


def test_a_good_fragment_passes_and_gives_its_soup():
    soup = check_fragment(GOOD, "/meetings/1/reply")
    assert soup.find("section")["id"] == "reply"


def test_table_rows_parse_as_the_rows_htmx_swaps_in():
    check_fragment('<tr id="r1"><td>One</td></tr><tr id="r2"><td>Two</td></tr>')


def test_a_duplicated_id_fails():
    message = _problem('<div id="hits"><p id="hits">Twice</p></div>')
    assert message.startswith("/a/fragment:")
    assert "ids used more than once: ['hits']" in message


def test_an_unlabelled_input_fails():
    message = _problem(f'<form method="post" action="/x">{TOKEN}<input name="note"></form>')
    assert 'form control without a label: <input name="note"/>' in message


def test_a_label_for_another_control_does_not_count():
    message = _problem('<label for="other">Note</label><textarea id="note"></textarea>')
    assert "form control without a label" in message


def test_a_post_form_without_a_csrf_field_fails():
    message = _problem('<form method="post" action="/x"><button>Send</button></form>')
    assert "POST form without a CSRF field" in message


def test_a_form_without_an_action_fails():
    assert "form without an action" in _problem('<form method="get"><button>Go</button></form>')


def test_an_h1_fails():
    message = _problem("<section><h1>Reply</h1></section>")
    assert "a fragment has an h1: the page it goes into already has one" in message


def test_a_skipped_heading_level_fails():
    message = _problem("<h2>Results</h2><h4>One</h4>")
    assert "heading skips from h2 to h4: 'One'" in message


def test_headings_may_start_at_any_level_and_go_back_up():
    check_fragment("<h3>Hits</h3><h4>One</h4><h2>Next</h2><h3>Two</h3>")


def test_broken_markup_fails():
    assert "HTML does not parse strictly" in _problem("<div><span>Open</div></section>")


def test_a_whole_page_is_not_a_fragment():
    page = "<!doctype html><html lang=en><head><title>A</title></head><body></body></html>"
    assert "HTML does not parse strictly" in _problem(page)


def test_pages_are_checked_as_before():
    page = (
        "<!doctype html><html lang=en><head><title>Reply - Forum</title></head>"
        f"<body><main><h1>Reply</h1>{GOOD}</main></body></html>"
    )
    check_page(page)
    with pytest.raises(PageProblem, match="expected exactly one h1, found 0"):
        check_page(page.replace("<h1>Reply</h1>", ""))


PAGE = """<!doctype html><html lang="en"><head><title>Reply - Forum</title></head><body>
<a href="#main">Skip to the content</a><main id="main"><h1>Reply</h1>{body}</main></body></html>"""


def _page_problem(body: str) -> str:
    with pytest.raises(PageProblem) as caught:
        check_page(PAGE.format(body=body), "/a/page")
    return str(caught.value)


def test_a_page_whose_references_all_lead_somewhere_passes():
    check_page(
        PAGE.format(
            body='<ul><li><a href="#note">Write a note</a></li></ul>'
            '<p id="note-hint">Short.</p><label for="note">Note</label>'
            '<input id="note" name="note" aria-describedby="note-hint">'
            '<div id="list"></div><button hx-get="/more" hx-target="#list">More</button>'
        )
    )


@pytest.mark.parametrize(
    ("body", "reference"),
    [
        # an error summary's link to a field that is not on the page
        ('<ul><li><a href="#decision">Choose yes or no</a></li></ul>', "link #decision"),
        ('<label for="note">Note</label><input name="note">', "for of <label> -> #note"),
        ('<input aria-label="Note" aria-describedby="gone">', "aria-describedby of <input>"),
        ('<button hx-get="/more" hx-target="#rows">More</button>', "hx-target of <button>"),
    ],
)
def test_a_reference_to_an_id_the_page_does_not_have_fails(body, reference):
    message = _page_problem(body)
    assert "references to ids the page does not have" in message
    assert reference in message
