"""``eventcode code``: one report (yaml, jsonl, acled-csv) and batches; exit codes and errors without tracebacks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from eventcode.cli import main

Capture = pytest.CaptureFixture[str]
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_03229db3fc9dec46.txt"


def report(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_has_events_with_evidence_and_review_and_what_was_not_coded(capsys: Capture) -> None:
    assert main(["code", str(SEED), "--published", "2023-11-06", "--country", "Myanmar"]) == 0
    document = yaml.safe_load(capsys.readouterr().out)
    assert document["country"] == "Myanmar"
    assert len(document["events"]) >= 5
    assert all(event["evidence"] and "review" in event for event in document["events"])
    assert any("aggregate" in item["reason"] for item in document["not_coded"])


def test_country_is_guessed_from_the_gazetteer(tmp_path: Path, capsys: Capture) -> None:
    path = report(tmp_path, "On 1 November 2023, the junta shelled Laiza.")
    assert main(["code", str(path), "--published", "2023-11-06", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["country"] for line in lines] == ["Myanmar"]


def test_acled_csv_writes_complete_events_and_reports_the_rest(tmp_path: Path, capsys: Capture) -> None:
    path = report(tmp_path, "On 1 November 2023, the junta shelled Laiza. On 2 November 2023, the junta shelled "
                            "Hpa Yar village.")
    assert main(["code", str(path), "--published", "2023-11-06", "--country", "Myanmar", "--format",
                 "acled-csv", "--id-prefix", "MMR"]) == 1
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["event_id_cnty"], r["location"]) for r in rows] == [("MMR1", "Laiza")]
    assert "event 2" in captured.err
    assert "Hpa Yar" in captured.err
    assert "need review" in captured.err


def test_batch_keeps_input_order_and_reports_bad_lines(tmp_path: Path, capsys: Capture) -> None:
    lines = [
        {"id": "a", "text": "On 1 November 2023, the junta shelled Laiza.", "published": "2023-11-06",
         "country": "Myanmar"},
        "not json",
        {"id": "c", "text": "Gunmen killed a man.", "published": "yesterday", "country": "Mali"},
        {"id": "d", "text": "Gunmen killed a man.", "published": "2022-03-02", "country": "Narnia"},
        {"id": "e", "text": "On 2 March 2022, gunmen killed a man in Bamako.", "published": "2022-03-02",
         "country": "Mali"},
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["code", "--batch", str(batch), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "e"]
    assert [("events" in o, "error" in o) for o in out] == [(True, False), (False, True), (False, True),
                                                             (False, True), (True, False)]
    assert "in.jsonl:2" in out[1]["error"]
    assert "Narnia" in out[3]["error"]
    assert out[4]["events"][0]["sub_event_type"] == "Attack"
    assert "3 line(s)" in captured.err


@pytest.mark.parametrize(("argv", "message"), [
    (["code", "missing.txt", "--published", "2023-11-06", "--country", "Myanmar"], "cannot read"),
    (["code", str(SEED), "--country", "Myanmar"], "--published"),
    (["code", str(SEED), "--published", "6 Nov", "--country", "Myanmar"], "not a date"),
    (["code", str(SEED), "--published", "2023-11-06", "--country", "Myanmr"], "did you mean 'Myanmar'"),
    (["code", "--batch", str(SEED)], "--format jsonl"),
])
def test_usage_errors_exit_2_without_traceback(argv: list[str], message: str, capsys: Capture) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
