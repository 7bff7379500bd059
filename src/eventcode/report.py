"""Validation results as data: a Report of per-file results, each with its counts and issues.

Reporters (text, json, github, junit) format a Report; the command line chooses the exit code from it.
``Report.to_dict()`` is the JSON form, described by ``schemas/validation-report.schema.json``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from eventcode.issues import CATALOG, Issue


@dataclass
class FileReport:
    """What validating one file found. Every row read is counted: ``rows_valid + rows_invalid == rows_read``.

    ``generation`` names the layout seen (ACLED: legacy, numeric or text); ``blank_rows`` counts blank lines,
    which are not records; ``readable`` is false when the file could not be read at all.
    """

    path: str
    format: str
    rows_read: int = 0
    rows_valid: int = 0
    rows_invalid: int = 0
    issues: list[Issue] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    truncated: bool = False
    generation: str | None = None
    blank_rows: int = 0
    readable: bool = True
    seconds: float = 0.0
    warnings: int = 0

    @property
    def valid(self) -> bool:
        return self.readable and self.rows_invalid == 0 and not any(
            CATALOG[code].scope == "file" for code in self.counts) and not any(
            issue.severity == "error" for issue in self.issues)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "format": self.format, "generation": self.generation, "valid": self.valid,
            "readable": self.readable, "rows_read": self.rows_read, "rows_valid": self.rows_valid,
            "rows_invalid": self.rows_invalid, "blank_rows": self.blank_rows, "seconds": round(self.seconds, 3),
            "counts": dict(sorted(self.counts.items())), "truncated": self.truncated,
            "issues": [issue_dict(issue) for issue in self.issues],
        }


def issue_dict(issue: Issue) -> dict[str, Any]:
    """An issue as JSON-ready data (a value that is not JSON is given as its text)."""
    value = issue.value if isinstance(issue.value, (str, int, float, bool, type(None))) else str(issue.value)
    return {"code": issue.code, "severity": issue.severity, "message": issue.message, "file": issue.file,
            "record": issue.record, "line": issue.line, "field": issue.field, "value": value, "hint": issue.hint}


@dataclass
class Report:
    """The result of validating one or more files."""

    files: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def counts(self) -> Counter[str]:
        """The number of issues by code, over all files (including issues beyond ``--limit-errors``)."""
        total: Counter[str] = Counter()
        for f in self.files:
            total.update(f.counts)
        return total

    def stats(self) -> dict[str, Any]:
        warnings = sum(f.warnings for f in self.files)
        errors = sum(self.counts.values()) - warnings
        return {"files": len(self.files), "rows_read": sum(f.rows_read for f in self.files),
                "rows_valid": sum(f.rows_valid for f in self.files),
                "rows_invalid": sum(f.rows_invalid for f in self.files), "errors": errors, "warnings": warnings,
                "seconds": round(self.seconds, 3)}

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (see ``schemas/validation-report.schema.json``)."""
        return {"valid": self.valid, "stats": self.stats(), "counts": dict(sorted(self.counts.items())),
                "files": [f.to_dict() for f in self.files]}


def validation_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``Report.to_dict()`` (and of ``eventcode validate --format json``)."""
    count = {"type": "integer", "minimum": 0}
    code = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "An error code of eventcode's catalog (docs/errors.md)."}
    nullable_int = {"type": ["integer", "null"], "minimum": 1}
    issue = {
        "type": "object", "additionalProperties": False,
        "required": ["code", "severity", "message", "file", "record", "line", "field", "value", "hint"],
        "properties": {
            "code": code, "severity": {"enum": ["error", "warning"]}, "message": {"type": "string"},
            "file": {"type": ["string", "null"]}, "record": nullable_int, "line": nullable_int,
            "field": {"type": ["string", "null"]}, "value": {}, "hint": {"type": ["string", "null"]},
        },
    }
    counts = {"type": "object", "propertyNames": code, "additionalProperties": count}
    file_report = {
        "type": "object", "additionalProperties": False,
        "required": ["path", "format", "generation", "valid", "readable", "rows_read", "rows_valid", "rows_invalid",
                     "blank_rows", "seconds", "counts", "truncated", "issues"],
        "properties": {
            "path": {"type": "string"}, "format": {"type": "string"}, "generation": {"type": ["string", "null"]},
            "valid": {"type": "boolean"}, "readable": {"type": "boolean"}, "rows_read": count,
            "rows_valid": count, "rows_invalid": count, "blank_rows": count, "seconds": {"type": "number"},
            "counts": counts, "truncated": {"type": "boolean"}, "issues": {"type": "array", "items": issue},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/eventcode/eventcode/schemas/validation-report.schema.json",
        "title": "eventcode validation report",
        "description": "The output of `eventcode validate --format json`. Generated by eventcode; do not edit: run "
                       "`python -m eventcode.schema`. rows_valid + rows_invalid == rows_read in every file.",
        "type": "object", "additionalProperties": False, "required": ["valid", "stats", "counts", "files"],
        "properties": {
            "valid": {"type": "boolean"},
            "stats": {"type": "object", "additionalProperties": False,
                      "required": ["files", "rows_read", "rows_valid", "rows_invalid", "errors", "warnings",
                                   "seconds"],
                      "properties": {"files": count, "rows_read": count, "rows_valid": count, "rows_invalid": count,
                                     "errors": count, "warnings": count, "seconds": {"type": "number"}}},
            "counts": counts,
            "files": {"type": "array", "items": file_report},
        },
    }
