"""Rules every template keeps (issue 12 and a walk at 360 px), checked line by line or on
the parsed template."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, nodes

TEMPLATES = Path(__file__).resolve().parents[2] / "forum_site" / "templates"
EASY_READ_PAGES = TEMPLATES / "easy_read" / "pages"
# An easy-read page itself (not one of its _partials) named in an include.
INCLUDES_AN_EASY_READ_PAGE = re.compile(
    r"""include\s+["']easy_read/pages/(?:[\w-]+/)*[^_/"'][^/"']*["']"""
)
JINJA = Environment(extensions=["jinja2.ext.do", "jinja2.ext.i18n"])


def _lines_matching(pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_template_compares_a_status_or_kind_by_its_string():
    """Templates show, Python decides: "meeting.is_draft", "line.kind.is_open"."""
    assert _lines_matching(re.compile(r"\.value\s*[!=]=\s*['\"]")) == []


def test_no_text_box_cuts_off_what_is_pasted():
    """A long text box has no maxlength: the browser would drop the end of a paste without
    a word (a walk lost "THE IMPORTANT END PART."). The server says how long it may be and
    keeps every word."""
    limited = re.compile(r"<textarea[^>]*maxlength|field\(form\.(?:text|body)[^)]*maxlength")
    assert _lines_matching(limited) == []


def _shown(body: list[nodes.Node]) -> list[nodes.Node]:
    """A block's statements without blank text and ``{% set %}``."""
    return [
        node
        for node in body
        if not isinstance(node, nodes.Assign)
        and not (
            isinstance(node, nodes.Output)
            and all(isinstance(n, nodes.TemplateData) and not n.data.strip() for n in node.nodes)
        )
    ]


def _asks_for_easy_read(test: nodes.Node) -> bool:
    return (
        isinstance(test, nodes.Getattr)
        and test.attr == "easy_read"
        and isinstance(test.node, nodes.Name)
        and test.node.name == "prefs"
    )


def _is_one_easy_read_branch_around_an_include(body: list[nodes.Node]) -> bool:
    """The whole block is one ``{% if prefs.easy_read %}`` branch that includes the
    easy-read version, or writes it out in full beside an ``{% else %}`` (two pages in one)."""
    shown = _shown(body)
    if len(shown) != 1 or not isinstance(shown[0], nodes.If):
        return False
    branch = shown[0]
    if not _asks_for_easy_read(branch.test):
        return False
    includes = any(isinstance(node, nodes.Include) for node in _shown(branch.body))
    return includes or bool(branch.else_)


def _blocks_choosing_easy_read(source: str) -> list[str]:
    """Blocks that are one ``{% if prefs.easy_read %}{% include ... %}{% else %}`` branch."""
    return [
        block.name
        for block in JINJA.parse(source).find_all(nodes.Block)
        if _is_one_easy_read_branch_around_an_include(block.body)
    ]


def test_no_page_chooses_its_own_easy_read_version():
    """render() chooses (web/easy_read/pages.py). A page whose whole block was
    ``{% if prefs.easy_read %}{% include "easy_read/pages/..." %}{% else %}`` held two
    pages in one; an easy-read page is served in place of its page, never included."""
    choosing = [
        f"{path.relative_to(TEMPLATES)}: block {name}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for name in _blocks_choosing_easy_read(path.read_text(encoding="utf-8"))
    ]
    assert choosing == []
    assert _lines_matching(INCLUDES_AN_EASY_READ_PAGE) == []


def _extended(tree: nodes.Template) -> list[str]:
    return [
        e.template.value
        for e in tree.find_all(nodes.Extends)
        if isinstance(e.template, nodes.Const)
    ]


def _block_names(page: str) -> set[str]:
    """The blocks of ``page`` and of the layouts it extends."""
    tree = JINJA.parse((TEMPLATES / page).read_text(encoding="utf-8"))
    names = {block.name for block in tree.find_all(nodes.Block)}
    for parent in _extended(tree):
        names |= _block_names(parent)
    return names


def test_each_easy_read_page_extends_its_page_and_words_only_blocks_it_has():
    """easy_read/pages/forums/join.html is served in place of forums/join.html: it extends
    that page, so the title and every block it leaves alone stay the page's, and a block
    name the page does not have (a typo) would never be shown."""
    pages = sorted(p for p in EASY_READ_PAGES.rglob("*.html") if not p.name.startswith("_"))
    assert pages, "there are easy-read pages to check"
    wrong = []
    for path in pages:
        page = path.relative_to(EASY_READ_PAGES).as_posix()
        tree = JINJA.parse(path.read_text(encoding="utf-8"))
        if _extended(tree) != [page] or not (TEMPLATES / page).is_file():
            wrong.append(f"{page}: does not extend {page}")
            continue
        unknown = {block.name for block in tree.find_all(nodes.Block)} - _block_names(page)
        wrong.extend(f"{page}: no block {name} in the page" for name in sorted(unknown))
    assert wrong == []


def test_the_checks_find_what_they_look_for():
    """Not vacuous: each pattern finds a line written to break it."""
    assert re.search(r"\.value\s*[!=]=\s*['\"]", '{% if meeting.status.value == "draft" %}')
    assert re.search(r"<textarea[^>]*maxlength", '<textarea name="text" maxlength="4000">')
    whole = '{% block content %}{% if prefs.easy_read %}{% include "easy_read/pages/join.html" %}'
    assert _blocks_choosing_easy_read(whole + "{% else %}<h1>Join</h1>{% endif %}{% endblock %}")
    over_lines = (
        "{% block message %}\n{%- set level = 1 %}\n{% if prefs.easy_read %}\n"
        '  {%- include "forums/_easy_join.html" %}\n{% else %}\n<h1>Join</h1>\n{% endif %}\n'
        "{% endblock %}"
    )
    assert _blocks_choosing_easy_read(over_lines) == ["message"]
    inline = "{% block content %}{% if prefs.easy_read %}<p>Wait.</p>{% else %}<h1>Wait</h1>"
    assert _blocks_choosing_easy_read(inline + "{% endif %}{% endblock %}") == ["content"]
    partly = "{% block content %}<h1>Impact</h1>{% if prefs.easy_read %}{% include 'x.html' %}"
    assert _blocks_choosing_easy_read(partly + "{% endif %}{% endblock %}") == []
    assert INCLUDES_AN_EASY_READ_PAGE.search('{% include "easy_read/pages/forums/join.html" %}')
    assert not INCLUDES_AN_EASY_READ_PAGE.search(
        '{% include "easy_read/pages/main/_my_home.html" %}'
    )
