"""Messages born in services are marked for translation where they are written.

A service error reaches the reader as a field message or an error page. Written as a
plain string (or an f-string), it never reaches the catalogue and a reader of Welsh or
Somali sees English. This walks the source of forum_site/services and fails on any
error raised, or handed to a helper, with a bare string literal as its message.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "forum_site" / "services"
# The errors and the helpers that take a message first (name of the callable).
TAKES_A_MESSAGE = {"DomainError", "NotAllowed", "NotFound", "LineError", "fail"}


def _callable_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_bare_text(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value)


def _unmarked(path: Path) -> list[int]:
    """Lines where a message is a bare string."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _callable_name(node) in TAKES_A_MESSAGE
        and node.args
        and _is_bare_text(node.args[0])
    )


def test_every_service_message_is_marked_for_translation():
    found = [
        f"{path.relative_to(SERVICES.parent)}:{line}"
        for path in sorted(SERVICES.rglob("*.py"))
        for line in _unmarked(path)
    ]
    assert found == [], f"wrap these messages in _l(...) from forum_site.words: {found}"


def test_the_check_finds_a_bare_message(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'raise DomainError("Plain words.")\nraise NotFound(_l("Marked."))\nfail(f"x {y}", "f")\n'
    )
    assert _unmarked(sample) == [1, 3]
