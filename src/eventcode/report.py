"""Validation results as data: a Report of per-file results, each with its counts and issues.

Reporters (text, json, github, junit) format a Report; the command line chooses the exit code from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventcode.issues import Issue


@dataclass
class FileReport:
    """What validating one file found. Every row read is counted: ``rows_valid + rows_invalid == rows_read``."""

    path: str
    format: str
    rows_read: int = 0
    rows_valid: int = 0
    rows_invalid: int = 0
    issues: list[Issue] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    truncated: bool = False

    @property
    def valid(self) -> bool:
        return self.rows_invalid == 0 and not any(issue.severity == "error" for issue in self.issues)


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
