"""A contribution card translates the one author label it shows (issue 20): each card
translated all five fixed labels, 250 translations on a page of 50 cards."""

from __future__ import annotations

from forum_site import words
from forum_site.web.contributions.wording import author_words


def test_a_card_translates_only_the_label_it_shows(monkeypatch):
    asked = []
    monkeypatch.setitem(
        words._translator, "gettext", lambda text: asked.append(text) or f"<{text}>"
    )
    assert author_words("Anonymous") == "<Anonymous>"
    assert author_words("A former member") == "<A former member>"
    assert author_words("Ali Khan") == "Ali Khan"
    assert asked == ["Anonymous", "A former member"]
