"""Reading ACLED CSV: layouts and generations from the header, BOM and CRLF, date forms, exact lines, streaming."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcode.codebook import acled_codebook
from eventcode.errors import InputError
from eventcode.formats.acled_read import (
    BadRow,
    CsvFile,
    HeaderError,
    RowBatch,
    detect_layout,
    inter_generation,
    read_batches,
)
from eventcode.validate import Options, validate_path


def as_text(value: object) -> str:
    """A record value as an ACLED CSV file holds it."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_text(records: Iterable[Mapping[str, object]], columns: Sequence[str] | None = None,
             newline: str = "\n") -> str:
    """Records as the text of an ACLED CSV file (current layout unless ``columns`` says otherwise)."""
    columns = list(columns or acled_codebook().columns)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(columns)
    for record in records:
        writer.writerow([as_text(record.get(name)) for name in columns])
    return out.getvalue()


def write_csv(path: Path, records: Iterable[Mapping[str, object]], columns: Sequence[str] | None = None,
              newline: str = "\n", bom: bool = False) -> Path:
    path.write_bytes((("\ufeff" if bom else "") + csv_text(records, columns, newline)).encode("utf-8"))
    return path


def first_rows(shared_data: Path, count: int) -> list[dict[str, str]]:
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [row for _, row in zip(range(count), reader, strict=False)]


def test_header_names_the_layout() -> None:
    cb = acled_codebook()
    assert detect_layout(list(cb.columns)) == "current"
    assert detect_layout(list(reversed(cb.columns))) == "current"
    assert detect_layout(list(cb.legacy_columns)) == "legacy"


def test_a_header_of_no_layout_lists_missing_and_unknown_columns() -> None:
    cb = acled_codebook()
    header = [name for name in cb.columns if name != "fatalities"] + ["deaths"]
    with pytest.raises(HeaderError) as caught:
        detect_layout(header, "x.csv")
    assert caught.value.missing == ("fatalities",)
    assert caught.value.unknown == ("deaths",)
    assert caught.value.closest == "current"
    assert "x.csv" in str(caught.value)
    assert "missing fatalities" in str(caught.value)
    assert "unknown deaths" in str(caught.value)


def test_a_repeated_column_is_a_header_error() -> None:
    header = [*acled_codebook().columns, "notes"]
    with pytest.raises(HeaderError, match="repeated notes"):
        detect_layout(header)


def test_inter_generation_from_the_first_value() -> None:
    assert inter_generation(["", "1"]) == "numeric"
    assert inter_generation(["State forces"]) == "text"


@pytest.mark.parametrize(("newline", "bom"), [("\n", False), ("\r\n", True), ("\r\n", False), ("\n", True)])
def test_bom_and_line_ends(tmp_path: Path, shared_data: Path, newline: str, bom: bool) -> None:
    rows = first_rows(shared_data, 40)
    known = acled_codebook().disorder_type_values  # the sample's typo rows are its only problems
    bad = [index for index, row in enumerate(rows, 1) if row["disorder_type"] not in known]
    path = write_csv(tmp_path / "sample.csv", rows, list(rows[0]), newline, bom)
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast))
        assert report.generation == "numeric"
        assert [issue.record for issue in report.issues] == bad
        assert [issue.line for issue in report.issues] == [record + 1 for record in bad]
        assert report.rows_read == 40


@pytest.mark.parametrize("form", ["%Y-%m-%d", "%d %B %Y", "%Y%m%d"])
def test_the_three_date_forms(tmp_path: Path, form: str) -> None:
    record = dict(acled_example())
    record["event_date"] = date(2023, 11, 1).strftime(form)
    path = write_csv(tmp_path / "dates.csv", [record])
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast))
        assert report.valid, report.issues


def acled_example() -> dict[str, object]:
    """One valid record in the text generation (a real Laiza event, see ../shared/reference/acled.md)."""
    return {"event_id_cnty": "MMR1", "event_date": "2023-11-01", "year": "2023", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Myanmar (2021-)", "inter1": "State forces",
            "actor2": "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "inter2": "Rebel group",
            "interaction": "State forces-Rebel group", "country": "Myanmar", "admin1": "Kachin",
            "admin2": "Myitkyina", "admin3": "Waingmaw", "location": "Laiza", "latitude": "24.7561",
            "longitude": "97.5505", "geo_precision": "1", "source": "Irrawaddy", "source_scale": "National",
            "notes": 'On 1 November 2023, "fighting", near Laiza.\nSecond line.', "fatalities": "0"}


def test_text_generation_and_lines_after_embedded_line_breaks(tmp_path: Path) -> None:
    first = acled_example()
    second = {**first, "event_id_cnty": "MMR2", "fatalities": "-1"}
    path = write_csv(tmp_path / "text.csv", [first, second])
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast))
        assert report.generation == "text"
        assert [(issue.code, issue.record, issue.line) for issue in report.issues] == [
            ("fatalities-negative", 2, 4)]


def test_legacy_layout_is_read_and_named(tmp_path: Path, shared_data: Path) -> None:
    cb = acled_codebook()
    rows = [row for row in first_rows(shared_data, 30) if row["disorder_type"] in cb.disorder_type_values]
    legacy = [{**row, "data_id": str(n), "event_id_no_cnty": re.sub(r"\D", "", row["event_id_cnty"]),
               "iso3": "XXX"} for n, row in enumerate(rows, 1)]
    path = write_csv(tmp_path / "legacy.csv", legacy, cb.legacy_columns)
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast))
        assert (report.generation, report.valid, report.rows_read) == ("legacy", True, len(rows))
    with CsvFile(path) as source:
        assert source.layout == "legacy"
        assert source.record.absent == ("disorder_type", "civilian_targeting", "tags")
        assert source.record.dropped == ("data_id", "event_id_no_cnty", "iso3")


def test_python_rows_keep_their_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "raw.csv"
    header = ",".join(acled_codebook().columns)
    path.write_bytes(f'{header}\r\n{"a," * 30}"x\r\ny"\r\nshort,row\r\n'.encode())
    with CsvFile(path) as source:
        rows = list(source.rows())
    assert [(row.number, row.line, len(row.fields)) for row in rows] == [(1, 2, 31), (2, 4, 2)]
    assert rows[0].text == f'{"a," * 30}"x\r\ny"\r\n'
    assert rows[1].text == "short,row\r\n"


def _batches(path: Path, block_size: int) -> list[RowBatch | BadRow]:
    with CsvFile(path) as source:
        return list(read_batches(source, block_size))


@given(st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=1, max_size=60))
def test_arrow_rows_have_the_same_numbers_and_lines_as_python(shapes: list[tuple[int, bool]]) -> None:
    """Rows of 0-3 embedded line breaks, some with too few fields, in small blocks: record and line agree."""
    columns = acled_codebook().columns
    lines = [",".join(columns)]
    for number, (breaks, short) in enumerate(shapes, 1):
        note = '"' + "\n".join(["n"] * (breaks + 1)) + '"'
        fields = [f"R{number}", note] if short else [f"R{number}", *["v"] * 26, note, "0", "", ""]
        lines.append(",".join(fields))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shapes.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with CsvFile(path) as source:
            expected = [(row.number, row.line, len(row.fields) == len(columns)) for row in source.rows()]
        got: list[tuple[int, int, bool]] = []
        for item in _batches(path, 1024):
            if isinstance(item, BadRow):
                got.append((item.number, item.line, False))
            else:
                got.extend(zip(item.records.to_pylist(), item.lines.to_pylist(), [True] * item.num_rows,
                               strict=True))
    assert sorted(got) == expected


def test_arrow_memory_stays_flat_whatever_the_file_size(tmp_path: Path, shared_data: Path) -> None:
    sample = (shared_data / "acled_2022_sample.csv").read_text(encoding="utf-8")
    header, body = sample.split("\n", 1)
    peaks = []
    for copies in (1, 4):
        path = tmp_path / f"x{copies}.csv"
        path.write_text(header + "\n" + body * copies, encoding="utf-8")
        peak = 0
        with CsvFile(path) as source:
            for item in read_batches(source, 1 << 18):
                del item
                peak = max(peak, pa.total_allocated_bytes())
        peaks.append(peak)
    assert peaks[1] < 1.5 * peaks[0] + (1 << 20), peaks


def test_an_empty_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        CsvFile(path)
