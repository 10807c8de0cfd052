"""``dateline extract`` end to end: formats, order, exit codes, usage errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.main import register_subcommands

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
GOOD = (
    "The defence minister said on Thursday that the two armies would hold joint "
    "exercises next month near the northern border."
)
runner = CliRunner()


def _invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(register_subcommands(), ["extract", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _mixed_directory(root: Path) -> list[str]:
    """One file of every bad kind plus good ones; returns the expected record ids."""
    root.mkdir()
    (root / "01_good.txt").write_text(GOOD, encoding="utf-8")
    (root / "02_empty.txt").write_bytes(b"")
    (root / "03_binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "04_latin1.txt").write_bytes(
        "The mayor of Málaga said on Monday the café tax would rise next year.".encode("latin-1")
    )
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    (root / "05_truncated.html").write_text(page[: page.index("<body>")], encoding="utf-8")
    shutil.copy(FIXTURES / "feed_broken.xml", root / "06_broken_feed.xml")
    (root / "07_dump.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD}) + "\nnot json\n", encoding="utf-8"
    )
    shutil.copy(FIXTURES / "lang_de.txt", root / "08_german.txt")
    (root / "sub").mkdir()
    (root / "sub" / "09_huge.txt").write_bytes(b"x" * 5000)  # above --max-chars below
    return [
        str(root / "01_good.txt"),
        str(root / "02_empty.txt"),
        str(root / "03_binary.bin"),
        str(root / "04_latin1.txt"),
        str(root / "05_truncated.html"),
        str(root / "06_broken_feed.xml"),
        "j1",
        f"{root / '07_dump.jsonl'}:2",
        str(root / "08_german.txt"),
        str(root / "sub" / "09_huge.txt"),
    ]


def test_mixed_directory_one_record_per_input_exit_1(tmp_path: Path) -> None:
    expected = _mixed_directory(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    code, _, stderr = _invoke(str(tmp_path / "in"), "--out", str(out), "--max-chars", "1000")
    assert code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == expected
    errors = [(r["error"] or "")[:4] for r in records]
    assert errors == ["", "E001", "E002", "", "E006", "E007", "", "E008", "E004", "E003"]
    assert all(r["schema"] == "dateline/1" for r in records)
    assert "10 records" in stderr and "7 with errors" in stderr


def test_all_good_exit_0_and_stdout_jsonl(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, stdout, _ = _invoke(str(story), "--published", "2024-09-12", "--quiet")
    assert code == 0
    [record] = [json.loads(line) for line in stdout.splitlines()]
    assert record["text"] == GOOD
    assert (record["published"], record["published_basis"]) == ("2024-09-12", "caller")


def test_json_format_is_one_array(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(
        "\n".join(json.dumps({"id": f"k{i}", "text": GOOD}) for i in range(3)), encoding="utf-8"
    )
    code, stdout, _ = _invoke(str(dump), "--format", "json", "-q")
    assert code == 0
    assert [r["id"] for r in json.loads(stdout)] == ["k0", "k1", "k2"]


def test_json_format_with_no_articles_is_an_empty_array(tmp_path: Path) -> None:
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    code, stdout, _ = _invoke(str(empty_dir), "--format", "json", "-q")
    assert (code, json.loads(stdout)) == (0, [])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["/nonexistent/input.txt"], "no such file"),
        (["{story}", "--published", "not-a-date"], "not a date"),
        (["{story}", "--format", "xml"], "--format"),
        (["{story}", "--dictionary", "/nonexistent/dict.txt"], "no such file"),
        (["{story}", "--batch-size", "0"], "batch-size"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], needle: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    code, stdout, stderr = _invoke(*(a.format(story=story) for a in args))
    assert code == 2
    assert needle in stderr
    assert stdout == ""


def test_console_script_exit_codes(tmp_path: Path) -> None:
    """Through the real entry point: exit codes reach the shell."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    command = [sys.executable, "-m", "dateline.cli.main", "extract"]
    failed = subprocess.run([*command, str(empty), "-q"], capture_output=True, text=True)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["error"].startswith("E001")
    usage = subprocess.run(
        [*command, str(tmp_path / "missing.txt")], capture_output=True, text=True
    )
    assert usage.returncode == 2
    assert "no such file" in usage.stderr
    assert "Traceback" not in usage.stderr


def test_stdin_jsonl_is_streamed() -> None:
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": GOOD}) for i in range(3))
    code, stdout, _ = _invoke("-", "-q", stdin=lines + "\n")
    assert code == 0
    assert [json.loads(line)["id"] for line in stdout.splitlines()] == ["s0", "s1", "s2"]


def test_stdin_plain_text() -> None:
    code, stdout, _ = _invoke("-", "-q", "--published", "2024-09-12", stdin=GOOD)
    assert code == 0
    record = json.loads(stdout)
    assert (record["id"], record["text"]) == ("<stdin>", GOOD)
