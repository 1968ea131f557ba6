"""The bundled pictures: licences, checksums, the concept map and picture choice."""

import hashlib
import json
import re
import tomllib
from pathlib import Path

import pytest

from easyread import pictures
from easyread.pictures import alt_text, concept_for, picture_for, svg_markup, symbol_credits

SYMBOLS = Path(pictures.__file__).parent / "symbols"
MANIFEST = json.loads((SYMBOLS / "symbols.json").read_text(encoding="utf-8"))["symbols"]
CONCEPTS = tomllib.loads(pictures.CONCEPTS_FILE.read_text(encoding="utf-8"))["concept"]


def test_every_svg_is_listed_with_the_right_checksum():
    listed = {record["id"]: record for record in MANIFEST}
    files = {path.stem: path for path in (SYMBOLS / "svg").glob("*.svg")}
    assert set(files) == set(listed)
    for picture_id, path in files.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == listed[picture_id]["sha256"]


@pytest.mark.parametrize("record", MANIFEST, ids=lambda r: r["id"])
def test_every_picture_has_an_allowed_licence_and_its_source(record):
    assert record["licence"] in {"MIT", "Apache-2.0"}
    assert record["author"] and record["licence_url"].startswith("https://")
    assert re.fullmatch(r"@iconify-json/[a-z-]+@\d+\.\d+\.\d+", record["package"])


@pytest.mark.parametrize("path", sorted((SYMBOLS / "svg").glob("*.svg")), ids=lambda p: p.stem)
def test_every_svg_stands_alone_and_is_safe(path):
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<svg ") and 'viewBox="0 0 ' in svg
    assert not re.search(r"<script|\son\w+=|<foreignObject|href=\"http", svg, re.I)


def test_bundled_pictures_stay_small():
    total = sum(path.stat().st_size for path in (SYMBOLS / "svg").glob("*.svg"))
    assert total < 2 * 1024 * 1024


def test_at_least_200_concepts_each_with_an_existing_picture():
    assert len(CONCEPTS) >= 200
    listed = {record["id"] for record in MANIFEST}
    assert all(concept["picture"] in listed for concept in CONCEPTS)


def test_each_word_belongs_to_one_concept_only():
    seen: dict[str, str] = {}
    for concept in CONCEPTS:
        for word in concept["words"]:
            assert word not in seen, f"{word!r} is in {seen.get(word)} and {concept['name']}"
            seen[word] = concept["name"]


@pytest.mark.parametrize(
    "concept",
    ["meeting", "money", "council", "doctor", "hospital", "home", "transport", "bus", "food",
     "vote", "listen", "change", "question", "phone", "help", "wheelchair", "medicine", "carer",
     "family", "child", "older person", "write", "read", "letter", "email", "computer", "date",
     "time", "decision", "agree", "disagree", "safe", "happy", "sad", "angry", "worried"],
)  # fmt: skip
def test_concepts_our_users_need_are_there(concept):
    assert concept in {c["name"] for c in CONCEPTS}


@pytest.mark.parametrize(
    ("text", "picture"),
    [
        ("We will have a meeting on Monday.", "hi-group-discussion-meeting"),
        ("You can use your personal budget for a carer.", "fe-purse"),
        ("Older people told us they feel lonely.", "hi-elderly"),
        ("Take the bus to the hospital.", "fe-bus"),
        ("Meet us at 2pm.", "hi-group-discussion-meeting"),
    ],
)
def test_picture_for_picks_the_most_specific_concept(text, picture):
    assert picture_for(text) == picture


def test_general_concepts_only_when_nothing_else_matches():
    assert concept_for("People can come to the meeting.").name == "meeting"
    assert concept_for("People can come.").name == "people"


def test_same_concept_same_picture_every_time():
    assert picture_for("A doctor.") == picture_for("Your doctors are here.") == "hi-doctor"


def test_author_choice_wins():
    assert picture_for("We will have a meeting.", chosen_by_author="fe-bus") == "fe-bus"


def test_no_picture_for_text_with_no_known_words():
    assert picture_for("Zebra xylophone quux.") is None


def test_svg_markup_and_alt_text():
    assert svg_markup("fe-bus").startswith("<svg")
    assert svg_markup("no-such-picture") == ""
    assert alt_text("fe-bus") == "bus"


def test_credits_name_each_set_with_its_licence():
    credits = {group["set"]: group for group in symbol_credits()}
    assert set(credits) == {"Health Icons", "Fluent Emoji Flat"}
    assert credits["Fluent Emoji Flat"]["author"] == "Microsoft Corporation"
    assert all(group["licence"] == "MIT" and group["pictures"] for group in credits.values())


def test_the_licence_notice_travels_with_the_pictures():
    from easyread.pictures import licence_notice

    notice = licence_notice()
    assert "Copyright (c) Microsoft Corporation" in notice
    assert "Copyright (c) Resolve to Save Lives" in notice
    assert notice.count("Permission is hereby granted") == 2
