"""Throughput under gunicorn against a Flask hello world in the same run (issue 20).

    .venv/bin/python bench/load.py --database postgresql+psycopg://postgres@127.0.0.1/bench_large \\
        [--duration 20] [--connections 16] [--runs 3] [--soak MINUTES] [--memory]

Starts two gunicorn servers with the same settings (2 sync workers, loopback,
``PYTHONFAULTHANDLER=1``, production settings): forum-site on ``--database`` and a Flask
hello world. Then, ``--runs`` times in turn, it drives the hello world and five
representative pages (the home page for a visitor, a forum page for a signed-in member, a
meeting page, a budget page, one contribution) and prints req/s, p50 and p99 latency and
each page's req/s as a share of the hello world's in the same round (the median over the
rounds). The machine is shared, so absolute numbers move from run to run; the ratio to the
hello world measured minutes apart on the same machine is the figure to compare.

The load generator is wrk (``apt-get install wrk``) with a Lua script that counts 5xx
answers; without wrk, or with ``--client python``, threads with keep-alive http.client
connections (this costs the same 2 cores the servers use, so its numbers are lower,
the hello world's most). Requests say ``Accept-Encoding: gzip, br``, as browsers do.

- ``--soak MINUTES``: mixed pages (the five, plus long lists, impact and an easy-read
  meeting) from several threads for that long; counts 5xx and worker crashes from
  gunicorn's log (``SIGSEGV``, ``was sent``, ``Worker exiting``, ``Fatal Python error``,
  ``WORKER TIMEOUT``, workers booted after the first two).
- ``--memory``: a server with one sync worker (so it serves every request) and its RSS
  (``VmRSS`` in ``/proc/<pid>/status``) after 1,000 and after 10,000 mixed requests.

Exits non-zero on any 5xx, connection error or worker crash.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HELLO = """from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
"""
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; answers = 0 end
function response(status, headers, body)
  answers = answers + 1
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local errors, total = 0, 0
  for _, t in ipairs(threads) do
    errors = errors + t:get("server_errors"); total = total + t:get("answers")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT {\\"answers\\": %d, \\"server_errors\\": %d, \\"seconds\\": %f, "
    .. "\\"p50_ms\\": %f, \\"p99_ms\\": %f, \\"socket_errors\\": %d}\\n",
    total, errors, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout))
end
"""
CRASH_SIGNS = ("SIGSEGV", "was sent", "Worker exiting", "Fatal Python error", "WORKER TIMEOUT")
MEMBER = "ali@example.org"
ACCEPT = {"Accept-Encoding": "gzip, br", "Accept": "text/html"}


@dataclass
class Target:
    name: str
    port: int
    path: str
    cookie: str = ""

    def headers(self) -> dict:
        return {**ACCEPT, "Cookie": self.cookie} if self.cookie else dict(ACCEPT)


@dataclass
class Tally:
    """What a load run saw: answers by status class, errors, latencies (ms)."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    socket_errors: int = 0
    seconds: float = 0.0
    known: dict[int, float] = field(default_factory=dict)  # percentiles wrk measured
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def answers(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def percentile(self, p: int) -> float:
        if p in self.known:
            return self.known[p]
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] if ordered else 0.0


class Server:
    """One gunicorn with the issue's settings, its error log kept in a file."""

    def __init__(self, app: str, port: int, folder: str, env: dict, workers: int = 2):
        self.port = port
        self.worker_count = workers
        self.log = Path(folder) / f"gunicorn-{port}.log"
        command = [
            *(str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers)),
            *("--worker-class", "sync", "--bind", f"127.0.0.1:{port}"),
            *("--error-logfile", str(self.log), "--log-level", "info", app),
        ]
        full_env = {**os.environ, **env, "PYTHONFAULTHANDLER": "1"}
        self.process = subprocess.Popen(command, env=full_env, cwd=folder)
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        for _ in range(300):
            try:
                get(self.port, "/", {})
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"gunicorn on port {self.port} did not start: {self.log.read_text()}")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def crash_lines(self) -> list[str]:
        lines = self.log.read_text(errors="replace").splitlines()
        crashes = [line for line in lines if any(sign in line for sign in CRASH_SIGNS)]
        boots = [line for line in lines if "Booting worker" in line]
        return crashes + boots[self.worker_count :]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def get(port: int, path: str, headers: dict, connection=None):
    own = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    own.request("GET", path, headers=headers)
    response = own.getresponse()
    response.read()
    if connection is None:
        own.close()
    return response


def sign_in(port: int, email: str) -> str:
    """The member's session cookie, through the real sign-in form."""
    from forum_site.demo.core import DEMO_PASSWORD

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/sign-in")
    page = connection.getresponse()
    body = page.read().decode()
    cookie = _cookies(page)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', body).group(1)
    form = f"email={email}&password={DEMO_PASSWORD}&csrf_token={token}".replace("@", "%40")
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/sign-in", body=form, headers=headers)
    answer = connection.getresponse()
    answer.read()
    if answer.status != 303:
        raise SystemExit(f"could not sign in as {email}: {answer.status}")
    return _cookies(answer) or cookie


def _cookies(response) -> str:
    values = [v.split(";", 1)[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
    return "; ".join(values)


def page_paths(url: str) -> dict:
    from pages import ids

    from forum_site import create_app
    from forum_site.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        things = ids(db.session)
        db.engine.dispose()
    return things


def targets(port: int, hello_port: int, things: dict, member_cookie: str) -> list[Target]:
    return [
        Target("hello world", hello_port, "/"),
        Target("home (visitor)", port, "/"),
        Target("forum (member)", port, f"/forums/{things['forum']}", member_cookie),
        Target("meeting (visitor)", port, f"/meetings/{things['meeting']}"),
        Target("budget (visitor)", port, f"/budgets/{things['budget']}"),
        Target("contribution (visitor)", port, f"/contributions/{things['contribution']}"),
    ]


def soak_targets(port: int, things: dict, member_cookie: str) -> list[Target]:
    forum = things["forum"]
    easy = "reading_prefs=easy_read=1"
    return [
        *targets(port, port, things, member_cookie)[1:],
        Target("contributions", port, f"/forums/{forum}/contributions"),
        Target("you said, we did", port, f"/forums/{forum}/you-said-we-did"),
        Target("decisions", port, f"/forums/{forum}/decisions"),
        Target("organisation impact", port, f"/organisations/{things['organisation']}/impact"),
        Target("meeting (easy read)", port, f"/meetings/{things['meeting']}", easy),
        Target("you said, we did (easy read)", port, f"/forums/{forum}/you-said-we-did", easy),
    ]


def wrk(target: Target, seconds: int, connections: int, folder: str) -> Tally:
    script = Path(folder) / "count.lua"
    script.write_text(WRK_SCRIPT)
    headers = [x for k, v in target.headers().items() for x in ("-H", f"{k}: {v}")]
    command = [
        *("wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"),
        *("-s", str(script), *headers, f"http://127.0.0.1:{target.port}{target.path}"),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    tally = Tally(seconds=found["seconds"], socket_errors=found["socket_errors"])
    tally.statuses = {200: found["answers"] - found["server_errors"], 500: found["server_errors"]}
    tally.known = {50: found["p50_ms"], 99: found["p99_ms"]}
    return tally


def drive(chosen, threads: int, *, seconds: float = 0, requests: int = 0) -> Tally:
    """Threads with keep-alive connections: for ``seconds``, or until ``requests`` in all.
    ``chosen`` is a Target or a list to pick from at random (a mixed load)."""
    tally = Tally()
    counter = itertools.count()
    deadline = time.perf_counter() + seconds if seconds else None
    pick = (lambda rng: rng.choice(chosen)) if isinstance(chosen, list) else (lambda _: chosen)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        connections: dict[int, http.client.HTTPConnection] = {}
        while (time.perf_counter() < deadline) if deadline else next(counter) < requests:
            _one(pick(rng), connections, tally)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    tally.seconds = time.perf_counter() - started
    return tally


def _one(target: Target, connections: dict, tally: Tally) -> None:
    if target.port not in connections:
        connections[target.port] = http.client.HTTPConnection("127.0.0.1", target.port, timeout=60)
    start = time.perf_counter()
    try:
        status = get(target.port, target.path, target.headers(), connections[target.port]).status
    except (OSError, http.client.HTTPException):
        connections.pop(target.port).close()
        with tally.lock:
            tally.socket_errors += 1
        return
    with tally.lock:
        tally.latencies.append((time.perf_counter() - start) * 1000)
        tally.statuses[status] = tally.statuses.get(status, 0) + 1


def throughput(args, pages: list[Target], folder: str) -> tuple[list[str], bool]:
    rounds = []
    for _ in range(args.runs):
        one_round = {}
        for target in pages:
            if args.client == "wrk":
                one_round[target.name] = wrk(target, args.duration, args.connections, folder)
            else:
                one_round[target.name] = drive(target, args.connections, seconds=args.duration)
        rounds.append(one_round)
    return throughput_table(rounds, pages)


def throughput_table(rounds: list[dict], pages: list[Target]) -> tuple[list[str], bool]:
    lines = [f"{'page':24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs hello':>9} {'5xx':>4}"]
    bad = False
    for target in pages:
        runs = [r[target.name] for r in rounds]
        rate = statistics.median(t.answers / t.seconds for t in runs)
        ratio = statistics.median(
            (t.answers / t.seconds) / (r["hello world"].answers / r["hello world"].seconds)
            for t, r in zip(runs, rounds, strict=True)
        )
        p50 = statistics.median(t.percentile(50) for t in runs)
        p99 = statistics.median(t.percentile(99) for t in runs)
        errors = sum(t.server_errors + t.socket_errors for t in runs)
        bad = bad or errors > 0
        lines.append(f"{target.name:24} {rate:8.1f} {p50:8.1f} {p99:8.1f} {ratio:8.1%} {errors:4d}")
    return lines, bad


def warm(pages: list[Target]) -> None:
    for target in pages:
        status = get(target.port, target.path, target.headers()).status
        if status != 200:
            raise SystemExit(f"{target.name} {target.path}: status {status}")


def soak(args, server: Server, pages: list[Target]) -> tuple[list[str], bool]:
    tally = drive(pages, args.connections, seconds=args.soak * 60)
    crashes = server.crash_lines()
    lines = [
        f"soak: {args.soak} min, {tally.answers} answers ({tally.answers / tally.seconds:.1f}/s),"
        f" statuses {dict(sorted(tally.statuses.items()))}, {tally.server_errors} 5xx,"
        f" {tally.socket_errors} connection errors, p50 {tally.percentile(50):.0f} ms,"
        f" p99 {tally.percentile(99):.0f} ms, worker crashes {len(crashes)}",
        *(f"  gunicorn: {line}" for line in crashes),
    ]
    return lines, bool(crashes or tally.server_errors or tally.socket_errors)


def memory(args, env: dict, folder: str, paths: dict) -> tuple[list[str], bool]:
    server = Server("forum_site:create_app()", args.port + 2, folder, env, workers=1)
    try:
        cookie = sign_in(server.port, MEMBER)
        pages = soak_targets(server.port, paths, cookie)
        warm(pages)
        (pid,) = server.workers()
        lines, bad = [f"memory: one sync worker (pid {pid}), RSS at start {rss(pid)}"], False
        done = 0
        for total in (1_000, 10_000):
            tally = drive(pages, 4, requests=total - done)
            done = total
            bad = bad or bool(tally.server_errors or tally.socket_errors)
            lines.append(f"  after {total:6,} mixed requests: RSS {rss(pid)}")
        crashes = server.crash_lines()
        lines += [f"  gunicorn: {line}" for line in crashes]
        return lines, bad or bool(crashes)
    finally:
        server.stop()


def rss(pid: int) -> str:
    status = Path(f"/proc/{pid}/status").read_text()
    return re.search(r"VmRSS:\s+(.*)", status).group(1).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="SQLAlchemy URL (bench/make_data.py)")
    parser.add_argument("--duration", type=int, default=20, help="seconds per page and round")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3, help="rounds; the median is reported")
    parser.add_argument("--port", type=int, default=8700, help="first of three ports")
    parser.add_argument("--client", choices=("wrk", "python"), default=None)
    parser.add_argument("--soak", type=float, default=0, help="minutes of mixed pages")
    parser.add_argument("--memory", action="store_true", help="one worker's RSS, 1k/10k")
    parser.add_argument("--no-throughput", action="store_true", help="only --soak/--memory")
    args = parser.parse_args()
    args.client = args.client or ("wrk" if shutil.which("wrk") else "python")
    env = {
        "DATABASE_URL": args.database,
        "FORUM_SITE_ENV": "production",
        "SECRET_KEY": "bench-load",
    }
    paths = page_paths(args.database)
    lines, bad = run(args, env, paths)
    print("\n".join(lines))
    sys.exit(1 if bad else 0)


def run(args, env: dict, paths: dict) -> tuple[list[str], bool]:
    lines, bad = [f"client: {args.client}, {args.connections} connections"], False
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "hello.py").write_text(HELLO)
        site_env = {**env, "PYTHONPATH": str(ROOT)}
        site = Server("forum_site:create_app()", args.port, folder, site_env)
        hello = Server("hello:app", args.port + 1, folder, {})
        try:
            cookie = sign_in(site.port, MEMBER)
            pages = targets(site.port, hello.port, paths, cookie)
            warm(pages)
            if not args.no_throughput:
                more, worse = throughput(args, pages, folder)
                lines, bad = lines + more, bad or worse
            if args.soak:
                more, worse = soak(args, site, soak_targets(site.port, paths, cookie))
                lines, bad = lines + more, bad or worse
            crashes = site.crash_lines()
            lines += [f"gunicorn (site): {line}" for line in crashes]
            bad = bad or bool(crashes)
        finally:
            site.stop()
            hello.stop()
        if args.memory:
            more, worse = memory(args, {**env, "PYTHONPATH": str(ROOT)}, folder, paths)
            lines, bad = lines + more, bad or worse
    return lines, bad


if __name__ == "__main__":
    main()
