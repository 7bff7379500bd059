"""Issues: one broken rule at one place in the data, with a stable code from a closed catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """An entry of the error catalog: a stable kebab-case code, a title, what it means, and the data it is
    about (``acled`` records, or ``cameo`` codes in GDELT rows and CAMEO output)."""

    code: str
    title: str
    description: str
    scope: Literal["field", "record", "dataset", "file"] = "record"
    data: Literal["acled", "cameo"] = "acled"


_CATALOG_ENTRIES = (
    # Values of one field
    ErrorCode("missing-value", "Missing value", "A required field is absent or blank.", "field"),
    ErrorCode("wrong-type", "Wrong type", "A field holds a value of the wrong kind (e.g. a number where text "
              "belongs); quote it in YAML or JSON.", "field"),
    ErrorCode("not-an-integer", "Not an integer", "An integer field holds something else.", "field"),
    ErrorCode("not-a-number", "Not a number", "A decimal field holds something else, NaN or infinity.", "field"),
    ErrorCode("bad-date", "Unreadable date", "event_date is not a real date in the form 2023-11-01, "
              "01 November 2023 or 20231101.", "field"),
    ErrorCode("date-out-of-range", "Date out of range", "event_date is before the codebook's earliest_event_date "
              "(ACLED's first coded day) or after today.", "field"),
    ErrorCode("bad-event-id", "Malformed event id", "event_id_cnty is not an uppercase country prefix followed by "
              "digits (e.g. MMR12345).", "field"),
    ErrorCode("unknown-event-type", "Unknown event type", "event_type is not one of ACLED's 6 event types.", "field"),
    ErrorCode("unknown-sub-event-type", "Unknown sub-event type", "sub_event_type is not one of ACLED's 25 "
              "sub-event types.", "field"),
    ErrorCode("unknown-disorder-type", "Unknown disorder type", "disorder_type is not an ACLED disorder type.",
              "field"),
    ErrorCode("unknown-actor-category", "Unknown actor category", "inter1 or inter2 is not an actor category "
              "code 1-8 or its label.", "field"),
    ErrorCode("unknown-interaction", "Unknown interaction", "interaction is not a valid ACLED interaction "
              "code or text.", "field"),
    ErrorCode("bad-civilian-targeting", "Bad civilian_targeting", "civilian_targeting is neither blank nor "
              "'Civilians targeted'.", "field"),
    ErrorCode("precision-out-of-range", "Precision out of range", "time_precision and geo_precision are 1, 2 "
              "or 3.", "field"),
    ErrorCode("fatalities-negative", "Negative fatalities", "fatalities is a count: 0 or more.", "field"),
    ErrorCode("coordinate-out-of-range", "Coordinate out of range", "latitude is within -90..90 and longitude "
              "within -180..180.", "field"),
    ErrorCode("unknown-country", "Unknown country", "country is not one of ACLED's country names.", "field"),
    ErrorCode("unknown-region", "Unknown region", "region is not one of ACLED's region names.", "field"),
    ErrorCode("bad-source-scale", "Bad source_scale", "source_scale is not a source scale level or levels "
              "joined by '-'.", "field"),
    ErrorCode("bad-tags", "Malformed tags", "tags are '; '-separated items, none blank or padded with spaces.",
              "field"),
    ErrorCode("unknown-field", "Unknown field", "A record holds a field that is not an ACLED column.", "field"),
    # Rules that tie fields of one record together
    ErrorCode("event-type-mismatch", "Event type mismatch", "event_type is not the parent of sub_event_type."),
    ErrorCode("disorder-type-mismatch", "Disorder type mismatch", "disorder_type is not the one ACLED gives "
              "sub_event_type."),
    ErrorCode("year-mismatch", "Year mismatch", "year is not the year of event_date."),
    ErrorCode("interaction-mismatch", "Interaction mismatch", "interaction does not follow from inter1 and "
              "inter2 (smaller code first; inter1 * 10 when there is no actor2)."),
    ErrorCode("actor2-inter2-mismatch", "actor2 and inter2 disagree", "inter2 is blank (or 0) exactly when "
              "actor2 is blank."),
    ErrorCode("one-sided-not-allowed", "One-sided event not allowed", "Battles and Violence against civilians "
              "need an actor2."),
    ErrorCode("civilians-not-target", "Violence against civilians without civilians", "In Violence against "
              "civilians, actor2 is civilians (inter2 7)."),
    ErrorCode("civilian-targeting-not-allowed", "civilian_targeting not allowed", "civilian_targeting is only "
              "set on Violence against civilians, Explosions/Remote violence, Riots and Excessive force against "
              "protesters."),
    ErrorCode("iso-mismatch", "ISO code mismatch", "iso is not the ISO 3166-1 numeric code of country."),
    ErrorCode("region-mismatch", "Region mismatch", "region is not the ACLED region of country."),
    # Rules over a whole dataset or file
    ErrorCode("duplicate-event-id", "Duplicate event id", "event_id_cnty appears more than once.", "dataset"),
    ErrorCode("wrong-field-count", "Wrong number of fields", "A row has more or fewer fields than the header.",
              "file"),
    ErrorCode("field-too-large", "Field over the size limit", "A CSV field is larger than the size limit "
              "(--max-field-bytes, 1 MiB by default); the row is not read, the rows after it are.", "file"),
    ErrorCode("bad-header", "Unrecognised header", "The header matches no known layout.", "file"),
    ErrorCode("parse-error", "Unreadable input", "The file or record cannot be parsed.", "file"),
    # CAMEO codes and GDELT event rows
    ErrorCode("unknown-event-code", "Unknown CAMEO event code", "EventCode is not one of the 311 CAMEO codes of "
              "GDELT's lookup (codes are text with their leading zeros).", "field", "cameo"),
    ErrorCode("event-code-mismatch", "Base or root code mismatch", "EventBaseCode is not the first three digits of "
              "EventCode, or EventRootCode not its first two.", data="cameo"),
    ErrorCode("quad-class-mismatch", "Quad class mismatch", "QuadClass is not the lookup's quad class of "
              "EventCode (roots 01-05: 1, 06-09: 2, 10-14: 3, 15-20: 4).", data="cameo"),
    ErrorCode("goldstein-mismatch", "Goldstein value mismatch", "GoldsteinScale is not the lookup's Goldstein "
              "value of EventCode.", data="cameo"),
    ErrorCode("bad-gdelt-date", "Unreadable GDELT date", "SQLDATE is not a real date YYYYMMDD, or DATEADDED not "
              "YYYYMMDD or YYYYMMDDHHMMSS.", "field", "cameo"),
    ErrorCode("date-mismatch", "Date fields disagree", "MonthYear, Year or FractionDate does not follow from "
              "SQLDATE.", data="cameo"),
    ErrorCode("bad-actor-code", "Malformed CAMEO actor code", "An actor code is not a sequence of three-character "
              "elements of capital letters or digits (CHRANG001) or of lower-case letters, has a lower-case element "
              "that is no CAMEO ethnic code or more than five elements, or a GDELT country, known-group, ethnic, "
              "religion or type column holds no code of its kind (docs/validate.md).", "field", "cameo"),
    ErrorCode("suspect-actor-element", "Actor code element looks like a letter swap", "A warning: an element of an "
              "actor code is in no vocabulary and has the letters of a CAMEO role or international code in another "
              "order (NGOEVN: NGOENV?). Real GDELT writes such codes (IGOAFRAFU), so it never fails a file.",
              "field", "cameo"),
    ErrorCode("actor-role-order", "Actor roles out of order", "A warning: a CAMEO actor code puts a primary role "
              "after a secondary or tertiary one (CRMJUD), which CAMEO's manual asks coders not to do.", "field",
              "cameo"),
    ErrorCode("no-cameo-equivalent", "No CAMEO equivalent", "The event's ACLED sub-event type has no CAMEO event "
              "code in the crosswalk; a human must decide its coding before it can be written as CAMEO.",
              data="cameo"),
    ErrorCode("value-not-writable", "Value the format cannot hold", "A value holds a tab or line break, which "
              "a tab-separated GDELT-style row cannot carry; eventcode will not change it to fit.", "field",
              data="cameo"),
)

CATALOG: dict[str, ErrorCode] = {entry.code: entry for entry in _CATALOG_ENTRIES}

#: The longest value repr an issue message quotes in full.
SHOWN_VALUE_CHARS = 80


def show(value: object) -> str:
    """``repr(value)`` for a message, abbreviated (and saying so) when it is long."""
    text = repr(value)
    if len(text) <= SHOWN_VALUE_CHARS:
        return text
    return f"{text[:SHOWN_VALUE_CHARS]}... ({len(text):,} characters)"


@dataclass(frozen=True, slots=True)
class Issue:
    """One broken rule: its code, a message, where (file, record, line, field) and the offending value."""

    code: str
    message: str
    field: str | None = None
    value: object = None
    hint: str | None = None
    severity: Severity = "error"
    file: str | None = None
    record: int | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if self.code not in CATALOG:
            raise ValueError(f"issue code {self.code!r} is not in the error catalog")

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line) if part is not None)
        at = f"{where}: " if where else ""
        record = f"record {self.record}: " if self.record is not None else ""
        field = f"{self.field}: " if self.field else ""
        hint = f" (did you mean {self.hint!r}?)" if self.hint else ""
        return f"{at}{record}{field}{self.message} [{self.code}]{hint}"
