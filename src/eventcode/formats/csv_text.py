"""Write Arrow text columns as CSV, byte for byte as :func:`eventcode.formats.acled_csv.csv_line` writes a row.

pyarrow's own CSV writer quotes every text value; ACLED's files (and eventcode's) quote only a value holding a
comma, a quote, CR or LF. This writer keeps that, a whole batch at a time.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

NEEDS_QUOTES = r'[,"\r\n]'


def _text(column: Any) -> memoryview:
    """The bytes of a text column's values, end to end, without copying them."""
    offsets, data = column.buffers()[1], column.buffers()[2]
    if data is None or len(column) == 0:
        return memoryview(b"")
    first = struct.unpack_from("<i", offsets, 4 * column.offset)[0]
    last = struct.unpack_from("<i", offsets, 4 * (column.offset + len(column)))[0]
    return memoryview(data.slice(first, last - first))


def quoted(column: Any) -> Any:
    """A text column with each value that needs quotes quoted (RFC 4180: inner quotes doubled); null is blank."""
    if column.null_count:
        column = pc.fill_null(column, "")
    text = bytes(_text(column))  # a copy, then four scans at memory speed: far quicker than a regex per value
    if not any(char in text for char in (b",", b'"', b"\n", b"\r")):
        return column
    needs = pc.match_substring_regex(column, NEEDS_QUOTES)
    every = pc.all(needs).as_py()
    chosen = column if every else pc.filter(column, needs)
    if b'"' in text:
        chosen = pc.replace_substring(chosen, '"', '""')
    wrapped = pc.binary_join_element_wise('"', chosen, '"', "")
    return wrapped if every else pc.replace_with_mask(column, needs, wrapped)


def csv_lines(columns: Sequence[Any]) -> Any:
    """One CSV line (ending in LF) per position of equally long text columns, as a text array."""
    fields = list(map(quoted, columns))
    fields[-1] = pc.binary_join_element_wise(fields[-1], "\n", "")
    lines = pc.binary_join_element_wise(*fields, ",")
    return lines if isinstance(lines, pa.Array) else lines.combine_chunks()


def joined(lines: Any) -> memoryview:
    """The text of an array of lines, end to end, as UTF-8 (a view: write it before the array goes)."""
    return _text(lines if isinstance(lines, pa.Array) else lines.combine_chunks())


def csv_bytes(columns: Sequence[Any]) -> bytes:
    """The CSV rows (LF line ends) of equally long text columns, one row per position."""
    if not columns or len(columns[0]) == 0:
        return b""
    return bytes(joined(csv_lines(columns)))
