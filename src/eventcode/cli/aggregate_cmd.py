"""``eventcode aggregate FILE... --by week|month|year``: events and fatalities per period and area.

Exit code 0 when counted; 1 when a row cannot be counted (nothing written); 2 for a usage error, unreadable
input or unwritable output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.aggregate import ACLED_WEEK_START, LEVELS, PERIODS, SPLITS, WEEKDAYS, aggregate, write_aggregation
from eventcode.cli._limits import size
from eventcode.formats.acled_read import MAX_FIELD_BYTES


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("aggregate", help="count events and fatalities per week, month or year and area",
                            description="Count the events and sum the fatalities of ACLED CSV files per period and "
                            "area, with the area's centroid (the mean of its event points), as ACLED's aggregated "
                            "files give them. Weeks start on Saturday, as ACLED's do. See docs/dataset.md.")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="ACLED CSV files (any generation)")
    parser.add_argument("--by", required=True, choices=PERIODS, help="the period counted")
    parser.add_argument("--level", choices=list(LEVELS), default="admin1", help="the area (default: admin1)")
    parser.add_argument("--split", choices=SPLITS, help="count each event type, sub-event type or disorder type "
                        "apart")
    parser.add_argument("--week-start", choices=WEEKDAYS, default=ACLED_WEEK_START,
                        help="the first day of a week (default: saturday, as ACLED)")
    parser.add_argument("--include-imprecise", action="store_true", help="count events dated only to the month "
                        "(time_precision 3) in the week of their event_date (default: left out of weeks, and said)")
    parser.add_argument("-o", "--output", type=Path, help="output file: .csv or .parquet (default: CSV on stdout)")
    parser.add_argument("--max-field-bytes", type=size, default=MAX_FIELD_BYTES, metavar="SIZE",
                        help="largest CSV field read (default: 1M)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = aggregate(args.files, args.by, args.level, args.split, args.week_start, args.include_imprecise,
                       args.max_field_bytes)
    for issue in result.issues:
        print(issue, file=sys.stderr)
    if result.issues:
        print(f"eventcode: {len(result.issues):,} problem(s); nothing written", file=sys.stderr)
        return 1
    rows = write_aggregation(result.table, args.output)
    notes = [f"{result.rows_read:,} events read, {result.events:,} counted ({result.fatalities:,} fatalities) in "
             f"{rows:,} rows"]
    if args.by == "week":
        notes.append(f"weeks start on {args.week_start.capitalize()}"
                     + (" (as ACLED's; --week-start changes it)" if args.week_start == ACLED_WEEK_START else ""))
        if result.left_out:
            notes.append(f"{result.left_out:,} events dated only to the month (time_precision 3, "
                         f"{result.left_out_fatalities:,} fatalities) left out of the weeks; --include-imprecise "
                         "counts them")
    print("eventcode: " + "; ".join(notes), file=sys.stderr)
    return 0
