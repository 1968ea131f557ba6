"""The easy-read renderer's fixed words, in the reader's language.

The words are the renderer's own (``easyread.render.LABELS``; easyread never imports
forum_site); the web pages and the PDFs both take them from here, translated."""

from __future__ import annotations

from easyread.render import LABELS
from forum_site.words import translate


def renderer_labels() -> dict[str, str]:
    return {key: translate(text) for key, text in LABELS.items()}
