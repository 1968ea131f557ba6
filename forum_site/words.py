"""Words marked for translation where they are written, and translated when they are shown.

``_l("...")`` marks a message for ``pybabel extract -k _l`` and returns ``LazyWords``: it
becomes text in the reader's language only when it is shown (``str()``, a template, a
form). Pure Python, so services, models and the vocabulary modules can use it without
Flask; the web layer installs the translator (Flask-Babel's ``gettext``) when the app is
made. Without one, the English is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import escape

_translator: dict[str, Callable[[str], str]] = {"gettext": lambda text: text}


def install_translator(gettext: Callable[[str], str]) -> None:
    _translator["gettext"] = gettext


def translate(text: Any) -> str:
    """Text in the reader's language: LazyWords, or a msgid kept somewhere else."""
    if isinstance(text, LazyWords):
        return str(text)
    return _translator["gettext"](str(text))


class LazyWords:
    """A message and its values, turned into the reader's language each time it is shown."""

    __slots__ = ("msgid", "values")

    def __init__(self, msgid: str, **values: Any) -> None:
        self.msgid = msgid
        self.values = values

    def __str__(self) -> str:
        text = _translator["gettext"](self.msgid)
        if not self.values:
            return text
        return text % {key: str(value) for key, value in self.values.items()}

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __repr__(self) -> str:
        return f"_l({self.msgid!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyWords):
            return (self.msgid, self.values) == (other.msgid, other.values)
        return str(self) == other

    def __hash__(self) -> int:
        return hash(self.msgid)

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __mod__(self, values: object) -> str:
        # WTForms' validators fill their message in with % (Length gives min, max, length).
        return str(self) % values

    def __len__(self) -> int:
        return len(str(self))

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __getattr__(self, name: str) -> Any:
        # str's methods (lower, startswith, format...) work on the translated text.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(str(self), name)


def _l(msgid: str, **values: Any) -> LazyWords:
    return LazyWords(msgid, **values)
