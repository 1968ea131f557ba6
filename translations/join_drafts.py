"""Join the draft translations of two branches after a merge conflict in drafts/*.json.

Both sides only add strings, so the answer is the union; where both drafted the same
string differently, ours (HEAD) is kept. Then make the catalogues again from the merged
code (the .po and .mo files are generated, never merged by hand):

    python translations/join_drafts.py OTHER_BRANCH
    pybabel extract -F config/babel.cfg -k _l -o translations/messages.pot .
    pybabel update -N -i translations/messages.pot -d translations
    python translations/fill.py && pybabel compile -d translations
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fill import LANGUAGES  # translations/fill.py, beside this file

HERE = Path(__file__).parent


def _at(revision: str, path: Path) -> dict:
    relative = path.resolve().relative_to(HERE.parent.resolve()).as_posix()
    shown = subprocess.run(
        ["git", "show", f"{revision}:{relative}"], capture_output=True, check=True, text=True
    )
    return json.loads(shown.stdout)


def join(other: str) -> None:
    for language in LANGUAGES:
        path = HERE / "drafts" / f"{language}.json"
        ours, theirs = _at("HEAD", path), _at(other, path)
        joined = dict(sorted({**theirs, **ours}.items()))
        text = json.dumps(joined, ensure_ascii=False, indent=1) + "\n"
        path.write_text(text, encoding="utf-8")
        print(f"{language}: {len(ours)} ours, {len(theirs)} theirs, {len(joined)} joined")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    join(sys.argv[1])
