"""Read records keyed by ACLED column names from YAML, JSON or JSON Lines files.

A file holds a list of records, or a mapping whose ``events`` key holds the list (the seeds' gold files; their
other keys, such as ``not_coded``, are not events). Each record comes with its number and, where the format
tells, its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventcode.errors import InputError

RECORD_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: its fields, its 1-based number in the file and the line it starts on (if known)."""

    data: dict[str, Any]
    number: int
    line: int | None


def record_format(path: Path) -> str:
    """``yaml``, ``json`` or ``jsonl`` from the file name; raises InputError for anything else."""
    try:
        return RECORD_SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise InputError(f"{path}: cannot tell the format from the suffix {path.suffix!r} "
                         f"(expected one of {', '.join(sorted(RECORD_SUFFIXES))})") from None


def read_records(path: str | Path) -> Iterator[Record]:
    """The records of a YAML, JSON or JSON Lines file; raises InputError when the file cannot be parsed."""
    path = Path(path)
    fmt = record_format(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    if fmt == "jsonl":
        return _jsonl(path, text)
    if fmt == "json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{path}: not valid JSON: {exc}") from None
        return (Record(item, number, None) for number, item in enumerate(_record_list(path, data), 1))
    return _yaml(path, text)


def _record_list(path: Path, data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "events" in data:
        data = data["events"]
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of records (or a mapping with an 'events' list)")
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise InputError(f"{path}: record {number}: expected a mapping of ACLED fields, got "
                             f"{type(item).__name__}")
    return data


def _jsonl(path: Path, text: str) -> Iterator[Record]:
    number = 0
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        number += 1
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{path}:{line_number}: not valid JSON: {exc}") from None
        if not isinstance(item, dict):
            raise InputError(f"{path}:{line_number}: expected a JSON object, got {type(item).__name__}")
        yield Record(item, number, line_number)


def _yaml(path: Path, text: str) -> Iterator[Record]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError(f"{path}: the file is empty")
        node = root
        if isinstance(root, yaml.MappingNode):
            node = next((value for key, value in root.value if key.value == "events"), root)
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    records = _record_list(path, data)
    lines = [item.start_mark.line + 1 for item in items] if items is not None else [None] * len(records)
    return (Record(item, number, line) for number, (item, line) in enumerate(zip(records, lines, strict=True), 1))
