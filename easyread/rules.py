"""Every rule the checker reports, with why it matters and where it comes from.

The web app renders one page per rule at ``/rules/<id>``; each finding carries
its rule id so a writer can always ask "why?". Ids and thresholds follow
``shared/easyread/RULES.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

MUST_FIX = "must fix"
WARNING = "warning"
ADVISORY = "advisory"
SEVERITIES = (MUST_FIX, WARNING, ADVISORY)


@dataclass(frozen=True, slots=True)
class Rule:
    """One checkable rule: ``severity`` is the strongest level it reports at."""

    id: str
    title: str
    severity: str
    why: str
    sources: tuple[str, ...]
    level: str = "standard"

    @property
    def source(self) -> str:
        return "; ".join(self.sources)


GOVUK_STYLE = "GOV.UK style guide (A to Z, 25-word sentences)"
NHS_MANUAL = 'NHS digital service manual ("How we write", readability)'
DH_EASY_READ = "UK Department of Health easy-read guidelines (2009)"
MENCAP = 'Mencap "Am I making myself clear?"'
INCLUSION_EUROPE = 'Inclusion Europe "Information for all"'
COGA = 'W3C COGA "Making content usable"'
GOVUK_FORMATS = "GOV.UK accessible formats guidance"


def _rule(id_, title, severity, why, sources, level="standard") -> Rule:
    return Rule(id_, title, severity, " ".join(why.split()), tuple(sources), level)


_ALL = [
    _rule(
        "PL-01",
        "Keep sentences and paragraphs short",
        MUST_FIX,
        """Long sentences are hard to follow, especially for people with a learning
        disability, people reading in a second language and people who are tired or
        unwell. A sentence over 25 words must be split; over 20 words is a warning.
        A paragraph with more than 3 sentences looks like a wall of text, so readers
        skip it: that is a warning.""",
        [GOVUK_STYLE, NHS_MANUAL],
    ),
    _rule(
        "PL-02",
        "Aim for a low reading level",
        ADVISORY,
        """Most people read best at a reading age of 9 to 11, and many adults read
        below that, especially when they are worried or unwell. We show the Flesch
        reading ease and Flesch-Kincaid grade as a guide and suggest grade 6 or lower.
        The scores only count word and sentence length, so short sentences full of
        jargon can still score well: they are a check, never the goal.""",
        [NHS_MANUAL, "WCAG 2.2 success criterion 3.1.5 Reading level"],
    ),
    _rule(
        "PL-03",
        "Use simpler words",
        WARNING,
        """Formal or wordy phrases such as "in order to" or "utilise" make readers work
        harder for no gain. A shorter everyday word says the same thing. Our list of
        swaps is written by us.""",
        [GOVUK_STYLE, NHS_MANUAL, COGA],
    ),
    _rule(
        "PL-04",
        "Explain health and social care jargon",
        MUST_FIX,
        """Words like "commissioning", "JSNA" or "market shaping" are everyday words
        for staff but not for the people our forums are for. Some ordinary words,
        such as "capacity", "provider" or "package", have a special meaning in care
        that readers may not know. Explain the term the first time you use it, use a
        plainer phrase, or give a reason for keeping it. Readers can always look the
        word up in our glossary.""",
        [COGA, "WCAG 2.2 success criterion 3.1.3 Unusual words", GOVUK_STYLE],
    ),
    _rule(
        "PL-05",
        "Avoid rare words",
        WARNING,
        """Words that are rare in everyday English slow readers down or stop them
        altogether. We check how common each word is using word-frequency data, and
        flag words that few people use (a Zipf score below 3.0), unless they are in
        the glossary or on our list of words that are fine, such as "carer".""",
        [COGA, "WCAG 2.2 success criterion 3.1.3 Unusual words"],
    ),
    _rule(
        "PL-06",
        "Spell out initials the first time",
        MUST_FIX,
        """Initials such as "ICB" or "KPI" mean nothing to someone who has not met
        them before, and screen readers may read them out as a strange word. Write
        the words in full the first time, with the initials in brackets after them.
        NHS and GP are well known, so they do not need spelling out.""",
        [GOVUK_STYLE, "WCAG 2.2 success criterion 3.1.4 Abbreviations"],
    ),
    _rule(
        "PL-07",
        "Write actively and plainly",
        WARNING,
        """Passive sentences ("a decision was made") hide who does what, and readers
        have to work it out. Management words like "deliver", "drive" or "going
        forward" and idioms like "touch base" sound vague and can confuse people who
        take words literally. Our passive check is a guess, so it says "maybe".""",
        [GOVUK_STYLE, NHS_MANUAL, COGA],
    ),
    _rule(
        "PL-08",
        "Use respectful words about disabled people",
        MUST_FIX,
        """In the UK we follow the social model of disability: people are disabled by
        barriers in society, not by their bodies or minds. So we say "disabled
        people", not "the disabled", and "wheelchair user", not "wheelchair-bound".
        Words like "suffers from" describe lives as tragic. Hurtful words lose the
        trust of the people we want to hear from.""",
        [GOVUK_STYLE, NHS_MANUAL],
    ),
    _rule(
        "PL-09",
        "Make percentages easy to picture",
        WARNING,
        """Many people find percentages hard to understand. "6 in every 10 people" is
        easier to picture than "60%".""",
        [NHS_MANUAL, MENCAP],
    ),
    _rule(
        "PL-10",
        "Link text must say where the link goes",
        MUST_FIX,
        """Screen reader users often jump from link to link, hearing only the link
        text. "Click here" or "read more" tells them nothing. Say where the link
        goes, for example "read the full budget report".""",
        ["WCAG 2.2 success criterion 2.4.4 Link purpose", GOVUK_STYLE],
    ),
    _rule(
        "PL-11",
        "Every finding explains itself",
        ADVISORY,
        """Each finding shows its rule id and links to a page like this one, so
        writers learn why it matters. We show counts and highlights, never a single
        pass or fail score, because a good score does not make text easy to read.""",
        [COGA],
    ),
    _rule(
        "ER-01",
        "Easy read: 15 words or fewer in a sentence",
        MUST_FIX,
        """In easy read every sentence has 15 words or fewer, and most are much
        shorter: we aim for an average of 10 or fewer. Short sentences let readers
        take in one thing at a time.""",
        [DH_EASY_READ, MENCAP, INCLUSION_EUROPE],
        "easy",
    ),
    _rule(
        "ER-02",
        "Easy read: one idea in each sentence",
        WARNING,
        """A sentence joined up with "and", "but", "because" or "which" often holds
        two or three ideas. Split it so each sentence says one thing.""",
        [INCLUSION_EUROPE, MENCAP],
        "easy",
    ),
    _rule(
        "ER-04",
        "Easy read: use common words",
        WARNING,
        """Easy read uses words most people know. At least 95 in every 100 words
        should be common ones. Any other word is made bold the first time, explained
        in the next sentence, and listed in the word list at the end.""",
        [DH_EASY_READ, INCLUSION_EUROPE, COGA],
        "easy",
    ),
    _rule(
        "ER-05",
        "Easy read: no initials or short forms",
        MUST_FIX,
        """Initials and short forms such as "e.g.", "ICB" or "Cllr" are hard to read and
        easy to get wrong. Write the words in full. NHS and GP are fine.""",
        [DH_EASY_READ, MENCAP, "WCAG 2.2 success criterion 3.1.4 Abbreviations"],
        "easy",
    ),
    _rule(
        "ER-06",
        "Easy read: numbers, times and dates",
        MUST_FIX,
        """Write numbers as digits ("3", not "three"), except "one". Do not use
        percentages: say "6 in every 10". Write times as "2pm" and dates as
        "Monday 5 June", which are easier to read than "14:00" or "05/06".""",
        [DH_EASY_READ, MENCAP, INCLUSION_EUROPE],
        "easy",
    ),
    _rule(
        "ER-07",
        "Easy read: active and positive sentences",
        WARNING,
        """Say who does what ("We will write to you"). Avoid short forms like "don't",
        which can be hard to read, and double negatives like "not unlikely", which
        are easy to misread.""",
        [INCLUSION_EUROPE, MENCAP],
        "easy",
    ),
    _rule(
        "ER-12",
        "Easy read: keep documents short",
        WARNING,
        """Easy-read documents are long because of pictures and big text, so the words
        must be few: aim for 1,000 words or fewer. Split longer documents into
        parts.""",
        [DH_EASY_READ, GOVUK_FORMATS],
        "easy",
    ),
    _rule(
        "ER-14",
        "Easy read: reading scores as a check",
        ADVISORY,
        """For easy read we look for a Flesch reading ease of 80 or more and a
        Flesch-Kincaid grade of 5 or lower. Scores are a check, never the goal: short
        sentences full of jargon can score well.""",
        [NHS_MANUAL, "WCAG 2.2 success criterion 3.1.5 Reading level"],
        "easy",
    ),
    _rule(
        "ER-15",
        "Easy read: respectful words",
        MUST_FIX,
        """The same list as for standard writing: in the UK we say "disabled people",
        not "the disabled", and "wheelchair user", not "wheelchair-bound".""",
        [DH_EASY_READ, GOVUK_STYLE],
        "easy",
    ),
]

RULES: dict[str, Rule] = {r.id: r for r in _ALL}


def rule(rule_id: str) -> Rule:
    """The rule with this id; raises KeyError for an unknown id (the web app shows 404)."""
    return RULES[rule_id.upper()]
