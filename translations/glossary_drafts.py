"""The team's draft translations of the glossary's most common words.

"Most common" is counted, not guessed: how often each term (or one of its other forms)
appears in the commissioning prose we keep for testing easy read
(tests/unit/easyread/hard_corpus, written by the team in the style of council and NHS
papers), the demo content and the glossary's own explanations. Ties go to the term listed
first in the glossary.

    python translations/glossary_drafts.py choose         # writes translations/glossary/common.txt
    python translations/glossary_drafts.py join LANG FILE # a translator's JSON becomes LANG.json
    python translations/glossary_drafts.py --check        # fails on a missing or stale draft

A translator's JSON maps each English term to {"name", "plain", "easy"}. Joining adds the
fingerprint of the English each draft was made from, so the site can say when the English
changed after it was translated, and --check fails until the draft is made again.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forum_site.services.content_translations import KINDS, source_hash  # noqa: E402

GLOSSARY = ROOT / "easyread" / "data" / "glossary.toml"
FOLDER = ROOT / "translations" / "glossary"
COMMON = FOLDER / "common.txt"
LANGUAGES = ("cy", "pl", "ar", "so", "ur")
HOW_MANY = 150
SOURCES = [ROOT / "tests" / "unit" / "easyread" / "hard_corpus", ROOT / "forum_site" / "demo"]
FIELDS = ("name", "plain", "easy")


def glossary_terms() -> dict[str, dict]:
    terms = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["term"]
    return {t["term"]: t for t in terms}


def english_of(term: dict) -> dict[str, str]:
    """What the site fingerprints for a glossary word: its glossary kind's own English."""
    entry = SimpleNamespace(plain=term.get("plain", ""), easy=term.get("easy", ""))
    return KINDS["glossary"].english(entry)


def _texts() -> str:
    parts = []
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.suffix in {".md", ".txt", ".py"}:
                parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts).lower()


def ranked_terms() -> list[str]:
    terms = list(glossary_terms().values())
    text = _texts()
    glossary_text = " ".join(f"{t.get('plain', '')} {t.get('easy', '')}" for t in terms).lower()
    counts = []
    for order, term in enumerate(terms):
        forms = {term["term"].lower(), *(a.lower() for a in term.get("aliases", []))}
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms)) + r")\b")
        found = len(pattern.findall(text)) + len(pattern.findall(glossary_text))
        counts.append((-found, order, term["term"]))
    return [name for _, _, name in sorted(counts)[:HOW_MANY]]


def common_terms() -> list[str]:
    return [line for line in COMMON.read_text(encoding="utf-8").splitlines() if line]


def join(language: str, source: Path) -> None:
    words = json.loads(source.read_text(encoding="utf-8"))
    terms = glossary_terms()
    out = {}
    for name in common_terms():
        draft = words[name]
        out[name] = {field: draft[field].strip() for field in FIELDS}
        out[name]["from"] = source_hash(english_of(terms[name]))
    data = {
        "about": "Draft translations by the forum-site team. No fluent speaker has checked them.",
        "language": language,
        "made": date.today().isoformat(),
        "terms": out,
    }
    path = FOLDER / f"{language}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(out)} drafts to {path}")


def problems() -> list[str]:
    # The list was chosen once by counting (``choose``); adding test prose later does not
    # make it stale, but a listed word must still be in the glossary.
    terms = glossary_terms()
    found = [
        f"{name!r} is no longer in the glossary" for name in common_terms() if name not in terms
    ]
    if len(common_terms()) != HOW_MANY:
        found.append(f"{COMMON} should list {HOW_MANY} words")
    for language in LANGUAGES:
        path = FOLDER / f"{language}.json"
        if not path.exists():
            found.append(f"{path} is missing")
            continue
        drafts = json.loads(path.read_text(encoding="utf-8"))["terms"]
        for name in common_terms():
            draft = drafts.get(name)
            if draft is None or not all(draft.get(field, "").strip() for field in FIELDS):
                found.append(f"{language}: no full draft for {name!r}")
            elif draft["from"] != source_hash(english_of(terms[name])):
                found.append(f"{language}: the English of {name!r} changed after its draft")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["choose"]:
        COMMON.write_text("\n".join(ranked_terms()) + "\n", encoding="utf-8")
        print(f"wrote {HOW_MANY} terms to {COMMON}")
        return 0
    if argv[:1] == ["join"] and len(argv) == 3:
        join(argv[1], Path(argv[2]))
        return 0
    if argv[:1] == ["--check"]:
        found = problems()
        print("\n".join(found) or "every common word has a current draft in every language")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
