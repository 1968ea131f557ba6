"""Command line: ``python -m easyread check FILE`` and ``python -m easyread render FILE``."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m easyread", description="Plain-language checks and easy-read output."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    from easyread.checker import add_check_command
    from easyread.render import add_render_command

    add_check_command(commands)
    add_render_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
