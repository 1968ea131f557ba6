"""Helpers for the easy-read tests: turning easy read on, and reading a page's sentences."""

from __future__ import annotations

import re

from forum_site.web.preferences import COOKIE_NAME

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "legend", "label", "button", "td", "th"]
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def easy_read_on(client, hide_pictures: bool = False) -> None:
    """A visitor's cookie, as the switch sets it."""
    value = "easy_read=True" + ("&hide_pictures=True" if hide_pictures else "")
    client.set_cookie(COOKIE_NAME, value)


def main_sentences(soup) -> list[str]:
    """Every sentence in <main>, one text block at a time (innermost blocks only)."""
    main = soup.find("main")
    found = []
    for block in main.find_all(BLOCKS):
        if block.find(BLOCKS):
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        found.extend(s for s in _SENTENCE_END.split(text) if _WORD.search(s))
    return found


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def long_sentences(soup, limit: int = 15) -> list[str]:
    return [s for s in main_sentences(soup) if word_count(s) > limit]
