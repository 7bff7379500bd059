"""Size limits: a huge field or a huge file is refused with a clear error naming the limit (an option), the rest of
a CSV file is still read, and memory stays bounded (measured in a child process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import HEADER, event, large_field, large_yaml, row

from eventcode.cli import main
from eventcode.cli._limits import size
from eventcode.convert import Limits
from eventcode.formats.acled_read import MAX_FIELD_BYTES
from eventcode.formats.records import MAX_DOCUMENT_BYTES
from eventcode.validate import Options, validate_path

Capture = pytest.CaptureFixture[str]

#: Runs the command line and reports its own peak memory on stderr's last line: VmHWM, in kB, counts this process
#: alone (getrusage's ru_maxrss also keeps the parent's peak from before the exec).
PEAK = ("import re, sys\nfrom eventcode.cli import main\ncode = main(sys.argv[1:])\n"
        "peak = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())\n"
        "print(peak.group(1) if peak else 0, file=sys.stderr)\nsys.exit(code)\n")


def measured(*args: str) -> tuple[int, str, int]:
    """Exit code, output and peak memory (MB) of ``eventcode ARGS`` in a child process."""
    done = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, timeout=60,
                          check=False)
    lines = done.stderr.splitlines()
    assert "internal error" not in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout + "\n".join(lines[:-1]), int(lines[-1]) // 1024


@pytest.fixture(scope="module")
def big_field(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return large_field(tmp_path_factory.mktemp("big") / "field.csv")


def test_a_50_mb_field_is_reported_and_the_rest_of_the_file_read(big_field: Path) -> None:
    code, output, peak = measured("validate", str(big_field))
    assert code == 1
    assert (f"{big_field}:3: record 2: a field is over the limit of 1,048,576 bytes (raise it with "
            "--max-field-bytes") in output
    assert "[field-too-large]" in output
    assert [f"record {n}: fatalities: -{n} is below 0" in output for n in (3, 4, 5)] == [True] * 3
    assert "5 rows read, 1 valid, 4 invalid" in output
    assert peak < 300, f"{peak} MB"


def test_convert_refuses_a_50_mb_field_and_writes_nothing(big_field: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, output, peak = measured("convert", str(big_field), "--to", "acled-csv", "-o", str(target))
    assert code == 2
    assert "record 2: a field is over the limit of 1,048,576 bytes" in output
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    assert peak < 200, f"{peak} MB"


def test_the_field_limit_is_an_option(big_field: Path) -> None:
    code, output, _ = measured("validate", "--max-field-bytes", "64M", str(big_field))
    assert code == 1
    assert "field-too-large" not in output
    assert "5 rows read, 2 valid, 3 invalid" in output


@pytest.mark.parametrize("fast", [True, False])
def test_both_csv_paths_name_the_oversized_field(tmp_path: Path, fast: bool) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(HEADER + row(event(1)) + row(event(2, notes="n" * 5000)) + row(event(3, latitude=99)),
                    encoding="utf-8")
    report = validate_path(path, Options(fast=fast, max_field_bytes=4096))
    assert [(i.record, i.line, i.field, i.code) for i in report.issues] == [
        (2, 3, "notes", "field-too-large"), (3, 4, "latitude", "coordinate-out-of-range")]
    assert "over the limit of 4,096 bytes" in report.issues[0].message
    assert validate_path(path, Options(fast=fast, max_field_bytes=8192)).counts["field-too-large"] == 0


def test_a_quoted_field_over_the_limit_spanning_lines_is_skipped_whole(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(HEADER + row(event(1, notes='a "quote", and\n' * 2000)) + row(event(2, fatalities=-1)),
                    encoding="utf-8")
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast, max_field_bytes=1000))
        assert [(i.record, i.line, i.code) for i in report.issues] == [
            (1, 2, "field-too-large"), (2, 2003, "fatalities-negative")]


def test_a_100_mb_yaml_file_is_refused_at_once(tmp_path: Path) -> None:
    path = large_yaml(tmp_path / "big.yaml")
    for args in (["validate", str(path)], ["convert", str(path), "--to", "jsonl", "-o", str(tmp_path / "o.jsonl")]):
        code, output, peak = measured(*args)
        assert code == 2
        assert f"over the limit of {MAX_DOCUMENT_BYTES:,} bytes" in output
        assert "--max-bytes" in output
        assert peak < 100, f"{peak} MB"
    assert not (tmp_path / "o.jsonl").exists()


def test_sizes_read_with_units_and_refuse_nonsense(capsys: Capture) -> None:
    assert (size("1048576"), size("64K"), size("16M"), size("1g"), size("2MiB")) == (
        1 << 20, 64 << 10, 16 << 20, 1 << 30, 2 << 20)
    assert Limits() == Limits(MAX_DOCUMENT_BYTES, MAX_FIELD_BYTES)
    for bad in ("0", "-1", "lots", "1.5M"):
        with pytest.raises(SystemExit) as exit_code:
            main(["validate", "--max-field-bytes", bad, "x.csv"])
        assert exit_code.value.code == 2
        assert "is not a size" in capsys.readouterr().err


def test_a_gdelt_line_over_the_limit_is_reported_and_skipped(tmp_path: Path, capsys: Capture) -> None:
    fields = "\t".join(["1"] * 57)  # a row of GDELT 1.0's width; its values break rules, as the report says
    path = tmp_path / "events.tsv"
    path.write_text(f"{fields}\n{'x' * 3000}{fields}\n{fields}\n", encoding="utf-8")
    assert main(["validate", "--input-format", "gdelt", "--max-field-bytes", "2K", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: record 2: the line is over the limit of 2,048 bytes (raise it with --max-field-bytes)" in out
    assert "3 rows read, 0 valid, 3 invalid" in out
    assert f"{path}:3: record 3:" in out
    assert main(["validate", "--input-format", "gdelt", str(path)]) == 1
    assert "over the limit" not in capsys.readouterr().out
