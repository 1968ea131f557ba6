"""More safe cuts for long sentences, and lists written as one line per item.

Each rule rewrites a fixed pattern and keeps every word of meaning:

* "Although X, Y." -> "X." "But Y."      * "Because X, Y." -> "X." "So Y."
* "A review found that X." -> "A review found:" "X."
* "X, including Y." -> "X." "This includes Y."  (also "such as", "for example")
* "X, an increase of Y." -> "X." "This is an increase of Y."
* "X, giving a total of Y." -> "X." "This gives a total of Y."  (meaning, leaving ...)
* "X, to make sure Y." -> "X." "This is to make sure Y."  (so that, in order to)
* "Most people, around 7 in 10, go home." -> "Most people go home." "Around 7 in 10."
Lists ("We must do A, do B and do C.") are in :mod:`easyread.lists`.
"""

from __future__ import annotations

import re

from easyread.clause_parts import _Clauses, _which, _who, stands_alone
from easyread.clause_tails import trailing_purpose, trailing_result
from easyread.grammar import _capitalise, _finish, looks_like_verb
from easyread.model import word_count
from easyread.verbs import base_verbs, word_set

MAX_ITEM_WORDS = 15
MAX_WORDS = 15
_LEADING = re.compile(r"^(although|though|while|whilst|because)\s+([^,]{3,}?),\s+(.+)$", re.I)
_REPORTING = re.compile(
    r"\b(found|finds|shows?|showed|told us|tells us|said|says|suggests?|suggested|means|"
    r"agreed|expects?|expected|believes?|knows?|hopes?|feels?|felt|reported|decided|asked|"
    r"make sure|makes sure|ensure|ensures)\s+that\s+",
    re.I,
)
_EXAMPLES = re.compile(r",\s+(including|such as|for example|for instance|like)\s+", re.I)
_NOT_COMMA = r"(?:[^,]|(?<=\d),(?=\d))"
_TRAILING_NOUN = re.compile(rf",\s+((?:a|an)\s+{_NOT_COMMA}+)$", re.I)
_ASIDE_STARTS = (
    r"which|who|whose|usually|often|mostly|mainly|around|about|approximately|roughly|"
    r"for example|such as|including|in particular|particularly|especially|sometimes|"
    r"typically|normally|at least|in total|if possible|where possible|like"
)
_COMMA_ASIDE = re.compile(rf",\s+((?:{_ASIDE_STARTS})\b{_NOT_COMMA}{{0,90}}?),\s+", re.I)
_TRAILING_ADVERB = re.compile(
    r",\s+((?:especially|particularly|often|usually|mostly|mainly|sometimes)\b[^,]*)$", re.I
)
_AUX_WORDS = word_set("is are was were will would can could should must has have had")
_EXAMPLE_OPENINGS = {
    "including": "This includes ",
    "such as": "For example, ",
    "for example": "For example, ",
    "for instance": "For example, ",
    "like": "For example, ",
}


def _option(priority: int, left: str, right: str) -> tuple[int, int, str, str]:
    return max(word_count(left), word_count(right)), priority, left, right


def extra_cuts(sentence: str) -> list[tuple[int, int, str, str]]:
    """Every cut these rules allow, as (balance, priority, first, second)."""
    found = []
    rules = (
        _leading_clause,
        _reporting,
        _examples,
        _trailing_noun,
        _comma_aside,
        _time_clause,
        _if_you,
    )
    for rule in rules:
        found.extend(rule(sentence))
    if word_count(sentence) > MAX_WORDS:
        found.extend(_leading_phrase(sentence))
        found.extend(_trailing_participle(sentence))
        for priority, tails in ((108, trailing_result), (109, trailing_purpose)):
            found.extend(
                _option(priority, _finish(left), right)
                for left, right in tails(sentence)
                if stands_alone(left)
            )
        found.extend(_trailing_share(sentence))
        found.extend(_plural_who(sentence))
        found.extend(_trailing_phrase(sentence))
        found.extend(_when(sentence))
        found.extend(_except(sentence))
    return found


_IF_YOU = re.compile(
    r"^if\s+you\s+(are|can|have|need|want|live|use|get|feel|think|care)\s+([^,]{3,}?),\s+(.+)$",
    re.I,
)


def _if_you(sentence: str):
    """ "If you are worried, phone us." -> "Are you worried?" "Phone us." """
    match = _IF_YOU.match(sentence.strip())
    if not match or not stands_alone(match.group(3)):
        return
    if re.match(r"(?:a|an|the|some|any|or|and|other)\b", match.group(3), re.I):
        return  # "If you want X, a large print copy, or Y, call us": the comma was in a list
    verb, rest, then = match.groups()
    question = (
        f"{verb.capitalize()} you {rest}?"
        if verb.lower() in {"are", "can"}
        else f"Do you {verb.lower()} {rest}?"
    )
    yield _option(113, question, _capitalise(then))


_TIME_CLAUSE = re.compile(r"^(since|after|once)\s+([^,]{3,}?),\s+(.+)$", re.I)
_TIME_OPENINGS = {"since": "Since then, ", "after": "After that, ", "once": "Then "}


def _time_clause(sentence: str):
    """ "Since it was published, X." -> "It was published." "Since then, X." """
    match = _TIME_CLAUSE.match(sentence.strip())
    if match and stands_alone(match.group(2)) and stands_alone(match.group(3)):
        first = _finish(_capitalise(match.group(2)))
        yield _option(106, first, _TIME_OPENINGS[match.group(1).lower()] + match.group(3))


_LEADING_PHRASE = re.compile(
    r"^((?:on|in|at|under|for|during|over|within|from|by|across|to|instead of)\s+[^,]{6,80}),\s+(.+)$",
    re.I,
)
_PARTICIPLE = re.compile(
    r",\s+((?:[a-z]+ed|spread|run|set|held|paid|built|made|known|given|taken|seen|found|based)"
    r"\b[^,]*)$"
)


def _leading_phrase(sentence: str):
    """ "Under the Care Act, the council must X." -> "The council must X." "This is under the Care Act." """
    match = _LEADING_PHRASE.match(sentence.strip())
    if not match or word_count(match.group(1)) < 3 or not stands_alone(match.group(2)):
        return
    phrase = match.group(1)
    if phrase.split()[0].lower() != "to" and has_clause(phrase):
        return
    yield _option(
        107, _capitalise(match.group(2)), "This is " + phrase[0].lower() + phrase[1:] + "."
    )


_SHARE_OF = re.compile(
    r",\s+(most|some|all|many|half|none|part)\s+of\s+(it|them|this|these)\s+([^,]+)$", re.I
)
_TRAILING_WITH = re.compile(rf",\s+with\s+((?:the|a|an)\s+{_NOT_COMMA}+)$", re.I)
_WHO = re.compile(r"(?:(?<=[a-z]s)|(?<=people)|(?<=children))\s+who\s+(?=[a-z]+)")
_PHRASE_START = re.compile(
    r"\s+(?!in\s+every\s)(?=(?:for|in|within|by|over|during|from|at|across|until|through|on|since|after|before)\s)"
)
_PAST = frozenset({"was", "were", "had", "did"})
_CLAUSE_WORDS = word_set(
    "is are was were will would can could should must has have had be been do does "
    "did who that which when where if because whether"
)
_PRONOUN_END = frozenset(
    ["this", "it", "them", "that", "these", "those", "us", "you", "him", "her"]
)


def has_clause(phrase: str) -> bool:
    """A phrase with its own verb: an auxiliary or a joining word gives it away."""
    return any(word.lower().strip(".,") in _CLAUSE_WORDS for word in phrase.split())


def _inside_bold(text: str, position: int) -> bool:
    return any(m.start() < position < m.end() for m in re.finditer(r"\*\*.+?\*\*", text))


_EXCEPT = re.compile(rf",\s+except\s+(?:for\s+)?({_NOT_COMMA}+?)([.!?]?)$", re.I)


def _except(sentence: str):
    """ "Visits last 30 minutes, except for prompts." -> "... 30 minutes." "This does not apply to prompts." """
    match = _EXCEPT.search(sentence)
    if match and stands_alone(sentence[: match.start()]):
        left = _finish(sentence[: match.start()])
        yield _option(115, left, f"This does not apply to {match.group(1)}{match.group(2) or '.'}")


def _trailing_phrase(sentence: str):
    """ "We spend £4 million on day services for adults." -> "... day services." "This is for adults." """
    body = sentence.rstrip()
    ending = body[-1] if body[-1:] in ".!?" else ""
    body = body[: len(body) - len(ending)]
    for match in _PHRASE_START.finditer(body):
        left, phrase = body[: match.start()], body[match.end() :]
        if re.search(r",\s|[()\[\]]", phrase) or word_count(phrase) < 3 or word_count(left) < 4:
            continue
        if _inside_bold(body, match.start()):
            continue
        if phrase.split()[-1].lower() in _PRONOUN_END or has_clause(phrase) or left.endswith(","):
            continue
        if re.search(r"\bto\s+(\w+)", phrase) and any(
            looks_like_verb(m) for m in re.findall(r"\bto\s+(\w+)", phrase)
        ):
            continue
        tail = left.rsplit(", ", 1)[-1]
        same_kind = tail.split()[0].lower() == phrase.split()[0].lower()
        if ", " in left and same_kind and re.search(r"\s(?:and|or)\s", tail):
            continue
        if not _alone_or_item(left):
            continue
        was = any(w.lower() in _PAST for w in left.split())
        yield _option(112, _finish(left), f"This {'was' if was else 'is'} {phrase}{ending or '.'}")


def _trailing_share(sentence: str):
    """ "X, most of it through Y." -> "X." "Most of it is through Y." """
    match = _SHARE_OF.search(sentence)
    if match and stands_alone(sentence[: match.start()]):
        amount, what, rest = match.groups()
        verb = "is" if what.lower() in {"it", "this"} else "are"
        yield _option(
            109,
            _finish(sentence[: match.start()]),
            f"{amount.capitalize()} of {what} {verb} {rest}",
        )
    match = _TRAILING_WITH.search(sentence)
    if match and stands_alone(sentence[: match.start()]):
        yield _option(110, _finish(sentence[: match.start()]), "This comes with " + match.group(1))


_FOCUSED = re.compile(
    r"(?:^|,\s+)(?:especially|particularly|mainly|mostly|only|even|except|including|such as|"
    r"for|among|of|with|to|from|by|between)\b[^,]*$",
    re.I,
)


_COUNTED = re.compile(r"\b\d[\d,]*\s+(?:[a-z]+\s+){0,2}(?:people|children|[a-z]+s)$")


def _plural_who(sentence: str):
    """ "We will cover 2,600 people who get care." -> "We will cover 2,600 people." "They get care." """
    for match in _WHO.finditer(sentence):
        left, rest = sentence[: match.start()], sentence[match.end() :]
        in_a_list = re.search(r",[^,]*\s(?:and|or)\s[^,]*$", left)
        if _FOCUSED.search(left):
            continue  # "hard to find, especially for people who ...": the people are a subset
        if not _COUNTED.search(left) or re.search(r"\bas well as\b|,\s+and\b", rest):
            continue  # "the people who know them" is defined by its clause: cutting changes who
        if not in_a_list and stands_alone(left) and stands_alone("They " + rest):
            yield _option(111, _finish(left), "They " + rest)


def _alone_or_item(text: str) -> bool:
    """A sentence, or a list item such as "To make sure ..." / "By tracking ..."."""
    if stands_alone(text):
        return True
    first = text.split()[0].lower() if text.split() else ""
    starts = {"to", "by", "for", "when", "if"}
    clauses = _Clauses(text)
    verbish = any(clauses.raw_verb[1:]) or any(w.endswith("ing") for w in clauses.lower[1:3])
    return first in starts and word_count(text) >= 4 and verbish


_WHEN = re.compile(r"\s+when\s+(?!\w+ing\b)")


def _when(sentence: str):
    """ "We must do X when Y." -> "We must do X." "This is when Y." (long sentences only)"""
    for match in _WHEN.finditer(sentence):
        left, rest = sentence[: match.start()], sentence[match.end() :]
        if stands_alone(left) and stands_alone(rest):
            yield _option(114, _finish(left), "This is when " + rest)


def _trailing_participle(sentence: str):
    """ "We fund 146 homes, spread across 11 schemes." -> "... homes." "This is spread across 11 schemes." """
    match = _PARTICIPLE.search(sentence)
    if match and stands_alone(sentence[: match.start()]):
        yield _option(108, _finish(sentence[: match.start()]), "This is " + match.group(1))


def _leading_clause(sentence: str):
    match = _LEADING.match(sentence.strip())
    if not match:
        return
    word, reason, rest = match.groups()
    if stands_alone(reason) and stands_alone(rest):
        opening = "So " if word.lower() == "because" else "But "
        yield _option(100, _finish(_capitalise(reason)), opening + rest)


def _reporting(sentence: str):
    for match in _REPORTING.finditer(sentence):
        rest = sentence[match.end() :]
        left = sentence[: match.start()] + match.group(1)
        if re.search(r"(?:^|,)\s*(?:which|who|whom)\b[^,]*$", left, re.I):
            continue  # "..., which the staff said that they did not want": not a report
        if re.search(r"\b(?:and|or|but)\s+that\b", rest, re.I):
            continue  # "said that X and that Y": cut here, "and that" would dangle
        if match.group(1).lower() == "asked" and not _indicative(rest):
            continue  # "She asked that the council monitor calls": a request, not a report
        if word_count(left) >= 2 and stands_alone(rest):
            yield _option(101, left.rstrip() + ":", _capitalise(rest))


_DETERMINER_START = frozenset(
    ["the", "a", "an", "our", "their", "this", "that", "its", "his", "her", "each", "every"]
)


def _indicative(rest: str) -> bool:
    """ "asked that the council monitor calls" has a bare verb after a singular subject (a
    request); "asked that the council was told" reports what happened."""
    words = [w.lower().strip(",.;") for w in rest.split()[:4]]
    if len(words) < 3 or words[0] not in _DETERMINER_START:
        return True
    noun, verb = words[1], words[2]
    singular = not noun.endswith("s") or noun.endswith("ss")
    bare = (verb in base_verbs() or looks_like_verb(verb)) and not re.search(r"(?:s|ed)$", verb)
    return not (singular and bare and verb not in _AUX_WORDS)


# After the examples, a clause or list item that belongs to the whole sentence: "tools,
# such as sensors, where it helps" cannot become "For example, sensors, where it helps";
# "sessions with groups, including X, and an event" cannot put the event among the groups.
_CLAUSE_AFTER_EXAMPLES = re.compile(
    r",\s+(?:where|which|who|whose|when|while|because|so|although|though|unless|if"
    r"|to|for|in|on|at|by|with|from)\b",
    re.I,
)
_AND_AFTER_EXAMPLES = re.compile(r",\s+(?:and|or)\b", re.I)


def _outer_list_resumes(rest: str) -> bool:
    """ "including A and B, and an event": one ", and" with no comma before it ends the
    outer list, not the examples ("including A, B, and C" is a list of its own)."""
    match = _AND_AFTER_EXAMPLES.search(rest)
    return bool(match) and "," not in rest[: match.start()]


def _examples(sentence: str):
    for match in _EXAMPLES.finditer(sentence):
        left, rest = sentence[: match.start()], sentence[match.end() :]
        if _CLAUSE_AFTER_EXAMPLES.search(rest) or _outer_list_resumes(rest):
            continue
        if stands_alone(left) and word_count(rest) >= 1:
            opening = _EXAMPLE_OPENINGS[match.group(1).lower()]
            yield _option(102, _finish(left), opening + rest)


def _trailing_noun(sentence: str):
    match = _TRAILING_NOUN.search(sentence)
    listy = match and (
        re.search(r"\s(?:and|or)\s", match.group(1)) or re.search(r",\s", sentence[: match.start()])
    )
    has_aux = match and any(w.lower() in _AUX_WORDS for w in match.group(1).split())
    if match and not has_aux and not listy and stands_alone(sentence[: match.start()]):
        yield _option(103, _finish(sentence[: match.start()]), "This is " + match.group(1))
    match = _TRAILING_ADVERB.search(sentence)
    if match and _alone_or_item(sentence[: match.start()]):
        yield _option(105, _finish(sentence[: match.start()]), "This is " + match.group(1))


def _comma_aside(sentence: str):
    for match in _COMMA_ASIDE.finditer(sentence):
        main = sentence[: match.start()] + " " + sentence[match.end() :]
        inner = match.group(1)
        first = inner.split()[0].lower()
        after = _Clauses(sentence[match.end() :])
        if not stands_alone(main) or after.first_verb(0) > 1:
            continue
        if first == "which":
            aside = _which(inner[6:]) + inner[6:]
        elif first == "who":
            aside = _who(inner[4:]) + inner[4:]
        else:
            aside = _capitalise(inner)
        yield _option(104, main, _finish(aside))
