"""The do-no-harm guard (RULES.md DN-01, DN-02): is this output line a sentence?

Rule-based on purpose. We tried Debian's link-grammar parser: it is not on PyPI
(its Python bindings serve the system Python only), loading its dictionary takes
about a second, one 40-word sentence took 316 ms, and it accepted fragments such
as "That is, providers.". spaCy's English models are not published on PyPI by
their makers. So the guard is a small lexicon of finite verbs and auxiliaries
(``data/verbs.txt``), word endings and a few fixed patterns. It errs towards
saying "not a sentence": a cut it rejects is undone, which only costs length.

:func:`problems` gives the reasons a line is not a sentence (empty when it is).
List items after an intro line ("We will:") only need a capital and a finished end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from easyread.guard_words import (
    _ADVERBS,
    _AFTER_A_PARTICIPLE,
    _AFTER_A_VERB,
    _AFTER_MEANS,
    _DEMONSTRATIVES,
    _DETERMINERS,
    _DONE_TO,
    _JOINING,
    _NOUN_LIKE,
    _NOUN_LIKE_VERBS_FIRST,
    _NOUN_MODIFIERS,
    _OBJECT_STARTS,
    _OBJECTS,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _RELATIVES,
    _REPORTING_BASES,
    _SINGULAR_DETERMINERS,
    _WH,
)
from easyread.line_shape import (
    PRONOUN_SUBJECTS,
    brackets_balance,
    ends_finished,
    is_list_of_things,
)
from easyread.model import visible_text
from easyread.verbs import (
    AUXILIARIES,
    NOT_VERBS,
    base_verbs,
    is_finite_form,
    lexicon,
    lower_tokens,
    verb_base,
)

_LEADING_MARKERS = re.compile(
    r"^(?:(?:and|but|or|so|also|then|yet|however|instead|that is|for example|for instance|"
    r"in short|in total|first|second|third|finally|next|still|even so|since then|after that)"
    r"\b,?\s+)+",
    re.IGNORECASE,
)
# "This was by the panel as key." / "This is in service users.": fillers that hide who did what.
FILLER = re.compile(
    r"^(?:this|that|it|these|they)\s+(?:is|was|are|were)\s+"
    r"(?!on\s+(?:your|our|their)\s+side\b)"  # "They are on your side.": a sentence
    r"(?:by|in|at|on|for|with|from|to|of|as|"
    r"into|over|under|during|within|across|through|around|about|after|before|when|where|"
    r"especially|particularly|mainly|mostly|largely|only|until|unless|since)\b",
    re.IGNORECASE,
)
_FILLER_OTHER = re.compile(
    r"^this\s+comes\s+with\b|^(?:this|these)\s+(?:the|a|an|our|their|his|her|its|we|you|they|it)\b",
    re.IGNORECASE,
)  # "This the Leader committed to": a lost object relative ("which the Leader ...")
# "This is to make sure ...": a purpose, not a filler ("This is to service users.").
_TO_A_VERB = re.compile(
    r"^\w+\s+(?:is|was|are|were)\s+to\s+(?:make|help|give|keep|stop|get|"
    r"let|find|see|check|show|ask|tell|pay|support|protect|improve|reduce|save|meet|plan)\b",
    re.I,
)
_START_OK = re.compile(r"^[\W_]*(?:[A-Z£$€0-9]|\*\*[A-Z£0-9])")


# A part that starts with one of these and runs to the next comma or the end is a
# condition or a time ("if demand rises faster than forecast"): its verb is not the
# sentence's. "X, but leaves little headroom if demand rises" has no main verb.
_SUBORDINATE = re.compile(
    r"(?<!means )(?<!mean )(?<!a )"  # "means if you can", "for a while"
    r"\b(?:if|when|whenever|because|unless|until|although|though|whereas|while|once)\b[^,;:]*",
    re.IGNORECASE,
)


def has_subject_and_verb(sentence: str) -> bool:
    """A finite verb with something before it that can be its subject, or a command; the
    verb of an "if", "when" or "because" part alone does not count."""
    text = visible_text(sentence)
    if not _clause_has_subject_and_verb(text):
        return False
    main = _SUBORDINATE.sub("", text)
    return main == text or _clause_has_subject_and_verb(main)


def _clause_has_subject_and_verb(text: str) -> bool:
    body = _LEADING_MARKERS.sub("", text.strip())
    tokens = lower_tokens(body)
    if not tokens:
        return False
    base = base_verbs()
    if tokens[0] in base and len(tokens) >= 2 and _command(tokens):
        return True  # a command: "Tell us what you think."
    in_clause = False  # inside the verbs of a relative clause: "letters that were sent"
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else ""
        if in_clause and (token in AUXILIARIES or token in base or is_finite_form(token)):
            continue  # "sent" in "that were sent": still the relative clause's verb
        in_clause = False
        if index == 0 and token not in AUXILIARIES:
            continue
        if index == 0:  # a question: "Are you worried?"; else a lost subject: "Would be awarded."
            return len(tokens) > 2 and (body.rstrip().endswith("?") or token == "be")
        if before in _RELATIVES and index > 1:
            in_clause = True
            continue  # "people who use services": the verb belongs to the relative clause
        if before == "to":
            continue  # "to comment", "to be": an infinitive is never the finite verb
        if token in AUXILIARIES:
            return True
        if _verb_here(tokens, index, base):
            return True
    return False


def _verb_here(tokens: list[str], index: int, base: frozenset[str]) -> bool:
    token, subject = tokens[index], _subject_before(tokens, index)
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if _names_a_relative_clause(tokens, index):
        return False  # "monitoring visits that include ...": "visits" is the noun
    if _bare_after_a_singular(tokens, index):
        return False  # "an online form for carers": after "a"/"an", a bare verb is a noun
    # "This means that ...", "This costs 5 pounds"; not "These needs."
    known = _object_follows(after) if token in NOT_VERBS else is_finite_form(token)
    if subject in _DEMONSTRATIVES and known:
        return True  # "This makes it hard"
    if index == 1 and subject in _QUANTIFIERS and (is_finite_form(token) or token in base):
        return True  # "Some wait for months": a quantifier can be the whole subject
    if subject in _DETERMINERS or subject in _PREPOSITIONS or subject in _NOUN_MODIFIERS:
        return False
    if subject[:1].isdigit() and index == 2 and tokens[0] in _PREPOSITIONS - {"than"}:
        return False  # "With 140 replies": a number after a preposition is not a subject
    if token == "means" and subject not in _PREPOSITIONS and after not in {"of", "test"}:
        return True  # "The VCS means charities ...": "means" is a verb but "by means of"
    if token in NOT_VERBS:
        return _object_follows(after)
    if (
        token in _NOUN_LIKE
        and token not in _NOUN_LIKE_VERBS_FIRST
        and subject not in PRONOUN_SUBJECTS
    ):
        # "their care and support plan, or ...": a noun unless an object or "to" follows
        return after in _DETERMINERS or after in _OBJECTS or after[:1].isdigit()
    if subject in _JOINING:
        return False  # "X, but leaves little": its subject was left in another clause
    if token in _DONE_TO and after in _AFTER_A_PARTICIPLE:
        return False  # "the growth built into the plan": what was done to it, not a verb
    if is_finite_form(token):
        return True
    if token.endswith("ed") and (after in _DETERMINERS or after[:1].isdigit()):
        return True  # a verb we do not list: "wards averaged 98 ..."
    if token not in base:
        return False
    if token not in _NOUN_LIKE and subject not in {"to", "and", "or"}:
        return True  # "A small number move to a care home"
    return _has_plural_subject(tokens, index)


def _object_follows(after: str) -> bool:
    """After "means", "costs", "needs": a determiner, a number, a pronoun, a doing word
    ("means stopping") or a question word ("means if you can") makes it a verb."""
    return (
        after in _DETERMINERS
        or after[:1].isdigit()
        or after in PRONOUN_SUBJECTS
        or (after.endswith("ing") and len(after) > 4)
        or after in _AFTER_MEANS
    )


def _bare_after_a_singular(tokens: list[str], index: int) -> bool:
    """ "A group" takes "meets", "met" or "will meet"; a bare "form" one or two words after
    "a"/"an" is the noun of the phrase ("an online form"), never its verb."""
    near = tokens[max(0, index - 2) : index]
    if not any(word in _SINGULAR_DETERMINERS for word in near) or near[-1][:1].isdigit():
        return False  # "9 in every 100 pay": a share, its verb after the number
    token = tokens[index]
    return token in base_verbs() and not is_finite_form(token) and token not in AUXILIARIES


def _names_a_relative_clause(tokens: list[str], index: int) -> bool:
    """A word followed by "that"/"which"/"who" and a verb is the noun the clause is about
    ("visits that include", "letters which were"), unless it reports ("says that is")."""
    if index + 2 >= len(tokens) or tokens[index + 1] not in _RELATIVES:
        return False
    verb = tokens[index + 2]
    if not (verb in AUXILIARIES or verb in base_verbs() or is_finite_form(verb)):
        return False
    return verb_base(tokens[index]) not in _REPORTING_BASES


def _command(tokens: list[str]) -> bool:
    """ "Tell us", "Visit our website"; not "Care needs in the area"."""
    if tokens[0] not in _NOUN_LIKE:
        return True
    if tokens[0] in _NOUN_LIKE_VERBS_FIRST and tokens[1] in _PREPOSITIONS:
        return True  # "Work with employers to ...", "Vote for the one you like."
    return tokens[1] in _DETERMINERS or tokens[1] in PRONOUN_SUBJECTS or tokens[1] in {"us", "me"}


def _has_plural_subject(tokens: list[str], index: int) -> bool:
    """ "councils still buy", "placements for adults remain": a plural before a plain verb."""
    if _plural_subject(_subject_before(tokens, index)) or "and" in tokens[:index]:
        return True
    return any(_plural_subject(t) and t not in PRONOUN_SUBJECTS for t in tokens[:index])


def _subject_before(tokens: list[str], index: int) -> str:
    """The word before a verb, skipping adverbs ("councils still buy")."""
    at = index - 1
    while at > 0 and (tokens[at] in _ADVERBS or tokens[at].endswith("ly")):
        at -= 1
    return tokens[at] if at >= 0 else ""


def _plural_subject(word: str) -> bool:
    if word in PRONOUN_SUBJECTS or word in {"people", "children", "staff", "families"}:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in _PREPOSITIONS


def problems(sentence: str, list_item: bool = False) -> list[str]:
    """Why this line is not a sentence a reader can trust (empty list: it is fine)."""
    return list(_problems(sentence, list_item))


@lru_cache(maxsize=20000)
def _problems(sentence: str, list_item: bool) -> tuple[str, ...]:
    text = visible_text(sentence).strip()
    found: list[str] = []
    if not _START_OK.match(sentence.strip()):
        found.append("does not start with a capital letter")
    if not text.endswith(":") and not ends_finished(text):
        found.append("ends on a joining word")
    if lower_tokens(text) in (["so", "on"], ["and", "so", "on"]):
        found.append('only "and so on": a piece of a list')
    if not brackets_balance(text):
        found.append("a bracket is opened or closed in another sentence")
    if list_item:
        return tuple(found)
    if text.endswith(":") and not _LEADING_MARKERS.sub("", text[:-1].strip() + " ").strip():
        return tuple(found)  # "In total:", "For example:": a list's intro needs no verb
    if (FILLER.match(text) and not _TO_A_VERB.match(text)) or _FILLER_OTHER.match(text):
        found.append("a filler that hides who did what")
    elif not has_subject_and_verb(text) or is_list_of_things(text):
        found.append("has no subject and verb")
    elif _starts_with_its_verb(text):
        found.append("starts with its verb: who did it was cut off")
    elif _unfinished_that_clause(text):
        found.append('a "that" clause with no verb')
    elif _PIECE_START.match(text) and "," not in text:
        found.append("starts like the end of another sentence (including, such as ...)")
    elif _embedded_question(text):
        found.append("a piece of a sentence (what, how, where ...) with no main verb")
    elif "either" in lower_tokens(text) and not {"or", "nor"} & set(lower_tokens(text)):
        found.append('"either" with no "or": the other choice was cut off')
    return tuple(found)


def _starts_with_its_verb(text: str) -> bool:
    """ "Looked at data on carers' assessments.": the second half of "Researchers spoke
    to 64 carers, and looked at data ...", its subject left in the first half (DN-01). A
    past verb followed by what it acts on; "Missed or late calls were ..." is not one."""
    from easyread.grammar import _IRREGULAR_PAST, _VERBS, looks_like_verb

    tokens = lower_tokens(_LEADING_MARKERS.sub("", text))
    if len(tokens) < 2 or "," in text or text.rstrip().endswith("?"):
        return False
    first = tokens[0]
    if first in _VERBS:
        return False  # "Read the page.", "Put it here.": the same word tells you to
    past = first in _IRREGULAR_PAST or (first.endswith("ed") and looks_like_verb(first))
    if past:
        return tokens[1] in _AFTER_A_VERB
    # "But leaves little headroom.": the second half of "..., which X, but leaves ...".
    # Not a plural noun ("Plans this year ..."): only before a word that starts an object.
    present = first.endswith("s") and is_finite_form(first) and verb_base(first) != first
    return present and verb_base(first) not in _NOUN_LIKE and tokens[1] in _OBJECT_STARTS


_PIECE_START = re.compile(
    r"^(?:including|especially|particularly|such as|except|rather than)\b",
    re.IGNORECASE,
)


def _embedded_question(text: str) -> bool:
    """ "What should change." / "About where they live.": the end of a longer sentence."""
    tokens = lower_tokens(_LEADING_MARKERS.sub("", text))
    if len(tokens) < 2 or text.rstrip().endswith("?"):
        return False
    if tokens[0] in _PREPOSITIONS and tokens[1] in _WH and "," not in text:
        return True
    if tokens[0] in _WH and "," in text:
        # "Where staff move ..., the rules are likely to apply.": a main clause follows
        return not has_subject_and_verb(text.split(",", 1)[1])
    finite = [t for t in tokens if t in AUXILIARIES or is_finite_form(t)]
    return tokens[0] in _WH - {"when"} and len(finite) < 2


def _unfinished_that_clause(text: str) -> bool:
    """ "We recommend that the council." : the words after a reporting verb's "that" need a verb."""
    tokens = lower_tokens(text)
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index] == "that" and verb_base(tokens[index - 1]) in _REPORTING_BASES:
            rest = tokens[index + 1 :]
            return bool(rest) and not has_subject_and_verb(" ".join(rest))
    return False


def is_sound(sentence: str, list_item: bool = False) -> bool:
    return not problems(sentence, list_item)


def is_list_intro(sentence: str) -> bool:
    return visible_text(sentence).rstrip().endswith(":")


def line_problems(lines: list[str], first_is_item: bool = False) -> list[tuple[str, list[str]]]:
    """Each line that fails, with its reasons; lines after an intro ending ":" are list items."""
    failing = []
    in_list = first_is_item
    in_list_by_intro = False  # a list begun by an intro line among these lines
    for line in lines:
        # a bullet left whole is an item even when it ends the list with a full stop; the
        # pieces of a cut bullet must each be sentences
        whole_item = first_is_item and len(lines) == 1
        cut_item = first_is_item and len(lines) > 1 and not in_list_by_intro
        item = not cut_item and in_list and (whole_item or not _ends_sentence(line))
        reasons = problems(line, list_item=item)
        if reasons:
            failing.append((line, reasons))
        if is_list_intro(line):
            in_list = in_list_by_intro = True
        elif _ends_sentence(line):
            in_list = False
    return failing


def _ends_sentence(line: str) -> bool:
    return visible_text(line).rstrip().endswith((".", "!", "?"))


def is_whole_sentence(text: str) -> bool:
    """Stricter than :func:`is_sound`, for asides lifted out of brackets (DN-03): the verb must
    be sure (an auxiliary, a past form, or after a pronoun), not a noun ending in -s
    ("fewer walk-in slots")."""
    if not is_sound(text) or is_list_of_things(text):
        return False
    tokens = lower_tokens(text)
    base, irregular = lexicon()
    for index, token in enumerate(tokens):
        if token in AUXILIARIES or token in irregular:
            return True
        if token.endswith("ed") and verb_base(token) and index > 0:
            return True
        if index > 0 and tokens[index - 1] in PRONOUN_SUBJECTS and verb_base(token):
            return True
    return False
