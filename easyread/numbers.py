"""Numbers the easy-read way (ER-06): digits, no percentages, times as "2pm".

Every rule keeps the value: a number is rewritten, never dropped. "one" on its
own stays a word, as the rules allow; "one hundred" becomes "100".
"""

from __future__ import annotations

import re
from fractions import Fraction

from easyread.verbs import base_verbs, is_finite_form

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUM = r"(?:" + "|".join(sorted([*_SMALL, *_SCALE], key=len, reverse=True)) + r")"
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+"
_NUMBER_WORDS = re.compile(
    rf"(?<![\w-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion)\b))?"
    rf"{_NUM}(?:(?:{_AND}|[\s-]+){_NUM})*(?![\w-])",
    re.IGNORECASE,
)
_MONEY_SHORT = re.compile(r"([£$€])(\d+(?:\.\d+)?)\s?(m|bn|b|k)\b", re.IGNORECASE)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)(\s+(?:of\s+)?)({_MONTHS})\b")
_TIME = re.compile(
    r"(?<![\d.:])([01]?\d|2[0-3])(?::([0-5]\d)|\.([0-5]\d)(?=\s?[ap]m))(?:\s?([ap]m))?(?![\d:])",
    re.IGNORECASE,
)
_LOOSE_AMPM = re.compile(r"\b(\d{1,2})\s*([ap])(?:\s?m\b|\.m\.(\s*$)?)", re.IGNORECASE)
_PERCENT = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)(\s+of\s+(\w+))?", re.IGNORECASE
)


# "60% of people" -> "6 in every 10 people"; "60% of costs" -> "6 in every 10 pounds of costs".
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COUNTED = _word_set(
    "people adults carers residents children families staff patients members users homes "
    "services providers councils women men households workers beds places clubs schemes"
)
_MONEY_WORDS = _word_set("costs cost spending budget budgets money funding income savings")
_CHANGE_PERCENT = re.compile(
    r"\b(a|an)\s+(\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))\s+"
    r"(rise|increase|cut|reduction|fall|drop|uplift|saving|growth)\b",
    re.IGNORECASE,
)


# A percentage that is a change ("went up by 40%", "a 2% rise") stays a percentage (DN-04).
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:by|up|down|rise|rises|rose|risen|increase[sd]?|fall|falls|fell|fallen|cut|growth|"
    r"grew|grow|reduction|drop|dropped|uplift|decrease[sd]?|change|saving)\s+(?:of\s+|by\s+)?"
    r"(?:(?:only|just|about|around|nearly|almost|over|some|roughly)\s+)?)$",
    re.IGNORECASE,
)
_AFTER_A_COUNT = re.compile(r"\d\s*\(\s*$")
# "from 58% to 60%": both ends of a change.
_FROM_TO = re.compile(
    r"(?:\bfrom\s+$)|(?:\bfrom\s+\d[\d,.]*\s?(?:%|per\s?cent|percent)\s+to\s+$)", re.I
)
_CHANGE_AFTER = re.compile(
    r"^\s+(?:increase|rise|cut|reduction|fall|drop|uplift|saving|growth|decrease|higher|lower|"
    r"more|fewer|less|up|down|change|a year|each year|every year|per year|annually)\b",
    re.IGNORECASE,
)
# After a share, these words start the rest of the sentence ("60% said", "60% of").
_SHARE_FOLLOWERS = _word_set(
    "of and or but in on at against compared were was are is said had have from to for a an "
    "the with by than who which that this these those last next"
)


def is_change(before: str, after: str) -> bool:
    """Is the percentage between ``before`` and ``after`` a change rather than a share?"""
    return bool(
        _CHANGE_BEFORE.search(before[-40:])
        or _FROM_TO.search(before[-40:])
        or _CHANGE_AFTER.match(after)
    )


def _stays_percent(text: str, start: int, end: int) -> bool:
    """Changes stay "40%"; so does a rate naming a thing ("a 2% precept", "60% quality").

    So does a figure with decimals ("58.2%": "about 58 in every 100" loses a number,
    DN-04) and one in brackets after a count ("1,240 (2.5%)" says the count again).
    """
    before, after = text[:start], text[end:]
    if "." in text[start:end].split("%")[0].split("per")[0] or _AFTER_A_COUNT.search(before):
        return True
    if is_change(before, after):
        return True
    following = re.match(r"\s+([a-z]+)", after)
    if not following:
        return False
    word = following.group(1).lower()
    if word in _SHARE_FOLLOWERS | _COUNTED:
        return False
    # "9% pay the full cost": a share that starts a clause is the subject of the verb after
    # it. Elsewhere the word is a thing the rate names ("a 5% charge", "offers 20% discount").
    return not (_is_verb(word) and _CLAUSE_START.search(before))


_CLAUSE_START = re.compile(
    r"(?:^|[,;:(]|\b(?:and|but|while|whereas|although|though|because|so|that|where|when|"
    r"only|just|around|about|nearly|almost|over|under|some|roughly|fewer than|more than|"
    r"less than))\s*$",
    re.I,
)


def _is_verb(word: str) -> bool:
    """A main verb ("9% pay", "40% receive"). Not an auxiliary: "Of this, 2% would be the
    precept" is a rate, and "1 in every 50 would be" changes its sense (DN-04)."""
    if word in _AUXILIARIES:
        return False
    return word in base_verbs() or is_finite_form(word)


_AUXILIARIES = _word_set(
    "is are was were be been would will can could should must may might has have had do does"
)


def words_to_number(phrase: str) -> int | None:
    """The value of a phrase like "two hundred and fifty", or None if it is not one."""
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", phrase.lower()):
        if token in {"and", ""}:
            continue
        if token in {"a", "an"}:
            current = 1
        elif token in _SMALL:
            current += _SMALL[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALE:
            total += max(current, 1) * _SCALE[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def format_number(value: int | float | Fraction) -> str:
    """Digits with thousands commas; whole millions as "2 million"."""
    if value >= 1_000_000 and value % 100_000 == 0:
        millions = Fraction(value) / 1_000_000
        shown = f"{float(millions):g}" if millions.denominator != 1 else str(millions.numerator)
        return f"{shown} million"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def _number_word(match: re.Match[str]) -> str:
    phrase = match.group()
    value = words_to_number(phrase)
    if value is None or phrase.lower() == "one" or phrase.lower() in _SCALE:
        return phrase
    return format_number(value)


def _money_short(match: re.Match[str]) -> str:
    symbol, amount, unit = match.groups()
    unit = unit.lower()
    if unit == "k":
        return symbol + format_number(Fraction(amount) * 1000)
    return f"{symbol}{amount} {'million' if unit == 'm' else 'billion'}"


def _time(match: re.Match[str]) -> str:
    hour, minutes = int(match.group(1)), match.group(2) or match.group(3)
    suffix = (match.group(4) or "").lower()
    if not suffix:
        if match.group(2) is None:
            return match.group()
        suffix = "pm" if hour >= 12 else "am"
        hour = hour - 12 if hour > 12 else hour or 12
    shown = f"{hour}:{minutes}" if minutes and minutes != "00" else str(hour)
    return shown + suffix


def percent_as_share(percent: str, out_of_100: bool = False) -> str:
    """ "60" -> "6 in every 10"; "25" -> "1 in every 4"; "12" -> "12 in every 100".

    ``out_of_100``: always "in every 100", for sentences that compare shares ("58 in every
    100, against a target of 80 in every 100", not "... of 8 in every 10")."""
    value = Fraction(percent)
    if value == 100:
        return "all"
    if value == 0:
        return "0 in every 100"  # never "none" (DN-04)
    if out_of_100:
        return (
            f"{value.numerator} in every 100"
            if value.denominator == 1
            else (f"about {round(value)} in every 100")
        )
    share = value / 100
    if value.denominator == 1 and value.numerator % 10 == 0:
        return f"{value.numerator // 10} in every 10"
    if share.numerator == 1 or share.denominator in {4, 5}:
        return f"{share.numerator} in every {share.denominator}"
    if value.denominator == 1:
        return f"{value.numerator} in every 100"
    return f"about {round(value)} in every 100"


def _percent(match: re.Match[str], out_of_100: bool = False) -> str:
    share = percent_as_share(match.group(1), out_of_100)
    following = (match.group(3) or "").lower()
    if not following:
        return share
    if following in _MONEY_WORDS and " in every " in share:
        return f"{share} pounds of {match.group(3)}"
    if following in _COUNTED or _counted_plural(following):
        return f"{share} {match.group(3)}"  # "38 in every 100 complaints", not "of complaints"
    return f"{share} of {match.group(3)}"


def _counted_plural(word: str) -> bool:
    """ "complaints", "respondents", "referrals": things one can count, so "in every 100"
    takes them without "of"; not "this", "its", "us", "as" or a money word."""
    return (
        len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))
    ) and word not in _SHARE_FOLLOWERS


def _change_percent(match: re.Match[str]) -> str:
    article, amount, change = match.groups()
    return f"{'an' if change.lower()[0] in 'aeiou' else 'a'} {change} of {amount}"


def numbers_as_digits(text: str) -> str:
    """Apply every number rule to one sentence or heading."""
    text = _NUMBER_WORDS.sub(_number_word, text)
    if not any(char.isdigit() for char in text):
        return text
    text = _MONEY_SHORT.sub(_money_short, text)
    text = _ORDINAL_DATE.sub(lambda m: f"{m.group(1)} {m.group(3)}", text)
    text = _LOOSE_AMPM.sub(
        lambda m: f"{m.group(1)}{m.group(2).lower()}m" + ("." if m.group(3) is not None else ""),
        text,
    )
    text = _TIME.sub(_time, text)
    text = _CHANGE_PERCENT.sub(_change_percent, text)
    found = list(_PERCENT.finditer(text))
    # One form per sentence: "below the 85% target at 78%" compares two figures, and
    # "85% ... 78 in every 100" would hide the comparison.
    keep_all = any(
        _stays_percent(text, m.start(), m.start() + len(_percent_only(m))) for m in found
    )
    # Shares compared in one sentence share one "in every": "58 in every 100 ... against a
    # target of 80 in every 100", never "... a target of 8 in every 10".
    out_of = {percent_as_share(m.group(1)).rsplit(" ", 1)[-1] for m in found}
    same_base = len(found) > 1 and len(out_of - {"all"}) > 1
    return _PERCENT.sub(lambda m: _percent_or_share(m, keep_all, same_base), text)


def _percent_or_share(match: re.Match[str], keep: bool, out_of_100: bool = False) -> str:
    if keep:
        return f"{match.group(1)}%" + match.group()[len(_percent_only(match)) :]
    return _percent(match, out_of_100)


def _percent_only(match: re.Match[str]) -> str:
    """The "40%" / "40 per cent" part of a match, without a following "of ..."."""
    return match.group()[: len(match.group()) - len(match.group(2) or "")]
