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
    needs = pc.match_substring_regex(column, NEEDS_QUOTES)
    if not pc.any(needs).as_py():
        return column
    wrapped = pc.binary_join_element_wise('"', pc.replace_substring(column, '"', '""'), '"', "")
    return pc.if_else(needs, wrapped, column)


def csv_bytes(columns: Sequence[Any]) -> bytes:
    """The CSV rows (LF line ends) of equally long text columns, one row per position."""
    if not columns or len(columns[0]) == 0:
        return b""
    lines = pc.binary_join_element_wise(pc.binary_join_element_wise(*map(quoted, columns), ","), "\n", "")
    if not isinstance(lines, pa.Array):
        lines = lines.combine_chunks()
    offsets, data = lines.buffers()[1], lines.buffers()[2]
    first = struct.unpack_from("<i", offsets, 4 * lines.offset)[0]
    last = struct.unpack_from("<i", offsets, 4 * (lines.offset + len(lines)))[0]
    return data.slice(first, last - first).to_pybytes() if data is not None else b""
