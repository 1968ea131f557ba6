"""Fill the catalogues from our draft translations, then report what is missing.

The drafts in ``drafts/<language>.json`` map each English string (for plurals, the
singular) to its translation (for plurals, a list with one entry per plural form).
They were written by our team, not by fluent speakers: the site shows every page in
these languages as a draft until a fluent speaker checks it (see /translations).

Run after ``pybabel update -N`` (no guessed "fuzzy" matches; from the project folder):
    .venv/bin/python translations/fill.py && .venv/bin/pybabel compile -d translations
``--check`` changes nothing and exits 1 when a string has no translation.
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).parent
LANGUAGES = ("cy", "pl", "ar", "so", "ur")


def drafts(language: str) -> dict[str, str | list[str]]:
    path = HERE / "drafts" / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def fill(language: str, write: bool = True) -> tuple[int, list[str]]:
    """Returns how many strings were filled and which are still missing."""
    path = HERE / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    words = drafts(language)
    filled, missing = 0, []
    for message in catalog:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else message.id[0]
        wanted = words.get(english)
        if wanted and (_empty(message.string) or "fuzzy" in message.flags):
            message.string = _shaped(wanted, message.string, catalog)
            message.flags.discard("fuzzy")
            filled += 1
        elif _empty(message.string) or "fuzzy" in message.flags:
            missing.append(english)
    if write:
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100)
    return filled, missing


def _empty(string) -> bool:
    return not all(string) if isinstance(string, tuple) else not string


def _shaped(wanted, current, catalog):
    """A string, a list with one entry per plural form, or a dict by CLDR plural
    category ("one", "other"...), shaped to what the catalogue's message needs."""
    if not isinstance(current, tuple):
        return wanted if isinstance(wanted, str) else _first(wanted)
    if isinstance(wanted, dict):
        return tuple(wanted.get(tag, wanted["other"]) for tag in _form_tags(catalog))
    forms = [wanted] if isinstance(wanted, str) else list(wanted)
    return tuple((forms + [forms[-1]] * catalog.num_plurals)[: catalog.num_plurals])


def _first(wanted):
    return wanted.get("one", wanted["other"]) if isinstance(wanted, dict) else wanted[0]


def _form_tags(catalog) -> list[str]:
    """The CLDR category of each of the catalogue's gettext plural forms, found by
    running its Plural-Forms formula and Babel's CLDR rule over sample numbers."""
    form_of = gettext.c2py(catalog.plural_expr)
    seen: list[set[str]] = [set() for _ in range(catalog.num_plurals)]
    for n in range(200):
        seen[form_of(n)].add(catalog.locale.plural_form(n))
    return ["other" if "other" in tags or not tags else min(tags) for tags in seen]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    gaps = 0
    for code in LANGUAGES:
        filled, missing = fill(code, write=not check)
        gaps += len(missing)
        print(f"{code}: filled {filled}, still without a translation {len(missing)}")
    return 1 if check and gaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
