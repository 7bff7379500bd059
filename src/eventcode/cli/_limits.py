"""The size limits the commands share: ``--max-bytes`` (a YAML/JSON document or a JSON Lines line) and
``--max-field-bytes`` (a CSV field). Sizes are bytes, or a number with K, M or G (binary: 1K is 1,024)."""

from __future__ import annotations

import argparse
import re

from eventcode.formats.acled_read import MAX_FIELD_BYTES
from eventcode.formats.records import MAX_DOCUMENT_BYTES

_SIZE = re.compile(r"([0-9]+)\s*([KMG]?)i?B?", re.IGNORECASE)
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def size(text: str) -> int:
    """A size in bytes from ``1048576``, ``64K``, ``16M``, ``1G`` (argparse type: a bad one is a usage error)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (a positive number of bytes, or with K, M or G)")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-bytes`` and ``--max-field-bytes`` to a command."""
    parser.add_argument("--max-bytes", type=size, default=MAX_DOCUMENT_BYTES, metavar="SIZE",
                        help="largest YAML or JSON document, and JSON Lines line, read (default: 16M); a larger "
                        "one is refused naming the limit")
    parser.add_argument("--max-field-bytes", type=size, default=MAX_FIELD_BYTES, metavar="SIZE",
                        help="largest CSV field read (default: 1M; ACLED's notes stay under 10K); a row with a "
                        "larger one is reported (field-too-large) and not read")
