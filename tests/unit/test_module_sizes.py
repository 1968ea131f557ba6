"""No module over 400 lines (issue 12): a module that grows past it is split by what it
holds. Released migrations are left as they are (they are never rewritten)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MOST_LINES = 400


def test_no_module_is_over_400_lines():
    modules = [
        path
        for folder in ("forum_site", "easyread")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    ]
    assert len(modules) > 100
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
