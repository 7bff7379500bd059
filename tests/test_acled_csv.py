"""The ACLED CSV writer: ACLED's 31 columns in order, ISO dates, inter forms, minimal quoting, UTF-8, atomic."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_rules import BASE

from eventcode import Event, OutputError, write_acled_csv
from eventcode.codebook import acled_codebook
from eventcode.formats.acled_csv import InterForm, event_row, format_number, write_rows
from eventcode.testing import events

COLUMNS = list(acled_codebook().columns)
ONE_SIDED = {**BASE, "sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence",
             "actor2": "", "inter2": "", "interaction": "State forces only"}


def to_csv(items: list[Event], inter: InterForm = "text") -> str:
    out = io.StringIO(newline="")
    assert write_rows(items, out, inter) == len(items)
    return out.getvalue()


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_column_order() -> None:
    text = to_csv([Event.from_record(BASE)])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == COLUMNS
    assert len(rows[1]) == 31
    assert dict(zip(COLUMNS, rows[1], strict=True)) == read_back(text)[0]


def test_row_values() -> None:
    row = dict(zip(COLUMNS, event_row(Event.from_record({**BASE, "event_date": "01 November 2023"})), strict=True))
    assert row["event_date"] == "2023-11-01"
    assert row["year"] == "2023"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("State forces", "Rebel group",
                                                                  "State forces-Rebel group")
    assert (row["iso"], row["region"], row["latitude"], row["longitude"]) == ("104", "Southeast Asia", "24.7561",
                                                                             "97.5505")
    assert (row["civilian_targeting"], row["fatalities"], row["timestamp"]) == ("", "3", "1699000000")


def test_numeric_inter_form() -> None:
    row = dict(zip(COLUMNS, event_row(Event.from_record(BASE), inter="numeric"), strict=True))
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "2", "12")


def test_inter2_without_actor2() -> None:
    event = Event.from_record(ONE_SIDED)
    text = dict(zip(COLUMNS, event_row(event, inter="text"), strict=True))
    numeric = dict(zip(COLUMNS, event_row(event, inter="numeric"), strict=True))
    assert (text["actor2"], text["inter2"], text["interaction"]) == ("", "", "State forces only")
    assert (numeric["actor2"], numeric["inter2"], numeric["interaction"]) == ("", "0", "10")


def test_civilian_targeting_and_blank_timestamp() -> None:
    event = Event.from_record({**BASE, "sub_event_type": "Attack", "event_type": "Violence against civilians",
                               "inter2": "Civilians", "interaction": 17, "civilian_targeting": "Civilians targeted",
                               "timestamp": ""})
    row = dict(zip(COLUMNS, event_row(event), strict=True))
    assert (row["civilian_targeting"], row["timestamp"]) == ("Civilians targeted", "")


def test_minimal_quoting() -> None:
    notes = 'Locals said "no", then left,\nlater: caf\u00e9 \u4e2d'
    text = to_csv([Event.from_record({**BASE, "notes": notes, "source": "Irrawaddy; RFA"})])
    line = text.splitlines()[1]
    assert line.startswith("MMR12345,2023-11-01,2023,1,Political violence,Battles,Armed clash,")
    assert ",Irrawaddy; RFA,National," in text
    assert '"Locals said ""no"", then left,\nlater: caf\u00e9 \u4e2d"' in text
    assert read_back(text)[0]["notes"] == notes


def test_a_lone_carriage_return_is_quoted() -> None:
    text = to_csv([Event.from_record({**BASE, "location": "Laiza\r", "admin3": "a\rb"})])
    assert ',"a\rb","Laiza\r",' in text
    assert (read_back(text)[0]["admin3"], read_back(text)[0]["location"]) == ("a\rb", "Laiza\r")


def test_file_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    event = Event.from_record({**BASE, "location": "Lai\u017ea \u4e2d"})
    assert write_acled_csv([event], path) == 1
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "Lai\u017ea \u4e2d".encode() in data
    assert data.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)


def test_stdout_when_no_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_acled_csv([Event.from_record(BASE)] * 2) == 2
    assert len(read_back(capsys.readouterr().out)) == 2


@pytest.mark.parametrize(("value", "text"), [
    (55.0, "55.0"), (2.44, "2.44"), (-17.4, "-17.4"), (97.5505, "97.5505"), (0.0, "0.0"), (1e-05, "0.00001"),
    (-1.5e-07, "-0.00000015"), (1e16, "10000000000000000"),
])
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text
    assert float(text) == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_number_round_trips_without_exponent(value: float) -> None:
    text = format_number(value)
    assert "e" not in text.lower()
    assert float(text) == value


@given(st.lists(events(), max_size=5), st.sampled_from(["text", "numeric"]))
def test_events_survive_a_round_trip(items: list[Event], inter: InterForm) -> None:
    assert [Event.from_record(row) for row in read_back(to_csv(items, inter))] == items


@given(st.lists(events(), min_size=1, max_size=3))
def test_round_trip_through_a_file(tmp_path_factory: pytest.TempPathFactory, items: list[Event]) -> None:
    path = tmp_path_factory.mktemp("csv") / "events.csv"
    write_acled_csv(items, path)
    with path.open(encoding="utf-8", newline="") as handle:
        assert [Event.from_record(row) for row in csv.DictReader(handle)] == items


def test_real_acled_rows_are_written_back_as_they_were(shared_data: Path) -> None:
    """ACLED's own export, read and written again with numeric inter codes, gives the same fields
    (the rows with the known 'Demostrations' typo aside, which are not valid events)."""
    written = 0
    with (shared_data / "acled_2022_sample.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["disorder_type"] == "Demostrations":
                continue
            assert event_row(Event.from_record(row), inter="numeric") == list(row.values()), row["event_id_cnty"]
            written += 1
    assert written == 9000 - 4978


class Boom(RuntimeError):
    pass


def failing_after(count: int) -> Iterator[Event]:
    event = Event.from_record(BASE)
    for _ in range(count):
        yield event
    raise Boom("the source broke")


def test_failure_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(Boom):
        write_acled_csv(failing_after(1000), target)
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_an_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the old file\n", encoding="utf-8")
    with pytest.raises(Boom):
        write_acled_csv(failing_after(3), target)
    assert target.read_text(encoding="utf-8") == "the old file\n"
    assert list(tmp_path.iterdir()) == [target]


def test_success_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the old file\n", encoding="utf-8")
    assert write_acled_csv([Event.from_record(BASE)], target) == 1
    assert len(read_back(target.read_text(encoding="utf-8"))) == 1
    assert list(tmp_path.iterdir()) == [target]


def test_unwritable_target_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_acled_csv([Event.from_record(BASE)], tmp_path / "no such folder" / "out.csv")
    with pytest.raises(OutputError, match="folder"):
        write_acled_csv([Event.from_record(BASE)], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_rows_from_records_keyed_by_column(tmp_path: Path) -> None:
    record: dict[str, Any] = {**BASE, "inter1": 1, "inter2": 2, "interaction": 12}
    assert event_row(Event.from_record(record)) == event_row(Event.from_record(BASE))
