"""The picture picker on the check page: for each row, the picture chosen now, "No picture",
a search by what a picture shows or means, and the pictures found (or suggested from the
row's own words). Works as a plain form; htmx only fills in one row's results as people type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from forum_site.services.easy_read import editable_text
from forum_site.services.easy_read_pictures import (
    PictureOption,
    find_pictures,
    picture_option,
    suggested_pictures,
)

_ROW = re.compile(r"^(s\d+_\d+)_find$")


@dataclass(frozen=True)
class Picker:
    row: str  # "s0_2": the row's fields are s0_2_text, s0_2_pic and s0_2_find
    choice: object  # the RadioField
    search_field: object  # the SearchField
    chosen: PictureOption | None
    search: str
    found: list[PictureOption]
    suggested: list[PictureOption]
    kept: PictureOption | None = None  # htmx: a choice from earlier results, kept in the results


def for_rows(form, rows) -> dict[str, Picker]:
    return {f"s{s}_{i}": _picker(form, f"s{s}_{i}", item) for s, i, item in rows}


def _picker(form, row: str, item) -> Picker:
    choice, search_field = form[f"{row}_pic"], form[f"{row}_find"]
    chosen_id = choice.data or None
    search = (search_field.data or "").strip()
    return Picker(
        row=row,
        choice=choice,
        search_field=search_field,
        chosen=picture_option(chosen_id),
        search=search,
        found=find_pictures(search, leave_out=chosen_id) if search else [],
        suggested=[] if search else suggested_pictures(" ".join(editable_text(item)), chosen_id),
    )


def row_of(trigger: str) -> str | None:
    """The row whose search box htmx says was typed in ("s0_2_find" -> "s0_2")."""
    match = _ROW.match(trigger or "")
    return match.group(1) if match else None
