"""Glossary jargon (PL-04) and initials not spelled out (PL-06 / ER-05).

All glossary forms are compiled into one regular expression shaped like a trie
(shared prefixes share a branch), so one pass over the text finds every term,
longest first, on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from easyread.checks.base import Document, Finding, normalise
from easyread.checks.patterns import phrase_pattern
from easyread.glossary import Term, slugify
from easyread.inflect import forms as inflected
from easyread.lexicon import entries as lexicon_entries
from easyread.readability import zipf

# Initials readers know well: RULES.md ER-05 / PL-06 allow these without spelling out.
ALLOWED_INITIALS = frozenset({"NHS", "GP", "GPs"})
# Glossary terms with this tag are explained to readers but not flagged to writers.
EVERYDAY_TAG = "everyday"
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "&", "with", "a"})
_INITIALS = re.compile(r"(?<![\w&’'-])([A-Z][A-Z0-9&]*[A-Z0-9])(s?)(?![\w&])")
# Initials with small letters inside: "DoLS", "PbR", "LeDeR", "NHSEi".
_MIXED_INITIALS = re.compile(r"(?<![\w&’'-])((?:[A-Z][a-z]{0,2}){2,4}[A-Z]?)(s?)(?![\w&])")
_SURNAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O)[A-Z][a-z]{2,}$")
_ROMAN = re.compile(r"^[IVX]+$")
_EXPLAINED_AFTER = re.compile(
    r"\s*(?:\((?![A-Z0-9&]+s?\))|,?\s*(?:which |that )?means\b|is when\b)"
)


@dataclass(frozen=True)
class TermMatcher:
    """Finds glossary terms in text: one compiled pattern plus a form -> term index.

    The pattern ignores case; forms written in capitals ("SEND", "ICBs") must
    then match exactly, so "send" is not taken for the initials.
    """

    pattern: re.Pattern
    by_form: dict[str, Term]
    exact_forms: frozenset[str]
    exact_keys: frozenset[str]

    def matches(self, text: str) -> Iterator[tuple[re.Match, Term]]:
        for match in self.pattern.finditer(text):
            key = normalise(match.group())
            term = self.by_form.get(key)
            if term is None:
                continue
            if key in self.exact_keys and _same_case(match.group()) not in self.exact_forms:
                continue
            yield match, term

    def acronym_expansions(self, initials: str) -> tuple[Term | None, list[str]]:
        """The glossary term for these initials and the words they stand for."""
        term = self.by_form.get(normalise(initials))
        if term is None:
            return None, []
        spelled = [f for f in (*term.forms(), term.acronym_for) if f and not _is_initials(f)]
        return term, spelled


def _is_initials(form: str) -> bool:
    """ "ICB", "ICBs", "A&E": forms that must match in capitals ("SEND" is not "send")."""
    letters = form[:-1] if form.endswith("s") else form
    return any(c.isupper() for c in letters) and not any(c.islower() for c in letters)


@lru_cache(maxsize=8)
def matcher_for(terms: tuple[Term, ...]) -> TermMatcher:
    """Build (once per glossary) the pattern for all term forms."""
    by_form: dict[str, Term] = {}
    exact: set[str] = set()
    extra = _lexicon_forms()
    for term in terms:
        for form in (*term.forms(), term.acronym_for):
            if not form or not form.strip():
                continue
            by_form.setdefault(normalise(form), term)
            if _is_initials(form):
                exact.add(_same_case(form))
    for term in terms:  # then every other form: "referrals", "discharged", "re-tendering"
        for form in (*term.forms(), term.acronym_for):
            if form and form.strip() and not _is_initials(form):
                more = inflected(form) | extra.get(normalise(form), set())
                for other in more:
                    by_form.setdefault(normalise(other), term)
    pattern = phrase_pattern(by_form)
    return TermMatcher(pattern, by_form, frozenset(exact), frozenset(map(normalise, exact)))


@lru_cache(maxsize=1)
def _lexicon_forms() -> dict[str, set[str]]:
    """Forms the lexicon gives for words that are glossary terms ("tender (verb)")."""
    return {normalise(e.phrase): set(e.forms) for e in lexicon_entries()}


def _same_case(found: str) -> str:
    return " ".join(found.replace("’", "'").split())


def glossary_spans(doc: Document) -> list[tuple[int, int, Term]]:
    """Every glossary term in the prose, with its span (used by the rare-word check too)."""
    matcher = matcher_for(doc.terms)
    return [(m.start(), m.end(), term) for m, term in matcher.matches(doc.prose)]


def jargon(doc: Document, spans: list[tuple[int, int, Term]]) -> Iterator[Finding]:
    """PL-04: the first use of each glossary term, unless explained or everyday; and the
    first use of each other word for it ("short breaks", then "respite"): readers who were
    told one word are not told the other, and may think it is a different thing."""
    first: dict[str, str] = {}  # term slug -> the word used first ("" if explained)
    seen: dict[str, list[str]] = {}  # term slug -> the forms met so far
    for start, end, term in spans:
        word = doc.text[start:end]
        forms_met = seen.setdefault(_slug(term), [])
        if any(_same_form(_form_key(word), met) for met in forms_met):
            continue
        forms_met.append(_form_key(word))
        if _slug(term) in first:
            # Only when the first word was not explained: an explanation ("respite (a
            # short break)") has told readers the words mean the same; initials have their
            # own check.
            if first[_slug(term)] and not _is_initials(word):
                yield _another_word_finding(doc, term, start, end, first[_slug(term)])
            continue
        if EVERYDAY_TAG in term.tags or _explained_here(doc, term, start, end):
            first[_slug(term)] = ""
            continue
        first[_slug(term)] = word
        yield _jargon_finding(doc, term, start, end)


def _form_key(word: str) -> str:
    """ "Day services" and "day service" are one form; "respite" and "short breaks" are two."""
    return re.sub(r"(?<=\w\w)s\b", "", normalise(word))


def _same_form(one: str, other: str) -> bool:
    """ "consultation" is a form of "formal consultation": one holds the other's words."""
    return f" {one} " in f" {other} " or f" {other} " in f" {one} "


def _another_word_finding(doc: Document, term: Term, start: int, end: int, before: str):
    word = doc.text[start:end]
    message = (
        f'"{word}" means the same as "{before}" earlier. Readers may think they are two '
        "different things: use one of them all through, or say they mean the same."
    )
    return doc.finding("PL-04", "jargon", start, end, message, before, term=_slug(term))


def _slug(term: Term) -> str:
    """Terms built in code may have no slug; the web app links to glossary pages by slug."""
    return term.slug or slugify(term.term)


def _explained_here(doc: Document, term: Term, start: int, end: int) -> bool:
    """Explained by the writer's choice, or in the text: "X means ...", "X (a ...)"."""
    names = (term.term, _slug(term), term.acronym_for, *term.aliases)
    if doc.is_explained(doc.text[start:end], *names):
        return True
    after = _EXPLAINED_AFTER.match(doc.prose, end)
    if not after:
        return False
    bracket = re.match(r"\s*\(([^)]*)\)", doc.prose[end : end + 300])
    if bracket is None:
        return True
    inside = normalise(bracket.group(1))
    return inside not in {normalise(f) for f in (*term.forms(), term.acronym_for) if f}


def _jargon_finding(doc: Document, term: Term, start: int, end: int) -> Finding:
    word = doc.text[start:end]
    if term.jargon_sense:
        message = (
            f'"{word}" has a special meaning in health and social care that readers may '
            "not know. Say what you mean, or explain it the first time."
        )
    else:
        message = (
            f'"{word}" is jargon that many readers will not know. Use plainer words, or '
            "explain it the first time you use it."
        )
    suggestion = term.plain_alternative or None
    return doc.finding("PL-04", "jargon", start, end, message, suggestion, term=_slug(term))


def initials(doc: Document) -> Iterator[Finding]:
    """PL-06 (ER-05 in easy read): initials not spelled out the first time they are used."""
    matcher = matcher_for(doc.terms)
    rule_id = "ER-05" if doc.easy else "PL-06"
    seen: set[str] = set()
    found = [*_INITIALS.finditer(doc.prose), *_mixed_initials(doc.prose)]
    for match in sorted(found, key=lambda m: m.start()):
        letters, token = match.group(1), match.group()
        if letters in seen or token in ALLOWED_INITIALS:
            continue
        term, spelled = matcher.acronym_expansions(token)
        if term is None and not _looks_like_initials(letters):
            continue
        seen.add(letters)
        if doc.is_explained(token, letters) or (term and doc.is_explained(term.term, _slug(term))):
            continue
        if _spelled_out(doc.prose, match, letters, spelled):
            continue
        yield _initials_finding(doc, rule_id, match, term, spelled)


def _mixed_initials(prose: str) -> Iterator[re.Match]:
    """Mixed-case initials, not names ("McDonald") or brands everyone knows ("YouTube")."""
    for match in _MIXED_INITIALS.finditer(prose):
        letters = match.group(1)
        capitals = sum(c.isupper() for c in letters)
        small = sum(c.islower() for c in letters)
        if capitals < 2 or small == 0 or small > capitals or len(letters) > 7:
            continue
        if letters.rstrip("s").isupper() or _SURNAME.match(letters):
            continue  # "ICSs" is found as capitals; "McKay", "DeSouza" are names
        if zipf(letters.lower()) >= 3.0:
            continue
        yield match


def _looks_like_initials(letters: str) -> bool:
    if sum(c.isalpha() for c in letters) < 2 or _ROMAN.match(letters) or letters == "OK":
        return False
    # A shouted ordinary word ("IMPORTANT") is not a set of initials.
    return not (len(letters) >= 4 and letters.isalpha() and zipf(letters.lower()) >= 3.5)


def _initials_finding(doc, rule_id, match, term, spelled) -> Finding:
    token = match.group()
    full = term.acronym_for if term and term.acronym_for else (spelled[0] if spelled else "")
    if full:
        message = (
            f'"{token}" is a set of initials. Write it in full the first time: "{full}". '
            "If you need the initials later, put them in brackets after the full words."
        )
        if token.endswith("s") and not full.endswith("s"):
            full += "s"
        suggestion = full if doc.easy else f"{full} ({token})"
    else:
        message = (
            f'"{token}" looks like initials. Write out what it stands for the first time '
            "you use it, or use plain words instead."
        )
        suggestion = None
    slug = _slug(term) if term else None
    return doc.finding(
        rule_id, "initials", match.start(), match.end(), message, suggestion, term=slug
    )


def _spelled_out(prose: str, match: re.Match, letters: str, spelled: list[str]) -> bool:
    """ "Joint Strategic Needs Assessment (JSNA)" or "JSNA (Joint Strategic ...)"."""
    before = prose[max(0, match.start() - 200) : match.start()]
    after = prose[match.end() : match.end() + 200]
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        preceding = before[: before.rstrip().rfind("(")].rstrip()
        if _ends_with_expansion(preceding, letters, spelled):
            return True
    inside = re.match(r"\s*\(([^)]{3,150})\)", after)
    return bool(inside and _ends_with_expansion(inside.group(1).strip(), letters, spelled, True))


def _ends_with_expansion(text: str, letters: str, spelled: list[str], whole=False) -> bool:
    lower = normalise(text)
    for form in spelled:
        if (lower == normalise(form)) if whole else lower.endswith(normalise(form)):
            return True
    wanted = [c for c in letters if c.isalpha()]
    found = [w for w in re.split(r"[\s\-‐/,]+", text) if w]
    if whole and found and found[0].lower() in _MINOR_WORDS - {"and", "&"}:
        found = found[1:]
    return _initials_match(found, wanted, whole)


def _initials_match(found: list[str], wanted: list[str], whole: bool) -> bool:
    """Walk back from the last word: each word's first letter must match, skipping small words."""
    j = len(wanted) - 1
    i = len(found) - 1
    while j >= 0 and i >= 0:
        word = found[i]
        if word[:1].upper() == wanted[j]:
            j -= 1
        elif word.lower() not in _MINOR_WORDS:
            return False
        i -= 1
    if j >= 0:
        return False
    return not whole or all(w.lower() in _MINOR_WORDS for w in found[: i + 1])
