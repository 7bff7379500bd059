"""Reading records from YAML, JSON and JSON Lines: numbering, lines, the `events` key and hostile input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_corpus import event
from hypothesis import given
from hypothesis import strategies as st

from eventcode.cli import main
from eventcode.convert import Limits, convert_file
from eventcode.errors import InputError
from eventcode.formats.records import read_records

RECORDS = [{"actor1": "A", "fatalities": 1}, {"actor1": "B, \"quoted\"\nnewline", "fatalities": 0}]

# Field values as JSON and YAML can both carry them unchanged.
values = st.one_of(st.text(), st.integers(-(2**53), 2**53), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False))
record_lists = st.lists(st.dictionaries(st.text(min_size=1, max_size=20), values, max_size=5), max_size=5)


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    if path.suffix in (".jsonl", ".ndjson"):
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif path.suffix == ".json":
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(records), encoding="utf-8")  # allow_unicode would emit NEL raw
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".jsonl", ".ndjson"])
def test_every_format_reads_its_records_in_order(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"r{suffix}", RECORDS)
    records = list(read_records(path))
    assert [r.data for r in records] == RECORDS
    assert [r.number for r in records] == [1, 2]


@given(records=record_lists, suffix=st.sampled_from([".yaml", ".json", ".jsonl"]))
def test_written_records_read_back_unchanged(tmp_path_factory: pytest.TempPathFactory,
                                              records: list[dict[str, Any]], suffix: str) -> None:
    path = write(tmp_path_factory.mktemp("rt") / f"r{suffix}", records)
    assert [r.data for r in read_records(path)] == records


def test_lines_point_at_each_record(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("# comment\nevents:\n  - actor1: A\n    fatalities: 1\n\n  - actor1: B\nnot_coded: []\n")
    assert [(r.number, r.line) for r in read_records(path)] == [(1, 3), (2, 6)]
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text('{"a": 1}\n\n{"a": 2}\n')
    assert [(r.number, r.line) for r in read_records(jsonl)] == [(1, 1), (2, 3)]


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    for name, text in (("r.json", json.dumps(RECORDS)), ("r.jsonl", json.dumps(RECORDS[0]) + "\n")):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert next(read_records(path)).data == RECORDS[0]


HOSTILE = {
    "laughs.yaml": ('a: &a ["lol", "lol"]\nb: &b [*a, *a]\nevents: [{actor1: *b}]\n', "alias to a list or mapping"),
    "python-tag.yaml": ('- !!python/object/apply:os.system ["echo owned"]\n', "could not determine a constructor"),
    "deep.yaml": ("[" * 100_000 + "]" * 100_000, "nesting depth"),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    "empty.yaml": ("", "empty"),
    "scalar.json": ("42", "expected a list of records"),
    "not-a-mapping.yaml": ("- just text\n", "record 1: expected a mapping"),
    "broken.jsonl": ('{"a": 1}\n{"a": \n', r"broken\.jsonl:2: not valid JSON"),
    "array-line.jsonl": ("[1, 2]\n", "expected a JSON object"),
    "records.txt": ("", "cannot tell the format"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_with_a_clear_error(tmp_path: Path, name: str) -> None:
    text, message = HOSTILE[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        list(read_records(path))
    assert str(path) in str(caught.value)


def test_aliases_to_single_values_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("- {source: &s Irrawaddy, actor1: A}\n- {source: *s, actor1: B}\n")
    assert [r.data["source"] for r in read_records(path)] == ["Irrawaddy", "Irrawaddy"]


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_other_encodings_are_refused_naming_the_byte(tmp_path: Path, encoding: str) -> None:
    for name in ("r.yaml", "r.json", "r.jsonl"):
        path = tmp_path / name
        path.write_bytes(json.dumps([{"notes": "café"}], ensure_ascii=False).encode(encoding))
        with pytest.raises(InputError, match="not UTF-8"):
            list(read_records(path))


def test_size_limits_name_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "r.json", RECORDS)
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        list(read_records(path, max_bytes=10))
    assert len(list(read_records(path, max_bytes=10_000))) == 2
    lines = write(tmp_path / "r.jsonl", RECORDS)
    with pytest.raises(InputError, match=r"r\.jsonl:1: the line is over the limit of 10 bytes"):
        list(read_records(lines, max_bytes=10))


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_records(tmp_path / "missing.yaml"))


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".jsonl"])
def test_the_limit_is_the_max_bytes_option_of_validate_and_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   suffix: str) -> None:
    path = write(tmp_path / f"r{suffix}", [event(1)])
    size = path.stat().st_size
    assert main(["validate", "--max-bytes", str(size - 1), str(path)]) == 2
    out = capsys.readouterr().out
    assert f"over the limit of {size - 1:,} bytes" in out
    assert "raise it with --max-bytes" in out
    assert main(["validate", "--max-bytes", str(size), str(path)]) == 0
    capsys.readouterr()
    assert main(["convert", str(path), "--to", "jsonl", "--max-bytes", str(size - 1)]) == 2
    assert f"over the limit of {size - 1:,} bytes" in capsys.readouterr().err
    assert main(["convert", str(path), "--to", "jsonl", "--max-bytes", "1M"]) == 0
    assert json.loads(capsys.readouterr().out)["event_id_cnty"] == "MMR1"
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        convert_file(path, None, "jsonl", limits=Limits(max_bytes=100))
