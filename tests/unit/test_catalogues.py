"""The translation catalogues: one per offered language, compiling, placeholders intact,
and the compiled files in step with the catalogues they come from."""

import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from config.settings import DEFAULTS

FOLDER = Path(__file__).resolve().parents[2] / "translations"
LANGUAGES = [code for code in DEFAULTS["LANGUAGES"] if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")


def _catalogue(code):
    with (FOLDER / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_a_catalogue_with_intact_placeholders(code):
    catalogue = _catalogue(code)
    broken = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check() if errors]
    assert broken == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_is_up_to_date(code):
    catalogue = _catalogue(code)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    with (FOLDER / code / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        shipped = read_mo(handle)
    compiled.seek(0)
    fresh = read_mo(compiled)
    wanted = {_key(m.id): _key(m.string) for m in fresh if m.id}
    have = {_key(m.id): _key(m.string) for m in shipped if m.id}
    assert have == wanted, "run: pybabel compile -d translations"


def _key(value):
    return tuple(value) if isinstance(value, list | tuple) else value


@pytest.mark.parametrize("code", LANGUAGES)
def test_drafts_keep_the_english_placeholders(code):
    drafts = json.loads((FOLDER / "drafts" / f"{code}.json").read_text(encoding="utf-8"))
    wrong = {}
    for english, translated in drafts.items():
        forms = [translated] if isinstance(translated, str) else translated
        wanted = set(PLACEHOLDER.findall(english))
        for form in forms:
            if set(PLACEHOLDER.findall(form)) - wanted or (
                isinstance(translated, str) and set(PLACEHOLDER.findall(form)) != wanted
            ):
                wrong[english] = form
    assert wrong == {}
