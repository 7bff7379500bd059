"""``eventcode codebook NAME [CODE] [--format table|json]``: print a codebook, or one of its entries."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from typing import Any

from eventcode import cameo, plover
from eventcode.codebook import AcledCodebook, acled_codebook
from eventcode.errors import EventcodeError
from eventcode.tables import render_table


def acled_json(cb: AcledCodebook) -> dict[str, Any]:
    """The ACLED taxonomy and actor categories as plain data."""
    return {
        "name": cb.name,
        "version": cb.version,
        "event_types": [
            {
                "name": et.name,
                "definition": et.definition,
                "disorder_type": "; ".join(dict.fromkeys(s.disorder_type for s in et.sub_event_types)),
                "one_sided_allowed": et.one_sided_allowed,
                "sub_event_types": [
                    {"name": s.name, "disorder_type": s.disorder_type,
                     "civilian_targeting_allowed": s.civilian_targeting_allowed,
                     "one_sided_allowed": s.one_sided_allowed, "definition": s.definition}
                    for s in et.sub_event_types
                ],
            }
            for et in cb.event_types
        ],
        "actor_categories": [c.model_dump(mode="json") for c in cb.actor_categories],
        "interaction_codes": [{"code": code, "text": cb.interaction_text(code)} for code in cb.interaction_codes],
        "time_precision": [p.model_dump() for p in cb.time_precision],
        "geo_precision": [p.model_dump() for p in cb.geo_precision],
    }


def acled_table(cb: AcledCodebook) -> str:
    """The ACLED taxonomy and actor categories as readable text tables."""
    taxonomy = render_table(
        ["event_type", "sub_event_type", "disorder_type", "civilian targeting", "one-sided"],
        [[s.event_type, s.name, s.disorder_type, "yes" if s.civilian_targeting_allowed else "no",
          "yes" if s.one_sided_allowed else "no"] for s in cb.sub_event_types],
    )
    actors = render_table(["inter", "label", "older labels"],
                          [[str(c.code), c.label, ", ".join(c.older_labels)] for c in cb.actor_categories])
    return f"ACLED codebook {cb.version}\n\n{taxonomy}\n\n{actors}"


CODEBOOKS: dict[str, tuple[Callable[[], Any], Callable[[Any], dict[str, Any]], Callable[[Any], str]]] = {
    "acled": (acled_codebook, acled_json, acled_table),
    "cameo": (cameo.cameo_codebook, cameo.codebook_json, cameo.codebook_table),
    "cameo-1.1b3": (functools.partial(cameo.cameo_codebook, "1.1b3"), cameo.codebook_json, cameo.codebook_table),
    "plover": (plover.plover_codebook, plover.codebook_json, plover.codebook_table),
}

#: Codebooks whose entries print one at a time: name -> (codebook, key) -> (entry as JSON data, as text).
ENTRIES: dict[str, Callable[[Any, str], tuple[dict[str, Any], str]]] = {
    "cameo": cameo.entry,
    "cameo-1.1b3": cameo.entry,
    "plover": plover.entry,
}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("codebook", help="print a codebook", description="Print a codebook as a table or JSON.")
    parser.add_argument("name", choices=sorted(CODEBOOKS), help="which codebook")
    parser.add_argument("code", nargs="?", help="print one entry: a CAMEO event code (195), a PLOVER event type")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    load, as_json, as_table = CODEBOOKS[args.name]
    codebook = load()
    if args.code is not None:
        if args.name not in ENTRIES:
            raise EventcodeError(f"codebook {args.name!r} has no entries to print one by one; "
                                 f"those that do: {', '.join(sorted(ENTRIES))}")
        data, text = ENTRIES[args.name](codebook, args.code)
        print(json.dumps(data, indent=2, ensure_ascii=False) if args.format == "json" else text)
        return 0
    if args.format == "json":
        print(json.dumps(as_json(codebook), indent=2, ensure_ascii=False))
    else:
        print(as_table(codebook))
    return 0
