"""Example data shared by the tests."""

from __future__ import annotations

from typing import Any

#: A valid record: an armed clash in Laiza, Myanmar, with ACLED's 2024 text forms of the inter fields.
VALID_RECORD: dict[str, Any] = {
    "event_id_cnty": "MMR12345", "event_date": "2023-11-01", "year": 2023, "time_precision": 1,
    "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
    "actor1": "Military Forces of Myanmar (2021-)", "assoc_actor_1": "", "inter1": "State forces",
    "actor2": "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "assoc_actor_2": "",
    "inter2": "Rebel group", "interaction": "State forces-Rebel group", "civilian_targeting": "", "iso": 104,
    "region": "Southeast Asia", "country": "Myanmar", "admin1": "Kachin", "admin2": "Myitkyina",
    "admin3": "Waingmaw", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1,
    "source": "Irrawaddy", "source_scale": "National", "notes": "On 1 November 2023, the KIA clashed with the "
    "military in Laiza.", "fatalities": 3, "tags": "", "timestamp": 1699000000,
}
