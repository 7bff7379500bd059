"""Write events as GeoJSON (RFC 7946): one FeatureCollection of points, longitude first, streamed.

Each event is a Feature whose ``id`` is its event_id_cnty, whose geometry is the Point [longitude, latitude]
(WGS 84, as RFC 7946 requires and ACLED's coordinates are) and whose properties are the 31 ACLED fields exactly
as :mod:`eventcode.formats.jsonl` writes them. QGIS, GDAL and geopandas read it as a point layer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from eventcode._atomic import write_output
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm
from eventcode.formats.jsonl import event_object


def feature(event: Event, inter: InterForm = "text") -> dict[str, object]:
    """One event as a GeoJSON Feature."""
    return {"type": "Feature", "id": event.event_id_cnty,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": event_object(event, inter)}


def write_features(events: Iterable[Event], out: TextIO, inter: InterForm = "text") -> int:
    """Write a FeatureCollection, one feature per line, to an open text stream; returns the number of events."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        out.write((",\n" if count else "") + json.dumps(feature(event, inter), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_geojson(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as a GeoJSON file (atomically), or to stdout when ``path`` is None."""
    return write_output(path, lambda out: write_features(events, out, inter))
