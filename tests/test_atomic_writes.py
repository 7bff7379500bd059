"""Writes are atomic: a failed conversion (a full disk, an error half-way, a killed process) leaves no partial
output and the old target as it was, and no conversion ever touches its input."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hostile_corpus import HEADER, event, row

from eventcode.cli import main

Capture = pytest.CaptureFixture[str]
OLD = "the old target\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def events_file(path: Path, count: int) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for number in range(1, count + 1):
            out.write(row(event(number)))
    return path


def leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{target.name}."))


@pytest.mark.parametrize("to", ["acled-csv", "jsonl", "plover-jsonl", "cameo-tsv"])
def test_a_full_disk_leaves_the_old_target_and_no_temporary_file(tmp_path: Path, capsys: Capture,
                                                                  monkeypatch: pytest.MonkeyPatch, to: str) -> None:
    source = events_file(tmp_path / "in.csv", 200)
    before = digest(source)
    target = tmp_path / "out.data"
    target.write_text(OLD, encoding="utf-8")
    real_fdopen = os.fdopen

    def full_disk(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        real_write, written = handle.write, [0]

        def write(text: str) -> int:
            written[0] += len(text)
            if written[0] > 20_000:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return int(real_write(text))

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", full_disk)  # what eventcode._atomic opens its temporary file with
    assert main(["convert", str(source), "--to", to, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"eventcode: error: {target}: cannot write: No space left on device; nothing written" in err
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path, target) == []
    assert digest(source) == before


def test_a_rule_broken_at_the_end_leaves_nothing(tmp_path: Path, capsys: Capture) -> None:
    source = events_file(tmp_path / "in.csv", 300)
    with open(source, "a", encoding="utf-8") as out:
        out.write(row(event(301, fatalities=-1)))
    target = tmp_path / "out.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target)]) == 1
    assert "record 301: fatalities: -1 is below 0" in capsys.readouterr().err
    assert not target.exists()
    assert leftovers(tmp_path, target) == []


def test_a_report_file_is_written_whole_or_not_at_all(tmp_path: Path, capsys: Capture) -> None:
    source = events_file(tmp_path / "in.csv", 3)
    missing = tmp_path / "no-such-folder" / "report.json"
    assert main(["validate", str(source), "--format", "json", "-o", str(missing)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["validate", str(source), "-o", str(tmp_path)]) == 2  # a folder
    assert "it is a folder" in capsys.readouterr().err


def test_a_killed_conversion_leaves_the_old_target_and_its_input(tmp_path: Path) -> None:
    source = events_file(tmp_path / "in.csv", 60_000)
    before = digest(source)
    target = tmp_path / "out.csv"
    target.write_text(OLD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "eventcode", "convert", str(source), "--to", "acled-csv",
                              "-o", str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not any(p.stat().st_size > 0 for p in tmp_path.glob(f".{target.name}.*.tmp")):
            assert child.poll() is None, "the conversion ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == OLD  # never a partial target
    assert digest(source) == before
    # A killed process cannot clean up: its partial output stays in a dot-named temporary file beside the target.
    temporary = leftovers(tmp_path, target)
    assert len(temporary) == 1
    assert temporary[0].endswith(".tmp")


class FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_behind_stdout_is_a_one_line_error(tmp_path: Path, capsys: Capture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    source = events_file(tmp_path / "in.csv", 3)
    monkeypatch.setattr(sys, "stdout", FullDisk())
    assert main(["convert", str(source), "--to", "acled-csv"]) == 2
    assert main(["validate", str(source)]) == 2
    err = capsys.readouterr().err
    assert err == "eventcode: error: input/output failed: No space left on device\n" * 2
