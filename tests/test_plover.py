"""The PLOVER codebook: types, quad classes, modes, contexts, the CAMEO -> PLOVER table against the published file,
load checks, and the JSON Schema written from the manual."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from eventcode.cameo import cameo_codebook
from eventcode.errors import CodebookError, UnknownValueError
from eventcode.plover import load_plover_codebook, plover_codebook, plover_event_schema

CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "plover.yaml"
ROW = re.compile(r"^(\d+):\s*([^#]*?)\s*(?:#.*)?$")


def test_sixteen_event_types_in_four_quad_classes() -> None:
    cb = plover_codebook()
    by_quad = {q.code: [t.name for t in cb.event_types if t.quad_class == q.code] for q in cb.quad_classes}
    assert by_quad == {1: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], 2: ["COOPERATE", "AID", "RETREAT"],
                       3: ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
                       4: ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]}


def test_demand_is_the_former_name_of_request() -> None:
    assert plover_codebook().event_type("DEMAND").name == "REQUEST"
    with pytest.raises(UnknownValueError, match="ASSAULT"):
        plover_codebook().event_type("ASSAULTS")


def test_contexts_general_special_and_table_only() -> None:
    contexts = plover_codebook().contexts
    assert len([c for c in contexts if not c.special and not c.table_only]) == 28
    assert [c.name for c in contexts if c.special] == ["historical", "future", "hypothetical", "negation"]
    assert [c.name for c in contexts if c.table_only] == ["democracy", "pro_autocracy"]


def _published(shared_data: Path) -> dict[str, tuple[str, list[str], list[str]]]:
    rows: dict[str, tuple[str, list[str], list[str]]] = {}
    for line in (shared_data / "cameo" / "cameo_to_plover_2021.txt").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match and "," in match.group(2):
            event, mode, context = [*(p.strip() for p in match.group(2).split(",")), "", ""][:3]
            rows[match.group(1)] = (event, [m.strip() for m in mode.split(";") if m.strip()],
                                    [c.strip() for c in context.split(";") if c.strip()])
    return rows


def test_table_equals_the_published_file_except_where_noted(shared_data: Path) -> None:
    cb = plover_codebook()
    published = _published(shared_data)
    ours = {m.cameo: m for m in [*cb.cameo_to_plover, *cb.unmatched]}
    assert set(ours) == set(published)
    differing = {code for code, (event, mode, context) in published.items()
                 if (ours[code].event, list(ours[code].mode), list(ours[code].context)) != (event, mode, context)}
    assert differing == {"085", "175"}
    assert all(ours[code].note for code in differing)


def test_every_cameo_code_maps_to_a_type_or_is_dropped_or_split() -> None:
    cb = plover_codebook()
    unmapped = {c.code for c in cameo_codebook().event_codes if cb.for_cameo(c.code).event is None}
    assert unmapped == {c.code for c in cameo_codebook().event_codes if c.root in {"01", "02"}} | {"08"}


def test_table_codes_exist_in_cameo_and_unmatched_ones_do_not() -> None:
    cb = plover_codebook()
    codes = cameo_codebook().event_codes
    assert all(m.cameo in codes for m in [*cb.roots, *cb.cameo_to_plover])
    assert [m.cameo for m in cb.unmatched] == ["1213", "1214"]
    assert not any(m.cameo in cameo_codebook("1.1b3").event_codes for m in cb.unmatched)


def test_for_cameo_falls_back_to_the_root() -> None:
    cb = plover_codebook()
    assert cb.for_cameo("0871").mode == ("ceasefire",)
    assert cb.for_cameo("14").event == "PROTEST"
    with pytest.raises(UnknownValueError):
        cb.for_cameo("99")


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["event_types"].append(dict(d["event_types"][0])), "duplicate event type"),
    (lambda d: d["event_types"][0].update(quad_class=5), "unknown quad class"),
    (lambda d: d["contexts"].append(dict(d["contexts"][0])), "duplicate context"),
    (lambda d: d["cameo_to_plover"].append(dict(d["cameo_to_plover"][0])), "duplicate CAMEO code"),
    (lambda d: d["cameo_to_plover"].append({"cameo": "1999", "event": "ASSAULT"}), "in no edition"),
    (lambda d: d["cameo_to_plover"][0].update(event="AGREES"), "unknown PLOVER event type"),
    (lambda d: d["cameo_to_plover"][0].update(mode=["riot"]), "is not a mode of AGREE"),
    (lambda d: d["cameo_to_plover"][0].update(context=["weather"]), "unknown PLOVER context"),
    (lambda d: d["unmatched"].append({"cameo": "195", "event": "ASSAULT"}), "exists after all"),
    (lambda d: d["roots"][0].update(note=""), "without a note"),
])
def test_load_checks(change: Any, message: str, tmp_path: Path) -> None:
    raw = _raw()
    change(raw)
    path = tmp_path / "plover.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(CodebookError, match=message) as info:
        load_plover_codebook(path)
    assert str(path) in str(info.value)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = plover_event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


MINIMAL: dict[str, Any] = {"id": "PHOXv1-20160724-0042", "date": "2016-07-24", "actor": [{"code": "USA"}],
                           "recipient": [{"code": "CAN"}], "event": ["CONSULT"]}


def test_the_manuals_simplest_record_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    assert list(validator.iter_errors(MINIMAL)) == []
    assert list(validator.iter_errors({**MINIMAL, "event": ["DEMAND"], "x_custom": 1})) == []


@pytest.mark.parametrize(("change", "path"), [
    ({"date": "2016-02-30"}, "date"),
    ({"date": "24/07/2016"}, "date"),
    ({"event": ["CONSULTS"]}, "event"),
    ({"event": []}, "event"),
    ({"mode": ["riot"]}, "mode"),
    ({"context": ["weather"]}, "context"),
    ({"quad_code": 4}, "quad_code"),
    ({"actor": []}, "actor"),
    ({"actor": [{"code": "usa"}]}, "actor"),
    ({"event_loc": {"latitude": 91}}, "event_loc"),
    ({"size": {"dead": -1}}, "size"),
    ({"event": ["AID"], "recipient": []}, "recipient"),
])
def test_schema_rejects(change: dict[str, Any], path: str, validator: jsonschema.Draft202012Validator) -> None:
    errors = list(validator.iter_errors({**MINIMAL, **change}))
    assert errors
    assert any(path in [str(p) for p in e.absolute_path] or path in e.message or path in str(e.schema_path)
               for e in errors)


def test_event_required_unless_has_event_is_false(validator: jsonschema.Draft202012Validator) -> None:
    record = {k: v for k, v in MINIMAL.items() if k != "event"}
    assert list(validator.iter_errors(record))
    assert list(validator.iter_errors({**record, "has_event": False})) == []
    assert list(validator.iter_errors({**MINIMAL, "has_event": False}))
