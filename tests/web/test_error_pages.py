"""The error pages say what to do next, and their links lead there."""

from __future__ import annotations


def test_a_missing_page_links_to_the_list_of_forums_it_mentions(client):
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert "go to the list of forums" in page.get_data(as_text=True)
    assert page.soup.select_one("main a[href='/forums']").get_text() == "All forums"
