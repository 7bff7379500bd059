"""GDELT event files: layouts by field count, every row rule, and GDELT's real sample as acceptance test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcode.cameo import EventCode, cameo_codebook
from eventcode.cli import main
from eventcode.formats.gdelt import RowChecker, gdelt_codebook, looks_like_gdelt, validate_gdelt

BOOK = gdelt_codebook()
LAYOUTS = {layout.name: layout for layout in BOOK.layouts}
V1 = BOOK.columns_of(LAYOUTS["gdelt-1.0"])
V2 = BOOK.columns_of(LAYOUTS["gdelt-2.0"])

#: One row of GDELT 1.0 as column -> text (values of the shared sample's first row, abridged).
ROW = {"GLOBALEVENTID": "564111644", "SQLDATE": "20060731", "MonthYear": "200607", "Year": "2006",
       "FractionDate": "2006.5781", "Actor1Code": "USAGOV", "Actor1Name": "UNITED STATES", "Actor1CountryCode": "USA",
       "Actor1Type1Code": "GOV", "Actor2Code": "MMRMIL", "Actor2CountryCode": "MMR", "Actor2Type1Code": "MIL",
       "IsRootEvent": "1", "EventCode": "195", "EventBaseCode": "195", "EventRootCode": "19", "QuadClass": "4",
       "GoldsteinScale": "-10.0", "NumMentions": "2", "NumSources": "1", "NumArticles": "2",
       "AvgTone": "-0.34", "DATEADDED": "20160728", "SOURCEURL": "http://example.org/a"}


def _line(values: dict[str, str], columns: tuple[str, ...] = V1) -> str:
    return "\t".join(values.get(column, "") for column in columns) + "\n"


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "events.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _codes(tmp_path: Path, **change: str) -> list[tuple[str, str | None, object, str | None]]:
    report = validate_gdelt(_file(tmp_path, _line({**ROW, **change})))
    return [(i.code, i.field, i.value, i.hint) for i in report.issues]


def test_the_shared_sample_finds_one_role_order_warning_and_nothing_else(shared_data: Path) -> None:
    # What the real sample holds: 300 GDELT 1.0 daily rows (58 fields), every event code, base and root code,
    # quad class, Goldstein value and date consistent with GDELT's lookup, every actor code well-formed. Only row
    # 261's Actor1Code CRMJUD puts a primary role (JUD) after a secondary one (CRM): a warning, the row stays valid.
    path = shared_data / "gdelt" / "gdelt1_events_sample.tsv"
    assert looks_like_gdelt(path, path.read_bytes()[:65536])
    report = validate_gdelt(path)
    assert (report.format, report.generation) == ("gdelt", "gdelt-1.0")
    assert (report.rows_read, report.rows_valid, report.rows_invalid, report.warnings) == (300, 300, 0, 1)
    assert dict(report.counts) == {"actor-role-order": 1}
    [issue] = report.issues
    assert (issue.line, issue.field, issue.value, issue.severity) == (261, "Actor1Code", "CRMJUD", "warning")
    assert report.valid


def test_a_consistent_row_has_no_issue(tmp_path: Path) -> None:
    assert _codes(tmp_path) == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"EventCode": "1955"}, ("unknown-event-code", "EventCode", "1955", "195")),
    ({"EventCode": "120]--"}, ("unknown-event-code", "EventCode", "120]--", "120")),
    ({"EventCode": "13y", "EventBaseCode": "13y", "EventRootCode": "13"}, ("unknown-event-code", "EventCode", "13y",
                                                                            "13")),
    ({"EventBaseCode": "194"}, ("event-code-mismatch", "EventBaseCode", "194", "195")),
    ({"EventRootCode": "18"}, ("event-code-mismatch", "EventRootCode", "18", "19")),
    ({"QuadClass": "3"}, ("quad-class-mismatch", "QuadClass", "3", "4")),
    ({"QuadClass": "four"}, ("not-an-integer", "QuadClass", "four", None)),
    ({"GoldsteinScale": "-9.5"}, ("goldstein-mismatch", "GoldsteinScale", "-9.5", "-10.0")),
    ({"GoldsteinScale": "x"}, ("not-a-number", "GoldsteinScale", "x", None)),
    ({"SQLDATE": "20060231"}, ("bad-gdelt-date", "SQLDATE", "20060231", None)),
    ({"MonthYear": "200608"}, ("date-mismatch", "MonthYear", "200608", "200607")),
    ({"Year": "2007"}, ("date-mismatch", "Year", "2007", "2006")),
    ({"FractionDate": "2006.5808"}, ("date-mismatch", "FractionDate", "2006.5808", "2006.5781")),
    ({"DATEADDED": "2016072"}, ("bad-gdelt-date", "DATEADDED", "2016072", None)),
    ({"DATEADDED": "20160728256100"}, ("bad-gdelt-date", "DATEADDED", "20160728256100", None)),
    ({"Actor2Code": "NGOEVN"}, ("suspect-actor-element", "Actor2Code", "NGOEVN", "NGOENV")),
    ({"Actor2Code": "MMR-MIL"}, ("bad-actor-code", "Actor2Code", "MMR-MIL", None)),
    ({"Actor2Code": "MMRMil"}, ("bad-actor-code", "Actor2Code", "MMRMil", None)),
    ({"Actor2Code": "MMRmil"}, ("bad-actor-code", "Actor2Code", "MMRmil", "MMRMIL")),
    ({"Actor2Code": "CHRANG01"}, ("bad-actor-code", "Actor2Code", "CHRANG01", None)),
    ({"Actor2CountryCode": "MMX"}, ("bad-actor-code", "Actor2CountryCode", "MMX", "MMR")),
    ({"Actor2KnownGroupCode": "TLA"}, ("bad-actor-code", "Actor2KnownGroupCode", "TLA", "TAL")),
    ({"Actor2EthnicCode": "zlu"}, ("bad-actor-code", "Actor2EthnicCode", "zlu", "zul")),
    ({"Actor2Religion1Code": "MSO"}, ("bad-actor-code", "Actor2Religion1Code", "MSO", "MOS")),
    ({"Actor2Religion2Code": "SNU"}, ("bad-actor-code", "Actor2Religion2Code", "SNU", "SUN")),
    ({"Actor1Type1Code": "GVO"}, ("bad-actor-code", "Actor1Type1Code", "GVO", "GOV")),
    ({"Actor1Code": "CRMJUD"}, ("actor-role-order", "Actor1Code", "CRMJUD", None)),
])
def test_each_rule(change: dict[str, str], expected: tuple[str, str, object, str | None], tmp_path: Path) -> None:
    assert _codes(tmp_path, **change) == [expected]


@pytest.mark.parametrize("change", [
    # Real GDELT writes these (tests/gdelt_real/README.md names the rows): a numbered religious subgroup, an
    # element in none of GDELT's lookups, a full code that its sub-fields do not rebuild, lower-case ethnic codes
    # (KUR in GDELT's table, kur in its rows), an organization as a type (GDELT's CAMEO.type lists PKO).
    {"Actor2Code": "CHRANG001", "Actor2CountryCode": "", "Actor2Religion1Code": "CHR", "Actor2Type1Code": ""},
    {"Actor1Code": "SCGSRB", "Actor1CountryCode": "SRB", "Actor1Type1Code": ""},
    {"Actor2Code": "REL", "Actor2CountryCode": "", "Actor2Type1Code": ""},
    {"Actor2Code": "kur", "Actor2EthnicCode": "kur", "Actor2CountryCode": "", "Actor2Type1Code": ""},
    {"Actor2EthnicCode": "KUR"},
    {"Actor2KnownGroupCode": "TAL", "Actor2Religion1Code": "MOS", "Actor2Religion2Code": "SUN"},
    {"Actor2Code": "IGOUNOPKO", "Actor2CountryCode": "", "Actor2Type1Code": "IGO", "Actor2Type2Code": "PKO"},
])
def test_what_real_gdelt_writes_is_no_issue(change: dict[str, str], tmp_path: Path) -> None:
    assert _codes(tmp_path, **change) == []


REAL = Path(__file__).resolve().parent / "gdelt_real"


@pytest.mark.parametrize(("name", "generation", "warnings"), [
    ("gdelt1_rows.tsv", "gdelt-1.0+gdelt-1.0-backfile", []),
    ("gdelt2_rows.tsv", "gdelt-2.0", [(3, "suspect-actor-element", "Actor2Code", "IGOAFRAFU")]),
])
def test_real_rows_that_earlier_rules_rejected_are_valid(name: str, generation: str,
                                                         warnings: list[tuple[int, str, str, str]]) -> None:
    # Six unchanged rows of each GDELT generation (tests/gdelt_real/README.md names their sources): numbered
    # religious subgroups (CHRANG001, CHRPRO210), lower-case ethnic codes, codes beyond GDELT's lookups.
    report = validate_gdelt(REAL / name)
    assert (report.generation, report.rows_read, report.rows_valid, report.valid) == (generation, 6, 6, True)
    assert [(i.line, i.code, i.field, i.value) for i in report.issues] == warnings
    assert all(i.severity == "warning" for i in report.issues)


@pytest.mark.parametrize("name", ["gdelt1_rows.tsv", "gdelt2_rows.tsv"])
def test_defects_planted_in_real_rows_are_each_flagged_on_their_own_line(name: str, tmp_path: Path) -> None:
    # Line 1 gets a Goldstein value that is not the lookup's, line 2 an event code CAMEO lacks, line 3 a root code
    # that contradicts its event code; lines 4-6 stay as they are.
    book = gdelt_codebook()
    rows = [line.split("\t") for line in (REAL / name).read_text(encoding="utf-8").splitlines()]
    named = [dict(zip(book.columns_of(book.by_fields[len(row)]), row, strict=True)) for row in rows]
    named[0]["GoldsteinScale"] = str(float(named[0]["GoldsteinScale"]) + 1)
    named[1]["EventCode"] = named[1]["EventCode"] + "9"
    named[2]["EventRootCode"] = "20" if named[2]["EventRootCode"] != "20" else "19"
    path = tmp_path / name
    path.write_text("".join(_line(values, book.columns_of(book.by_fields[len(row)]))
                            for values, row in zip(named, rows, strict=True)), encoding="utf-8")
    report = validate_gdelt(path)
    errors = [(i.line, i.code, i.field) for i in report.issues if i.severity == "error"]
    assert errors == [(1, "goldstein-mismatch", "GoldsteinScale"), (2, "unknown-event-code", "EventCode"),
                      (3, "event-code-mismatch", "EventRootCode")]
    assert (report.rows_valid, report.rows_invalid) == (3, 3)


def test_a_code_of_cameo_1_1b3_only_says_so(tmp_path: Path) -> None:
    report = validate_gdelt(_file(tmp_path, _line({**ROW, "EventCode": "1951"})))
    [issue] = report.issues
    assert issue.code == "unknown-event-code"
    assert "CAMEO 1.1b3" in issue.message


def test_a_14_digit_dateadded_is_valid(tmp_path: Path) -> None:
    assert _codes(tmp_path, DATEADDED="20160728123000") == []


def test_backfile_and_daily_rows_mix_and_2_0_rows_are_61_fields(tmp_path: Path) -> None:
    backfile = _line(ROW, V1[:57])
    report = validate_gdelt(_file(tmp_path, backfile, _line(ROW)))
    assert (report.generation, report.rows_valid, report.issues) == ("gdelt-1.0-backfile+gdelt-1.0", 2, [])
    report = validate_gdelt(_file(tmp_path, _line(ROW, V2), _line(ROW, V2)))
    assert (report.generation, report.rows_valid, report.issues) == ("gdelt-2.0", 2, [])


def test_a_row_of_another_generation_or_length_is_a_wrong_field_count(tmp_path: Path) -> None:
    report = validate_gdelt(_file(tmp_path, _line(ROW), "\n", _line(ROW, V2), "a\tb\n"))
    assert [(i.code, i.record, i.line, i.value) for i in report.issues] == [
        ("wrong-field-count", 2, 3, 61), ("wrong-field-count", 3, 4, 2)]
    assert (report.rows_read, report.rows_valid, report.rows_invalid, report.valid) == (3, 1, 2, False)
    assert report.blank_rows == 1


def test_an_undecodable_line_is_a_parse_error_and_the_rest_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    path.write_bytes(b"\xff\xfe\n" + _line(ROW).encode())
    report = validate_gdelt(path)
    assert [(i.code, i.line) for i in report.issues] == [("parse-error", 1)]
    assert (report.rows_read, report.rows_valid) == (2, 1)


def test_detection_by_field_count(tmp_path: Path) -> None:
    assert looks_like_gdelt(tmp_path, _line(ROW).encode())
    assert looks_like_gdelt(tmp_path, _line(ROW, V2).encode())
    assert not looks_like_gdelt(tmp_path, b"event_id_cnty,event_date\nMMR1,2023-01-01\n")


def test_selection_and_limit_keep_counts_whole(tmp_path: Path) -> None:
    bad = _line({**ROW, "QuadClass": "3", "Year": "2007"})
    path = _file(tmp_path, bad, bad, bad)
    report = validate_gdelt(path, limit_errors=2)
    assert (len(report.issues), report.truncated, sum(report.counts.values())) == (2, True, 6)
    only = validate_gdelt(path, wants=lambda code: code == "date-mismatch")
    assert dict(only.counts) == {"date-mismatch": 3}


CODES = [c for c in cameo_codebook().event_codes if c.level > 1]


@given(st.sampled_from(CODES), st.dates(min_value=date(1979, 1, 1)))
def test_rows_built_from_the_lookup_are_valid(code: EventCode, day: date) -> None:
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    values = {**ROW, "EventCode": code.code, "EventBaseCode": code.base, "EventRootCode": code.root,
              "QuadClass": str(code.quad_class), "GoldsteinScale": str(code.goldstein),
              "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": str(day.year),
              "FractionDate": f"{fraction:.4f}"}
    row = dict.fromkeys(V1, "") | values
    assert RowChecker().check(row) == []
    wrong = str(code.quad_class % 4 + 1)
    assert [i.code for i in RowChecker().check({**row, "QuadClass": wrong})] == ["quad-class-mismatch"]
    assert [i.code for i in RowChecker().check({**row, "EventRootCode": "00"})] == ["event-code-mismatch"]


def test_validate_command_detects_gdelt_and_takes_input_format(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    good = _file(tmp_path, _line(ROW), _line(ROW, V1[:57]))
    assert main(["validate", str(good), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["files"][0]["format"], data["files"][0]["generation"]) == ("gdelt", "gdelt-1.0+gdelt-1.0-backfile")
    bad = tmp_path / "bad.csv"
    bad.write_text(_line({**ROW, "EventCode": "1955"}), encoding="utf-8")
    assert main(["validate", str(bad), "--input-format", "gdelt"]) == 1
    assert "[unknown-event-code] (did you mean '195'?)" in capsys.readouterr().out
