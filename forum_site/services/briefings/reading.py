"""How readers see a briefing: glossary help on first use, sections, and easy read.

The body is rendered by forum_site.text.render_markdown (markdown-it + nh3). We then
mark the first use of each glossary term with a link to a definition list at the end
of the briefing ("Hard words in this briefing"), which works by keyboard and screen
reader without JavaScript; each definition links to the term's own glossary page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from markupsafe import Markup, escape

from easyread.checks.jargon import matcher_for
from easyread.glossary import Term
from forum_site.text import render_markdown

_TAG = re.compile(r"(<[^>]*>)")
_MARKABLE = {"p", "li", "blockquote", "strong", "b"}


@dataclass(frozen=True)
class ReadingView:
    html: Markup
    hard_words: list[Term]
    sections: list[str]


def reading_view(body: str, terms: tuple[Term, ...]) -> ReadingView:
    html = str(render_markdown(body))
    marked, used = _mark_first_uses(html, terms)
    return ReadingView(Markup(marked), used, _headings(html))


def _mark_first_uses(html: str, terms: tuple[Term, ...]) -> tuple[str, list[Term]]:
    if not terms:
        return html, []
    matcher = matcher_for(terms)
    used: list[Term] = []
    out: list[str] = []
    open_tags: list[str] = []
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            _track(open_tags, piece)
            out.append(piece)
        elif piece and _can_mark(open_tags):
            out.append(_mark_text(unescape(piece), matcher, used))
        else:
            out.append(piece)
    return "".join(out), used


def _track(open_tags: list[str], tag: str) -> None:
    name = re.match(r"</?\s*([a-zA-Z0-9]+)", tag)
    if not name or tag.endswith("/>"):
        return
    if tag.startswith("</"):
        if name.group(1).lower() in open_tags:
            open_tags.reverse()
            open_tags.remove(name.group(1).lower())
            open_tags.reverse()
    elif name.group(1).lower() != "br":
        open_tags.append(name.group(1).lower())


def _can_mark(open_tags: list[str]) -> bool:
    """Not inside a writer's link or a heading: a link in a link is broken HTML."""
    return bool(open_tags) and "a" not in open_tags and set(open_tags) <= _MARKABLE | {"ul", "ol"}


def _mark_text(text: str, matcher, used: list[Term]) -> str:
    out, last = [], 0
    for match, term in matcher.matches(text):
        if term in used:
            continue
        used.append(term)
        out.append(str(escape(text[last : match.start()])))
        out.append(
            f'<a class="glossary-term" href="#define-{escape(term.slug)}" '
            f'id="use-{escape(term.slug)}" aria-describedby="define-{escape(term.slug)}">'
            f"{escape(match.group())}</a>"
        )
        last = match.end()
    out.append(str(escape(text[last:])))
    return "".join(out)


def _headings(html: str) -> list[str]:
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", "", h)).split())
        for h in re.findall(r"<h[234]>(.*?)</h[234]>", html, flags=re.DOTALL)
    ]
