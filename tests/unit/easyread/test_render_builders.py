"""Builders: briefings in Markdown, meetings, budgets and "you said, we did"."""

from datetime import date, datetime

import pytest

from easyread.builders import (
    AgendaItem,
    build_briefing,
    build_meeting,
    concept_picture,
    influence_key,
)
from easyread.model import Document, HardWordBox, NumberCallout, Point
from easyread.record_builders import BudgetLine, FeedbackEntry, build_budget, build_feedback
from easyread.render import render_html, render_text
from tests.unit.easyread.er_glossary import TERMS


def _sections(document: Document) -> dict[str, list[str]]:
    return {
        section.heading: [s for item in section.items for s in getattr(item, "sentences", [])]
        for section in document.sections
    }


# --- briefings -----------------------------------------------------------------------------


def test_markdown_headings_lists_bold_and_links():
    document = build_briefing(
        "# Our plan\n\nIntro text is here.\n\n## Money\n\n- We have **more** money.\n"
        "- See [the budget](/budgets/3).\n\n## Next steps\n\nWe will *really* write to you.",
        terms=TERMS,
    )
    assert document.title == "Our plan"
    assert [s.heading for s in document.sections] == ["", "Money", "Next steps"]
    assert _sections(document)["Money"] == [
        "We have **more** money.",
        "See [the budget](/budgets/3).",
    ]
    assert _sections(document)["Next steps"] == ["We will really write to you."]


NUMBERED = (
    "# Our recommendations\n\nWe recommend that the council:\n"
    "1. set and publish a maximum answer time for the phone line, and check it monthly;\n"
    "2. open the café 7 days a week;\n"
    "3. review when home visits end, with people who have used them.\n"
)


def test_a_numbered_list_keeps_the_writers_numbers():
    document = build_briefing(NUMBERED)
    points = [i for i in document.all_items() if isinstance(i, Point)]
    assert [p.number for p in points if p.number] == ["1.", "2.", "3."]
    assert points[-1].sentences[0].startswith("Review when home visits end")
    text = render_text(document)
    assert "\n1. Set and publish" in text and "\n3. Review when" in text
    assert Document.from_dict(document.to_dict()).sections == document.sections


def test_a_reports_paragraph_numbers_are_kept_before_the_paragraph():
    document = build_briefing(
        "## 4. What people said\n\n4.1 The council received 612 replies. Most people agreed.\n\n"
        "4.2 Some people did not agree.\n"
    )
    points = [i for i in document.all_items() if isinstance(i, Point)]
    assert [(p.number, p.sentences[0]) for p in points if p.number] == [
        ("4.1", "The council received 612 replies."),
        ("4.2", "Some people did not agree."),
    ]
    assert "\n4.1 The council received 612 replies." in render_text(document)


def test_a_numbered_list_shows_its_numbers_in_html():
    from easyread.render import render_html

    html = render_html(build_briefing(NUMBERED))
    assert '<span class="er-item-number">2.</span> Open the café' in html
    assert html.count('class="er-item-number"') == 3


RUN_IN = (
    "# Crisis care\n\n**Why.** People asked us to look.\n\n## What people told us\n\n"
    "**Getting through.** The phone line was the biggest worry. Some people waited an hour.\n\n"
    "**Being heard:** Many people felt nobody listened.\n\n"
    "- **Cost:** we pay for the bus.\n"
)


def test_a_bold_label_that_starts_a_paragraph_becomes_a_small_heading():
    document = build_briefing(RUN_IN)
    headings = [(s.heading, s.level) for s in document.sections]
    assert headings == [
        ("Why", 1),
        ("What people told us", 1),
        ("Getting through", 2),
        ("Being heard", 2),
    ]
    sentences = _sections(document)
    assert sentences["Getting through"][0] == "The phone line was the biggest worry."
    assert sentences["Being heard"][0] == "Many people felt nobody listened."
    # a bold label in a list item stays in its item
    assert any("Cost" in s for s in sentences["Being heard"])
    assert Document.from_dict(document.to_dict()).sections == document.sections


def test_a_small_heading_is_one_level_below_its_section():
    from easyread.render import render_html

    html = render_html(build_briefing(RUN_IN), heading_level=1)
    assert '<h2 class="er-heading">What people told us</h2>' in html
    assert '<h3 class="er-heading er-subheading">Getting through</h3>' in html
    assert '<h2 class="er-heading">Why</h2>' in html


def test_a_table_in_a_briefing_passes_through_row_by_row():
    document = build_briefing("# Costs\n\n| Service | Cost |\n|---|---|\n| Day care | £2m |")
    points = [i for i in document.all_items() if isinstance(i, Point)]
    assert [p.sentences for p in points] == [["Service | Cost"], ["Day care | £2m"]]
    assert all(p.needs_attention for p in points)


def test_hard_word_boxes_get_a_picture():
    document = build_briefing("We pay for respite.", terms=TERMS)
    box = next(i for i in document.all_items() if isinstance(i, HardWordBox))
    assert box.picture is not None


def test_title_can_be_given_and_plain_text_works():
    document = build_briefing("We met.\n\nWe agreed.", title="Notes")
    assert document.title == "Notes"
    assert _sections(document)[""] == ["We met.", "We agreed."]


def test_hard_word_in_a_heading_is_explained_under_it():
    document = build_briefing("# Plan\n\n## About reablement\n\nIt helps.", terms=TERMS)
    section = document.sections[0]
    assert section.heading == "About reablement"
    assert isinstance(section.items[0], HardWordBox)


def test_title_picture_and_word_list():
    document = build_briefing("# Meeting about transport\n\nWe use respite.", terms=TERMS)
    assert document.title_picture == concept_picture("meeting")
    assert [e.term for e in document.word_list] == ["Respite"]


def test_built_document_survives_storage():
    document = build_briefing("# Plan\n\nWe will close 3 centres (they are old).", terms=TERMS)
    assert Document.from_dict(document.to_dict()) == document


# --- meetings ------------------------------------------------------------------------------


@pytest.fixture
def meeting() -> Document:
    return build_meeting(
        "Day services forum",
        "We want to hear your views on the new day opportunities plan.",
        datetime(2026, 6, 5, 14, 0),
        "Riverside Community Centre",
        ends=datetime(2026, 6, 5, 16, 30),
        open_for_discussion=["How the new service should work."],
        not_up_for_discussion=[("The total budget.", "The council set it in February.")],
        agenda=[
            AgendaItem("Transport to day centres", "consult", "The council cabinet"),
            {"title": "Opening hours", "influence": "DECIDE_TOGETHER"},
            {"title": "The name of the new service", "influence": "you decide"},
            {"title": "The new building", "influence": "we are telling you"},
        ],
        who_decides="The council cabinet",
        decision_date=date(2026, 9, 1),
        access=["There is a ramp and a hearing loop."],
        payment="We pay £20 for your time.",
        terms=TERMS,
    )


def test_meeting_says_when_and_where(meeting):
    when = _sections(meeting)["When and where"]
    assert "The date is Friday 5 June 2026." in when
    assert "It starts at 2pm and ends at 4:30pm." in when
    assert "The meeting is at Riverside Community Centre." in when
    assert "There is a ramp and a hearing loop." in when


def test_meeting_says_what_is_not_up_for_discussion_and_why(meeting):
    closed = _sections(meeting)["What we cannot change at this meeting"]
    assert closed == ["The total budget.", "This is why:", "The council set it in February."]


def test_meeting_gives_each_item_its_influence_level(meeting):
    agenda = _sections(meeting)["What is on the list"]
    assert "We want to hear what you think." in agenda
    assert "We will decide this together with you." in agenda
    assert "You will decide this." in agenda
    assert "We are telling you about this." in agenda
    assert "The council cabinet will make the final decision." in agenda


def test_meeting_says_who_decides_when_and_payment(meeting):
    sections = _sections(meeting)
    assert sections["Who makes the decision"] == [
        "The council cabinet will make the final decision.",
        "They will decide by 1 September 2026.",
    ]
    assert sections["Money for your time"] == ["We pay £20 for your time."]


def test_meeting_explains_hard_words(meeting):
    # DN-05: the box is titled with the word as the text uses it ("day services" is an alias)
    assert {"Day opportunities", "Day services"} & {e.term for e in meeting.word_list}


def test_unknown_influence_level_is_refused():
    assert influence_key("WE_WANT_YOUR_VIEWS") == "consult"
    with pytest.raises(ValueError):
        influence_key("veto")


# --- budgets -------------------------------------------------------------------------------


@pytest.fixture
def budget() -> Document:
    return build_budget(
        "Day services budget",
        2_400_000,
        [
            BudgetLine("Day centres", 1_500_000),
            BudgetLine("Transport", 400_000, open_to_influence=True),
            {"name": "Lunch clubs", "amount": 500_000, "open_to_influence": True},
        ],
        withheld=[("Cost of the new contract", "The tender is still open.")],
        people_served=600,
        terms=TERMS,
    )


def test_budget_total_and_big_lines_are_call_outs(budget):
    callouts = [i for i in budget.all_items() if isinstance(i, NumberCallout)]
    assert [c.value for c in callouts] == ["£2.4 million", "£1.5 million"]
    assert callouts[1].sentence == "This is for day centres."


def test_budget_says_what_is_fixed_and_what_is_open(budget):
    lines = _sections(budget)["Where the money goes"]
    assert "£400,000 is for transport." in lines
    assert lines.count("You can have a say on how this money is spent.") == 2
    assert lines.count("This money is fixed.") == 1


def test_budget_per_person_per_week(budget):
    overview = _sections(budget)["How much money there is"]
    assert overview == [
        "This money helps 600 people.",
        "That is about £77 for each person each week.",
    ]


def test_budget_withheld_figure_says_why(budget):
    withheld = _sections(budget)["Numbers we cannot show you"]
    assert withheld == [
        "We cannot show you this number yet:",
        "Cost of the new contract",
        "The **tender** is still open.",
    ]


# --- feedback ------------------------------------------------------------------------------


def test_you_said_we_did_with_outcome_and_reason():
    document = build_feedback(
        [
            FeedbackEntry(
                "The bus is often late.", "We talked to the bus company.", "partly",
                "The new timetable starts in May.", "Transport",
            ),
            {"you_said": "Meetings are too early.", "we_did": "We kept them at 10am.",
             "outcome": "not taken forward", "reason": "The room is only free then.",
             "by_reader": True},
        ],
        terms=TERMS,
    )  # fmt: skip
    sections = _sections(document)
    # Another member's point is not "You said": easy-read readers take "you" as them.
    assert sections["Transport"] == [
        "A member said:", "The bus is often late.", "We did:", "We talked to the bus company.",
        "This changed some things.", "This is why:", "The new timetable starts in May.",
    ]  # fmt: skip
    assert sections["Point 2"][:2] == ["You said:", "Meetings are too early."]
    assert "We did not do this." in sections["Point 2"]
    assert "The room is only free then." in sections["Point 2"]
    said, did = (
        next(i for i in document.sections[-2].items if i.sentences == [label])
        for label in ("You said:", "We did:")
    )
    assert said.picture == "fe-speaking-head" and did.picture == "fe-left-speech-bubble"


def test_every_builder_gives_pictures_to_its_rows(meeting, budget):
    for document in (meeting, budget):
        points = [i for i in document.all_items() if isinstance(i, Point)]
        with_pictures = [p for p in points if p.picture]
        assert len(with_pictures) / len(points) >= 0.8


def test_a_list_intro_and_its_last_bullet_are_one_list_not_rows_to_check():
    # The items carry the verbs ("panel members: sat on ..., ran ..."), so neither the intro
    # nor the last bullet (ending the list with a full stop) is a broken sentence.
    text = (
        "# Our year\n\nOver the year, panel members:\n\n"
        "- sat on the interview panel for two workers;\n"
        "- ran three listening events, reaching around 140 people.\n"
    )
    points = [i for i in build_briefing(text, terms=TERMS).all_items() if isinstance(i, Point)]
    said = {s: p.needs_attention for p in points for s in p.sentences}
    assert said["Over the year, panel members:"] is False
    assert said["Ran 3 listening events, reaching around 140 people."] is False
    # an intro with no bullets after it is still checked as a sentence
    alone = build_briefing("# Our year\n\nOver the year, panel members:\n", terms=TERMS)
    assert any(p.needs_attention for p in alone.all_items() if isinstance(p, Point))


def test_a_reports_label_and_value_lines_are_facts_not_sentences():
    text = (
        "# Cabinet report\n\n**Report to:** Cabinet, 14 January 2027\n\n"
        "Lead Member: Cabinet Member for Adults. Key decision: yes.\n\n"
        "**Note:** We will meet at 2pm.\n\nThe council runs 4 day centres.\n"
    )
    points = [i for i in build_briefing(text, terms=TERMS).all_items() if isinstance(i, Point)]
    facts = [p for p in points if p.fact]
    assert [p.sentences for p in facts] == [
        ["**Report to:** Cabinet, 14 January 2027"],
        ["**Lead Member:** Cabinet Member for Adults", "**Key decision:** yes"],
    ]
    assert not any(p.needs_attention for p in facts)
    # a label before a sentence is not a fact: the sentence gets ordinary rows
    assert any("We will meet at 2pm." in p.sentences for p in points if not p.fact)
    html = render_html(build_briefing(text, terms=TERMS))
    assert "Report to:</strong> Cabinet, 14 January 2027" in html


def test_label_lines_one_under_another_and_a_figure_after_a_paragraph_are_facts():
    text = (
        "# Highlight report\n\n**Report to:** ICB Board, 14 November 2026\n"
        "**Purpose:** For assurance and noting\n\n"
        "1. **Expanding reablement.** Short help at home after hospital works. "
        "Estimated saving: £1.4 million.\n"
    )
    points = [i for i in build_briefing(text, terms=TERMS).all_items() if isinstance(i, Point)]
    facts = [(p.number, p.sentences) for p in points if p.fact]
    assert facts == [
        # initials are spelled out as in a heading, without saying "Board" twice
        (
            "",
            [
                "**Report to:** Integrated Care Board, 14 November 2026",
                "**Purpose:** For assurance and noting",
            ],
        ),
        # a numbered item's own bold name is its first row, with the number
        ("1.", ["**Expanding reablement**"]),
        ("", ["**Estimated saving:** £1.4 million"]),
    ]
    assert not any(p.needs_attention for p in points if p.fact)
    assert any("Short help at home after hospital works." in p.sentences for p in points)


def test_a_label_that_is_a_sentence_is_not_a_fact():
    doc = build_briefing("# Notes\n\nTwo things matter most: money and time.\n", terms=TERMS)
    assert not any(p.fact for p in doc.all_items() if isinstance(p, Point))


def test_a_bold_start_of_a_sentence_is_not_a_label():
    text = "# Grants\n\n**Day services** are closing in May.\n\n5. **Reducing grants** to some groups by 15%.\n"
    document = build_briefing(text, terms=TERMS)
    assert [s.heading for s in document.sections] == [""]
    said = [s for p in document.all_items() if isinstance(p, Point) for s in p.sentences]
    assert "**Day services** are closing in May." in said
    assert not any(p.fact for p in document.all_items() if isinstance(p, Point))
