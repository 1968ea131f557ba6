"""Easy-read output: an HTML fragment for web pages and PDFs, plain text, and the CLI.

The HTML is one fragment for screen and print: the web app includes it in its
pages and WeasyPrint prints the same markup, styled by ``static/easyread.css``.
Pictures are inline SVG (no outside files to fetch, which PDFs need) with
``role="img"`` and a label; a web page passes ``picture=`` to point at picture files
instead, so each picture is sent once. ``pictures=False`` is the reader setting that
hides them (ER-11).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from easyread.model import Document, HardWordBox, NextStep, NumberCallout, Point
from easyread.pictures import alt_text, svg_markup
from easyread.text import sentences as split_sentences

TEMPLATES = Path(__file__).with_name("templates")
CSS_FILE = Path(__file__).with_name("static") / "easyread.css"


def _l(text: str) -> str:
    """Marks the renderer's words for the site's catalogue (pybabel -k _l); stays English here."""
    return text


# Labels the web app can replace with translated text (render_html(labels=...)).
LABELS = {
    "checked": _l("A person checked this easy read:"),
    "automatic": _l("This easy read was made automatically. A person has not checked it yet."),
    "contact": _l("Who to contact"),
    "word_list": _l("Words to know"),
    "hard_word": _l("Hard word:"),
    "phone": _l("Phone:"),
    "email": _l("Email:"),
    "address": _l("Address:"),
    "flagged": _l("Rows that need a person to check them:"),
    "needs_person": _l("Needs a person:"),
}
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:|tel:|/|#)", re.IGNORECASE)
_SVG_ID = re.compile(r'\b(id="|url\(#|href="#)([^")]+)')


def safe_url(url: str) -> str:
    """Links may go to web pages, email, phone or our own pages; anything else is dropped."""
    return url if _SAFE_URL.match(url.strip()) else "#"


def inline(sentence: str) -> Markup:
    """Escape a sentence, then turn **bold** and [text](url) into HTML."""
    html = str(escape(sentence))

    def link(match: re.Match[str]) -> str:
        url = safe_url(match.group(2))
        return f'<a class="er-link" href="{url}">{match.group(1)}</a>'

    html = _LINK.sub(link, html)
    return Markup(_BOLD.sub(r'<strong class="er-key">\1</strong>', html))


@lru_cache(maxsize=2048)
def lines(text: str) -> tuple[str, ...]:
    """A box's explanation, one sentence to a line."""
    found = tuple(span.text for span in split_sentences(text))
    return found or ((text,) if text.strip() else ())


class _Pictures:
    """Inline SVG for each row; ids inside a picture get a per-use suffix so they stay unique."""

    def __init__(self) -> None:
        self._uses = itertools.count(1)

    def __call__(self, picture_id: str | None) -> Markup:
        svg = svg_markup(picture_id) if picture_id else ""
        if not svg:
            return Markup("")
        label = str(escape(alt_text(picture_id)))
        if 'id="' in svg:
            use = next(self._uses)
            svg = _SVG_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}-u{use}", svg)
        opening = f'<svg class="er-svg" role="img" aria-label="{label}" focusable="false" '
        return Markup(svg.replace("<svg ", opening, 1))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates ship with the package: looking at each file's time again for every
        # row's include cost a page of 150 rows 175 file-system calls (issue 20).
        auto_reload=False,
    )
    env.filters.update(inline=inline, lines=lines, safe_url=safe_url)
    return env


def render_html(
    doc: Document,
    pictures: bool = True,
    *,
    heading_level: int = 1,
    labels: Mapping[str, str] | None = None,
    show_notes: bool = False,
    picture: Callable[[str | None], Markup] | None = None,
    reader_language: str | None = None,
) -> Markup:
    """The document as an HTML fragment.

    ``heading_level`` is the level of the title (sections are one deeper), so a page
    that has its own h1 can pass 2. ``show_notes`` shows the writer which rows need
    attention; readers never see those notes. ``picture`` draws a row's picture from its
    id (inline SVG when not given). ``reader_language`` is the language the labels are in
    when it is not the document's: the labels then carry their own ``lang`` and ``dir``,
    and the document its own, so English rows in an Urdu page keep their full stops at
    the end (PDFs have no ``dir="auto"``).
    """
    template = _environment().get_template("easyread_document.html")
    reader = reader_language if reader_language and reader_language != doc.language else None
    html = template.render(
        doc=doc,
        pictures=pictures,
        heading_level=max(1, min(heading_level, 5)),
        labels={**LABELS, **(labels or {})},
        show_notes=show_notes,
        picture=picture or _Pictures(),
        direction=direction(doc.language),
        label_attrs=Markup(' lang="{}" dir="{}"').format(reader, direction(reader))
        if reader
        else "",
    )
    return Markup(html)


RIGHT_TO_LEFT = frozenset({"ar", "ur", "fa", "he", "ps", "sd", "yi"})


def direction(language: str) -> str:
    """ "rtl" for languages written right to left ("ur", "ar_EG"), otherwise "ltr"."""
    return "rtl" if language.replace("-", "_").split("_")[0].lower() in RIGHT_TO_LEFT else "ltr"


def stylesheet() -> str:
    """The easy-read CSS, for pages and PDFs that inline it."""
    return CSS_FILE.read_text(encoding="utf-8")


def _plain(sentence: str) -> str:
    return _LINK.sub(r"\1 (\2)", sentence).replace("**", "")


def render_text(
    doc: Document, labels: Mapping[str, str] | None = None, show_flags: bool = False
) -> str:
    """The document as plain text: one sentence per line, rows separated by blank lines.

    ``show_flags`` adds, for the writer, how many rows need a person and why each one does.
    """
    words = {**LABELS, **(labels or {})}
    out = [doc.title, "=" * len(doc.title), ""]
    if doc.checked_by_a_person:
        out += [f"{words['checked']} {doc.checked_by} {doc.checked_at[:10]}".strip(), ""]
    else:
        out += [words["automatic"], ""]
    if show_flags:
        out += [f"{words['flagged']} {len(doc.rows_needing_a_person())}", ""]
    for section in doc.sections:
        if section.heading:
            rule = "-" if section.level == 1 else "."
            out += [section.heading, rule * len(section.heading), ""]
        for item in section.items:
            out += [*_item_lines(item)]
            if show_flags and getattr(item, "needs_attention", False):
                out.append(f"  >> {words['needs_person']} {item.attention_note}")
            out.append("")
    if doc.contact:
        contact = doc.contact
        details = [contact.name, contact.text, contact.phone, contact.email, contact.address]
        out += [words["contact"], "-" * len(words["contact"]), *[d for d in details if d], ""]
    if doc.word_list:
        out += [words["word_list"], "-" * len(words["word_list"]), ""]
        out += [f"{entry.term}: {_plain(entry.explanation)}" for entry in doc.word_list]
    return "\n".join(out).rstrip() + "\n"


def _item_lines(item) -> list[str]:
    if isinstance(item, Point | NextStep):
        found = [_plain(s) for s in item.sentences]
        if getattr(item, "number", "") and found:
            found[0] = f"{item.number} {found[0]}"
        if isinstance(item, NextStep) and item.link_url:
            found.append(f"{item.link_text} ({item.link_url})".strip())
        return found
    if isinstance(item, HardWordBox):
        return [f"[{item.term}]", *[_plain(line) for line in lines(item.explanation)]]
    if isinstance(item, NumberCallout):
        return [item.value, _plain(item.sentence)]
    return [v for v in (item.name, item.text, item.phone, item.email, item.address) if v]


# --- command line --------------------------------------------------------------------------


def add_render_command(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``render FILE [--format html|text]``: easy read from a plain-text or Markdown file."""
    parser = subparsers.add_parser(
        "render", help="Make an easy-read version of a briefing (plain text or Markdown)."
    )
    parser.add_argument("file", help="the briefing file, or - to read from standard input")
    parser.add_argument("--format", choices=("html", "text"), default="html")
    parser.add_argument("--title", default="", help="title (default: the first # heading)")
    parser.add_argument("--no-pictures", action="store_true", help="leave the pictures out")
    parser.add_argument(
        "--show-flags",
        action="store_true",
        help="show each row that needs a person, and why (for the writer)",
    )
    parser.set_defaults(func=run_render)
    return parser


def run_render(args: argparse.Namespace) -> int:
    from easyread.builders import build_briefing
    from easyread.glossary import default_terms

    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"Cannot read {args.file}: {error}", file=sys.stderr)
            return 2
    document = build_briefing(text, title=args.title, terms=default_terms())
    if args.format == "text":
        sys.stdout.write(render_text(document, show_flags=args.show_flags))
    else:
        html = render_html(document, pictures=not args.no_pictures, show_notes=args.show_flags)
        sys.stdout.write(str(html) + "\n")
    return 0
