"""bench/pages.py fails when a page makes more queries on large data than on small, not
when it makes fewer (SQLAlchemy skips loading a relation whose keys on a page are empty)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pages.py"


def _pages():
    spec = importlib.util.spec_from_file_location("bench_pages", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_more_queries_on_large_data_fail_and_fewer_do_not():
    pages = _pages()
    small = pages.Result(queries=10, ms=5.0, size=1000, gzip_size=300, status=200)
    key = ("home", "visitor", "normal")
    fewer = pages.Result(queries=9, ms=5.0, size=1000, gzip_size=300, status=200)
    more = pages.Result(queries=11, ms=5.0, size=1000, gzip_size=300, status=200)
    assert pages.large_data_problems(key, small, small, 50) == []
    assert pages.large_data_problems(key, small, fewer, 50) == []
    assert pages.large_data_problems(key, small, more, 50) == [
        f"{key}: 10 queries on small data, 11 on large"
    ]


def test_slow_or_broken_pages_on_large_data_still_fail():
    pages = _pages()
    small = pages.Result(queries=10, ms=5.0, size=1000, gzip_size=300, status=200)
    slow = pages.Result(queries=10, ms=80.0, size=1000, gzip_size=300, status=500)
    assert len(pages.large_data_problems(("home", "visitor", "normal"), small, slow, 50)) == 2
