"""Write events as Parquet with typed columns, through pyarrow, a row group at a time (memory stays flat).

Types: event_date is date32; year, iso, time_precision, geo_precision and fatalities are integers, timestamp an
int64 (null when absent); latitude and longitude float64; the vocabularies (disorder, event and sub-event
types, civilian_targeting, region, country, admin1-3, source_scale) dictionary-encoded strings; names, sources,
notes and tags plain strings. inter1, inter2 and interaction are integer codes (``inter="numeric"``; inter2 null
without actor2) or dictionary-encoded labels (``"text"``). Reading the file back (pyarrow, pandas, polars, DuckDB)
and making events of its rows gives the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from eventcode._atomic import atomic_binary_writer
from eventcode.codebook import acled_codebook
from eventcode.errors import OutputError
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm

#: Events per row group: large enough for good compression, small enough to keep memory flat.
ROW_GROUP = 32_768
CATEGORIES = ("disorder_type", "event_type", "sub_event_type", "civilian_targeting", "region", "country", "admin1",
              "admin2", "admin3", "source_scale")


def schema(inter: InterForm = "text") -> Any:
    """The Arrow schema of the Parquet file, in ACLED's column order."""
    import pyarrow as pa

    category = pa.dictionary(pa.int32(), pa.string())
    code = pa.int16() if inter == "numeric" else category
    types = {"event_date": pa.date32(), "year": pa.int16(), "time_precision": pa.int8(), "inter1": code,
             "inter2": code, "interaction": code, "iso": pa.int16(), "latitude": pa.float64(),
             "longitude": pa.float64(), "geo_precision": pa.int8(), "fatalities": pa.int32(),
             "timestamp": pa.int64(), **dict.fromkeys(CATEGORIES, category)}
    return pa.schema([(name, types.get(name, pa.string())) for name in acled_codebook().columns])


def _columns(events: Iterable[Event], inter: InterForm) -> dict[str, list[Any]]:
    """The events' values, column by column (text inter labels with ``inter="text"``)."""
    cb = acled_codebook()
    columns: dict[str, list[Any]] = {name: [] for name in cb.columns}
    for event in events:
        values = event.model_dump()
        values["civilian_targeting"] = cb.civilian_targeting_value if event.civilian_targeting else ""
        if inter == "text":
            values.update(inter1=event.inter1_label, inter2=event.inter2_label or None,
                          interaction=event.interaction_text)
        for name, column in columns.items():
            column.append(values[name])
    return columns


def write_parquet(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as a Parquet file (atomically); returns the number written. Parquet needs a file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path is None:
        raise OutputError("parquet is binary: name an output file with -o")
    target = schema(inter)
    iterator = iter(events)
    count = 0
    with atomic_binary_writer(path) as out, pq.ParquetWriter(out, target) as writer:
        while True:
            columns = _columns(islice(iterator, ROW_GROUP), inter)
            rows = len(columns["event_id_cnty"])
            if rows or not count:  # an empty file still holds the schema
                writer.write_table(pa.table(columns, schema=target))
            count += rows
            if rows < ROW_GROUP:
                break
    return count
