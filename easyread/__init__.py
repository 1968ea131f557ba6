"""Plain-language checks and the easy-read renderer.

Pure Python: this package never imports Flask, so the web app, the PDF builder
and the command line all share one implementation.
"""


def __getattr__(name: str):
    """``easyread.check(text, level=...)``, imported on first use (it loads word data)."""
    if name == "check":
        from easyread.checker import check

        return check
    raise AttributeError(f"module 'easyread' has no attribute {name!r}")
