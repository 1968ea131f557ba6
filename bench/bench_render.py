"""Time the easy-read renderer on a 2,000-word briefing (issue 6: under 100 ms).

    .venv/bin/python bench/bench_render.py [--runs 30]

The briefing is made from the renderer's test corpus (realistic commissioning
text), cut to about 2,000 words, with the shipped glossary. Each run builds the
document and renders the HTML fragment with pictures; the first run warms the
caches and is not counted. Exits 1 if the median is over 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from easyread.builders import build_briefing  # noqa: E402
from easyread.glossary import default_terms  # noqa: E402
from easyread.render import render_html  # noqa: E402

CORPUS = ROOT / "tests" / "unit" / "easyread" / "corpus"
LIMIT_MS = 100.0


def briefing(words: int = 2000) -> str:
    """About ``words`` words: whole passages, each under its own heading."""
    parts, count = ["# A briefing for the forum"], 0
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8").replace("# ", "## ", 1)
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts)


CPU_TIMES: list[float] = []


def run_once(text: str, terms) -> float:
    """Wall-clock ms for one build + render; CPU ms is kept too (less noisy on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    html = render_html(build_briefing(text, terms=terms))
    elapsed = (time.perf_counter() - start) * 1000
    CPU_TIMES.append((time.process_time() - cpu) * 1000)
    assert "er-document" in html
    return elapsed


def clear_caches() -> None:
    """Forget cached sentence analysis, as if this briefing had never been seen."""
    from easyread import model, pictures, render, splitting

    for cached in (model.word_count, splitting.stands_alone, splitting._clauses_for,
                   splitting.looks_like_verb, splitting.split_sentence, pictures.concept_for,
                   render.lines):  # fmt: skip
        cached.cache_clear()


def cold_run(text: str, terms) -> float:
    clear_caches()
    return run_once(text, terms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    text, terms = briefing(), default_terms()
    run_once(text, terms)
    CPU_TIMES.clear()
    times = sorted(run_once(text, terms) for _ in range(args.runs))
    cpu = statistics.median(CPU_TIMES)
    CPU_TIMES.clear()
    cold = sorted(cold_run(text, terms) for _ in range(max(5, args.runs // 3)))
    cold_cpu = statistics.median(CPU_TIMES)
    median = statistics.median(times)
    print(f"briefing: {len(text.split())} words, glossary: {len(terms)} terms, runs: {args.runs}")
    print(f"warm: median {median:.1f} ms, p95 {_p95(times):.1f} ms (limit {LIMIT_MS:.0f} ms)")
    print(f"warm CPU time: median {cpu:.1f} ms")
    print(
        f"sentence caches cleared: median {statistics.median(cold):.1f} ms, "
        f"p95 {_p95(cold):.1f} ms, CPU median {cold_cpu:.1f} ms"
    )
    return 0 if median <= LIMIT_MS else 1


def _p95(times: list[float]) -> float:
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
