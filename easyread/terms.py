"""Finding glossary words in text, spelling out initials and explaining hard words.

The first time a document uses a glossary term it is put in bold and explained
in a box straight after (ER-04); initials are always written out in full
(ER-05). :class:`TermExplainer` remembers what it has explained, so one object
is used for one whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from easyread.glossary import Term, sense_in
from easyread.model import HardWordBox, WordListEntry

_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TOKEN = re.compile(r"[^\W_]+(?:['’&\-][^\W_]+)*")
_BARE_INITIALS = re.compile(r"(?<![\w-])([A-Z]{2,6})(s?)(?![\w-])")
# Initials readers know, which easy read may keep (ER-05 allow-list).
KNOWN_INITIALS = frozenset({"NHS", "GP", "GPs", "TV", "UK", "OK"})


def _is_initials(form: str) -> bool:
    return form.isupper() and len(form) >= 2 and form.replace(" ", "").isalpha()


@dataclass
class TermExplainer:
    """Marks up glossary terms in one document, remembering which are explained."""

    terms: Iterable[Term] = ()
    explained: list[Term] = field(default_factory=list)
    local_initials: dict[str, str] = field(default_factory=dict)
    context: str = ""  # the paragraph being read, for telling word senses apart
    unclear: list[str] = field(default_factory=list)  # words whose sense we could not tell

    def __post_init__(self) -> None:
        self.terms = tuple(self.terms)
        try:
            self._by_form, self._first_words, self._longest = _index(self.terms)
        except TypeError:  # terms built with lists cannot be cache keys
            self._by_form, self._first_words, self._longest = _index.__wrapped__(self.terms)
        self._spelled: dict[str, str] = {}
        self._explained_names: set[str] = set()
        self._shown: dict[str, tuple[str, str]] = {}  # term -> (box title, explanation)

    def _matches(self, sentence: str):
        """Glossary terms in a sentence: leftmost, longest, never overlapping."""
        tokens = list(_TOKEN.finditer(sentence))
        targets = [(m.start(), m.end()) for m in _LINK_TARGET.finditer(sentence)]
        index = 0
        while index < len(tokens):
            found = None
            if tokens[index].group().lower() in self._first_words:
                found = self._longest_at(sentence, tokens, index)
            start = tokens[index].start()
            if found and not any(a <= start < b for a, b in targets):
                size, term = found
                yield start, tokens[index + size - 1].end(), term
                index += size
            else:
                index += 1

    def _longest_at(self, sentence: str, tokens: list, index: int):
        for size in range(min(self._longest, len(tokens) - index), 0, -1):
            text = sentence[tokens[index].start() : tokens[index + size - 1].end()]
            term = self.term_for(text)
            if term is not None:
                return size, term
        return None

    def term_for(self, text: str) -> Term | None:
        key = _key(text)
        return self._by_form.get(key) or self._by_form.get(key.lower())

    def learn_initials(self, before: str, inside: str) -> bool:
        """True when brackets only repeat initials: "Adult Social Care (ASC)".

        The initials are remembered, so later "ASC" is written out in full.
        """
        found = re.fullmatch(r"([A-Z]{2,6})s?", inside.strip())
        if not found:
            return False
        initials = found.group(1)
        named = _words_for_initials(before, initials)
        if named is None:
            # "the Transfer of Undertakings (Protection of Employment) Regulations 2006
            # (TUPE)": initials we know, just after their own words, only repeat them.
            known = self.term_for(initials)
            return bool(known and known.acronym_for and _names_it(before, known.acronym_for))
        if self.term_for(initials) is None:
            self.local_initials.setdefault(initials, named)
        return True

    def spell_out_local(self, text: str) -> str:
        """Replace initials the writer defined earlier with their words."""
        if not self.local_initials:
            return text

        def spell(match: re.Match[str]) -> str:
            words = self.local_initials.get(match.group(1))
            return words + match.group(2) if words else match.group()

        return _BARE_INITIALS.sub(spell, text)

    def mark_up(self, sentence: str, explain: bool = True) -> tuple[str, list[HardWordBox]]:
        """Spell out initials, bold first uses, and return the boxes to show after."""
        sentence = self.spell_out_local(sentence)
        if not self._by_form:
            return sentence, []
        boxes: list[HardWordBox] = []
        pieces: list[str] = []
        last = 0
        for start, end, term in self._matches(sentence):
            pieces.append(sentence[last:start])
            pieces.append(self._replacement(sentence, start, end, term, explain, boxes))
            last = end
        pieces.append(sentence[last:])
        return "".join(pieces), boxes

    def _replacement(
        self, sentence: str, start: int, end: int, term: Term, explain: bool, boxes: list
    ) -> str:
        shown = sentence[start:end]
        spelled = term.acronym_for or ("" if _is_initials(term.term) else term.term)
        if spelled and _is_initials(shown.rstrip("s")):
            plural = shown.endswith("s") and shown[:-1].isupper()
            shown = plural_of(spelled) if plural else spelled
            last_word = shown.split()[-1]
            following = sentence[end:].split(maxsplit=1)
            next_word = following[0].rstrip(",.;:!?)") if following else ""
            if len(shown.split()) > 1 and next_word.lower() == last_word.lower():
                shown = shown[: -len(last_word)].rstrip()
            if not sentence[:start].strip(" *\"'‘“"):
                shown = shown[0].upper() + shown[1:]
        if not explain or term.term in self._explained_names:
            return shown
        easy = term.easy
        if term.senses:
            sense = sense_in(term, sentence, self.context)
            if sense is None:  # DN-05: ask the writer rather than guess or explain both
                self.unclear.append(shown)
                return shown
            if not sense.easy:
                return shown  # the everyday sense: "their own front door"
            easy = sense.easy
        self.explained.append(term)
        self._explained_names.add(term.term)
        title = shown
        headword = display_name(term)
        if _is_initials(sentence[start:end].rstrip("s")) or _uses(headword, sentence, self.context):
            title = shown if shown.lower() == headword.lower() else headword
        elif shown.lower() in {plural_of(headword).lower(), headword.lower() + "s"}:
            title = headword  # "Learning disability" for "learning disabilities"
        title = title[0].upper() + title[1:]
        if title.lower() not in {term.term.lower(), plural_of(term.term).lower()}:
            easy = _this_for_the_headword(easy, term.term)
        self._shown[term.term] = (title, self.spell_out(easy))
        boxes.append(HardWordBox(term=title, explanation=self._shown[term.term][1]))
        already_bold = sentence[max(0, start - 2) : start] == "**"
        return shown if already_bold else f"**{shown}**"

    def word_list(self) -> list[WordListEntry]:
        """Every explained term, in the order the reader met them."""
        return [self._entry(t) for t in self.explained]

    def _entry(self, term: Term) -> WordListEntry:
        """The word list repeats the box: same title, same sense."""
        if term.term in self._shown:
            title, easy = self._shown[term.term]
            return WordListEntry(term=title, explanation=easy)
        return WordListEntry(term=display_name(term), explanation=self.spell_out(term.easy))

    def spell_out(self, text: str) -> str:
        """Initials in a definition written out, without bold or boxes."""
        if text not in self._spelled:
            self._spelled[text] = self.mark_up(text, explain=False)[0]
        return self._spelled[text]

    def unknown_initials(self, sentence: str) -> list[str]:
        """Initials left in a sentence that we cannot spell out (ER-05)."""
        found = {m.group(1) for m in _BARE_INITIALS.finditer(sentence)}
        return sorted(f for f in found if f not in KNOWN_INITIALS and len(f) >= 2)


def _uses(words: str, *texts: str) -> bool:
    pattern = re.compile(r"(?<![\w-])" + re.escape(words.lower()) + r"(?![\w-])")
    return any(pattern.search(" ".join(text.lower().split())) for text in texts)


def plural_of(words: str) -> str:
    """ "local authority" -> "local authorities"; "Integrated Care Board" -> "...Boards"."""
    head, _, last = words.rpartition(" ")
    lower = last.lower()
    if lower.endswith("s") and not lower.endswith("ss"):
        plural = last  # already plural: "local authorities", "services"
    elif lower.endswith("y") and lower[-2:-1] not in set("aeiou"):
        plural = last[:-1] + "ies"
    elif lower.endswith(("ss", "sh", "ch", "x")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def display_name(term: Term) -> str:
    """How a term is named in boxes and the word list: initials written out."""
    name = term.acronym_for or term.term
    return name[0].upper() + name[1:]


def _words_for_initials(before: str, initials: str) -> str | None:
    """The words just before a bracket whose first letters spell the initials.

    "profound and multiple learning disabilities (PMLD)": small joining words
    ("and", "of") are skipped when they do not supply a letter.
    """
    tokens = before.rstrip().split()
    wanted = len(initials) - 1
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index].strip("\"'‘’“”")
        if wanted >= 0 and word[:1].lower() == initials[wanted].lower():
            wanted -= 1
            if wanted < 0:
                return " ".join(tokens[index:])
        elif word.lower() not in {"of", "and", "for", "the", "&", "with", "in"}:
            return None
    return None


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "&", "with", "in", "a", "an", "to", "on"})


def _names_it(before: str, words: str) -> bool:
    """The first two main words of ``words`` are among the last 12 words before."""
    main = [w.lower() for w in re.findall(r"[\w’']+", words) if w.lower() not in _SMALL_WORDS]
    near = {w.lower() for w in re.findall(r"[\w’']+", before)[-12:]}
    return len(main) >= 2 and main[0] in near and main[1] in near


def _forms(term: Term) -> list[str]:
    """Every way a term can appear: its forms, simple plurals, and initials written out."""
    forms = list(term.forms())
    forms.extend(f + "s" for f in term.forms() if not _is_initials(f) and not f.endswith("s"))
    if term.acronym_for:
        forms.append(term.acronym_for)
        forms.extend(f + "s" for f in term.forms() if _is_initials(f))
    return forms


@lru_cache(maxsize=16)
def _index(terms: tuple[Term, ...]) -> tuple[dict[str, Term], frozenset[str], int]:
    """Lookup tables for a glossary, built once per glossary, not once per document."""
    by_form: dict[str, Term] = {}
    for term in terms:
        for form in _forms(term):
            key = _key(form) if _is_initials(form) else _key(form).lower()
            by_form.setdefault(key, term)
    keys = [k for k in by_form if k]
    first_words = frozenset(_TOKEN.match(k).group().lower() for k in keys if _TOKEN.match(k))
    longest = max((len(_TOKEN.findall(k)) for k in keys), default=0)
    return by_form, first_words, longest


def _key(text: str) -> str:
    return " ".join(text.split())


def _this_for_the_headword(easy: str, headword: str) -> str:
    """ "[Short breaks] Respite is a break for carers.": the reader saw "short breaks", not
    "respite", so an explanation that starts by naming the headword says "This is" instead.
    (One that names a plainer alias, "A care home is ...", is left as it is.)"""
    pattern = rf"^(?:(?:a|an|the)\s+)?{re.escape(headword)}\s+(is|means|are)\b"
    opening = {"is": "This is", "means": "This means", "are": "These are"}
    return re.sub(pattern, lambda m: opening[m.group(1).lower()], easy, count=1, flags=re.I)
