"""JSON Schemas (Draft 2020-12) generated from the codebooks; the committed copies live in ``schemas/``.

Regenerate them after editing a codebook with ``python -m eventcode.schema``; a test fails while they are stale.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventcode._resources import data_dir
from eventcode.codebook import acled_codebook
from eventcode.plover import plover_event_schema
from eventcode.report import validation_report_schema
from eventcode.rules import EVENT_ID, REQUIRED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


def _levels_pattern(levels: tuple[str, ...], separator: str) -> str:
    one = "(?:" + "|".join(re.escape(level) for level in levels) + ")"
    return f"^{one}(?:{re.escape(separator)}{one})*$"


def acled_event_schema() -> Schema:
    """The schema of one ACLED event record, as ACLED's JSON API gives it (inter codes as labels or numbers).

    It holds every rule a schema can state: the vocabularies, ranges, the sub-event -> event/disorder type
    links, civilian_targeting and one-sided events only where allowed, civilians as the victims of violence
    against civilians, inter2 blank exactly when actor2 is. Rules across fields that need arithmetic or a
    table (year from event_date, interaction from inter1/inter2, iso and region from country) are the
    library's alone.
    """
    cb = acled_codebook()
    subs = list(cb.sub_event_types)
    labels = [label for c in cb.actor_categories for label in (c.label, *c.older_labels)]
    codes = [c.code for c in cb.actor_categories]
    no_inter2: list[Any] = [0, "", "0", None]
    text: Schema = {"type": "string"}
    properties: Schema = {
        "event_id_cnty": {"type": "string", "pattern": f"^{EVENT_ID.pattern}$",
                          "description": "ACLED's country prefix and a number, e.g. MMR12345."},
        "event_date": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "year": {"type": "integer"},
        "time_precision": {"enum": [p.code for p in cb.time_precision]},
        "disorder_type": {"enum": sorted(cb.disorder_type_values)},
        "event_type": {"enum": [e.name for e in cb.event_types]},
        "sub_event_type": {"enum": [s.name for s in subs]},
        "actor1": {"type": "string", "minLength": 1},
        "assoc_actor_1": text,
        "inter1": {"oneOf": [{"enum": codes}, {"enum": labels}, {"enum": [str(c) for c in codes]}]},
        "actor2": text,
        "assoc_actor_2": text,
        "inter2": {"oneOf": [{"enum": codes}, {"enum": labels}, {"enum": [str(c) for c in codes]},
                             {"enum": no_inter2}]},
        "interaction": {"oneOf": [{"enum": list(cb.interaction_codes)},
                                  {"enum": [cb.interaction_text(c) for c in cb.interaction_codes]},
                                  {"enum": [str(c) for c in cb.interaction_codes]}]},
        "civilian_targeting": {"enum": ["", cb.civilian_targeting_value]},
        "iso": {"type": "integer", "minimum": 0},
        "region": {"enum": [r.name for r in cb.regions]},
        "country": {"enum": [c.name for c in cb.countries]},
        "admin1": text, "admin2": text, "admin3": text,
        "location": {"type": "string", "minLength": 1},
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "geo_precision": {"enum": [p.code for p in cb.geo_precision]},
        "source": text,
        "source_scale": {"type": "string",
                         "pattern": "^$|" + _levels_pattern(cb.source_scale.levels, cb.source_scale.separator)},
        "notes": text,
        "fatalities": {"type": "integer", "minimum": 0},
        "tags": {"type": "string", "pattern": r"^$|^[^;\s](?:[^;]*[^;\s])?(?:; [^;\s](?:[^;]*[^;\s])?)*$"},
        "timestamp": {"oneOf": [{"type": "integer", "minimum": 0}, {"enum": ["", None]}]},
    }
    rules: list[Schema] = [
        {"if": {"properties": {"sub_event_type": {"const": s.name}}, "required": ["sub_event_type"]},
         "then": {"properties": {"event_type": {"const": s.event_type}, "disorder_type": {"const": s.disorder_type}}}}
        for s in subs
    ]
    rules.append({
        "if": {"properties": {"sub_event_type": {"enum": [s.name for s in subs if not s.civilian_targeting_allowed]}},
               "required": ["sub_event_type"]},
        "then": {"properties": {"civilian_targeting": {"const": ""}}},
    })
    rules.append({
        "if": {"properties": {"sub_event_type": {"enum": [s.name for s in subs if not s.one_sided_allowed]}},
               "required": ["sub_event_type"]},
        "then": {"required": ["actor2"], "properties": {"actor2": {"minLength": 1}}},
    })
    for event_type in cb.event_types:
        if event_type.actor2_category is not None:
            victim = cb.actor_category_registry.lookup(event_type.actor2_category)
            rules.append({
                "if": {"properties": {"event_type": {"const": event_type.name}}, "required": ["event_type"]},
                "then": {"properties": {"inter2": {"enum": [victim.code, str(victim.code), victim.label]}}},
            })
    rules.append({
        "if": {"anyOf": [{"not": {"required": ["actor2"]}}, {"properties": {"actor2": {"const": ""}}}]},
        "then": {"properties": {"inter2": {"enum": no_inter2}}},
        "else": {"required": ["inter2"], "properties": {"inter2": {"not": {"enum": no_inter2}}}},
    })
    return {
        "$schema": DRAFT,
        "$id": "https://github.com/eventcode/eventcode/schemas/acled-event.schema.json",
        "title": "ACLED event",
        "description": f"One event of ACLED's export (codebook {cb.version}), generated by eventcode from "
                       "codebooks/acled.yaml. Do not edit: run `python -m eventcode.schema`.",
        "type": "object",
        "properties": properties,
        "required": list(REQUIRED),
        "additionalProperties": False,
        "allOf": rules,
    }


#: Every generated schema by name; ``schemas/<name>.schema.json`` holds the committed copy.
GENERATORS: dict[str, Callable[[], Schema]] = {"acled-event": acled_event_schema,
                                               "plover-event": plover_event_schema,
                                               "validation-report": validation_report_schema}


def schema_text(schema: Schema) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_path(name: str) -> Path:
    return data_dir("schemas") / f"{name}.schema.json"


def load_schema(name: str) -> Schema:
    """A shipped schema by name, e.g. ``load_schema("acled-event")``."""
    data: Schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return data


def write_schemas(folder: Path) -> list[Path]:
    """Generate every schema into ``folder``; returns the files written."""
    written = []
    for name, generate in GENERATORS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(generate()), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else data_dir("schemas")):
        print(written_path)
