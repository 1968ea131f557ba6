"""``python -m easyread check FILE [--level easy] [--json]``: output and exit codes."""

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.checker import add_check_command, line_and_column
from easyread.rules import RULES

ROOT = Path(__file__).resolve().parents[3]
CLEAN = "We will meet on Monday at the town hall. Bring a friend if you like.\n"
NEEDS_WORK = "Thanks for coming.\nThe ICB will look at market shaping.\n"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m easyread")
    add_check_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_clean_file_exits_0(tmp_path, capsys):
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    assert run(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Summary: 15 words; 2 sentences; must fix: 0, warning: 0" in out


def test_must_fix_findings_exit_1_and_show_line_column_rule_and_suggestion(tmp_path, capsys):
    path = tmp_path / "briefing.md"
    path.write_text(NEEDS_WORK, encoding="utf-8")
    assert run(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2:5: [PL-04] must fix:" in out
    assert f"{path}:2:5: [PL-06] must fix:" in out
    assert "suggestion: integrated care board (ICB)" in out
    assert "suggestion: making sure there are enough good services" in out


def test_json_output_has_findings_and_summary(tmp_path, capsys):
    path = tmp_path / "briefing.md"
    path.write_text(NEEDS_WORK, encoding="utf-8")
    assert run(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "standard"
    assert data["summary"]["by_severity"]["must fix"] == 3
    first = data["findings"][0]
    assert set(first) >= {
        "rule_id",
        "kind",
        "start",
        "end",
        "text",
        "message",
        "suggestion",
        "severity",
    }
    for finding in data["findings"]:
        assert NEEDS_WORK[finding["start"] : finding["end"]] == finding["text"]
        assert finding["rule_id"] in RULES


def test_easy_level_applies_easy_read_rules(tmp_path, capsys):
    path = tmp_path / "easy.md"
    path.write_text("We have three centres.\n", encoding="utf-8")
    assert run(["check", str(path)]) == 0
    capsys.readouterr()
    assert run(["check", str(path), "--level", "easy", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "easy"
    assert [(f["rule_id"], f["text"]) for f in data["findings"]] == [("ER-06", "three")]


def test_dash_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(NEEDS_WORK))
    assert run(["check", "-", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["sentences"] == 2


def test_missing_file_gives_a_clear_message_and_exit_2(tmp_path, capsys):
    assert run(["check", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_line_and_column_are_one_based():
    assert line_and_column("ab\ncd", 0) == (1, 1)
    assert line_and_column("ab\ncd", 4) == (2, 2)


def test_python_m_easyread_check_in_a_real_process(tmp_path):
    pytest.importorskip("easyread.render")
    path = tmp_path / "briefing.md"
    path.write_text(NEEDS_WORK, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "easyread", "check", str(path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["words"] == 10
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN, encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "easyread", "check", str(clean)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "easyread", "check", str(tmp_path / "nope.md")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
