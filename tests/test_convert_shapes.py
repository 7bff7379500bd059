"""eventcode convert --to geojson|parquet|actors-long: the shapes analysts load, checked against the events."""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_validate import fixed_sample

from eventcode.cli import main
from eventcode.convert import convert_file
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm
from eventcode.formats.actors_long import long_columns
from eventcode.formats.jsonl import event_object
from eventcode.formats.parquet import write_parquet
from eventcode.testing import events

Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def sample_csv(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shapes")
    fixed = fixed_sample(shared_data, folder / "fixed.csv")
    with open(fixed, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:401]
    with open(folder / "sample.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder / "sample.csv"


def sample_events(path: Path) -> list[Event]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [Event.from_record(row) for row in csv.DictReader(handle)]


def test_geojson_is_a_feature_collection_of_points_longitude_first(sample_csv: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    assert main(["convert", str(sample_csv), "--to", "geojson", "-o", str(target)]) == 0
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    expected = sample_events(sample_csv)
    assert len(collection["features"]) == len(expected) == 400
    for feature, event in zip(collection["features"], expected, strict=True):
        assert feature["type"] == "Feature"
        assert feature["id"] == event.event_id_cnty
        assert feature["geometry"] == {"type": "Point", "coordinates": [event.longitude, event.latitude]}
        assert feature["properties"] == event_object(event)


def test_empty_geojson_is_still_a_feature_collection(tmp_path: Path) -> None:
    source = tmp_path / "empty.jsonl"
    source.write_text("", encoding="utf-8")
    convert_file(source, tmp_path / "out.geojson", to="geojson")
    assert json.loads((tmp_path / "out.geojson").read_text()) == {"type": "FeatureCollection", "features": []}


def test_parquet_columns_are_typed_and_read_back_as_the_same_events(sample_csv: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    assert main(["convert", str(sample_csv), "--to", "parquet", "--inter", "numeric", "-o", str(target)]) == 0
    table = pq.read_table(target)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["event_date"] == pa.date32()
    assert pa.types.is_integer(types["fatalities"])
    assert pa.types.is_integer(types["inter1"])
    assert pa.types.is_dictionary(types["sub_event_type"])
    assert pa.types.is_dictionary(types["country"])
    assert [Event.from_record(row) for row in table.to_pylist()] == sample_events(sample_csv)
    assert len(pq.ParquetFile(target).metadata.row_group(0).to_dict()["columns"]) == 31


@given(st.lists(events(), max_size=6, unique_by=lambda e: e.event_id_cnty), st.sampled_from(["text", "numeric"]))
def test_parquet_round_trip(batch: list[Event], inter: InterForm) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "events.parquet"
        assert write_parquet(batch, target, inter) == len(batch)
        rows = pq.read_table(target).to_pylist()
    assert [Event.from_record(row) for row in rows] == batch


def test_parquet_needs_an_output_file(sample_csv: Path, capsys: Capture) -> None:
    assert main(["convert", str(sample_csv), "--to", "parquet"]) == 2
    assert "parquet is binary: name an output file with -o" in capsys.readouterr().err


def test_actors_long_has_one_row_per_actor_with_its_role_and_category(sample_csv: Path, tmp_path: Path) -> None:
    target = tmp_path / "actors.csv"
    assert main(["convert", str(sample_csv), "--to", "actors-long", "-o", str(target)]) == 0
    with open(target, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == long_columns()
        rows = list(reader)
    by_event: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_event[row["event_id_cnty"]].append(row)
    expected = sample_events(sample_csv)
    assert list(by_event) == [event.event_id_cnty for event in expected]
    for event in expected:
        mine = by_event[event.event_id_cnty]
        wide = {"actor1": event.actor1, "actor2": event.actor2, "assoc_actor_1": event.assoc_actor_1,
                "assoc_actor_2": event.assoc_actor_2}
        rebuilt = {role: "; ".join(row["actor"] for row in mine if row["type_of_actor"] == role) for role in wide}
        assert rebuilt == wide
        inter = {"actor1": ("inter1", event.inter1_label), "actor2": ("inter2", event.inter2_label),
                 "assoc_actor_1": ("inter1", ""), "assoc_actor_2": ("inter2", "")}
        assert all((row["inter_type"], row["inter"]) == inter[row["type_of_actor"]] for row in mine)
        assert all(row["fatalities"] == str(event.fatalities) for row in mine)
    assert [row["type_of_actor"] for row in by_event[expected[0].event_id_cnty]] == ["actor1", "actor2",
                                                                                     "assoc_actor_1"]
