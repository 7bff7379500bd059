"""The exceptions eventcode raises. Every one is an :class:`EventcodeError`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventcode.issues import Issue


class EventcodeError(Exception):
    """Base class of every error eventcode raises on purpose."""


class CodebookError(EventcodeError):
    """A codebook file is malformed: names the file, the entry and the rule broken."""

    def __init__(self, file: str, entry: str, message: str) -> None:
        super().__init__(f"{file}: {entry}: {message}")
        self.file, self.entry, self.message = file, entry, message


class UnknownValueError(EventcodeError, KeyError):
    """A value is not in the codebook; ``hint`` names the nearest valid value, if any."""

    def __init__(self, kind: str, value: object, hint: str | None = None) -> None:
        text = f"unknown {kind} {value!r}" + (f" (did you mean {hint!r}?)" if hint else "")
        super().__init__(text)
        self.kind, self.value, self.hint = kind, value, hint

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidEvent(EventcodeError):
    """An event breaks one or more rules; ``issues`` lists each with its code, field, value and hint."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(str(issue) for issue in self.issues))


class InputError(EventcodeError):
    """An input file cannot be read at all (missing, undecodable, not the expected format)."""


class OutputError(EventcodeError):
    """An output file cannot be written (its folder is missing, it is a folder, no permission)."""
