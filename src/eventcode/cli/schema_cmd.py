"""``eventcode schema NAME``: print one of the shipped JSON Schemas."""

from __future__ import annotations

import argparse

from eventcode.errors import UnknownValueError
from eventcode.registry import nearest
from eventcode.schema import schema_path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help="print a JSON Schema",
                            description="Print a JSON Schema shipped with eventcode.")
    parser.add_argument("name", help="schema name, e.g. acled-event")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = schema_path(args.name)
    if not path.is_file():
        names = sorted(p.name.removesuffix(".schema.json") for p in path.parent.glob("*.schema.json"))
        raise UnknownValueError(f"schema (one of {', '.join(names)})", args.name, nearest(args.name, names))
    print(path.read_text(encoding="utf-8"), end="")
    return 0
