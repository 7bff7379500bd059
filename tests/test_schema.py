"""The generated JSON Schemas: committed copies are fresh, valid Draft 2020-12, and agree with the record rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from eventcode.codebook import acled_codebook
from eventcode.issues import CATALOG
from eventcode.rules import check_record
from eventcode.schema import DRAFT, GENERATORS, load_schema, schema_path, schema_text, write_schemas
from eventcode.testing import MUTATIONS, Broken, InterStyle, acled_records, mutations


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema("acled-event"), format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_committed_schema_is_fresh(name: str) -> None:
    committed = schema_path(name).read_text(encoding="utf-8")
    assert committed == schema_text(GENERATORS[name]()), (
        f"schemas/{name}.schema.json is stale: regenerate it with `python -m eventcode.schema`")


def test_every_committed_schema_has_a_generator() -> None:
    committed = {path.name.removesuffix(".schema.json") for path in schema_path("x").parent.glob("*.schema.json")}
    assert committed == set(GENERATORS)


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == DRAFT
    Draft202012Validator.check_schema(schema)


def test_write_schemas_writes_what_is_committed(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(path.name for path in written) == sorted(f"{name}.schema.json" for name in GENERATORS)
    for path in written:
        assert json.loads(path.read_text(encoding="utf-8")) == load_schema(path.name.removesuffix(".schema.json"))


def schema_errors(validator: Draft202012Validator, record: dict[str, Any]) -> list[str]:
    return [error.message for error in validator.iter_errors(record)]


@given(acled_records(inter="any"))
def test_valid_records_pass_rules_and_schema(validator: Draft202012Validator, record: dict[str, Any]) -> None:
    assert check_record(record)[1] == []
    assert schema_errors(validator, record) == []


@pytest.mark.parametrize("inter", ["text", "numeric"])
@settings(max_examples=25)
@given(data=st.data())
def test_valid_records_in_each_inter_form(validator: Draft202012Validator, inter: InterStyle,
                                          data: st.DataObject) -> None:
    record = data.draw(acled_records(inter=inter))
    assert check_record(record)[1] == []
    assert schema_errors(validator, record) == []


def assert_broken_as_promised(validator: Draft202012Validator, broken: Broken) -> None:
    assert acled_codebook().column_set <= set(broken.record), "a broken record keeps every column"
    issues = check_record(broken.record)[1]
    assert [(i.code, i.field) for i in issues] == [(broken.code, broken.field)], broken.mutation
    rejected = bool(schema_errors(validator, broken.record))
    assert rejected == broken.schema_can_express, (
        f"{broken.mutation}: the schema {'rejects' if rejected else 'accepts'} the record")


@given(mutations())
def test_mutated_records_fail_rules_and_schema(validator: Draft202012Validator, broken: Broken) -> None:
    assert_broken_as_promised(validator, broken)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
@settings(max_examples=15)
@given(data=st.data())
def test_each_mutation(validator: Draft202012Validator, name: str, data: st.DataObject) -> None:
    broken = data.draw(mutations(names=[name]))
    assert broken.mutation == name
    assert_broken_as_promised(validator, broken)


def test_mutations_cover_every_record_rule() -> None:
    record_codes = {code for code, entry in CATALOG.items()
                    if entry.scope in ("field", "record") and entry.data == "acled"}
    assert {m.code for m in MUTATIONS.values()} == record_codes
