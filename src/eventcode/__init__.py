"""eventcode: typed codebooks, validators, converters and an incident coder for ACLED, CAMEO and PLOVER."""

from typing import TYPE_CHECKING

from eventcode.codebook import AcledCodebook, acled_codebook, load_acled_codebook
from eventcode.coder import code_text
from eventcode.errors import CodebookError, EventcodeError, InputError, InvalidEvent, OutputError, UnknownValueError
from eventcode.events import Event
from eventcode.formats.acled_csv import write_acled_csv
from eventcode.issues import CATALOG, Issue
from eventcode.rules import check_record

if TYPE_CHECKING:
    from eventcode.convert import convert_records, load_events

__version__ = "0.1.0"

__all__ = [
    "CATALOG",
    "AcledCodebook",
    "CodebookError",
    "Event",
    "EventcodeError",
    "InputError",
    "InvalidEvent",
    "Issue",
    "OutputError",
    "UnknownValueError",
    "__version__",
    "acled_codebook",
    "check_record",
    "code_text",
    "convert_records",
    "load_acled_codebook",
    "load_events",
    "write_acled_csv",
]


def __getattr__(name: str) -> object:
    """``convert_records`` and ``load_events``, imported when first asked for: the converters and their output
    formats take some 0.05 s to import, which ``eventcode code`` does not need."""
    if name in ("convert_records", "load_events"):
        from eventcode import convert

        return getattr(convert, name)
    raise AttributeError(f"module 'eventcode' has no attribute {name!r}")
