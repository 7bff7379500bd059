"""eventcode aggregate: totals kept for every split, counts equal to a plain model, ACLED's Saturday weeks,
month-dated events left out of weeks and said so, bad input refused with nothing written."""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_acled_read import acled_example, write_csv

from eventcode.aggregate import LEVELS, SPLITS, WEEKDAYS, aggregate
from eventcode.cli import main
from eventcode.codebook import acled_codebook

Capture = pytest.CaptureFixture[str]
Row = dict[str, str]


@pytest.fixture(scope="module")
def sample(shared_data: Path) -> list[Row]:
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("split", [None, *SPLITS])
def test_totals_equal_the_inputs_for_every_split(shared_data: Path, sample: list[Row], split: str | None) -> None:
    result = aggregate([shared_data / "acled_2022_sample.csv"], "week", "admin2", split)
    assert not result.issues
    imprecise = [row for row in sample if row["time_precision"] == "3"]
    assert result.left_out == len(imprecise) > 0
    assert result.events + result.left_out == result.rows_read == len(sample)
    assert result.fatalities + result.left_out_fatalities == sum(int(row["fatalities"]) for row in sample)
    assert result.left_out_fatalities == sum(int(row["fatalities"]) for row in imprecise)
    whole = aggregate([shared_data / "acled_2022_sample.csv"], "year", "country", split, include_imprecise=True)
    assert (whole.events, whole.fatalities) == (len(sample), sum(int(row["fatalities"]) for row in sample))


def model(rows: list[Row], by: str, level: str, split: str | None, start: str,
          imprecise: bool) -> list[dict[str, object]]:
    """The counts, computed one row at a time in plain Python."""
    groups: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in rows:
        day = date.fromisoformat(row["event_date"])
        if by == "week":
            if row["time_precision"] == "3" and not imprecise:
                continue
            period = day - timedelta((day.weekday() - WEEKDAYS.index(start)) % 7)
        else:
            period = day.replace(day=1) if by == "month" else day.replace(month=1, day=1)
        key: tuple[object, ...] = (period, *(row[name] for name in LEVELS[level]), *([row[split]] if split else []))
        groups[key].append(row)
    names = [by, *LEVELS[level], *([split] if split else [])]
    return [{**dict(zip(names, key, strict=True)), "events": len(members),
             "fatalities": sum(int(row["fatalities"]) for row in members),
             "centroid_latitude": round(sum(float(row["latitude"]) for row in members) / len(members), 4),
             "centroid_longitude": round(sum(float(row["longitude"]) for row in members) / len(members), 4)}
            for key, members in sorted(groups.items())]


def test_counts_equal_the_model(sample: list[Row]) -> None:
    pool = sample[:300]

    @given(st.lists(st.sampled_from(range(len(pool))), unique=True, max_size=40), st.sampled_from(
        ["week", "month", "year"]), st.sampled_from(list(LEVELS)), st.sampled_from([None, *SPLITS]),
        st.sampled_from(WEEKDAYS), st.booleans())
    def check(chosen: list[int], by: str, level: str, split: str | None, start: str, imprecise: bool) -> None:
        rows = [pool[i] for i in chosen]
        with tempfile.TemporaryDirectory() as folder:
            path = write_csv(Path(folder) / "in.csv", rows, acled_codebook().columns)
            result = aggregate([path], by, level, split, start, imprecise)
        assert not result.issues
        got = result.table.to_pylist()
        expected = model(rows, by, level, split, start, imprecise)
        assert [{k: v for k, v in row.items() if "centroid" not in k} for row in got] == [
            {k: v for k, v in row.items() if "centroid" not in k} for row in expected]
        for mine, theirs in zip(got, expected, strict=True):
            assert mine["centroid_latitude"] == pytest.approx(theirs["centroid_latitude"], abs=1e-4)
            assert mine["centroid_longitude"] == pytest.approx(theirs["centroid_longitude"], abs=1e-4)

    check()


def test_weeks_start_on_saturday_and_imprecise_events_are_said(tmp_path: Path, capsys: Capture) -> None:
    friday = {**acled_example(), "event_date": "2023-11-03", "fatalities": "2"}
    saturday = {**friday, "event_id_cnty": "MMR2", "event_date": "2023-11-04", "fatalities": "3"}
    month = {**friday, "event_id_cnty": "MMR3", "time_precision": "3", "fatalities": "7"}
    path = write_csv(tmp_path / "in.csv", [friday, saturday, month])
    assert main(["aggregate", str(path), "--by", "week", "--level", "country", "-o", str(tmp_path / "w.csv")]) == 0
    err = capsys.readouterr().err
    assert "weeks start on Saturday (as ACLED's" in err
    assert "1 events dated only to the month (time_precision 3, 7 fatalities) left out" in err
    assert (tmp_path / "w.csv").read_text() == (
        "week,country,events,fatalities,centroid_latitude,centroid_longitude\n"
        "2023-10-28,Myanmar,1,2,24.7561,97.5505\n2023-11-04,Myanmar,1,3,24.7561,97.5505\n")
    assert main(["aggregate", str(path), "--by", "week", "--level", "country", "--week-start", "monday",
                 "--include-imprecise", "-o", str(tmp_path / "m.parquet")]) == 0
    assert "left out" not in capsys.readouterr().err
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.column("week").to_pylist() == [date(2023, 10, 30)]
    assert table.column("fatalities").to_pylist() == [12]


def test_legacy_files_split_by_their_derived_disorder_type(sample: list[Row], tmp_path: Path) -> None:
    cb = acled_codebook()
    rows = [{**row, "data_id": "1", "event_id_no_cnty": "1", "iso3": "X"} for row in sample[:50]]
    result = aggregate([write_csv(tmp_path / "legacy.csv", rows, cb.legacy_columns)], "year", "country",
                       "disorder_type")
    expected: dict[str, int] = defaultdict(int)
    for row in rows:
        expected[cb.sub_event_types.lookup(row["sub_event_type"]).disorder_type] += 1
    got: dict[str, int] = defaultdict(int)
    for row in result.table.to_pylist():
        got[row["disorder_type"]] += row["events"]
    assert got == expected


def test_rows_that_cannot_be_counted_are_refused(tmp_path: Path, capsys: Capture) -> None:
    good = acled_example()
    path = write_csv(tmp_path / "in.csv", [good, {**good, "event_id_cnty": "MMR2", "event_date": "2023-02-30"}])
    out = tmp_path / "out.csv"
    assert main(["aggregate", str(path), "--by", "month", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "in.csv:4: record 2: event_date: '2023-02-30' is not a date [bad-date]" in err
    assert "nothing written" in err
    again = write_csv(tmp_path / "again.csv", [good])
    assert main(["aggregate", str(again), str(again), "--by", "month", "-o", str(out)]) == 1
    assert "'MMR1' appears 2 times in the input" in capsys.readouterr().err
    assert main(["aggregate", str(again), "--by", "month", "-o", str(tmp_path / "no" / "out.csv")]) == 2
    assert not out.exists()


def test_blank_lines_are_skipped_and_a_short_row_is_named(tmp_path: Path, capsys: Capture) -> None:
    good = acled_example()
    path = write_csv(tmp_path / "in.csv", [good, {**good, "event_id_cnty": "MMR2"}])
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n", encoding="utf-8")
    result = aggregate([path], "year", "country")
    assert (result.issues, result.events) == ([], 2)
    path.write_text(text + "MMR3,2023-11-01\n", encoding="utf-8")
    assert main(["aggregate", str(path), "--by", "year"]) == 1
    assert "in.csv:6: record 3: the row has 2 fields, the header 31 [wrong-field-count]" in capsys.readouterr().err
