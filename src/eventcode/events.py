"""The ACLED event: all 31 columns of ACLED's export, typed, with the fields ACLED derives filled in.

>>> from datetime import date
>>> event = Event(event_id_cnty="MMR1", event_date=date(2023, 11, 1), time_precision=1,
...               sub_event_type="Air/drone strike", actor1="Military Forces of Myanmar (2021-)",
...               inter1="State forces", country="Myanmar", location="Laiza", latitude=24.7561,
...               longitude=97.5505, geo_precision=1, fatalities=0)
>>> event.event_type, event.interaction_text
('Explosions/Remote violence', 'State forces only')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from eventcode.codebook import acled_codebook
from eventcode.errors import InvalidEvent
from eventcode.rules import ANNOTATIONS, check_record


class Event(BaseModel):
    """One ACLED event. Construction checks every record rule and raises :class:`InvalidEvent` on a break.

    Accepts values as ACLED files hold them (text) or typed (``date``, ``int``); inter codes as numbers or
    labels. ``year``, ``event_type``, ``disorder_type``, ``interaction``, ``iso`` and ``region`` are derived
    when left out.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id_cnty: str
    event_date: date
    year: int
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int
    civilian_targeting: bool = False
    iso: int
    region: str
    country: str
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int
    tags: str = ""
    timestamp: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _check(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        fields = {key: value for key, value in data.items() if key not in ANNOTATIONS}
        values, issues = check_record(fields)
        if issues:
            raise InvalidEvent(issues)
        return values

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> Event:
        """An event from a record keyed by ACLED column names; annotation keys (rationale, ...) are ignored."""
        return cls.model_validate(dict(record))

    @property
    def inter1_label(self) -> str:
        return acled_codebook().actor_category_registry.lookup(self.inter1).label

    @property
    def inter2_label(self) -> str:
        return "" if self.inter2 is None else acled_codebook().actor_category_registry.lookup(self.inter2).label

    @property
    def interaction_text(self) -> str:
        """The interaction in ACLED's 2024 text form, e.g. ``State forces-Rebel group``."""
        return acled_codebook().interaction_text(self.interaction)
