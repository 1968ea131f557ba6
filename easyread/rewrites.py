"""Rewrites that simplify a whole sentence before it is cut (issue 13: simplify, don't reformat).

* Passive with a named agent -> active: "The bid was rejected by the panel." ->
  "The panel rejected the bid." Only when the thing done to and the agent are short
  noun phrases; anything else is left alone.
* Meta-comments that carry no fact are dropped ("It should be noted that X" -> "X");
  frames that hide who speaks name us ("It is proposed that" -> "We propose that").
  Hedges that carry doubt ("may", "arguably") are kept: dropping them would add certainty.

* Offers to the people the easy read is for speak to them: "Service users will be able to
  choose" -> "You will be able to choose"; "Residents would be invited to" -> "You would be
  invited to". Only for a plural group at the start, with a modal or "are invited/asked";
  never when another group in the sentence could own "their".

Every rewrite keeps every number and name; the caller checks the result with the
grammar guard and keeps the writer's sentence if the guard says no.
"""

from __future__ import annotations

import re
from functools import lru_cache

from easyread.readability import zipf
from easyread.verbs import verb_base


def _set_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


_META = [
    (r"it should be noted that\s+", ""),
    (r"it is worth (?:noting|saying|remembering) that\s+", ""),
    (r"it is important to (?:be clear|note|say|stress) that\s+", ""),
    (r"(?:members|the (?:board|committee|cabinet)) (?:should|will|may) (?:be aware|wish to note|"
     r"want to note) that\s+", ""),
    (r"please (?:note|be aware) that\s+", ""),
    (r"it is proposed that\s+", "We propose that "),
    (r"it is recommended that\s+", "We recommend that "),
    (r"it is (?:anticipated|expected) that\s+", "We expect that "),
    (r"it is (?:estimated) that\s+", "We estimate that "),
    (r"it is (?:clear|evident) that\s+", ""),
    (r"it is fair to say that\s+", ""),
    (r"it goes without saying that\s+", ""),
    (r"to put it mildly,\s+", ""),
    (r"needless to say,\s+", ""),
    (r"going forward,\s+", "From now on, "),
]  # fmt: skip
_META_PATTERNS = [(re.compile(r"^" + p, re.IGNORECASE), r) for p, r in _META]

_IRREGULAR_PAST = {
    "given": "gave", "taken": "took", "seen": "saw", "written": "wrote", "chosen": "chose",
    "drawn": "drew", "run": "ran", "done": "did", "shown": "showed", "known": "knew",
    "made": "made", "paid": "paid", "held": "held", "found": "found", "led": "led",
    "kept": "kept", "told": "told", "sent": "sent", "built": "built", "bought": "bought",
    "set": "set", "put": "put", "brought": "brought", "won": "won", "sold": "sold",
    "spent": "spent", "met": "met", "heard": "heard", "thought": "thought",
}  # fmt: skip
_IRREGULAR_BASE = {
    "given": "give", "taken": "take", "seen": "see", "written": "write", "chosen": "choose",
    "drawn": "draw", "run": "run", "done": "do", "shown": "show", "known": "know", "made": "make",
    "paid": "pay", "held": "hold", "found": "find", "led": "lead", "kept": "keep", "told": "tell",
    "sent": "send", "built": "build", "bought": "buy", "set": "set", "put": "put",
    "brought": "bring", "won": "win", "sold": "sell", "spent": "spend", "met": "meet",
    "heard": "hear", "thought": "think",
}  # fmt: skip
_PARTICIPLE = r"[a-z]+ed|" + "|".join(_IRREGULAR_PAST)
_PASSIVE = re.compile(
    r"^(?P<subject>[^,;:()\"“”]{3,70}?)\s+(?P<aux>was|were|has been|have been|is|are|will be)\s+"
    r"(?P<adverb>(?:also|then|already|jointly|formally|independently|now)\s+)?"
    rf"(?P<verb>{_PARTICIPLE})(?P<particle>\s+(?:out|up|down|off|back|forward))?\s+by\s+(?P<agent>[^,;:()\"“”]{{2,80}}?)"
    r"(?P<rest>(?:\s+(?:on|in|at|during|between|after|before|because|when|last|this|next|"
    r"under|through|across|within|since|until|and then)\b|[,;:.!?]|$).*)$",
    re.DOTALL,
)
_DETERMINER_START = re.compile(
    r"^(?:The|This|That|These|Those|A|An|Our|Their|Its|Each|Every|All|Some|Most|Many|Two|Three)\b"
)
_RELATIVE_STARTS = _set_of("who which whose where when while")
_SUBJECT_PRONOUNS = _set_of("i we you they he she it there")
_OPENERS = _set_of(
    "at in on for from by with during after before under over since until currently now "
    "today meanwhile also then still already yesterday recently"
)
_NOT_AGENT = _set_of("which who that it they we this there")
_BAD_SUBJECT = re.compile(r"\b(?:which|who|that|if|when|because|and|or|but|it|there)\b", re.I)


def drop_meta_comment(sentence: str) -> str:
    """ "It should be noted that the plan was agreed." -> "The plan was agreed." """
    for pattern, replacement in _META_PATTERNS:
        match = pattern.match(sentence)
        if match:
            rest = sentence[match.end() :]
            if not rest.strip():
                return sentence
            if replacement:
                return replacement + rest
            return rest[:1].upper() + rest[1:]
    return sentence


@lru_cache(maxsize=4096)
def passive_to_active(sentence: str) -> str:
    """ "The bid was rejected by the panel." -> "The panel rejected the bid." (else unchanged)."""
    match = _PASSIVE.match(sentence.strip())
    if not match:
        return sentence
    subject, agent = match.group("subject"), match.group("agent").strip()
    if not _good_subject(subject) or not _good_agent(agent):
        return sentence
    if re.match(r"^,\s*(?:who|which|whose)\b", match.group("rest")):
        return sentence  # the aside belongs to the agent: moving it would change who is meant
    if _agent_goes_on(match.group("rest")):
        return sentence  # "by visits, a survey and interviews": the agent is a list
    verb = _active_verb(match.group("aux"), match.group("verb"), agent)
    if verb is None:
        return sentence
    adverb = match.group("adverb") or ""
    done_to = _lower_start(subject)
    agent = agent[:1].upper() + agent[1:]
    particle = match.group("particle") or ""
    return f"{agent} {adverb}{verb}{particle} {done_to}{match.group('rest')}"


def _agent_goes_on(rest: str) -> bool:
    """After a comma, a stretch with "and"/"or" but no verb continues the agent as a list."""
    from easyread.verbs import AUXILIARIES

    if not rest.startswith(","):
        return False
    stretch = re.split(r"[;:.!?]", rest[1:], maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[\w’']+", stretch)]
    if not words or words[0].endswith("ing") or words[0] in _RELATIVE_STARTS:
        return False
    clause = any(
        w in AUXILIARIES or w in _SUBJECT_PRONOUNS or (w.endswith("ed") and verb_base(w))
        for w in words
    )
    return bool(re.search(r"\s(?:and|or)\s", stretch)) and not clause


def _good_subject(subject: str) -> bool:
    words = subject.split()
    if words and words[0].lower() in _OPENERS:
        return False  # "At present these services": the subject starts after the opener
    return 1 <= len(words) <= 8 and not _BAD_SUBJECT.search(subject)


def _good_agent(agent: str) -> bool:
    words = agent.split()
    if not 1 <= len(words) <= 9 or words[0].lower() in _NOT_AGENT:
        return False
    verbs = {"is", "are", "was", "were", "be", "been", "has", "have", "who", "which", "that"}
    return not any(w.lower() in verbs for w in words)


def _active_verb(aux: str, participle: str, agent: str) -> str | None:
    base = _IRREGULAR_BASE.get(participle) or verb_base(participle)
    if base is None:
        return None
    plural = _plural(agent)
    if aux in {"was", "were"}:
        return _IRREGULAR_PAST.get(participle, participle)
    if aux in {"has been", "have been"}:
        return f"{'have' if plural else 'has'} {participle}"
    if aux == "will be":
        return f"will {base}"
    return base if plural else _third_person(base)


def _plural(agent: str) -> bool:
    words = agent.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return " and " in f" {agent.lower()} " or (head.endswith("s") and not head.endswith("ss"))


def _third_person(base: str) -> str:
    if base.endswith("y") and base[-2:-1] not in set("aeiou"):
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "o")):
        return base + "es"
    return base + "s"


def _lower_start(subject: str) -> str:
    """The thing done to, moved after the verb: "The bid" -> "the bid", "Visits" -> "visits"."""
    if _DETERMINER_START.match(subject):
        return subject[0].lower() + subject[1:]
    first = subject.split()[0]
    if first[1:].islower() and zipf(first.lower()) >= 3.5:
        return subject[0].lower() + subject[1:]
    return subject


_READERS = (
    r"(?:service users|people who use (?:the |our |these |this |council |social care )?services?|"
    r"residents|patients|carers|tenants|the public|local people|people)"
)
_TO_READER = re.compile(
    r"^(?P<opener>(?:(?:Under|From|After|In|If|When|Once|With|Through|During|By|As part of|"
    r"Then|Also|From now on)\b[^,]{0,40},\s+)?)"
    rf"(?P<who>{_READERS}(?:,\s+{_READERS})*"
    rf"(?:,?\s+and\s+{_READERS})?)\s+(?P<verb>(?:also\s+)?(?:will|would|can|could|may|might|"
    r"should)\s+|(?:also\s+)?are\s+(?:invited|asked|welcome|encouraged)\b)",
    re.IGNORECASE,
)
_OTHER_PEOPLE = re.compile(
    r"\b(?:staff|providers?|workers?|families|family|councillors|members|officers|"
    r"professionals|advocates|doctors|nurses|therapists|trainers?|partners|commissioners)\b",
    re.IGNORECASE,
)
_THEIR = {"their": "your", "they": "you", "them": "you", "themselves": "yourselves"}


def speak_to_reader(sentence: str) -> str:
    """ "Residents will be able to ask for help." -> "You will be able to ask for help." """
    match = _TO_READER.match(sentence)
    if not match:
        return sentence
    if match.group("who").lower() == "people" and not match.group("opener"):
        return sentence  # bare "People can ..." is often a statement about others
    rest = sentence[match.end("who") :]
    pronouns = re.search(r"\b(?:their|they|them|themselves)\b", rest, re.IGNORECASE)
    if pronouns and _OTHER_PEOPLE.search(rest[: pronouns.start()]):
        return sentence  # "ask staff to change their rota": "their" might be the staff's
    rest = re.sub(r"\b(their|they|them|themselves)\b", lambda m: _THEIR[m.group(1).lower()], rest)
    opener = match.group("opener")
    you = "you" if opener else "You"
    return f"{opener}{you}{rest}"
