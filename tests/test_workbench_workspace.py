"""The workbench's workspace: names checked, codings in the seeds' format, saves atomic and versioned, broken or
hostile codings reported, accepted events exported (also by ``eventcode convert WORKSPACE``)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventcode import load_events
from eventcode.cli import main
from eventcode.errors import InputError
from eventcode.workbench.workspace import Conflict, Refused, Workspace, check_name

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_03229db3fc9dec46.txt"
EVENT = {"event_date": "2023-10-31", "time_precision": 1, "sub_event_type": "Air/drone strike",
         "actor1": "Military Forces of Myanmar (2021-)", "inter1": "State forces", "country": "Myanmar",
         "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1, "fatalities": 0}


def fake_coder(text: str, published: date, country: str,
               gazetteers: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [dict(EVENT, inter1=1, event_type="Explosions/Remote violence", evidence=[], review=[])], \
        [{"sentence": "They said so.", "start": 0, "end": 13, "reason": "a statement"}]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path)
    workspace.add("r1", "Text one.", date(2023, 11, 6), "Myanmar")
    return workspace


def accept_all(ws: Workspace, name: str) -> None:
    report = ws.code(name, fake_coder)
    doc = dict(report.doc)
    doc["events"] = [dict(e, rationale="the report says so") for e in doc["pending"]]
    doc["pending"], doc["status"] = [], "done"
    ws.save(name, report.version, doc)


@pytest.mark.parametrize("name", ["../x", "..", "a/b", "a\\b", ".hidden", "", "x" * 101, "a..b", "é"])
def test_names_are_checked_not_joined(ws: Workspace, name: str) -> None:
    with pytest.raises(InputError, match="not a report name"):
        check_name(name)
    with pytest.raises(InputError):
        ws.read(name)


def test_a_symlink_out_of_the_workspace_is_refused(ws: Workspace, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("secret: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(outside)
    with pytest.raises(InputError, match="outside the workspace"):
        ws.read("link")


def test_coding_is_in_the_seed_format_and_a_done_report_is_a_gold_coding(ws: Workspace, tmp_path: Path) -> None:
    accept_all(ws, "r1")
    doc = yaml.safe_load((tmp_path / "r1.yaml").read_text(encoding="utf-8"))
    assert doc["report"] == "r1.txt"
    assert doc["published"] == date(2023, 11, 6)
    assert doc["country"] == "Myanmar"
    assert doc["status"] == "done"
    assert doc["pending"] == []
    assert doc["not_coded"] == [{"statement": "They said so.", "reason": "a statement"}]
    (event,) = doc["events"]
    assert next(iter(event)) == "event_id_cnty"
    assert event["event_id_cnty"] == "EC1"
    assert "event_type" not in event, "derived fields are not stored"
    assert event["inter1"] == "State forces", "inter codes as the seeds write them"
    assert event["event_date"] == date(2023, 10, 31)
    events, problems = load_events(tmp_path / "r1.yaml")
    assert problems == []
    assert events[0].event_type == "Explosions/Remote violence"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left"


def test_a_stale_version_is_a_conflict(ws: Workspace) -> None:
    report = ws.code("r1", fake_coder)
    ws.save("r1", report.version, {**report.doc, "pending": []})  # the first tab
    with pytest.raises(Conflict, match="changed elsewhere"):
        ws.save("r1", report.version, {**report.doc, "country": "China"})  # the second, opened before
    assert ws.read("r1").doc["pending"] == []
    assert ws.read("r1").doc["country"] == "Myanmar"


@pytest.mark.parametrize(("change", "problem"), [
    ({"events": [dict(EVENT, rationale="x", fatalities=-1)]}, "fatalities-negative"),
    ({"events": [dict(EVENT)]}, "has no rationale"),
    ({"rejected": [dict(EVENT)]}, "rejected event 1 has no reason"),
    ({"status": "done"}, "cannot be done with 1 candidate"),
    ({"status": "finished"}, "status 'finished'"),
    ({"pending": "x"}, "pending is not a list"),
])
def test_a_save_that_breaks_a_rule_is_refused(ws: Workspace, change: dict[str, Any], problem: str) -> None:
    report = ws.code("r1", fake_coder)
    with pytest.raises(Refused, match=problem):
        ws.save("r1", report.version, {**report.doc, **change})
    assert ws.read("r1").version == report.version, "nothing written"


def test_ids_are_unique_across_the_workspace(ws: Workspace) -> None:
    ws.add("r2", "Text two.", date(2023, 11, 6), "Myanmar")
    accept_all(ws, "r1")
    accept_all(ws, "r2")
    events, problems = ws.accepted()
    assert problems == []
    assert [e.event_id_cnty for e in events] == ["EC1", "EC2"]


@pytest.mark.parametrize("content", [
    "!!python/object/apply:os.system ['touch pwned']\n",
    "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "- just\n- a list\n",
    "report: [unclosed\n",
    "report: r1.txt\ncountry: Myanmar\npublished: someday\nstatus: open\n",
    "\xff\xfe",
])
def test_a_broken_or_hostile_coding_is_reported_never_run(ws: Workspace, tmp_path: Path, content: str) -> None:
    (tmp_path / "r1.yaml").write_text(content, encoding="utf-8", errors="surrogateescape")
    report = ws.read("r1")
    assert report.status == "broken"
    assert report.problem
    assert [e.status for e in ws.entries()] == ["broken"]
    events, problems = ws.accepted()
    assert events == []
    assert problems[0].code == "parse-error"
    assert not (tmp_path / "pwned").exists()


def test_a_batch_adds_each_good_line_and_names_each_bad_one(ws: Workspace) -> None:
    lines = "\n".join([
        json.dumps({"id": "b1", "text": "One.", "published": "2023-11-06", "country": "Myanmar"}),
        json.dumps({"id": "../evil", "text": "Two.", "published": "2023-11-06", "country": "Myanmar"}),
        json.dumps({"id": "b3", "text": "Three.", "published": "soon", "country": "Myanmar"}),
        "not json",
        json.dumps({"id": "r1", "text": "Again.", "published": "2023-11-06", "country": "Myanmar"}),
        "",
        json.dumps({"id": 7, "text": "Seven.", "published": "2023-11-06", "country": "Myanmar"}),
        json.dumps({"id": "b8", "text": "Eight.", "published": "2023-11-06", "country": "Myanmr"}),
    ])
    added, errors = ws.add_batch(lines)
    assert added == ["b1", "7"]
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4", "line 5", "line 8"]
    assert "already in the workspace" in errors[3]
    assert "did you mean 'Myanmar'" in errors[4]
    assert [(e.name, e.status) for e in ws.entries()] == [("7", "new"), ("b1", "new"), ("r1", "new")]


def test_a_report_over_the_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Refused, match="over the limit"):
        Workspace(tmp_path, max_bytes=10).add("big", "x" * 11, date(2023, 11, 6), "Myanmar")


def test_convert_writes_the_accepted_events_of_a_workspace(ws: Workspace, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    accept_all(ws, "r1")
    ws.add("r2", "Not reviewed yet.", date(2023, 11, 6), "Myanmar")
    assert main(["convert", str(tmp_path), "--to", "acled-csv", "--inter", "numeric"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["event_id_cnty"] == "EC1"
    assert row["inter1"] == "1"
    assert row["interaction"] == "10"


def test_convert_writes_nothing_when_a_coding_is_broken(ws: Workspace, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    accept_all(ws, "r1")
    (tmp_path / "r0.yaml").write_text("[", encoding="utf-8")
    (tmp_path / "r0.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["convert", str(tmp_path), "--to", "acled-csv", "-o", str(out)]) == 1
    assert "r0.yaml: not valid YAML" in capsys.readouterr().err
    assert not out.exists()
