"""``eventcode code FILE --published DATE --country NAME``: the candidate ACLED events of an incident report.

``--batch FILE.jsonl``: one report per line (``{"id", "text", "published", "country"}``), one output line per
input line (``{"id", "events"}``, or ``{"id", "error"}`` for a bad line) in input order.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from eventcode._atomic import atomic_text_writer
from eventcode.cli._limits import size
from eventcode.cli._progress import ProgressBar
from eventcode.coder import Coder, Record, complete_event
from eventcode.errors import EventcodeError, InputError, InvalidEvent
from eventcode.events import Event
from eventcode.formats.acled_csv import write_rows
from eventcode.formats.records import MAX_DOCUMENT_BYTES
from eventcode.formats.yaml_text import dump_yaml
from eventcode.rules import parse_date

FORMATS = ("yaml", "jsonl", "acled-csv")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("code", help="code an incident report into candidate ACLED events",
                            description="Read an incident report and print the events an ACLED coder would record, "
                            "each with its evidence and what a human must still check.")
    parser.add_argument("file", type=Path, nargs="?", help="the report (plain text; '-' for stdin)")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD (relative dates are read against it)")
    parser.add_argument("--country", help="ACLED country name of the events (default: guessed from the places named)")
    parser.add_argument("--format", choices=FORMATS, default="yaml", help="output format (default: yaml)")
    parser.add_argument("--batch", type=Path, metavar="FILE.jsonl",
                        help="code many reports: one JSON object per line with id, text, published, country")
    parser.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE",
                        help="your own gazetteer: a YAML gazetteer or an ACLED export (CSV, any generation), whose "
                        "locations are preferred over GeoNames in their country (repeatable)")
    parser.add_argument("--actors", type=Path, action="append", default=[], metavar="FILE",
                        help="your own actors: a YAML dictionary (named entries as in actors.yaml) or an ACLED "
                        "export (CSV), whose actor names and categories are looked for as ACLED spells them "
                        "(repeatable)")
    parser.add_argument("--no-progress", action="store_true", help="no progress line for --batch, even on a terminal")
    parser.add_argument("--include-statements", action="store_true",
                        help="also code quoted statements, statements and aggregate claims (by default they make no "
                        "event and are listed under not_coded)")
    parser.add_argument("--id-prefix", default="EC",
                        help="prefix of the provisional event ids written with --format acled-csv (default: EC)")
    parser.add_argument("-o", "--output", type=Path, help="output file, written whole or not at all (default: stdout)")
    parser.add_argument("--max-bytes", type=size, default=MAX_DOCUMENT_BYTES, metavar="SIZE",
                        help="largest report, and --batch line, read (default: 16M); a larger one is refused "
                        "naming the limit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    coder = Coder(args.gazetteer, args.actors)
    if args.batch is not None:
        if args.file is not None:
            raise InputError("give either FILE or --batch FILE.jsonl, not both")
        if args.format != "jsonl":
            raise InputError("--batch writes JSON Lines: use --format jsonl")
    if args.output is None:
        return _run(coder, args, sys.stdout)
    with atomic_text_writer(args.output) as out:
        return _run(coder, args, out)


def _run(coder: Coder, args: argparse.Namespace, out: TextIO) -> int:
    if args.batch is not None:
        bar = None
        if not args.no_progress and sys.stderr.isatty():
            bar = ProgressBar(sys.stderr, args.batch.stat().st_size if args.batch.is_file() else 0)
        # the coder's caches and the indexes of the countries it meets grow through a batch, and the cyclic garbage
        # collector would walk them every few reports: it runs a thirtieth as often (what a report leaves behind
        # is freed by reference counting)
        thresholds = gc.get_threshold()
        gc.set_threshold(20_000, *thresholds[1:])
        try:
            return _batch(coder, args.batch, out, args.include_statements, args.max_bytes, bar)
        finally:
            gc.set_threshold(*thresholds)
            if bar is not None:
                bar.close()
    return _single(coder, args, out)


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        if str(path) == "-":
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise InputError(f"{path}: the report is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})") from None


def _single(coder: Coder, args: argparse.Namespace, out: TextIO) -> int:
    if args.file is None:
        raise InputError("give the report FILE (or --batch FILE.jsonl)")
    if not args.published:
        raise InputError("--published YYYY-MM-DD is required")
    published = parse_date(args.published)
    if published is None:
        raise InputError(f"--published {args.published!r} is not a date (YYYY-MM-DD)")
    text = _read_text(args.file, args.max_bytes)
    country = args.country or coder.guess_country(text)
    if country is None:
        raise InputError(f"{args.file}: no place of any gazetteer is named: give --country")
    not_coded: list[dict[str, Any]] = []
    records = coder.code(text, published, country, not_coded=not_coded, statements=args.include_statements)
    if args.format == "yaml":
        document = {"report": str(args.file), "published": published.isoformat(), "country": country,
                    "events": records, "not_coded": not_coded}
        dump_yaml(document, out)
    elif args.format == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        return _acled_csv(records, args.id_prefix, str(args.file), out)
    return 0


def _acled_csv(records: list[Record], prefix: str, source: str, out: TextIO) -> int:
    """Write the complete candidates; report on stderr each one that needs review first."""
    events: list[Event] = []
    held = 0
    for number, record in enumerate(records, 1):
        result = complete_event(record, f"{prefix}{number}")
        if isinstance(result, InvalidEvent):
            held += 1
            print(f"{source}: event {number} ({record['sub_event_type']}, {record['event_date']}) not written: "
                  f"{result}", file=sys.stderr)
            for item in record["review"]:
                print(f"  review {item['field']}: {item['reason']}", file=sys.stderr)
        else:
            events.append(result)
    write_rows(events, out)
    if held:
        print(f"eventcode: {held} of {len(records)} candidate event(s) need review before they can be written",
              file=sys.stderr)
        return 1
    return 0


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """The lines of ``path`` with their numbers and the bytes read so far; a line over ``max_bytes`` comes as None,
    skipped unread."""
    try:
        with path.open("rb") as handle:
            number = 0
            while chunk := handle.readline(max_bytes + 1):
                number += 1
                if len(chunk) <= max_bytes:
                    yield number, chunk, handle.tell()
                    continue
                while chunk and not chunk.endswith(b"\n"):
                    chunk = handle.readline(max_bytes + 1)
                yield number, None, handle.tell()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _batch(coder: Coder, path: Path, out: TextIO, statements: bool, max_bytes: int,
           progress: ProgressBar | None = None) -> int:
    """One output line per input line, in order; a bad line gets an error entry and the batch goes on.
    ``progress`` is told of the reports coded and the bytes read."""
    bad = 0
    for number, raw, read in _lines(path, max_bytes):
        if progress is not None:
            progress(number, read)
        if raw is not None and not raw.strip():
            continue
        key: object = None
        try:
            if raw is None:
                raise InputError(f"the line is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 text (byte {raw[exc.start]:#04x})") from None
            item = json.loads(line)
            if not isinstance(item, dict):
                raise InputError("a line must be a JSON object")
            key = item.get("id")
            missing = [name for name in ("text", "published", "country") if not item.get(name)]
            if missing:
                raise InputError(f"missing {', '.join(missing)}")
            published = parse_date(item["published"])
            if published is None or not isinstance(item["text"], str):
                raise InputError(f"published {item['published']!r} is not a date (YYYY-MM-DD)" if published is None
                                 else "text must be a string")
            events = coder.code(item["text"], published, str(item["country"]), statements=statements)
            entry: dict[str, Any] = {"id": key, "events": events}
        except (json.JSONDecodeError, EventcodeError) as exc:
            bad += 1
            entry = {"id": key, "error": f"{path}:{number}: {exc}"}
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    if bad:
        print(f"eventcode: {bad} line(s) of {path} could not be coded (see their error entries)", file=sys.stderr)
        return 1
    return 0
