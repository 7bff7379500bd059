"""eventcode validate: real data, exit codes, reporters, options, dataset rules, the library API and Dask."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
import yaml
from test_acled_read import acled_example, write_csv

from eventcode.cli import main
from eventcode.cli._progress import ProgressBar
from eventcode.codebook import acled_codebook
from eventcode.events import Event
from eventcode.report import FileReport, Report
from eventcode.schema import load_schema
from eventcode.validate import (
    FORMATS,
    Options,
    UsageError,
    parse_codes,
    validate_batch,
    validate_events,
    validate_path,
    validate_paths,
    validate_records,
)

Capture = pytest.CaptureFixture[str]


def typo_lines(path: Path) -> list[int]:
    """The lines of the sample's rows whose disorder_type is not one the codebook knows (the typo rows)."""
    known = acled_codebook().disorder_type_values
    lines = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        column = header.index("disorder_type")
        start = reader.line_num + 1
        for row in reader:
            if row[column] not in known:
                lines.append(start)
            start = reader.line_num + 1
    return lines


def fixed_sample(shared_data: Path, target: Path) -> Path:
    """A copy of the sample with its disorder_type typo replaced by what the codebook gives the sub-event type."""
    cb = acled_codebook()
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    dis, sub = rows[0].index("disorder_type"), rows[0].index("sub_event_type")
    for row in rows[1:]:
        if row[dis] not in cb.disorder_type_values:
            row[dis] = cb.sub_event_types.lookup(row[sub]).disorder_type
    with open(target, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return target


@pytest.mark.parametrize("fast", [True, False])
def test_real_sample_reports_exactly_the_typo_rows(shared_data: Path, fast: bool) -> None:
    sample = shared_data / "acled_2022_sample.csv"
    report = validate_path(sample, Options(fast=fast))
    expected = typo_lines(sample)
    assert len(expected) == 4978  # data/SOURCES.md
    assert [issue.line for issue in report.issues] == expected
    assert set(report.counts) == {"unknown-disorder-type"}
    assert all(issue.field == "disorder_type" and issue.value == "Demostrations" for issue in report.issues)
    assert (report.rows_read, report.rows_invalid, report.rows_valid) == (9000, 4978, 9000 - 4978)
    assert report.generation == "numeric"


def test_cli_on_the_real_sample_github_annotations(shared_data: Path, capsys: Capture) -> None:
    sample = shared_data / "acled_2022_sample.csv"
    assert main(["validate", str(sample), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    errors = [line for line in out.splitlines() if line.startswith("::error")]
    assert sorted(int(re.search(r"line=(\d+)", line).group(1)) for line in errors  # type: ignore[union-attr]
                  ) == typo_lines(sample)
    assert all("disorder" in line for line in errors)
    assert err == ""  # stderr is not a terminal: no progress bar


def test_cli_exit_codes(shared_data: Path, tmp_path: Path, capsys: Capture) -> None:
    fixed = fixed_sample(shared_data, tmp_path / "fixed.csv")
    assert main(["validate", str(fixed)]) == 0
    assert "valid: 1 file(s), 9,000 rows read, 9,000 valid" in capsys.readouterr().out
    assert main(["validate", str(shared_data / "acled_2022_sample.csv"), "--limit-errors", "0"]) == 1
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "absent.csv")]) == 2
    out, _ = capsys.readouterr()
    assert "absent.csv" in out
    assert "parse-error" in out
    assert main(["validate", str(fixed), "--select", "unknown-disorder"]) == 2
    assert "did you mean 'unknown-disorder-type'" in capsys.readouterr().err


def test_select_ignore_and_limit(shared_data: Path, capsys: Capture) -> None:
    sample = str(shared_data / "acled_2022_sample.csv")
    assert main(["validate", sample, "--ignore", "unknown-disorder-type"]) == 0
    assert main(["validate", sample, "--select", "bad-date,duplicate-event-id"]) == 0
    capsys.readouterr()
    assert main(["validate", sample, "--limit-errors", "5", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"][0]["issues"]) == 5
    assert data["files"][0]["truncated"] is True
    assert data["counts"] == {"unknown-disorder-type": 4978}


def test_json_report_follows_its_schema(shared_data: Path, tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "report.json"
    assert main(["validate", str(shared_data / "acled_2022_sample.csv"), str(tmp_path / "absent.jsonl"),
                 "--format", "json", "-o", str(out), "--limit-errors", "20"]) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema("validation-report"))
    assert data["stats"]["rows_read"] == data["stats"]["rows_valid"] + data["stats"]["rows_invalid"] == 9000
    assert [f["readable"] for f in data["files"]] == [True, False]
    first = data["files"][0]["issues"][0]
    assert {key: first[key] for key in ("code", "record", "line", "field", "value", "hint")} == {
        "code": "unknown-disorder-type", "record": 2, "line": 3, "field": "disorder_type",
        "value": "Demostrations", "hint": "Demonstrations"}


def test_junit_and_text_reporters(tmp_path: Path, capsys: Capture) -> None:
    rows = [acled_example(), {**acled_example(), "event_id_cnty": "MMR2", "fatalities": "-3"}]
    path = write_csv(tmp_path / "two.csv", rows)
    assert main(["validate", str(path), "--format", "junit"]) == 1
    suite = ET.fromstring(capsys.readouterr().out).find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "2"
    assert suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "fatalities-negative"
    assert main(["validate", str(path)]) == 1
    text = capsys.readouterr().out
    assert f"{path}:4: record 2: fatalities: -3 is below 0 [fatalities-negative]" in text
    assert "INVALID: 1 file(s), 2 rows read, 1 valid, 1 invalid" in text


def test_github_annotation_escapes_its_properties(tmp_path: Path, capsys: Capture) -> None:
    path = write_csv(tmp_path / "a,b.csv", [{**acled_example(), "country": "Narnia"}])
    assert main(["validate", str(path), "--format", "github"]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("::error file=")
    assert "a%2Cb.csv" in line
    assert ",line=2," in line
    assert "title=unknown-country (country)::record 1: country: 'Narnia'" in line


@pytest.mark.parametrize("fast", [True, False])
def test_duplicate_ids_name_the_first_record(tmp_path: Path, fast: bool) -> None:
    rows = [{**acled_example(), "event_id_cnty": event_id} for event_id in ("MMR1", "MMR2", "MMR1", "MMR01", "MMR1")]
    rows[4]["fatalities"] = "-1"  # the last repeat is also broken otherwise: counted invalid once
    path = write_csv(tmp_path / "dups.csv", rows)
    report = validate_path(path, Options(fast=fast))
    dups = [(i.record, i.line, i.message) for i in report.issues if i.code == "duplicate-event-id"]
    assert dups == [(3, 6, "'MMR1' already appears at record 1 (line 2)"),
                    (5, 10, "'MMR1' already appears at record 1 (line 2)")]
    assert (report.rows_valid, report.rows_invalid) == (3, 2)


@pytest.mark.parametrize("fast", [True, False])
def test_rows_of_the_wrong_width_are_reported_and_the_rest_checked(tmp_path: Path, fast: bool) -> None:
    path = write_csv(tmp_path / "width.csv", [acled_example(), {**acled_example(), "event_id_cnty": "MMR2"}])
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "MMR9,2023-11-01")
    path.write_text("\n".join(lines), encoding="utf-8")
    report = validate_path(path, Options(fast=fast))
    assert [(i.code, i.record, i.line, i.value) for i in report.issues] == [("wrong-field-count", 2, 4, 2)]
    assert (report.rows_read, report.rows_valid) == (3, 2)


def test_a_header_of_no_layout_is_a_problem_in_the_data(tmp_path: Path, capsys: Capture) -> None:
    columns = [c if c != "fatalities" else "deaths" for c in acled_codebook().columns]
    path = write_csv(tmp_path / "odd.csv", [acled_example()], columns)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "[bad-header]" in out
    assert "missing fatalities" in out
    assert "unknown deaths" in out


def test_records_files_with_their_lines(tmp_path: Path) -> None:
    records = [acled_example(), {**acled_example(), "event_id_cnty": "MMR2", "year": "1999"}]
    jsonl = tmp_path / "events.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n\n" for r in records), encoding="utf-8")
    report = validate_path(jsonl)
    assert [(i.code, i.record, i.line) for i in report.issues] == [("year-mismatch", 2, 3)]
    assert report.format == "jsonl"
    yml = tmp_path / "events.yaml"
    yml.write_text(yaml.safe_dump(records), encoding="utf-8")
    assert [(i.code, i.record) for i in validate_path(yml).issues] == [("year-mismatch", 2)]


def test_library_api_on_records_and_events(shared_data: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((shared_data / "acled_2022_sample.csv").read_text(encoding="utf-8"))))
    report = validate_records(rows[:200])
    assert report.rows_read == 200
    assert set(report.counts) <= {"unknown-disorder-type"}
    good = [Event.from_record(row) for row in rows[:200] if row["disorder_type"] != "Demostrations"]
    assert validate_events(good).valid
    assert validate_events([good[0], good[0]]).counts == {"duplicate-event-id": 1}


def test_validate_batch_is_the_same_validation(shared_data: Path) -> None:
    sample = shared_data / "acled_2022_sample.csv"
    table = pacsv.read_csv(sample)  # typed columns (integers, floats): read as text by validate_batch
    report = validate_batch(table)
    assert (report.rows_read, report.rows_invalid, dict(report.counts)) == (9000, 4978,
                                                                            {"unknown-disorder-type": 4978})
    assert report.issues[0].record == 2
    assert report.issues[0].line is None


def check_partition(batch: pa.RecordBatch, first_record: int) -> FileReport:
    """Validate one partition; its records are numbered from ``first_record``."""
    return validate_batch(batch, first_record=first_record, path=f"rows {first_record}-")


def test_validate_batch_per_partition_on_a_local_dask_cluster(shared_data: Path) -> None:
    """The docs' example (docs/validate.md): one validate_batch per partition, reports combined."""
    distributed = pytest.importorskip("distributed")
    table = pacsv.read_csv(shared_data / "acled_2022_sample.csv")
    batches = table.to_batches(max_chunksize=2500)
    starts = [1]
    for batch in batches[:-1]:
        starts.append(starts[-1] + batch.num_rows)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        futures = client.map(check_partition, batches, starts)
        reports = client.gather(futures)
    combined = Report(reports)
    assert sum(f.rows_read for f in combined.files) == 9000
    assert combined.counts == {"unknown-disorder-type": 4978}
    assert sorted(i.record or 0 for f in combined.files for i in f.issues) == [
        i.record for i in validate_path(shared_data / "acled_2022_sample.csv").issues]


def test_options_and_formats() -> None:
    assert parse_codes("bad-date, duplicate-event-id") == {"bad-date", "duplicate-event-id"}
    with pytest.raises(UsageError, match="did you mean 'bad-date'"):
        parse_codes("bad-dates")
    assert list(FORMATS)[:2] == ["acled-csv", "records"]
    assert Options(ignore=frozenset({"bad-date"})).wants("bad-tags")
    assert not Options(select=frozenset({"bad-date"})).wants("bad-tags")


def test_validate_paths_counts_every_row(shared_data: Path, tmp_path: Path) -> None:
    fixed = fixed_sample(shared_data, tmp_path / "fixed.csv")
    report = validate_paths([fixed, shared_data / "acled_2022_sample.csv"])
    stats = report.stats()
    assert stats["rows_read"] == 18000 == stats["rows_valid"] + stats["rows_invalid"]
    assert [f.valid for f in report.files] == [True, False]


def test_progress_bar_draws_rows_rate_and_percent() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, 1000)
    bar.shown -= 1  # as if the last redraw was a second ago
    bar(5000, 500)
    bar.close()
    text = stream.getvalue()
    assert " 50.0%" in text
    assert "5,000 rows" in text
    assert "rows/s" in text


def test_precommit_hook_runs_validate() -> None:
    hooks: Any = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "eventcode-validate")
    assert hook["entry"] == "eventcode validate"
    assert re.search(hook["files"], "data/events.csv")
    assert re.search(hook["files"], "x/y.jsonl")


@pytest.mark.parametrize("fast", [True, False])
def test_bytes_that_are_not_utf8_make_the_file_unreadable_at_their_line(tmp_path: Path, fast: bool) -> None:
    path = write_csv(tmp_path / "latin1.csv", [acled_example()])
    path.write_bytes(path.read_bytes() + "MMR2,caf\u00e9\n".encode("latin-1"))
    report = validate_paths([path], Options(fast=fast))
    assert not report.files[0].readable
    assert f"{path}:4: not UTF-8" in report.files[0].issues[0].message
