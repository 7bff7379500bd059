"""Read records keyed by ACLED column names from YAML, JSON or JSON Lines files.

A file holds a list of records, or a mapping whose ``events`` key holds the list (the seeds' gold files; their
other keys, such as ``not_coded``, are not events). Each record comes with its number and, where the format
tells, its line.

Hostile input is refused with an :class:`~eventcode.errors.InputError` naming the file and the limit: YAML and
JSON documents larger than ``max_bytes`` (they are parsed whole), JSON Lines lines larger than ``max_bytes``
(they are streamed), YAML tags that would build Python objects, YAML aliases to lists or mappings (which can
expand exponentially: "billion laughs"), and JSON nested too deep for the parser.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventcode.errors import InputError

RECORD_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: The default largest YAML or JSON document, and the largest JSON Lines line, in bytes.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def read_records(path: str | Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Record]:
    """The records of a YAML, JSON or JSON Lines file; raises InputError when the file cannot be parsed."""
    path = Path(path)
    fmt = record_format(path)
    if fmt == "jsonl":
        return _jsonl(path, max_bytes)
    text = _read_document(path, max_bytes)
    if fmt == "json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{path}: not valid JSON: {_short(exc)}") from None
        return (Record(item, number, None) for number, item in enumerate(_record_list(path, data), 1))
    return _yaml(path, text)


def _read_document(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} bytes for a YAML or JSON "
                             "document (raise it with --max-bytes, or use JSON Lines, which is streamed)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return _decode(path, raw)


def _decode(path: Path, raw: bytes, line: int | None = None) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"{path}:{line}" if line else f"{path}: byte {exc.start}"
        raise InputError(f"{where}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start}); "
                         "eventcode reads UTF-8, with or without a BOM") from None


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


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


def _jsonl(path: Path, max_bytes: int) -> Iterator[Record]:
    number = 0
    try:
        with path.open("rb") as handle:
            for line_number, raw in enumerate(iter(lambda: handle.readline(max_bytes + 1), b""), 1):
                if len(raw) > max_bytes:
                    raise InputError(f"{path}:{line_number}: the line is over the limit of {max_bytes:,} bytes "
                                     "(raise it with --max-bytes)")
                line = _decode(path, raw[3:] if line_number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw,
                               line_number)
                if not line.strip():
                    continue
                number += 1
                try:
                    item = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    raise InputError(f"{path}:{line_number}: not valid JSON: {_short(exc)}") from None
                if not isinstance(item, dict):
                    raise InputError(f"{path}:{line_number}: expected a JSON object, got {type(item).__name__}")
                yield Record(item, number, line_number)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _refuse_collection_aliases(path: Path, root: yaml.Node) -> None:
    """Raise when a list or mapping node is reached twice: only an alias can do that, and such aliases can
    expand exponentially when the data is walked (the "billion laughs" attack)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            continue
        if id(node) in seen:
            raise InputError(f"{path}:{node.start_mark.line + 1}: a YAML alias to a list or mapping is not "
                             "allowed in records (aliases to single values are)")
        seen.add(id(node))
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
        stack.extend(children)


@contextlib.contextmanager
def _yaml_root(path: Path, text: str) -> Iterator[tuple[Any, yaml.Node]]:
    """The loader and root node of one YAML document; an empty document, bad YAML, nesting too deep or an alias to
    a list or mapping raises InputError naming the file."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise InputError(f"{path}: the file is empty")
        _refuse_collection_aliases(path, root)
        yield loader, root
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {_short(exc)}") from None
    except RecursionError:
        raise InputError(f"{path}: YAML nested too deep") from None
    finally:
        loader.dispose()


def safe_yaml(path: str | Path, text: str) -> Any:
    """The data of one YAML document, refused (InputError) when it is empty, not valid YAML, nested too deep, or
    has an alias to a list or mapping. Only plain data is built: tags that would make Python objects are errors."""
    with _yaml_root(Path(path), text) as (loader, root):
        return loader.construct_document(root)


def _yaml(path: Path, text: str) -> Iterator[Record]:
    with _yaml_root(path, text) as (loader, root):
        node = root
        if isinstance(root, yaml.MappingNode):
            node = next((value for key, value in root.value if key.value == "events"), root)
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        data = loader.construct_document(node)
    records = _record_list(path, data)
    lines = [item.start_mark.line + 1 for item in items] if items is not None else [None] * len(records)
    return (Record(item, number, line) for number, (item, line) in enumerate(zip(records, lines, strict=True), 1))
