"""Checks every HTML page a test fetches, so each test also guards the basics:
strict parsing, one h1, a title that starts with it, unique ids, references (labels,
aria-describedby, same-page links, htmx targets) to ids the page has, labelled controls,
and forms with an action and a CSRF field. htmx fragments get the checks that make
sense for a piece of a page: no h1 (the page has one), headings that do not skip a
level, and the same ids, labels and forms checks within the fragment."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import html5lib
from bs4 import BeautifulSoup

LABELLED_BY_ITSELF = {"hidden", "submit", "button", "reset", "image"}


class PageProblem(AssertionError):
    pass


def check_page(html: str, url: str = "") -> BeautifulSoup:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return _check(html, url, parser.parse, [_check_headings, _check_references, *CHECKS_FOR_BOTH])


def check_fragment(html: str, url: str = "") -> BeautifulSoup:
    """A piece of a page that htmx swaps in, parsed the way htmx does: as a fragment."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)

    def parse(text: str):
        return parser.parseFragment(text, container=_container_for(text))

    return _check(html, url, parse, [_check_fragment_headings, *CHECKS_FOR_BOTH])


def _check(html: str, url: str, parse, checks) -> BeautifulSoup:
    problems: list[str] = []
    try:
        parse(html)
    except html5lib.html5parser.ParseError as error:
        problems.append(f"HTML does not parse strictly: {error}")
    soup = BeautifulSoup(html, "html.parser")
    for check in checks:
        check(soup, problems)
    if problems:
        raise PageProblem(f"{url}:\n  " + "\n  ".join(problems))
    return soup


# htmx parses a response inside a <template>, where rows and cells are allowed at the top;
# html5lib has no template contents, so give table pieces the element they belong in.
TABLE_PARTS = {"tr": "tbody", "td": "tr", "th": "tr", "col": "colgroup"}
TABLE_PARTS |= dict.fromkeys(["tbody", "thead", "tfoot", "caption", "colgroup"], "table")


def _container_for(html: str) -> str:
    first = re.search(r"<([a-zA-Z][a-zA-Z0-9]*)", html)
    return TABLE_PARTS.get(first.group(1).lower(), "div") if first else "div"


def _text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def _check_headings(soup: BeautifulSoup, problems: list[str]) -> None:
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"expected exactly one h1, found {len(h1s)}")
        return
    title = soup.title.string if soup.title and soup.title.string else ""
    h1 = _text(h1s[0])
    if not " ".join(title.split()).startswith(h1):
        problems.append(f"title {title!r} does not start with the h1 {h1!r}")
    if not soup.find("main"):
        problems.append("no <main> landmark")


def _check_fragment_headings(soup: BeautifulSoup, problems: list[str]) -> None:
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    if any(heading.name == "h1" for heading in headings):
        problems.append("a fragment has an h1: the page it goes into already has one")
    for before, after in itertools.pairwise(headings):
        if int(after.name[1]) > int(before.name[1]) + 1:
            problems.append(f"heading skips from {before.name} to {after.name}: {_text(after)!r}")


def _check_ids(soup: BeautifulSoup, problems: list[str]) -> None:
    counts = Counter(tag["id"] for tag in soup.find_all(id=True))
    repeated = [identifier for identifier, n in counts.items() if n > 1]
    if repeated:
        problems.append(f"ids used more than once: {repeated}")


# Attributes that name other elements on the page by id.
ID_LISTS = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns")


def _references(soup: BeautifulSoup):
    """(what refers, the id it names) for every reference to an id on the page."""
    for tag in soup.find_all(True):
        for attribute in ID_LISTS:
            for identifier in (tag.get(attribute) or "").split():
                yield f"{attribute} of <{tag.name}>", identifier
        for attribute in ("hx-target", "hx-select", "hx-indicator"):
            value = (tag.get(attribute) or "").strip()
            if re.fullmatch(r"#[\w-]+", value):
                yield f"{attribute} of <{tag.name}>", value[1:]
        if tag.name == "label" and tag.get("for"):
            yield "for of <label>", tag["for"]
        href = tag.get("href") or ""
        if tag.name == "a" and re.fullmatch(r"#[\w-]+", href):
            yield f"link {href}", href[1:]


def _check_references(soup: BeautifulSoup, problems: list[str]) -> None:
    """A skip link, an error summary's links, a label, aria-describedby or an htmx target
    that names an id the page does not have leads nowhere."""
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    missing = sorted({f"{what} -> #{name}" for what, name in _references(soup) if name not in ids})
    if missing:
        problems.append(f"references to ids the page does not have: {missing}")


def _has_label(soup: BeautifulSoup, control) -> bool:
    if control.get("aria-label") or control.get("aria-labelledby") or control.get("title"):
        return True
    if control.find_parent("label"):
        return True
    identifier = control.get("id")
    return bool(identifier and soup.find("label", attrs={"for": identifier}))


def _check_labels(soup: BeautifulSoup, problems: list[str]) -> None:
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in LABELLED_BY_ITSELF:
            continue
        if not _has_label(soup, control):
            problems.append(f"form control without a label: {str(control)[:120]}")


# The reading switch is on every page; a visitor without a session gets it without a
# token, and the server checks that it came from our own page (web/security.py).
# Forms a visitor without a session sees without a token: the server takes them only
# from our own pages (web/security.token_or_own_page).
CHECKED_BY_ORIGIN = re.compile(r"^/settings/easy-read$|^/briefings/\d+/unclear$")


def _check_forms(soup: BeautifulSoup, problems: list[str]) -> None:
    for form in soup.find_all("form"):
        if not form.get("action"):
            problems.append(f"form without an action: {str(form)[:120]}")
        if (
            form.get("method", "get").lower() == "post"
            and not CHECKED_BY_ORIGIN.match(form.get("action") or "")
            and not form.find("input", attrs={"name": "csrf_token"})
        ):
            problems.append(f"POST form without a CSRF field: {str(form)[:120]}")


CHECKS_FOR_BOTH = [_check_ids, _check_labels, _check_forms]
