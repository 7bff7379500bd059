"""Reporters: a validation :class:`~eventcode.report.Report` as text, JSON, GitHub annotations or JUnit XML.

Each reporter is a function ``(report) -> str``; :data:`REPORTERS` lists them by ``--format`` name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from eventcode.issues import CATALOG, Issue
from eventcode.report import FileReport, Report


def _summary(report: Report) -> str:
    stats = report.stats()
    verdict = "valid" if report.valid else "INVALID"
    return (f"{verdict}: {stats['files']} file(s), {stats['rows_read']:,} rows read, {stats['rows_valid']:,} valid, "
            f"{stats['rows_invalid']:,} invalid, {stats['errors']:,} error(s) in {report.seconds:.2f} s")


def _file_line(f: FileReport) -> str:
    generation = f" ({f.generation})" if f.generation else ""
    blank = f", {f.blank_rows:,} blank lines skipped" if f.blank_rows else ""
    return (f"{f.path}: {f.format}{generation}: {f.rows_read:,} rows read, {f.rows_valid:,} valid, "
            f"{f.rows_invalid:,} invalid{blank}")


def text_report(report: Report) -> str:
    """Human-readable: one line per issue, then per file and per code summaries."""
    lines = [str(issue) for f in report.files for issue in f.issues]
    for f in report.files:
        lines.append(_file_line(f))
        if f.truncated:
            lines.append(f"  ({sum(f.counts.values()) - len(f.issues):,} more issue(s) not shown: --limit-errors)")
    for code, count in sorted(report.counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {count:>9,}  {code}: {CATALOG[code].title}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def json_report(report: Report) -> str:
    """The report as JSON (``schemas/validation-report.schema.json``)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _gh_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _annotation(issue: Issue) -> str:
    level = "error" if issue.severity == "error" else "warning"
    props = [f"file={_gh_escape(issue.file or '', True)}"]
    if issue.line is not None:
        props.append(f"line={issue.line}")
    props.append(f"title={_gh_escape(f'{issue.code} ({issue.field})' if issue.field else issue.code, True)}")
    where = f"record {issue.record}: " if issue.record is not None else ""
    hint = f" (did you mean {issue.hint!r}?)" if issue.hint else ""
    field = f"{issue.field}: " if issue.field else ""
    return f"::{level} {','.join(props)}::{_gh_escape(f'{where}{field}{issue.message}{hint}')}"


def github_report(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per issue, then a notice with the summary."""
    lines = [_annotation(issue) for f in report.files for issue in f.issues]
    lines.append(f"::notice title=eventcode validate::{_gh_escape(_summary(report))}")
    return "\n".join(lines) + "\n"


def junit_report(report: Report) -> str:
    """JUnit XML: a test suite per file, a test case per record with problems (or one passing case)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="eventcode validate" tests="{sum(max(1, f.rows_read) for f in report.files)}" '
           f'failures="{sum(f.rows_invalid for f in report.files)}" time="{report.seconds:.3f}">']
    for f in report.files:
        out.append(f"  <testsuite name={quoteattr(f.path)} tests=\"{max(1, f.rows_read)}\" "
                   f"failures=\"{f.rows_invalid + (0 if f.readable else 1)}\" time=\"{f.seconds:.3f}\">")
        by_record: dict[int | None, list[Issue]] = {}
        for issue in f.issues:
            by_record.setdefault(issue.record, []).append(issue)
        if not by_record:
            out.append(f"    <testcase classname={quoteattr(f.path)} name=\"all {f.rows_read} rows\"/>")
        for record, issues in by_record.items():
            name = f"record {record}" if record is not None else "file"
            out.append(f"    <testcase classname={quoteattr(f.path)} name={quoteattr(name)}>")
            for issue in issues:
                out.append(f"      <failure type={quoteattr(issue.code)} message={quoteattr(issue.message)}>"
                           f"{escape(str(issue))}</failure>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


#: Every reporter by ``--format`` name.
REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": text_report, "json": json_report, "github": github_report, "junit": junit_report,
}
