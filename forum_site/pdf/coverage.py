"""Which characters our PDFs can really print.

WeasyPrint falls back to any system font for characters our bundled fonts lack. When no
font at all has a character (Chinese on a server without a CJK font, say), the PDF gets
empty boxes and its text can no longer be copied or read aloud. So we check first, print
"?" for such characters and say so on the first page, rather than make a broken PDF.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

BUNDLED_FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
_TAG = re.compile(r"<[^>]*>")
_ALWAYS = {"\n", "\r", "\t", " ", "\u00a0", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f"}


@lru_cache(maxsize=1)
def printable_characters() -> frozenset[int]:
    """Code points some font here can draw: ours plus what fontconfig knows about."""
    covered: set[int] = set()
    for path in sorted(BUNDLED_FONTS.glob("*.woff2")) + _system_font_files():
        covered |= _cmap(path)
    return frozenset(covered)


def _system_font_files() -> list[Path]:
    """Font files fontconfig knows, asked through WeasyPrint's own fontconfig binding
    (the ``fc-list`` program may not be installed where the library is)."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = fontconfig.FcInitLoadConfigAndFonts()
    try:
        fonts = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem)
        files = set()
        for index in range(fonts.nfont if fonts != ffi.NULL else 0):
            found = ffi.new("FcChar8 **")
            if fontconfig.FcPatternGetString(fonts.fonts[index], b"file", 0, found) == 0:
                files.add(Path(ffi.string(found[0]).decode()))
        return sorted(files)
    finally:
        fontconfig.FcConfigDestroy(config)


def _cmap(path: Path) -> set[int]:
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            fonts = TTCollection(str(path), lazy=True).fonts
        else:
            fonts = [TTFont(str(path), lazy=True)]
        found: set[int] = set()
        for font in fonts:
            found |= set(font.getBestCmap() or {})
        return found
    except Exception:  # a broken or odd font file must not stop printing
        return set()


def unprintable(html: str) -> set[str]:
    """Characters in the page's text (not its markup) that no font can draw."""
    text = _TAG.sub(" ", html)
    covered = printable_characters()
    return {
        ch for ch in set(text) if ch not in _ALWAYS and ord(ch) > 127 and ord(ch) not in covered
    }


def replace_unprintable(html: str, missing: set[str]) -> str:
    return "".join("?" if ch in missing else ch for ch in html)
