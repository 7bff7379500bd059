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


def quoted(column: Any) -> Any:
    """A text column with each value that needs quotes quoted (RFC 4180: inner quotes doubled); null is blank."""
    if column.null_count:
        column = pc.fill_null(column, "")
    text = _text(column)
    if not any(char in text for char in (b",", b'"', b"\n", b"\r")):
        return column
    needs = pc.match_substring_regex(column, NEEDS_QUOTES)
    chosen = pc.filter(column, needs)
    if b'"' in text:
        chosen = pc.replace_substring(chosen, '"', '""')
    return pc.replace_with_mask(column, needs, pc.binary_join_element_wise('"', chosen, '"', ""))


def _text(column: Any) -> bytes:
    """The bytes of a text column's values, end to end."""
    offsets, data = column.buffers()[1], column.buffers()[2]
    if data is None or len(column) == 0:
        return b""
    first = struct.unpack_from("<i", offsets, 4 * column.offset)[0]
    last = struct.unpack_from("<i", offsets, 4 * (column.offset + len(column)))[0]
    return bytes(data.slice(first, last - first).to_pybytes())


def csv_bytes(columns: Sequence[Any]) -> bytes:
    """The CSV rows (LF line ends) of equally long text columns, one row per position."""
    if not columns or len(columns[0]) == 0:
        return b""
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*map(quoted, columns), ","), "\n", "")
    return _text(lines if isinstance(lines, pa.Array) else lines.combine_chunks())
