"""eventcode merge: updates, re-issues and deletions made from the real sample, checked row for row against a
plain model of ACLED's acled_update(); forms converted and said so; bad input refused with nothing written."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_acled_read import acled_example, write_csv
from test_validate import fixed_sample

from eventcode.cli import main
from eventcode.codebook import acled_codebook
from eventcode.convert import convert_file
from eventcode.merge import merge
from eventcode.validate import validate_path

Capture = pytest.CaptureFixture[str]
Row = dict[str, str]


def read_rows(path: Path) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_deleted(path: Path, deletions: Mapping[str, int]) -> Path:
    lines = ["event_id_cnty,deleted_timestamp"] + [f"{key},{when}" for key, when in deletions.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def model(base: Sequence[Row], updates: Sequence[Sequence[Row]], deleted: Mapping[str, int]) -> list[Row]:
    """What acled_update() gives: newest timestamp per id (ties: the base, then the later update), a later
    deletion removes the row; base order, replaced rows in place, new rows after in order of first appearance."""
    best: dict[str, Row] = {}
    for rows in updates:
        for row in rows:
            previous = best.get(row["event_id_cnty"])
            if previous is None or int(row["timestamp"]) >= int(previous["timestamp"]):
                best[row["event_id_cnty"]] = row
    out = []
    for row in base:
        update = best.pop(row["event_id_cnty"], None)
        if update is not None and int(update["timestamp"]) > int(row["timestamp"]):
            row = update
        if deleted.get(row["event_id_cnty"], -1) <= int(row["timestamp"]):
            out.append(row)
    out.extend(row for row in best.values() if deleted.get(row["event_id_cnty"], -1) <= int(row["timestamp"]))
    return out


@pytest.fixture(scope="module")
def sample(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Row]:
    return read_rows(fixed_sample(shared_data, tmp_path_factory.mktemp("sample") / "fixed.csv"))


def reissue(row: Row, seconds: int, fatalities: int = 1) -> Row:
    return {**row, "timestamp": str(int(row["timestamp"]) + seconds),
            "fatalities": str(int(row["fatalities"]) + fatalities)}


def test_real_sample_merge_row_for_row_then_validates(sample: list[Row], tmp_path: Path, capsys: Capture) -> None:
    base, fresh = sample[:8000], sample[8000:]
    update = ([reissue(row, 10) for row in base[:100]] + [reissue(row, -10, 5) for row in base[100:120]]
              + fresh)
    deleted = {row["event_id_cnty"]: int(row["timestamp"]) + 5 for row in base[200:250]}
    deleted |= {row["event_id_cnty"]: int(row["timestamp"]) - 5 for row in base[250:255]}
    deleted |= {fresh[0]["event_id_cnty"]: int(fresh[0]["timestamp"]) + 1, "ZZZ1": 1}
    columns = acled_codebook().columns
    args = [str(write_csv(tmp_path / "base.csv", base, columns)), str(write_csv(tmp_path / "u.csv", update, columns)),
            "--deleted", str(write_deleted(tmp_path / "deleted.csv", deleted)), "-o", str(tmp_path / "out.csv"),
            "--report", str(tmp_path / "report.json")]
    assert main(["merge", *args]) == 0
    assert read_rows(tmp_path / "out.csv") == model(base, [update], deleted)
    assert validate_path(tmp_path / "out.csv").valid
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["rows"] == {"base": 8000, "kept": 7850, "replaced": 100, "added": 999, "deleted": 50,
                              "written": 8949}
    assert report["changed_fields"] == {"fatalities": 100, "timestamp": 100}
    assert report["updates"] == {"rows": 1120, "replaced": 100, "added": 999, "not_newer": 20, "withdrawn": 1,
                                 "rejected": 0}
    assert report["deletions"]["older_than_row"] == 5
    assert report["deletions"]["not_in_base"] == {"count": 2, "ids": sorted([fresh[0]["event_id_cnty"], "ZZZ1"])}
    assert report["deletions"]["not_found"] == {"count": 1, "ids": ["ZZZ1"]}
    assert "7,850 kept, 100 replaced, 50 deleted; 999 added" in capsys.readouterr().err


def test_nothing_to_apply_gives_the_base_byte_for_byte(shared_data: Path, tmp_path: Path) -> None:
    base = fixed_sample(shared_data, tmp_path / "base.csv")
    empty = write_csv(tmp_path / "empty.csv", [], acled_codebook().columns)
    assert main(["merge", str(base), str(empty), "-o", str(tmp_path / "out.csv")]) == 0
    assert (tmp_path / "out.csv").read_bytes() == base.read_bytes()


@st.composite
def scenarios(draw: st.DrawFn, pool: list[Row]) -> tuple[list[Row], list[list[Row]], dict[str, int]]:
    chosen = draw(st.lists(st.sampled_from(range(len(pool))), unique=True, min_size=1, max_size=12))
    base = [pool[i] for i in chosen if draw(st.booleans())]
    updates = []
    for _ in range(draw(st.integers(1, 2))):
        picks = draw(st.lists(st.sampled_from(chosen), unique=True, max_size=6))
        updates.append([reissue(pool[i], draw(st.integers(-2, 2)), draw(st.integers(0, 3))) for i in picks])
    deleted = {pool[i]["event_id_cnty"]: int(pool[i]["timestamp"]) + draw(st.integers(-3, 3))
               for i in draw(st.lists(st.sampled_from(chosen), unique=True, max_size=4))}
    return base, updates, deleted


@pytest.fixture(scope="module")
def pool(sample: list[Row]) -> list[Row]:
    return sample[:40]


def test_generated_updates_and_deletions_match_the_model(pool: list[Row]) -> None:
    columns = acled_codebook().columns

    @given(scenarios(pool))
    def check(scenario: tuple[list[Row], list[list[Row]], dict[str, int]]) -> None:
        base, updates, deleted = scenario
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            paths = [write_csv(root / f"u{n}.csv", rows, columns) for n, rows in enumerate(updates)]
            result = merge(write_csv(root / "base.csv", base, columns), paths, root / "out.csv",
                           deleted=write_deleted(root / "d.csv", deleted))
            assert result.done, result.issues
            merged = read_rows(root / "out.csv")
            assert merged == model(base, updates, deleted)
            assert result.base_rows == result.kept + result.replaced + result.deleted == len(base)
            assert result.written == result.kept + result.replaced + result.added == len(merged)
            assert result.update_rows == (result.replaced + result.added + result.not_newer + result.withdrawn
                                          + result.rejected) == sum(map(len, updates))
            assert result.deletions == (result.deleted + result.withdrawn_new + result.deletions_older
                                        + len(result.deleted_not_found)) == len(deleted)

    check()


def test_sort_orders_by_date_then_id(sample: list[Row], tmp_path: Path) -> None:
    columns = acled_codebook().columns
    base = write_csv(tmp_path / "base.csv", sample[:300], columns)
    update = write_csv(tmp_path / "u.csv", sample[300:400], columns)
    assert main(["merge", str(base), str(update), "-o", str(tmp_path / "out.csv"), "--sort"]) == 0
    rows = read_rows(tmp_path / "out.csv")
    keys = [(row["event_date"], row["event_id_cnty"][:3], int(row["event_id_cnty"][3:])) for row in rows]
    assert keys == sorted(keys)
    assert sorted(map(str, rows)) == sorted(map(str, sample[:400]))


def test_an_update_in_the_text_form_is_converted_and_said_so(sample: list[Row], tmp_path: Path,
                                                              capsys: Capture) -> None:
    columns = acled_codebook().columns
    base = write_csv(tmp_path / "base.csv", sample[:50], columns)
    numeric = write_csv(tmp_path / "numeric.csv", [reissue(row, 1) for row in sample[:5]] + sample[50:60], columns)
    convert_file(numeric, tmp_path / "text.csv", inter="text")
    assert main(["merge", str(base), str(tmp_path / "text.csv"), "-o", str(tmp_path / "out.csv")]) == 0
    assert "text.csv: converted text -> numeric" in capsys.readouterr().err
    expected = model(sample[:50], [read_rows(numeric)], {})
    assert read_rows(tmp_path / "out.csv") == expected
    assert main(["merge", str(base), str(tmp_path / "text.csv"), "-o", str(tmp_path / "cur.csv"),
                 "--to-current"]) == 0
    err = capsys.readouterr().err
    assert "base.csv: converted numeric -> text" in err
    assert "text.csv" not in err.split("base.csv")[0]
    report = validate_path(tmp_path / "cur.csv")
    assert report.valid
    assert report.generation == "text"
    assert report.rows_read == 60


def test_a_broken_update_row_fails_the_merge_unless_rejects(tmp_path: Path, capsys: Capture) -> None:
    good = {**acled_example(), "timestamp": "10"}
    base = write_csv(tmp_path / "base.csv", [good])
    broken = {**good, "event_id_cnty": "MMR2", "fatalities": "-1"}
    update = write_csv(tmp_path / "u.csv", [{**good, "timestamp": "11", "fatalities": "3"}, broken])
    out = tmp_path / "out.csv"
    assert main(["merge", str(base), str(update), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "u.csv:4: record 2: fatalities:" in err
    assert "[fatalities-negative]" in err
    assert "nothing written" in err
    assert not out.exists()
    rejects = tmp_path / "rejects.csv"
    assert main(["merge", str(base), str(update), "-o", str(out), "--rejects", str(rejects)]) == 1
    assert [row["fatalities"] for row in read_rows(out)] == ["3"]
    assert read_rows(rejects) == read_rows(update)[1:]


@pytest.mark.parametrize("where", ["base", "update"])
def test_duplicate_ids_in_one_file_are_refused(tmp_path: Path, capsys: Capture, where: str) -> None:
    row = {**acled_example(), "timestamp": "10"}
    twice = write_csv(tmp_path / "twice.csv", [row, {**row, "fatalities": "2"}])
    once = write_csv(tmp_path / "once.csv", [{**row, "event_id_cnty": "MMR7"}])
    base, update = (twice, once) if where == "base" else (once, twice)
    assert main(["merge", str(base), str(update), "-o", str(tmp_path / "out.csv")]) == 1
    assert "'MMR1' already appears at record 1" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()
    if where == "base":  # the merge fails after the update's broken rows were set aside: neither file appears
        broken = write_csv(tmp_path / "broken.csv", [{**row, "event_id_cnty": "MMR9", "fatalities": "-1"}])
        assert main(["merge", str(base), str(broken), "-o", str(tmp_path / "out.csv"), "--rejects",
                     str(tmp_path / "rejects.csv")]) == 1
        assert not (tmp_path / "out.csv").exists()
        assert not (tmp_path / "rejects.csv").exists()


def test_bad_input_and_output_exit_2_without_output(tmp_path: Path, capsys: Capture) -> None:
    row = {**acled_example(), "timestamp": "10"}
    base = write_csv(tmp_path / "base.csv", [row])
    no_key = write_csv(tmp_path / "nokey.csv", [row], [c for c in acled_codebook().columns if c != "event_id_cnty"])
    out = tmp_path / "out.csv"
    assert main(["merge", str(base), str(no_key), "-o", str(out)]) == 2
    assert "missing event_id_cnty" in capsys.readouterr().err
    wrong = tmp_path / "deleted.csv"
    wrong.write_text("id,when\nMMR1,5\n", encoding="utf-8")
    assert main(["merge", str(base), str(base), "--deleted", str(wrong), "-o", str(out)]) == 2
    assert "needs the columns event_id_cnty, deleted_timestamp" in capsys.readouterr().err
    assert main(["merge", str(base), str(base), "-o", str(tmp_path / "missing" / "out.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert not out.exists()
    bad_stamp = write_deleted(tmp_path / "bad.csv", {"MMR1": 5})
    bad_stamp.write_text(bad_stamp.read_text() + "MMR2,soon\n", encoding="utf-8")
    assert main(["merge", str(base), str(base), "--deleted", str(bad_stamp), "-o", str(out)]) == 1
    assert "bad.csv:3: deleted_timestamp: 'soon' is not a Unix timestamp" in capsys.readouterr().err
    assert not out.exists()


def test_a_legacy_update_is_converted_and_the_base_replaced_in_place(sample: list[Row], tmp_path: Path,
                                                                      capsys: Capture) -> None:
    cb = acled_codebook()
    base = write_csv(tmp_path / "base.csv", sample[:20], cb.columns)
    legacy = [{**reissue(row, 5), "data_id": "1", "event_id_no_cnty": "1", "iso3": "X"} for row in sample[:3]]
    update = write_csv(tmp_path / "legacy.csv", legacy, cb.legacy_columns)
    assert main(["merge", str(base), str(update), "-o", str(base)]) == 0
    assert "legacy.csv: converted legacy -> numeric" in capsys.readouterr().err
    assert read_rows(base) == [reissue(row, 5) for row in sample[:3]] + sample[3:20]


def test_a_short_row_in_the_base_is_named(tmp_path: Path, capsys: Capture) -> None:
    row = {**acled_example(), "timestamp": "10"}
    base = write_csv(tmp_path / "base.csv", [row])
    base.write_text(base.read_text(encoding="utf-8") + "MMR5,2023-11-01\n", encoding="utf-8")
    update = write_csv(tmp_path / "u.csv", [{**row, "event_id_cnty": "MMR7"}])
    assert main(["merge", str(base), str(update), "-o", str(tmp_path / "out.csv")]) == 1
    assert "base.csv:4: record 2: the row has 2 fields, the header 31 [wrong-field-count]" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()
