"""Copy the pictures our concept map uses out of node_modules into easyread/symbols/.

Run from the project root after ``npm ci`` (re-runnable; it rewrites the folder):

    python -m easyread.symbols.extract

It reads ``easyread/data/concepts.toml``, takes each picture id ("hi-home" is
Health Icons' "home", "fe-bus" is Fluent Emoji Flat's "bus"), writes a standalone
SVG with a viewBox to ``svg/<id>.svg``, and records source, licence, author and
sha256 in ``symbols.json`` (ER-17). Only MIT or Apache-2.0 sets are accepted, and
an icon with a script, event handler or outside link is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
PROJECT = HERE.parent.parent
CONCEPTS = HERE.parent / "data" / "concepts.toml"
SETS = {
    "hi": "@iconify-json/healthicons",
    "fe": "@iconify-json/fluent-emoji-flat",
}
ALLOWED_LICENCES = {"MIT", "Apache-2.0"}
_UNSAFE = re.compile(r"<script|<foreignObject|\son\w+\s*=|href\s*=\s*[\"'](?!#)", re.I)


def load_set(package: str, node_modules: Path) -> dict:
    folder = node_modules / package
    icons = json.loads((folder / "icons.json").read_text(encoding="utf-8"))
    info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    if info["license"]["spdx"] not in ALLOWED_LICENCES:
        raise SystemExit(f"{package} is {info['license']['spdx']}: not allowed in this project")
    return {"icons": icons, "info": info, "version": version, "package": package}


def icon_body(icon_set: dict, name: str) -> tuple[str, int, int]:
    """The icon's SVG body and size, following Iconify aliases."""
    icons = icon_set["icons"]
    seen = 0
    while name not in icons["icons"]:
        name = icons["aliases"][name]["parent"]
        seen += 1
        if seen > 5:
            raise KeyError(name)
    icon = icons["icons"][name]
    width = icon.get("width", icons.get("width", 16))
    height = icon.get("height", icons.get("height", 16))
    return icon["body"], width, height


def standalone_svg(picture_id: str, body: str, width: int, height: int) -> str:
    """A complete SVG file; inner ids get the picture id in front so pages stay valid."""
    if _UNSAFE.search(body):
        raise ValueError(f"{picture_id}: unsafe markup in the icon")
    body = re.sub(r'\bid="([^"]+)"', rf'id="{picture_id}-\1"', body)
    body = re.sub(r"url\(#([^)]+)\)", rf"url(#{picture_id}-\1)", body)
    body = re.sub(r'href="#([^"]+)"', rf'href="#{picture_id}-\1"', body)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="96" height="96">{body}</svg>\n'
    )


def read_concepts(path: Path = CONCEPTS) -> list[dict]:
    with path.open("rb") as handle:
        return tomllib.load(handle)["concept"]


def extract(node_modules: Path = PROJECT / "node_modules", out: Path = HERE) -> list[dict]:
    sets = {prefix: load_set(package, node_modules) for prefix, package in SETS.items()}
    by_picture: dict[str, list[dict]] = {}
    for concept in read_concepts():
        by_picture.setdefault(concept["picture"], []).append(concept)
    svg_dir = out / "svg"
    svg_dir.mkdir(parents=True, exist_ok=True)
    for old in svg_dir.glob("*.svg"):
        old.unlink()
    records = [_write(pid, concepts, sets, svg_dir) for pid, concepts in sorted(by_picture.items())]
    manifest = {
        "about": "Pictures bundled with easyread. Written by extract.py.",
        "symbols": records,
    }
    (out / "symbols.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    (out / "NOTICE.md").write_text(notice(sets.values()), encoding="utf-8")
    return records


MIT_TEXT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""


def notice(icon_sets) -> str:
    """The licence notice that must travel with the pictures (ER-17)."""
    parts = ["# Pictures bundled with easyread\n"]
    for icon_set in icon_sets:
        info = icon_set["info"]
        licence = info["license"]
        parts.append(
            f"## {info['name']}\n\n"
            f"From the npm package {icon_set['package']}@{icon_set['version']}, "
            f"upstream {info['author']['url']}.\n"
            f"Licence: {licence['spdx']} ({licence['url']}).\n\n"
            f"Copyright (c) {info['author']['name']}\n\n"
            + (MIT_TEXT if licence["spdx"] == "MIT" else "See the licence named above.\n")
        )
    return "\n".join(parts)


def _write(picture_id: str, concepts: list[dict], sets: dict, svg_dir: Path) -> dict:
    prefix, name = picture_id.split("-", 1)
    icon_set = sets[prefix]
    svg = standalone_svg(picture_id, *icon_body(icon_set, name))
    (svg_dir / f"{picture_id}.svg").write_text(svg, encoding="utf-8")
    info = icon_set["info"]
    return {
        "id": picture_id,
        "concepts": [c["name"] for c in concepts],
        "words": [w for c in concepts for w in c["words"]][:12],
        "set": info["name"],
        "icon": name,
        "package": f"{icon_set['package']}@{icon_set['version']}",
        "licence": info["license"]["spdx"],
        "licence_url": info["license"]["url"],
        "author": info["author"]["name"],
        "author_url": info["author"]["url"],
        "sha256": hashlib.sha256(svg.encode("utf-8")).hexdigest(),
    }


def main() -> int:
    records = extract()
    total = sum((HERE / "svg" / f"{r['id']}.svg").stat().st_size for r in records)
    print(f"Wrote {len(records)} pictures ({total / 1024:.0f} KiB) and symbols.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
