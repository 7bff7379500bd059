"""Write ACLED events as GDELT-like CAMEO event rows: GDELT 2.0's 61 tab-separated columns, no header.

Each event is projected by the crosswalk (:func:`eventcode.crosswalk.to_cameo`). Filled in: GLOBALEVENTID (1,
the event's ISO country number in three digits, then the digits of event_id_cnty: unique as an integer), the
date fields, actor codes, names, countries and roles, the event codes with the lookup's quad class and Goldstein
value, the action's place and coordinates, DATEADDED from ACLED's timestamp and SOURCEURL as
``ACLED <event_id_cnty>``. Left blank because ACLED does not hold them: AvgTone, FIPS country and ADM codes,
GeoNames feature ids; mentions, sources and articles are 1 (one coded report). An event without a CAMEO
equivalent, or with a tab or line break in a value (which a GDELT row cannot carry), cannot be written: nothing
is written and :class:`~eventcode.errors.InvalidEvent` lists them (``no-cameo-equivalent``,
``value-not-writable``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from eventcode._atomic import write_output
from eventcode.crosswalk import CameoActor, CameoProjection, to_cameo
from eventcode.errors import InvalidEvent
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, format_number
from eventcode.formats.gdelt import DAYS_PER_MONTH, DAYS_PER_YEAR, FRACTION_PLACES, SEPARATOR, gdelt_codebook
from eventcode.issues import Issue

LAYOUT = "gdelt-2.0"
_UNWRITABLE = re.compile(r"[\t\r\n]")
#: GDELT's Geo_Type for a place that is not in the United States: 4 a city or landmark, 5 an ADM1 region.
WORLD_CITY, WORLD_STATE = 4, 5


def _actor(prefix: str, actor: CameoActor | None) -> dict[str, str]:
    if actor is None:
        return {}
    return {f"{prefix}Code": actor.code, f"{prefix}Name": actor.name.upper(), f"{prefix}CountryCode":
            actor.country if actor.country != "UIS" else "", f"{prefix}Type1Code": actor.role}


def gdelt_values(cameo: CameoProjection) -> dict[str, str]:
    """The GDELT columns an ACLED event fills, by column name (the others stay blank)."""
    event, code = cameo.event, cameo.event_code
    if code is None:
        raise ValueError(f"{event.event_id_cnty}: {event.sub_event_type!r} has no CAMEO equivalent")
    day = event.event_date
    fraction = day.year + ((day.month - 1) * DAYS_PER_MONTH + day.day) / DAYS_PER_YEAR
    digits = re.sub(r"\D", "", event.event_id_cnty)
    values = {
        "GLOBALEVENTID": f"1{event.iso:03d}{digits}", "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"), "Year": str(day.year), "FractionDate": f"{fraction:.{FRACTION_PLACES}f}",
        **_actor("Actor1", cameo.actor1), **_actor("Actor2", cameo.actor2),
        "IsRootEvent": "1", "EventCode": code.code, "EventBaseCode": code.base, "EventRootCode": code.root,
        "QuadClass": str(code.quad_class), "GoldsteinScale": format_number(code.goldstein or 0.0),
        "NumMentions": "1", "NumSources": "1", "NumArticles": "1",
        "ActionGeo_Type": str(WORLD_STATE if event.geo_precision == 3 else WORLD_CITY),
        "ActionGeo_FullName": ", ".join(p for p in (event.location, event.admin1, event.country) if p),
        "ActionGeo_Lat": format_number(event.latitude), "ActionGeo_Long": format_number(event.longitude),
        "SOURCEURL": f"ACLED {event.event_id_cnty}",
    }
    if event.timestamp is not None:
        values["DATEADDED"] = datetime.fromtimestamp(event.timestamp, timezone.utc).strftime("%Y%m%d%H%M%S")
    return values


def cameo_rows(events: Iterable[Event]) -> list[list[str]]:
    """Every event as a GDELT 2.0 row; raises InvalidEvent listing each event without a CAMEO equivalent."""
    book = gdelt_codebook()
    columns = book.columns_of(next(layout for layout in book.layouts if layout.name == LAYOUT))
    projections = [to_cameo(event) for event in events]
    missing = [Issue("no-cameo-equivalent", f"{p.event.event_id_cnty}: {p.event.sub_event_type!r} has no CAMEO "
                     "event code in the crosswalk", "sub_event_type", p.event.sub_event_type, record=number)
               for number, p in enumerate(projections, start=1) if p.event_code is None]
    if missing:
        raise InvalidEvent(missing)
    rows, unwritable = [], []
    for number, projection in enumerate(projections, start=1):
        values = gdelt_values(projection)
        rows.append([values.get(column, "") for column in columns])
        unwritable += [Issue("value-not-writable", f"{projection.event.event_id_cnty}: {column} holds a tab or line "
                             "break, which a GDELT row cannot carry", column, value, record=number)
                       for column, value in values.items() if _UNWRITABLE.search(value)]
    if unwritable:
        raise InvalidEvent(unwritable)
    return rows


def _write(rows: list[list[str]], out: TextIO) -> int:
    for row in rows:
        out.write(SEPARATOR.join(row) + "\n")
    return len(rows)


def write_cameo_tsv(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as GDELT 2.0 rows (atomically), or to stdout when ``path`` is None; ``inter`` is unused."""
    rows = cameo_rows(events)
    return write_output(path, lambda out: _write(rows, out))
