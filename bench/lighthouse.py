"""Lighthouse mobile on the home, a meeting and a budget page, normal and easy read (issue 20).

    bench/lighthouse.sh [--runs 3] [--report-only] [--keep FOLDER] [--page home] [--mode easy]

Makes the demo in a new SQLite file, starts it under gunicorn on a free loopback port with
production settings (as bench/load.py does), and runs Lighthouse 12 (``bench/lighthouse/``,
``npm ci`` there) with the system Chromium (``/usr/bin/chromium``, or ``CHROME_PATH``):
mobile, its default simulated throttling (slow 4G, 4x CPU), the performance category
only, a visitor with an empty cache. Easy read is the ``reading_prefs`` cookie the
site's switch sets, sent as a ``Cookie`` header.

Prints the median of ``--runs`` runs of each page and mode: first and largest contentful
paint, total blocking time, cumulative layout shift and the bytes transferred. Exits 1
when a median misses a target (FCP <= 1.0 s, LCP <= 1.2 s, TBT 0 ms, CLS 0 at Lighthouse's
three decimals), unless ``--report-only``. ``--keep`` keeps every run's JSON report
(with ``--traces``, its trace too: ``node bench/lighthouse/explain.mjs`` then lists what
Lighthouse's simulation counted before the first and the largest paint).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "/", "meeting": "/meetings/{meeting}", "budget": "/budgets/{budget}"}
MODES = {"normal": "", "easy": "reading_prefs=easy_read=1"}
# audit id, column, unit, target (the most a median may be)
METRICS = [
    ("first-contentful-paint", "FCP", "s", 1000),
    ("largest-contentful-paint", "LCP", "s", 1200),
    ("total-blocking-time", "TBT", "ms", 0),
    ("cumulative-layout-shift", "CLS", "", 0),
    ("total-byte-weight", "KiB", "KiB", None),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lighthouse(url: str, cookie: str, report: Path, traces: bool = False) -> dict:
    """One Lighthouse run; the audits' numeric values by audit id."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    if traces:
        command.append("--save-assets")
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, timeout=300)
    found = json.loads(report.read_text())
    if found.get("runtimeError"):
        raise SystemExit(f"{url}: {found['runtimeError']}")
    return {audit: found["audits"][audit]["numericValue"] for audit, *_ in METRICS}


def cell(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value / 1000:.2f} s"
    if unit == "ms":
        return f"{value:.0f} ms"
    if unit == "KiB":
        return f"{value / 1024:.0f}"
    return f"{value:.3f}"


def missed(medians: dict) -> list[str]:
    misses = []
    for audit, name, unit, target in METRICS:
        if target is None:
            continue
        value = round(medians[audit], 3) if unit == "" else medians[audit]
        if value > target:
            misses.append(f"{name} {cell(medians[audit], unit)} > {cell(target, unit)}")
    return misses


def measure(args, port: int, things: dict, folder: Path) -> tuple[list[str], bool]:
    lines = [f"{'page':8} {'mode':7} " + " ".join(f"{m[1]:>8}" for m in METRICS) + "  targets"]
    bad = False
    for page in args.page or PAGES:
        url = f"http://127.0.0.1:{port}" + PAGES[page].format(**things)
        for mode in args.mode or MODES:
            runs = [
                lighthouse(url, MODES[mode], folder / f"{page}-{mode}-{n + 1}.json", args.traces)
                for n in range(args.runs)
            ]
            medians = {audit: statistics.median(r[audit] for r in runs) for audit, *_ in METRICS}
            misses = missed(medians)
            bad = bad or bool(misses)
            cells = " ".join(f"{cell(medians[m[0]], m[2]):>8}" for m in METRICS)
            lines.append(f"{page:8} {mode:7} {cells}  {'; '.join(misses) or 'met'}")
            print(lines[-1], flush=True)
    return lines, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page and mode (median)")
    parser.add_argument("--report-only", action="store_true", help="exit 0 when a target is missed")
    parser.add_argument("--keep", type=Path, help="keep each run's Lighthouse JSON here")
    parser.add_argument("--traces", action="store_true", help="with --keep: traces as well")
    parser.add_argument("--page", action="append", choices=PAGES, help="only this page")
    parser.add_argument("--mode", action="append", choices=MODES, help="only this mode")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: (cd bench/lighthouse && npm ci)")
    from load import Server
    from pages import demo_database, ids

    from forum_site import create_app
    from forum_site.extensions import db

    with tempfile.TemporaryDirectory() as folder:
        url = demo_database(folder)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
        with app.app_context():
            things = ids(db.session)
            db.engine.dispose()
        env = {
            "DATABASE_URL": url,
            "FORUM_SITE_ENV": "production",
            "SECRET_KEY": "bench-lighthouse",
            "PYTHONPATH": str(ROOT),
        }
        reports = args.keep or Path(folder)
        reports.mkdir(parents=True, exist_ok=True)
        server = Server("forum_site:create_app()", free_port(), folder, env)
        try:
            print(f"Lighthouse mobile, simulated slow 4G, median of {args.runs}", flush=True)
            _, bad = measure(args, server.port, things, reports)
        finally:
            server.stop()
    if bad and not args.report_only:
        sys.exit(1)


if __name__ == "__main__":
    if not shutil.which("node"):
        raise SystemExit("Lighthouse needs Node.js 18.16 or newer")
    main()
