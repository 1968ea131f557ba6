"""Briefing text helpers: tidying pasted text, marking findings in a preview, and
marking the first use of glossary words for readers."""

from easyread.checker import check
from forum_site.services.briefings.checking import blocking, preview, tidy_pasted, too_long_message
from forum_site.services.briefings.reading import reading_view
from tests.factories_briefings import SMALL_GLOSSARY

TERMS = tuple(SMALL_GLOSSARY)


def test_plain_text_and_markdown_pass_through_untouched():
    text = "Use **bold**, a [link](https://example.org) and 3 < 4 & 5 > 2.\n\n- a list"
    assert tidy_pasted(text).text == text
    assert tidy_pasted(text).notes == ()


def test_word_html_becomes_paragraphs_of_text():
    pasted = (
        "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->"
        "<p class=MsoNormal style='mso-margin-top-alt:auto'>One &amp; two<o:p></o:p></p>"
        "<p class=MsoNormal>Three</p>"
    )
    tidied = tidy_pasted(pasted)
    assert tidied.text == "One & two\n\nThree"
    assert "Word" in tidied.notes[0]


def test_hidden_direction_and_zero_width_characters_are_removed_and_said():
    tidied = tidy_pasted("pay\u200b\u202eable")
    assert tidied.text == "payable" and tidied.notes


def test_too_long_message_names_the_limit():
    assert too_long_message("a" * 20_000) is None
    assert "20,000" in too_long_message("a" * 20_001)


def test_preview_marks_each_finding_once_and_escapes_the_text():
    text = "Our provider <b>said</b> the JSNA is ready."
    report = check(text, terms=TERMS)
    html, shown = preview(text, report)
    assert "<b>" not in html and "&lt;b&gt;" in html
    marked = {s.finding.text: s.mark_id for s in shown}
    assert f'<mark id="{marked["provider"]}">provider</mark>' in html
    # "JSNA" is both jargon and initials: both findings point at the same mark
    jsna = [s.mark_id for s in shown if s.finding.text == "JSNA"]
    assert (
        len(jsna) == 2 and len(set(jsna)) == 1 and html.count("<mark") == len(set(marked.values()))
    )


def test_blocking_lists_each_unexplained_word_once():
    report = check("The JSNA and the JSNA again. Our provider.", terms=TERMS)
    assert [f.text for f in blocking(report)] == ["JSNA", "provider"]
    kept = check("The JSNA again. Our provider.", terms=TERMS, explained={"jsna", "provider"})
    assert blocking(kept) == []


def test_only_the_first_use_of_a_term_is_marked_and_not_in_headings_or_links():
    body = "## Our provider\n\nThe provider and the provider.\n\n[provider](https://x.org) JSNA"
    view = reading_view(body, TERMS)
    html = str(view.html)
    assert html.count('class="glossary-term"') == 2
    assert "<h2>Our provider</h2>" in html
    assert [t.slug for t in view.hard_words] == ["provider", "jsna"]
    assert view.sections == ["Our provider"]
