"""The corpus of broken and hostile inputs, and the outcome each must get from ``eventcode``.

Small inputs are checked in under ``tests/hostile/`` (rebuild them with ``python tests/hostile_corpus.py``; a test
fails when they drift from what this module builds); large ones (a 50 MB field, a 100 MB YAML file, 10,000
columns) are written by the ``large_*`` functions into a test's temporary folder.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from examples import VALID_RECORD

from eventcode.codebook import acled_codebook

HERE = Path(__file__).resolve().parent / "hostile"

#: A valid event as ACLED's CSV holds it (text labels).
BASE: dict[str, object] = VALID_RECORD


def event(number: int, **changes: object) -> dict[str, object]:
    """BASE with its own id (MMR<number>) and the given fields changed."""
    return {**BASE, "event_id_cnty": f"MMR{number}", **changes}


def row(record: Mapping[str, object]) -> str:
    """One CSV line of a record, in ACLED's column order (minimal quoting, LF)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([str(record[name]) for name in acled_codebook().columns])
    return out.getvalue()


HEADER = ",".join(acled_codebook().columns) + "\n"
GOOD = row(event(1))


def _csv(*records: Mapping[str, object]) -> bytes:
    return (HEADER + "".join(row(r) for r in records)).encode("utf-8")


def _jsonl(*records: Mapping[str, object]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _junk() -> bytes:
    return bytes(random.Random(5).randrange(256) for _ in range(4096))


#: The checked-in corpus: file name -> its bytes.
TINY: dict[str, Callable[[], bytes]] = {
    "truncated.csv": lambda: (HEADER + GOOD + row(event(2))[:60]).encode(),
    "no-final-newline.csv": lambda: (HEADER + GOOD.rstrip("\n")).encode(),
    "unbalanced-quote.csv": lambda: (HEADER + GOOD.replace(",Laiza,", ',"Laiza,') + row(event(2))).encode(),
    "embedded-newline.csv": lambda: _csv(event(1, notes="First line.\nSecond line, with a comma."), event(2)),
    "too-many-fields.csv": lambda: (HEADER + GOOD.rstrip("\n") + ",extra\n" + row(event(2))).encode(),
    "too-few-fields.csv": lambda: (HEADER + GOOD.rsplit(",", 2)[0] + "\n" + row(event(2))).encode(),
    "empty.csv": lambda: b"",
    "header-only.csv": lambda: HEADER.encode(),
    "duplicate-columns.csv": lambda: (HEADER.replace(",notes,", ",actor1,") + GOOD).encode(),
    "latin-1.csv": lambda: (HEADER + row(event(1, notes="Caf\u00e9 owners joined."))).encode("latin-1"),
    "utf-16.csv": lambda: (HEADER + GOOD).encode("utf-16"),
    "invalid-utf8.csv": lambda: _csv(event(1)) + row(event(2)).encode()[:40] + b"\xc3\x28\xff" + b"\n",
    "nul-byte.csv": lambda: _csv(event(1, notes="before\x00after")),
    "junk.csv": _junk,
    "carriage-returns.csv": lambda: _csv(event(1), event(2)).replace(b"\n", b"\r"),
    "coordinates.csv": lambda: _csv(event(1, latitude="nan"), event(2, longitude="inf"), event(3, latitude="-inf"),
                                    event(4, latitude=95), event(5, longitude="1e400"), event(6, longitude=-180.5)),
    "dates.csv": lambda: _csv(event(1, event_date="0025-01-01", year=25), event(2, event_date="2023-02-30"),
                              event(3, event_date="2999-01-01", year=2999)),
    "fatalities.csv": lambda: _csv(event(1, fatalities=-1), event(2, fatalities="1.5"), event(3, fatalities="")),
    "billion-laughs.yaml": lambda: b"".join(
        [b'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n".encode() for i in range(1, 10)]
        + [b"events: [{actor1: *a9}]\n"]),
    "python-tag.yaml": lambda: b'- !!python/object/apply:os.system ["echo owned"]\n',
    "python-name.yaml": lambda: b"events:\n  - actor1: !!python/name:os.system\n",
    "nan.jsonl": lambda: _jsonl(event(1, latitude=float("nan")), event(2, fatalities=float("inf"))),
    "wrong-types.jsonl": lambda: _jsonl(event(1, fatalities=[1], notes={"a": 1}, latitude=True)),
    "array-line.jsonl": lambda: _jsonl(event(1)) + b"[1, 2]\n",
    "not-json.json": lambda: b'{"events": [',
}


@dataclass(frozen=True)
class Case:
    """An input, the command run on it, and what must come out: the exit code and a fragment of the output."""

    name: str
    command: str  # "validate" or "convert"
    exit: int
    fragment: str


CASES = [
    Case("truncated.csv", "validate", 1, "truncated.csv:3: record 2: the row has 7 fields, the header 31 "
         "[wrong-field-count]"),
    Case("truncated.csv", "convert", 1, "[wrong-field-count]"),
    Case("no-final-newline.csv", "validate", 0, "1 rows read, 1 valid"),
    Case("no-final-newline.csv", "convert", 0, ""),
    Case("unbalanced-quote.csv", "validate", 1, "unbalanced-quote.csv:2: record 1: the row has 26 fields"),
    Case("unbalanced-quote.csv", "convert", 1, "[wrong-field-count]"),
    Case("embedded-newline.csv", "validate", 0, "2 rows read, 2 valid"),
    Case("embedded-newline.csv", "convert", 0, ""),
    Case("too-many-fields.csv", "validate", 1, "too-many-fields.csv:2: record 1: the row has 32 fields"),
    Case("too-many-fields.csv", "convert", 1, "the row has 32 fields"),
    Case("too-few-fields.csv", "validate", 1, "too-few-fields.csv:2: record 1: the row has 29 fields"),
    Case("too-few-fields.csv", "convert", 1, "the row has 29 fields"),
    Case("empty.csv", "validate", 2, "the file is empty (no header) [parse-error]"),
    Case("empty.csv", "convert", 2, "the file is empty (no header)"),
    Case("header-only.csv", "validate", 0, "0 rows read"),
    Case("header-only.csv", "convert", 0, ""),
    Case("duplicate-columns.csv", "validate", 1, "missing notes; repeated actor1 [bad-header]"),
    Case("duplicate-columns.csv", "convert", 2, "repeated actor1"),
    Case("latin-1.csv", "validate", 2, "latin-1.csv:2: not UTF-8"),
    Case("latin-1.csv", "convert", 2, "latin-1.csv:2: not UTF-8"),
    Case("utf-16.csv", "validate", 2, "utf-16.csv:1: not UTF-8"),
    Case("utf-16.csv", "convert", 2, "utf-16.csv:1: not UTF-8"),
    Case("invalid-utf8.csv", "validate", 2, "invalid-utf8.csv:3: not UTF-8"),
    Case("invalid-utf8.csv", "convert", 2, "invalid-utf8.csv:3: not UTF-8"),
    Case("nul-byte.csv", "validate", 0, "1 rows read, 1 valid"),
    Case("nul-byte.csv", "convert", 0, ""),
    Case("junk.csv", "validate", 2, "[parse-error]"),
    Case("junk.csv", "convert", 2, "not UTF-8"),
    Case("carriage-returns.csv", "validate", 0, "2 rows read, 2 valid"),
    Case("carriage-returns.csv", "convert", 0, ""),
    Case("coordinates.csv", "validate", 1, "6 rows read, 0 valid, 6 invalid"),
    Case("coordinates.csv", "convert", 1, "coordinates.csv:2: record 1: latitude: expected a decimal number, got "
         "'nan' [not-a-number]"),
    Case("dates.csv", "validate", 1, "dates.csv:2: record 1: event_date: 0025-01-01 is before 1997-01-01 or in the "
         "future [date-out-of-range]"),
    Case("dates.csv", "convert", 1, "dates.csv:3: record 2: event_date: '2023-02-30' is not a date"),
    Case("fatalities.csv", "validate", 1, "fatalities.csv:2: record 1: fatalities: -1 is below 0 "
         "[fatalities-negative]"),
    Case("fatalities.csv", "convert", 1, "fatalities.csv:3: record 2: fatalities: expected an integer, got '1.5' "
         "[not-an-integer]"),
    Case("billion-laughs.yaml", "validate", 2, "billion-laughs.yaml:1: a YAML alias to a list or mapping is not "
         "allowed"),
    Case("billion-laughs.yaml", "convert", 2, "a YAML alias to a list or mapping is not allowed"),
    Case("python-tag.yaml", "validate", 2, "could not determine a constructor for the tag"),
    Case("python-tag.yaml", "convert", 2, "could not determine a constructor for the tag"),
    Case("python-name.yaml", "validate", 2, "could not determine a constructor for the tag"),
    Case("python-name.yaml", "convert", 2, "could not determine a constructor for the tag"),
    Case("nan.jsonl", "validate", 1, "nan.jsonl:1: record 1: latitude: expected a decimal number, got nan"),
    Case("nan.jsonl", "convert", 1, "nan.jsonl:2: record 2: fatalities: expected an integer, got inf"),
    Case("wrong-types.jsonl", "validate", 1, "notes: expected text, got dict"),
    Case("wrong-types.jsonl", "convert", 1, "fatalities: expected an integer, got [1] [not-an-integer]"),
    Case("array-line.jsonl", "validate", 2, "array-line.jsonl:2: expected a JSON object, got list"),
    Case("array-line.jsonl", "convert", 2, "array-line.jsonl:2: expected a JSON object, got list"),
    Case("not-json.json", "validate", 2, "not-json.json: not valid JSON"),
    Case("not-json.json", "convert", 2, "not-json.json: not valid JSON"),
]


# ---- large inputs, written where a test asks --------------------------------------------------------------------

def large_field(path: Path, size: int = 50_000_000, after: int = 3) -> Path:
    """A CSV file whose second record's notes hold ``size`` bytes, between valid rows and ``after`` broken ones."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + GOOD)
        out.write(row(event(2, notes="\x00")).replace("\x00", "x" * size))
        for number in range(3, 3 + after):
            out.write(row(event(number, fatalities=-number)))
    return path


def deep_json(path: Path, depth: int = 100_000) -> Path:
    """A JSON document of lists nested ``depth`` deep."""
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return path


def deep_yaml(path: Path, depth: int = 100_000) -> Path:
    """A YAML document of flow lists nested ``depth`` deep."""
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    return path


def large_yaml(path: Path, size: int = 100_000_000) -> Path:
    """A YAML file of valid-looking records, ``size`` bytes or a little more."""
    record = "- " + json.dumps(event(1), ensure_ascii=False) + "\n"
    chunk = "events:\n" + record * (1_000_000 // len(record) + 1)
    with open(path, "w", encoding="utf-8") as out:
        written = 0
        while written < size:
            out.write(chunk)
            written += len(chunk)
            chunk = chunk.removeprefix("events:\n")
    return path


def wide(path: Path, columns: int = 10_000, rows: int = 2) -> Path:
    """A CSV file with ``columns`` columns (its header matches no ACLED layout)."""
    line = ",".join(f"column{i}" for i in range(columns)) + "\n"
    path.write_text(line + "".join(",".join(["x"] * columns) + "\n" for _ in range(rows)), encoding="utf-8")
    return path


def wide_row(path: Path, fields: int = 10_000) -> Path:
    """An ACLED CSV file whose second row has ``fields`` fields, between valid rows."""
    path.write_text(HEADER + GOOD + ",".join(["x"] * fields) + "\n" + row(event(3)), encoding="utf-8")
    return path


def write_corpus(folder: Path = HERE) -> list[Path]:
    """Write the checked-in corpus."""
    folder.mkdir(exist_ok=True)
    written = []
    for name, build in TINY.items():
        (folder / name).write_bytes(build())
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for written_path in write_corpus():
        print(written_path)
