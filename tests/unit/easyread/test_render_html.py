"""The HTML fragment, the plain text, the stylesheet and the command line."""

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from easyread.builders import build_briefing
from easyread.model import Document, HardWordBox, Point, Section
from easyread.render import render_html, render_text, stylesheet
from tests.unit.easyread.er_glossary import TERMS

BRIEFING = """# Changes to day services

## What is changing
The council will close two day centres (they are old). We will use the JSNA.
Read [the plan](https://example.org/plan) or [this](javascript:alert(1)).

- We will talk to carers at the meeting.
- Direct payments can help you choose.
"""


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def _parse(html) -> _Tags:
    parser = _Tags()
    parser.feed(str(html))
    return parser


@pytest.fixture(scope="module")
def document() -> Document:
    return build_briefing(
        BRIEFING, terms=TERMS, contact={"name": "Forum team", "phone": "01234 567890"}
    )


def test_every_picture_has_alt_text(document):
    svgs = _parse(render_html(document)).all("svg")
    assert len(svgs) >= 4
    assert all(svg["role"] == "img" and svg["aria-label"].strip() for svg in svgs)


def test_reader_setting_hides_pictures(document):
    html = str(render_html(document, pictures=False))
    assert "<svg" not in html and "er-picture" not in html
    assert "er-no-pictures" in html


def test_each_sentence_is_on_its_own_line(document):
    paragraphs = _parse(render_html(document)).all("p")
    sentences = [a for a in paragraphs if "er-sentence" in a.get("class", "")]
    assert len(sentences) >= len([s for s in document.all_sentences() if s])


def test_rows_have_a_picture_column_and_a_text_column(document):
    html = str(render_html(document))
    assert html.count('class="er-row er-point') == sum(
        isinstance(item, Point) for item in document.all_items()
    )
    assert 'class="er-picture"' in html and 'class="er-text"' in html


def test_hard_words_are_bold_boxed_and_in_the_word_list(document):
    parsed = _parse(render_html(document))
    html = str(render_html(document))
    assert '<strong class="er-key">Joint Strategic Needs Assessment</strong>' in html
    boxes = [a for a in parsed.all("aside") if "er-hard-word" in a["class"]]
    assert len(boxes) == sum(isinstance(i, HardWordBox) for i in document.all_items())
    assert len(parsed.all("dt")) == len(parsed.all("dd")) == len(document.word_list) >= 3
    assert "Words to know" in "".join(parsed.text)


def test_links_are_kept_and_unsafe_links_are_not(document):
    links = [a["href"] for a in _parse(render_html(document)).all("a")]
    assert "https://example.org/plan" in links
    assert not any(link.startswith("javascript") for link in links)
    assert "tel:01234567890" in links


def test_text_is_escaped():
    doc = Document(
        "Title <b>", [Section("Part", [Point(["Use <script>alert(1)</script> **now**."])])]
    )
    html = str(render_html(doc))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<strong class="er-key">now</strong>' in html


def test_says_made_automatically_until_a_person_checks_it(document):
    assert "made automatically" in str(render_html(document))
    checked = Document.from_dict(document.to_dict())
    checked.mark_checked("Asha Patel", "2026-11-25T09:30:00")
    html = str(render_html(checked))
    assert "A person checked this easy read: Asha Patel, 2026-11-25" in html
    assert "made automatically" not in html


def test_heading_levels_can_start_lower(document):
    parsed = _parse(render_html(document, heading_level=2))
    assert not parsed.all("h1") and len(parsed.all("h2")) == 1 and parsed.all("h3")


def test_one_h1_by_default(document):
    assert len(_parse(render_html(document)).all("h1")) == 1


def test_ids_inside_pictures_stay_unique():
    with_ids = "hi-physical-therapy"
    doc = Document("T", [Section("S", [Point(["a"], with_ids), Point(["b"], with_ids)])])
    ids = [a["id"] for name, a in _parse(render_html(doc)).tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_unknown_picture_renders_an_empty_cell():
    doc = Document("T", [Section("S", [Point(["Hello there."], "no-such-picture")])])
    assert "<svg" not in str(render_html(doc))


def test_labels_can_be_translated(document):
    html = str(render_html(document, labels={"word_list": "Geiriau i'w gwybod"}))
    assert "Geiriau i&#39;w gwybod" in html


def test_notes_for_the_writer_only_when_asked():
    doc = Document(
        "T", [Section("S", [Point(["x"], needs_attention=True, attention_note="Too long.")])]
    )
    assert "Too long." not in str(render_html(doc))
    assert "Too long." in str(render_html(doc, show_notes=True))


def test_plain_text_has_one_sentence_per_line_and_the_word_list(document):
    text = render_text(document)
    lines = text.splitlines()
    assert lines[0] == "Changes to day services"
    assert "The council will close 2 day centres." in lines
    assert "Words to know" in lines
    assert "**" not in text
    assert "the plan (https://example.org/plan)" in text


def test_stylesheet_has_the_layout_rules():
    css = stylesheet()
    for rule in ("1.3125rem", "16pt", "line-height: 1.5", "65ch", "text-align: left",
                 "page-break-inside: avoid", "3cm", "6rem", "font-style: normal",
                 "text-transform: none", "hyphens: none"):  # fmt: skip
        assert rule in css, rule


def test_the_fragment_prints_with_weasyprint(document):
    weasyprint = pytest.importorskip("weasyprint")
    html = f"<html><head><style>{stylesheet()}</style></head><body>{render_html(document)}</body></html>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    assert pdf.startswith(b"%PDF")


def test_command_line_renders_a_file(tmp_path: Path):
    briefing = tmp_path / "briefing.md"
    briefing.write_text(BRIEFING, encoding="utf-8")
    run = [sys.executable, "-m", "easyread", "render", str(briefing)]
    html = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert html.startswith('<article class="er-document"') and "<svg" in html
    text = subprocess.run([*run, "--format", "text"], capture_output=True, text=True, check=True)
    assert text.stdout.startswith("Changes to day services\n")


def test_command_line_reports_a_missing_file(tmp_path: Path):
    run = [sys.executable, "-m", "easyread", "render", str(tmp_path / "nope.md")]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 2 and "Cannot read" in result.stderr


def test_an_english_document_in_an_urdu_page_says_its_own_language_and_direction():
    """English rows in a right-to-left page keep their full stops at the end (PDFs have no
    dir="auto"), and the labels in the reader's language say theirs."""
    doc = Document(title="Day services", sections=[Section("", [Point(["We meet on Friday."])])])
    html = str(render_html(doc, labels={"automatic": "یہ خود بخود بنی ہے۔"}, reader_language="ur"))
    assert '<article class="er-document" lang="en" dir="ltr">' in html
    assert '<p class="er-made er-automatic" lang="ur" dir="rtl">یہ خود بخود بنی ہے۔</p>' in html
    english = str(render_html(doc, reader_language="en"))
    assert 'lang="ur"' not in english and 'er-automatic">' in english
