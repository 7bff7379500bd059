"""``eventcode code`` on oversized or odd input: limits named, YAML that reads back exactly, output all or nothing."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from eventcode import code_text
from eventcode.cli import main
from eventcode.coder.sentences import MAX_SENTENCE_CHARS, split_sentences
from eventcode.formats.yaml_text import dump_yaml

Capture = pytest.CaptureFixture[str]
STRIKE = "On 1 November 2023, the junta shelled Laiza, killing 2 civilians."


@pytest.mark.parametrize("text", ["x\x85y", "line\u2028separator", "para\u2029graph", "\u1017\u1019\u102c", "plain"])
def test_yaml_output_reads_back_exactly(text: str) -> None:
    out = io.StringIO()
    dump_yaml({"notes": text, "events": [{"sentence": text}]}, out)
    assert yaml.safe_load(out.getvalue()) == {"notes": text, "events": [{"sentence": text}]}
    assert "\u1017" not in text or "\u1017" in out.getvalue(), "Burmese stays readable, not escaped"


def test_a_report_over_the_limit_is_refused_naming_it(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "report.txt"
    path.write_text(STRIKE * 10, encoding="utf-8")
    assert main(["code", str(path), "--published", "2023-11-06", "--max-bytes", "100"]) == 2
    assert "over the limit of 100 bytes" in capsys.readouterr().err


def test_a_report_that_is_not_utf8_is_refused(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(STRIKE.encode("utf-16"))
    assert main(["code", str(path), "--published", "2023-11-06", "--country", "Myanmar"]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_a_batch_line_over_the_limit_gets_its_error_entry_and_the_batch_goes_on(tmp_path: Path,
                                                                                  capsys: Capture) -> None:
    good = {"id": "a", "text": STRIKE, "published": "2023-11-06", "country": "Myanmar"}
    huge = dict(good, id="b", text="x" * 5000)
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(item) for item in (good, huge, dict(good, id="c"))) + "\n")
    assert main(["code", "--batch", str(batch), "--format", "jsonl", "--max-bytes", "1K"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "c"]
    assert "batch.jsonl:2: the line is over the limit of 1,024 bytes" in lines[1]["error"]
    assert lines[0]["events"]
    assert lines[2]["events"]


def test_output_is_written_whole_or_not_at_all(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "events.yaml"
    out.write_text("previous\n", encoding="utf-8")
    assert main(["code", str(tmp_path / "missing.txt"), "--published", "2023-11-06", "--country", "Myanmar",
                 "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml"]
    report = tmp_path / "report.txt"
    report.write_text(STRIKE, encoding="utf-8")
    assert main(["code", str(report), "--published", "2023-11-06", "--country", "Myanmar", "-o", str(out)]) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["events"]
    capsys.readouterr()


def test_a_pathological_sentence_is_coded_in_bounded_time() -> None:
    """One place name repeated 11,500 times, with no sentence end: cut into sentences of at most
    MAX_SENTENCE_CHARS, so the coder's per-sentence comparisons stay bounded (it took 17 s uncut)."""
    text = "Yangon " * 11_500
    assert max(len(s.text) for s in split_sentences(text)) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in split_sentences(text)).replace(" ", "") == text.replace(" ", ""), "nothing lost"
    assert code_text(text, published=date(2023, 11, 6), country="Myanmar") == []
