"""The vectorised fast path agrees with the per-record reference (rules.check_record) on every rule.

Generated files, in the current or the legacy layout, mix valid records in every inter form, records with one
rule broken (every mutation of eventcode.testing), free text full of CSV specials, repeated ids, rows of the wrong
width and blank lines. The fast path (Arrow batches) and the reference path (Python's csv module, one row at a
time) must give the same issues, record numbers, lines and counts.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st
from test_acled_read import as_text, csv_text

from eventcode.codebook import acled_codebook
from eventcode.fastpath import GROUPS, FastRules, template_record
from eventcode.issues import Issue
from eventcode.report import FileReport
from eventcode.rules import check_record
from eventcode.testing import MUTATIONS, acled_records, mutations
from eventcode.validate import Options, validate_batch, validate_path, validate_records

#: Mutations a CSV file can hold (every value is text there, and the columns are the header's).
CSV_MUTATIONS = [name for name, m in MUTATIONS.items() if m.code not in ("unknown-field", "wrong-type")]

_records = st.one_of(acled_records("any"), mutations("any", CSV_MUTATIONS).map(lambda broken: broken.record))


def _key(issue: Issue) -> tuple[Any, ...]:
    return (issue.code, issue.field, issue.record, issue.line, issue.message, issue.hint, repr(issue.value))


def _summary(report: FileReport) -> tuple[Any, ...]:
    return (report.rows_read, report.rows_valid, report.rows_invalid, report.blank_rows, dict(report.counts),
            report.generation, [_key(issue) for issue in report.issues])


@st.composite
def _files(draw: st.DrawFn) -> str:
    records = draw(st.lists(_records, min_size=1, max_size=25))
    for index in range(1, len(records)):
        if draw(st.integers(0, 9)) == 0:  # now and then, an id seen before
            records[index] = {**records[index],
                              "event_id_cnty": records[draw(st.integers(0, index - 1))]["event_id_cnty"]}
    cb = acled_codebook()
    columns = draw(st.sampled_from([cb.columns, cb.legacy_columns]))  # legacy: data_id, ... blank
    rows = [csv_text([record], columns).split("\n", 1)[1] for record in records]
    odd_rows = st.sampled_from(["\n", "A,B\n", "x," * 31 + "\n", ",,,,\n", "," * 30 + "\n"])
    extra = draw(st.lists(st.tuples(st.integers(0, len(rows)), odd_rows), max_size=3))
    for position, text in sorted(extra, reverse=True):
        rows.insert(position, text)
    return csv_text([], columns) + "".join(rows)


@given(_files(), st.sampled_from(["\n", "\r\n"]))
def test_fast_and_reference_paths_agree(text: str, newline: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.csv"
        path.write_bytes(text.replace("\n", newline).encode("utf-8") if newline != "\n" else text.encode("utf-8"))
        fast = validate_path(path, Options(fast=True, block_size=2048))
        slow = validate_path(path, Options(fast=False))
    assert _summary(fast) == _summary(slow)
    assert fast.rows_valid + fast.rows_invalid == fast.rows_read


@given(st.lists(_records, min_size=1, max_size=20))
def test_a_batch_agrees_with_the_records(records: list[dict[str, Any]]) -> None:
    columns = acled_codebook().columns
    texts = [{name: as_text(record.get(name)) for name in columns} for record in records]
    table = pa.table({name: [row[name] for row in texts] for name in columns})
    batch = validate_batch(table)
    reference = validate_records(texts)
    assert [(i.code, i.record, i.message) for i in batch.issues] == [
        (i.code, i.record, i.message) for i in reference.issues]
    assert (batch.rows_valid, batch.rows_invalid) == (reference.rows_valid, reference.rows_invalid)


@given(st.data())
def test_each_group_verdict_is_the_reference_verdict(data: st.DataObject) -> None:
    """A combination of one group's values has exactly the issues check_record finds with it."""
    record = {name: as_text(value) for name, value in data.draw(_records).items()}
    rules = FastRules()
    for group, names in enumerate(GROUPS):
        values = tuple(("1" if record["actor2"].strip() else "0") if name == "actor2" else record[name]
                       for name in names)
        carried = dict(template_record(rules.cb))
        carried.update({name: record[name] for name in names})
        assert rules.group_issues(group, values) == tuple(check_record(carried)[1])


def test_the_template_record_is_valid() -> None:
    assert check_record(template_record(acled_codebook()))[1] == []


def test_one_malformed_value_does_not_hide_the_rest_of_its_batch(tmp_path: Path) -> None:
    from test_acled_read import acled_example
    rows = [{**acled_example(), "event_id_cnty": f"MMR{n}"} for n in range(1, 6)]
    rows[1]["fatalities"] = "many"
    rows[3]["event_date"] = "2023-02-30"
    rows[4]["latitude"] = "95.5"
    path = tmp_path / "mixed.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    report = validate_path(path)
    assert [(i.code, i.record) for i in report.issues] == [
        ("not-an-integer", 2), ("bad-date", 4), ("coordinate-out-of-range", 5)]
    assert (report.rows_valid, report.rows_invalid) == (2, 3)
