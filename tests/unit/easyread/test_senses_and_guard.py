"""Issue 13 rules: the guard's new refusals, safer cuts and passives, and word senses (DN-01..05)."""

import pytest

from easyread import guard
from easyread.builders import build_briefing
from easyread.glossary import Sense, Term, default_terms, sense_in
from easyread.model import HardWordBox, Point
from easyread.rewrites import passive_to_active
from easyread.splitting import split_sentence


@pytest.mark.parametrize(
    "line",
    [
        "Asks members to comment on the proposed next steps.",  # no subject: a lost "and"
        "With 140 replies.",  # a bracketed aside that is not a sentence
        "We recommend that the council.",  # a cut inside "the council and its partners work"
        "This is when they need them.",  # DN-02 filler
        "This is especially for people who are not online.",
        # a bracketed list lifted out: "supported" is not a verb here
        "Home care, day opportunities, direct payments, supported living etc.",
        "Cost, time, place.",
        # a cut inside brackets
        "We charge people who get care at home (home care, day opportunities.",
        "This is supported living and so on) a small amount.",
        "We spoke to.",  # a cut that lost who was spoken to
    ],
)
def test_the_guard_refuses_lines_that_are_not_sentences(line):
    assert guard.problems(line)


@pytest.mark.parametrize(
    "line",
    [
        "The next step takes time.",
        "Fewer than 2% live in a care home.",
        "We recommend that the council acts now.",
        "In 2023 the panel agreed the plan.",
        "The panel agreed to meet.",
        "Bring a coat, a hat, a drink and a snack.",  # a list the reader is told to bring
        "Lunch, tea, games and trips are free.",
        "People told us that they want to be listened to.",  # a whole passive
        "She was looked after at home.",
    ],
)
def test_the_guard_still_accepts_real_sentences(line):
    assert guard.problems(line) == []


def test_a_listed_agent_is_not_cut_by_passive_to_active():
    sentence = (
        "The review was informed by visits to every scheme, a survey and interviews with staff."
    )
    assert passive_to_active(sentence) == sentence


def test_passive_to_active_still_works_before_a_participle_aside():
    assert (
        passive_to_active(
            "The review was carried out by a consultant, working alongside officers and staff."
        )
        == "A consultant carried out the review, working alongside officers and staff."
    )


def test_a_passive_agent_keeps_its_to_phrase():
    assert passive_to_active("The bid was backed by visits to every scheme.") == (
        "Visits to every scheme backed the bid."
    )


def test_an_age_range_or_a_clause_is_never_made_into_list_items():
    sentence = (
        "Rates of loneliness are high: in the survey, 27% of people aged 75 and over said they "
        "felt lonely often or always."
    )
    assert split_sentence(sentence) == (sentence,)


def test_people_who_after_especially_is_not_split_off():
    sentence = (
        "Information about what help is available is hard to find, especially for people who "
        "are not online."
    )
    assert not any(line.endswith("for people.") for line in split_sentence(sentence))


def test_a_semicolon_and_gives_two_sentences():
    lines = split_sentence(
        "Support for carers of people with dementia is patchy across the borough; and "
        "information about what help is available is hard to find."
    )
    assert lines == (
        "Support for carers of people with dementia is patchy across the borough.",
        "Information about what help is available is hard to find.",
    )


CAPACITY = Term(
    term="capacity",
    plain="Capacity: ability to decide, or room.",
    easy="Capacity can mean being able to make a choice. It can also mean room.",
    senses=(
        Sense("decide", "Capacity means being able to make a choice for yourself.", ("decide",)),
        Sense("room", "Capacity here means how many people a service can help.", ("beds",)),
    ),
)


def test_the_sense_is_chosen_by_its_clues_and_unclear_is_none():
    assert sense_in(CAPACITY, "We have capacity for 10 beds.").name == "room"
    assert sense_in(CAPACITY, "She has capacity to decide.").name == "decide"
    assert sense_in(CAPACITY, "Capacity is low.") is None
    assert sense_in(CAPACITY, "Capacity is low.", context="There are 10 beds.").name == "room"


def _boxes(document):
    return [i for i in document.all_items() if isinstance(i, HardWordBox)]


def test_the_box_explains_only_the_sense_used():
    document = build_briefing(
        "The ward has no spare capacity because all the beds are full.", terms=default_terms()
    )
    (box,) = [b for b in _boxes(document) if b.term == "Capacity"]
    assert "how many people" in box.explanation and "choice" not in box.explanation


def test_an_unclear_sense_is_asked_of_the_writer_not_guessed():
    document = build_briefing("Capacity is a worry this year.", terms=[CAPACITY])
    assert _boxes(document) == []
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.needs_attention and '"Capacity"' in row.attention_note


def test_a_population_assessment_is_not_explained_as_a_care_meeting():
    document = build_briefing(
        "The assessment looks at the needs of the whole population aged 65 and over.",
        terms=default_terms(),
    )
    (box,) = [b for b in _boxes(document) if b.term == "Assessment"]
    assert "everyone in the area" in box.explanation


def test_an_own_front_door_gets_no_box():
    document = build_briefing(
        "Residents have their own front door and a kitchen.", terms=default_terms()
    )
    assert not [b for b in _boxes(document) if "front door" in b.term.lower()]


def test_the_box_title_is_the_word_the_text_uses():
    document = build_briefing(
        "Most older people live at home; few live in a care home.", terms=default_terms()
    )
    assert "Care home" in [b.term for b in _boxes(document)]
    assert "Care home" in [e.term for e in document.word_list]


def test_the_shipped_glossary_has_senses_for_the_known_two_sense_words():
    with_senses = {t.term for t in default_terms() if t.senses}
    assert {"capacity", "assessment", "scrutiny", "front door"} <= with_senses


def test_a_semicolon_list_after_a_colon_becomes_one_line_per_item():
    assert split_sentence(
        "The main risks are: staff vacancies, especially for nurses; the cost of placements, "
        "which is forecast to overspend; and the possibility that winter brings more demand."
    ) == (
        "The main risks are:",
        "Staff vacancies, especially for nurses",
        "The cost of placements, which is forecast to overspend",
        "The possibility that winter brings more demand",
    )


def test_a_semicolon_list_of_to_items_without_a_colon():
    lines = split_sentence(
        "We propose to close 2 wards; to invest the money in care at home; and to keep the "
        "other sites open."
    )
    assert lines == (
        "We propose:",
        "To close 2 wards",
        "To invest the money in care at home",
        "To keep the other sites open",
    )


def test_two_sentences_joined_by_a_semicolon_are_not_a_list():
    assert split_sentence(
        "Most older people live in their own homes; fewer than 2% live in a care home."
    ) == (
        "Most older people live in their own homes.",
        "Fewer than 2% live in a care home.",
    )


def test_while_is_not_cut_as_but():
    sentence = (
        "Each month around 140 people go from hospital to a care home, either for a short stay "
        "while they recover or permanently."
    )
    assert split_sentence(sentence) == (sentence,)


def test_either_without_or_is_not_a_sentence():
    assert guard.problems("People go to a care home, either for a short stay.")
    assert guard.problems("People go either home or to a care home.") == []


def test_a_list_of_people_is_not_cut_at_people():
    sentence = (
        "We held 8 groups with people who are less likely to go online: older people, people "
        "with a learning disability, people who are homeless, and so on."
    )
    lines = split_sentence(sentence)
    assert "So on" not in lines and "People who are homeless and so on" in lines
    assert not any(line.endswith("learning disability.") for line in lines)


def test_a_defining_who_clause_is_not_cut_off():
    sentence = "The decision is made in their best interests after consulting the people who know them well."
    assert split_sentence(sentence) == (sentence,)


def test_a_which_clause_is_not_given_the_main_verb_after_it():
    lines = split_sentence(
        "This report sets out the findings of the review of extra care housing, which was "
        "commissioned by the panel in March, and asks members to comment on the next steps."
    )
    assert not any(
        line.startswith("This was commissioned by the panel in March, and asks") for line in lines
    )


def test_so_on_alone_is_not_a_list_item():
    assert guard.problems("So on", list_item=True)


@pytest.mark.parametrize(
    "line",
    [
        "What should change.",  # the end of "we wanted to understand X, and what should change"
        "About where they live.",
        "Would be awarded through an open tender.",  # lost subject
        "For example their care and support plan, or a safeguarding enquiry.",  # no verb
    ],
)
def test_the_guard_refuses_pieces_of_a_longer_sentence(line):
    assert guard.problems(line)


@pytest.mark.parametrize(
    "line",
    ["Are you worried?", "Be sure to come.", "We plan care.", "What matters most is safety."],
)
def test_questions_commands_and_wh_subjects_are_still_sentences(line):
    assert guard.problems(line) == []


def test_a_modal_subject_is_not_given_to_are():
    lines = split_sentence(
        "Providers would be paid partly on results, for example the number of people who move "
        "on to a settled home and are still there after a year."
    )
    assert not any("would are" in line for line in lines)


def test_a_sentence_after_a_colon_is_not_cut_into_list_items():
    lines = split_sentence(
        "Some advocacy is a legal right: people who have difficulty in being involved in an "
        "assessment, and who have nobody else to support them, must be offered an advocate."
    )
    assert not any(line.startswith(("And who", "Must be")) for line in lines)


def test_an_including_list_keeps_each_item_whole():
    lines = split_sentence(
        "The council commissions 412 units of supported housing for people who are homeless, "
        "including young people leaving care, people with mental health needs, and people "
        "recovering from drug or alcohol use."
    )
    assert "Young people leaving care" in lines
    assert "People recovering from drug or alcohol use" in lines
    assert not any(line.endswith("young:") for line in lines)


def test_deprived_of_liberty_is_not_explained_as_poverty():
    document = build_briefing(
        "Where people were deprived of their liberty in a care home, forms were late.",
        terms=default_terms(),
    )
    (box,) = [b for b in _boxes(document) if b.term.lower().startswith("depriv")]
    assert "free to leave" in box.explanation and "money" not in box.explanation


def test_deprived_wards_are_explained_as_poverty():
    document = build_briefing(
        "The gap between the most and least deprived wards is wide.", terms=default_terms()
    )
    (box,) = [b for b in _boxes(document) if b.term.lower().startswith("depriv")]
    assert "money" in box.explanation


def test_come_and_go_is_not_cut():
    lines = split_sentence("You could have more freedom to come and go when you want to.")
    assert not any(line.endswith("to come.") for line in lines)


def test_if_you_is_not_cut_inside_a_list_of_things():
    lines = split_sentence(
        "If you want an easy read version, a large print copy, or a version in another "
        "language, please call us and we will send one to you."
    )
    assert not any(line.startswith("A large print copy") for line in lines)


@pytest.mark.parametrize(
    "line",
    [
        "This is until they feel confident.",
        "Including 410 who completed a paper survey.",
        "Such as the bus and the train.",
    ],
)
def test_more_pieces_are_refused(line):
    assert guard.problems(line)


def test_an_aside_in_brackets_needs_a_sure_verb_to_get_its_own_row():
    assert not guard.is_whole_sentence(
        "More online booking, more phone triage, fewer walk-in slots."
    )
    assert guard.is_whole_sentence("This was agreed in May.")
    document = build_briefing(
        "Practices changed how they work (more online booking, fewer walk-in slots) this year."
    )
    rows = [s for i in document.all_items() if isinstance(i, Point) for s in i.sentences]
    assert not any(s.startswith("More online booking") for s in rows)


def test_the_picture_comes_from_the_main_clause():
    from easyread.simplify import main_clause

    sentence = "It would be too soon to say that the trend will continue through the winter."
    assert main_clause(sentence) == "It would be too soon to say"
    document = build_briefing(sentence)
    (row,) = [i for i in document.all_items() if isinstance(i, Point)]
    assert row.picture != "fe-snowflake"


def test_a_sentence_may_open_with_compared_with_or_rather_than():
    assert guard.problems("Compared with last year, the grant has gone up by 5%.") == []
    assert guard.problems("Rather than close it, we will move it.") == []


def test_a_quantifier_can_be_the_whole_subject():
    assert guard.problems("Some wait for more than 6 months.") == []
    assert guard.problems("Most of them.")
    assert split_sentence(
        "On any given day around 90 people are waiting for a place; some wait for more than "
        "6 months in temporary accommodation."
    ) == (
        "On any given day around 90 people are waiting for a place.",
        "Some wait for more than 6 months in temporary accommodation.",
    )


def test_passive_to_active_before_under():
    assert passive_to_active("The services are provided by 7 charities under block contracts.") == (
        "7 charities provide the services under block contracts."
    )


def test_passive_to_active_leaves_a_subject_that_starts_with_an_opener():
    sentence = "At present these services are provided by 3 groups under separate contracts."
    assert passive_to_active(sentence) == sentence
    assert (
        passive_to_active("This bid was rejected by the panel.") == "The panel rejected this bid."
    )


def test_a_cut_never_leaves_an_if_part_without_its_main_clause():
    """Fresh passage f1: "...strategy; if they are not achieved." was a first half whose
    "if" part had lost its main clause to the second half."""
    sentence = (
        "These savings are already assumed in the financial plan; if they are not "
        "achieved, they would need to be found elsewhere in the budget."
    )
    for line in split_sentence(sentence):
        assert not line.rstrip(".").lower().endswith("if they are not achieved"), line


def _term(name):
    return next(t for t in default_terms() if t.term == name)


@pytest.mark.parametrize(
    ("term", "sentence", "sense"),
    [
        ("transition", "Savings come once transition costs have been met.", "changeover"),
        ("transition", "Transition to adult services starts at 14.", "growing_up"),
        ("outcome", "This is subject to the outcome of consultation.", "result"),
        ("outcome", "Providers are paid for good outcomes for people.", "life"),
    ],
)
def test_transition_and_outcome_are_explained_in_the_sense_used(term, sentence, sense):
    found = sense_in(_term(term), sentence)
    assert found is not None and found.name == sense


def test_a_second_half_that_starts_with_its_verb_is_refused():
    """Fresh passage f3: "..., and looked at data on carers' assessments." became a line
    with no subject; the guard refuses it, so the sentence stays whole (and is flagged)."""
    assert guard.problems("Looked at data on carers' assessments and short breaks.")
    assert not guard.problems("Read the provider's page.")
    assert not guard.problems("Missed or late calls were reported by 1 in 5 residents.")


def test_a_bracketed_list_stays_in_its_sentence():
    text = (
        "We charge people who get care at home (home care, day opportunities, "
        "supported living etc.) a small amount."
    )
    sentences = [
        s for i in build_briefing(text).all_items() if isinstance(i, Point) for s in i.sentences
    ]
    assert not any(s.startswith("Home care, day opportunities") for s in sentences)
    assert any("supported living" in s and "charge" in s for s in sentences)


def test_a_colon_before_a_quotation_is_kept_when_the_sentence_is_cut():
    said = split_sentence(
        "One carer wrote: \"My son's benefits are already stretched, and every extra "
        'pound comes out of the money he uses to see his friends."'
    )
    assert said[0] == "One carer wrote:"
    assert said[1].startswith('"My son')
    assert all(guard.problems(s) == [] for s in said)


def _explained(text: str) -> dict[str, str]:
    document = build_briefing(text, terms=default_terms())
    return {i.term: i.explanation for i in document.all_items() if isinstance(i, HardWordBox)}


def test_a_pathway_counted_on_a_waiting_list_is_not_explained_as_steps_to_care():
    boxes = _explained("The waiting list stood at 48,310 pathways at the end of September.")
    assert boxes == {"Pathways": "Here each pathway is one person waiting for one treatment."}
    route = _explained(
        "There is a new pathway for people with dementia, from diagnosis to support."
    )
    assert route == {"Pathway": "A pathway is the steps you go through to get care."}


def test_a_share_in_every_100_can_be_the_subject():
    # "every" before a number is a share ("9 in every 100"), not "a"/"every" before a noun
    assert guard.problems("9 in every 100 pay the full cost.") == []
    assert guard.problems("An online form for carers.")


@pytest.mark.parametrize(
    ("sentence", "cut"),
    [
        (
            "The council adds £9.2 million from the fund and £4.1 million from the grant, "
            "giving a total of £44.7 million.",
            (
                "The council adds £9.2 million from the fund and £4.1 million from the grant.",
                "This gives a total of £44.7 million.",
            ),
        ),
        (
            "Buses now stop running at six in the evening on most routes, meaning that "
            "people cannot get home from the day centre.",
            (
                "Buses now stop running at six in the evening on most routes.",
                "This means that people cannot get home from the day centre.",
            ),
        ),
    ],
)
def test_a_trailing_result_becomes_this_and_its_verb(sentence, cut):
    assert split_sentence(sentence) == cut


def test_this_with_a_verb_that_is_often_a_noun_needs_what_follows():
    assert guard.problems("This means that people cannot get home.") == []
    assert guard.problems("This costs 5 pounds a week.") == []
    assert guard.problems("This means.")
    assert guard.problems("These needs.")


def test_a_box_for_an_alias_does_not_name_a_word_the_reader_did_not_see():
    # the reader saw "short breaks"; the glossary's words start "Respite is ..."
    respite = Term(
        "respite", "Respite is a short break.", "Respite is a break for carers.",
        aliases=("short breaks",),
    )  # fmt: skip
    doc = build_briefing("# Carers\n\nWe fund short breaks for 200 carers.\n", terms=[respite])
    boxes = [i for i in doc.all_items() if isinstance(i, HardWordBox)]
    assert [(b.term, b.explanation) for b in boxes] == [
        ("Short breaks", "This is a break for carers.")
    ]
    # where the reader saw the headword itself, its words are kept
    doc = build_briefing("# Carers\n\nWe fund respite for 200 carers.\n", terms=[respite])
    assert [b.explanation for b in doc.all_items() if isinstance(b, HardWordBox)] == [
        "Respite is a break for carers."
    ]


def test_a_purpose_at_the_end_becomes_this_is_to():
    assert split_sentence(
        "We would carry out reviews of everyone receiving long-term support, to make sure "
        "their care still meets their needs."
    ) == (
        "We would carry out reviews of everyone receiving long-term support.",
        "This is to make sure their care still meets their needs.",
    )
    # ", to the address" is not a purpose
    kept = "We wrote to every family in the area last spring, to the address we had for them."
    assert split_sentence(kept) == (kept,)
    assert guard.problems("This is to service users.")


def test_in_after_a_verb_finishes_the_sentence():
    assert guard.problems("Things got better since the new system came in.") == []
    assert guard.problems("We spoke to.")


def test_which_as_the_object_of_a_report_keeps_who_said_it():
    # "This one relative said made it ..." was the broken row
    assert split_sentence(
        "The home uses agency nurses at night, which one relative said made it hard to know "
        "whether staff knew her needs."
    ) == (
        "The home uses agency nurses at night.",
        "One relative said this made it hard to know whether staff knew her needs.",
    )
    # "which the staff said that ...": the report belongs to "which", so it is not cut there
    kept = "We closed the centre in the spring, which the staff said that they did not want."
    assert split_sentence(kept) == (kept,)


def test_a_report_of_two_that_clauses_is_not_cut_at_the_first():
    # "The worker said:" "Every person would get a review and that, where ..." dangled
    kept = (
        "The worker said that every person would get a review and that, where people "
        "lacked capacity, decisions would follow the law."
    )
    assert split_sentence(kept)[0] != "The worker said:"
