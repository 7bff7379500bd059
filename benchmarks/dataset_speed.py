"""How fast ``eventcode merge``, ``aggregate`` and ``convert --to geojson|parquet`` run, against the floor and the
usual alternatives.

usage: python benchmarks/dataset_speed.py [--rows N] [--updates N] [--deletions N] [--shapes] [--keep]

Writes a realistic ACLED-style base of N rows (default 1,000,000; see validate_speed.py), an update of U rows
(default 50,000: 90% re-issues of base events with a newer timestamp and changed fatalities, 10% new events) and
a deleted-events list of D ids (default 5,000), then measures, each in its own process (wall time, peak RSS):

- ``pyarrow``: pyarrow's streaming CSV reader merely reading the files (the floor);
- ``pandas`` / ``polars`` (when installed): what a user would otherwise write: read, keep the newest row per
  id, drop the deleted, write; and the weekly admin1 counts;
- ``eventcode merge`` with the update and the deleted list, ``eventcode aggregate --by week --level admin1``;
- with ``--shapes``: ``eventcode convert --to geojson`` and ``--to parquet`` of the base (memory is what counts:
  both stream; every row goes through the validating converter, so they take minutes).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

from validate_speed import measure_alone, write_file

from eventcode.codebook import acled_codebook

_PYARROW = """
import sys, pyarrow.csv as pc
for path in sys.argv[1:]:
    sum(b.num_rows for b in pc.open_csv(path, read_options=pc.ReadOptions(block_size=1 << 24)))
"""
_PANDAS_MERGE = """
import sys
import pandas as pd
base, update, deleted, out = sys.argv[1:]
read = dict(dtype=str, keep_default_na=False, engine="pyarrow")
rows = pd.concat([pd.read_csv(base, **read), pd.read_csv(update, **read)], ignore_index=True)
rows["_ts"] = pd.to_numeric(rows["timestamp"])
rows = rows.sort_values("_ts", kind="stable").drop_duplicates("event_id_cnty", keep="last")
gone = pd.read_csv(deleted, dtype={"event_id_cnty": str})
rows = rows.merge(gone, on="event_id_cnty", how="left")
rows = rows[~(rows["deleted_timestamp"] > rows["_ts"])].drop(columns=["_ts", "deleted_timestamp"])
rows.to_csv(out, index=False)
"""
_POLARS_MERGE = """
import sys
import polars as pl
base, update, deleted, out = sys.argv[1:]
rows = pl.concat([pl.read_csv(base, infer_schema=False), pl.read_csv(update, infer_schema=False)])
rows = rows.with_columns(pl.col("timestamp").cast(pl.Int64).alias("_ts")).sort("_ts", maintain_order=True)
rows = rows.unique("event_id_cnty", keep="last", maintain_order=True)
gone = pl.read_csv(deleted, schema_overrides={"event_id_cnty": pl.Utf8})
rows = rows.join(gone, on="event_id_cnty", how="left")
rows = rows.filter(~(pl.col("deleted_timestamp") > pl.col("_ts")).fill_null(False)).drop("_ts", "deleted_timestamp")
rows.write_csv(out)
"""
_PANDAS_AGGREGATE = """
import sys
import pandas as pd
rows = pd.read_csv(sys.argv[1], engine="pyarrow", usecols=["event_date", "time_precision", "country", "admin1",
                   "latitude", "longitude", "fatalities"], keep_default_na=False)
rows = rows[rows["time_precision"] != 3]
day = pd.to_datetime(rows["event_date"])
rows["week"] = (day - pd.to_timedelta((day.dt.dayofweek - 5) % 7, unit="D")).dt.date
out = rows.groupby(["week", "country", "admin1"]).agg(events=("fatalities", "size"), fatalities=("fatalities", "sum"),
    centroid_latitude=("latitude", "mean"), centroid_longitude=("longitude", "mean")).reset_index()
out.to_csv(sys.argv[2], index=False)
"""
_POLARS_AGGREGATE = """
import sys
import polars as pl
rows = pl.read_csv(sys.argv[1], columns=["event_date", "time_precision", "country", "admin1", "latitude",
                   "longitude", "fatalities"]).filter(pl.col("time_precision") != 3)
day = pl.col("event_date").str.to_date()
rows = rows.with_columns((day - pl.duration(days=(day.dt.weekday() - 6) % 7)).alias("week"))
out = rows.group_by(["week", "country", "admin1"]).agg(pl.len().alias("events"), pl.col("fatalities").sum(),
    pl.col("latitude").mean().alias("centroid_latitude"), pl.col("longitude").mean().alias("centroid_longitude"))
out.write_csv(sys.argv[2])
"""


def _installed(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def write_update(base: Path, update: Path, deleted: Path, rows: int, updates: int, deletions: int) -> None:
    """An update of ``updates`` rows (90% re-issued base rows, 10% new) and a deleted list of other base ids."""
    rng = random.Random(7)
    picked = rng.sample(range(rows), min(rows, updates - updates // 10 + deletions))
    reissued, gone = set(picked[:len(picked) - deletions]), set(picked[len(picked) - deletions:])
    fresh = update.with_name("fresh.csv")
    write_file(fresh, updates // 10, acled_codebook(), seed=2)
    with open(base, encoding="utf-8", newline="") as source, \
            open(update, "w", encoding="utf-8", newline="") as target, \
            open(deleted, "w", encoding="utf-8", newline="") as deletes:
        reader, writer = csv.reader(source), csv.writer(target, lineterminator="\n")
        header = next(reader)
        stamp, dead = header.index("timestamp"), header.index("fatalities")
        writer.writerow(header)
        deletes.write("event_id_cnty,deleted_timestamp\n")
        for number, row in enumerate(reader):
            if number in reissued:
                row[stamp], row[dead] = str(int(row[stamp]) + 1000), str(int(row[dead]) + 1)
                writer.writerow(row)
            elif number in gone:
                deletes.write(f"{row[0]},{int(row[stamp]) + 500}\n")
        with open(fresh, encoding="utf-8", newline="") as new:
            new_rows = csv.reader(new)
            next(new_rows)
            for number, row in enumerate(new_rows, 1):
                writer.writerow([f"ZZZ{number}", *row[1:]])
    fresh.unlink()


def table(title: str, results: dict[str, dict[str, float]], floor: str) -> None:
    base = results[floor]["seconds"]
    print(f"\n| {title} | wall time | x pyarrow read | peak memory | exit |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']:.2f} s | {r['seconds'] / base:.2f} | {r['peak_mb']:.0f} MB | "
              f"{r['exit']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--updates", type=int, default=50_000)
    parser.add_argument("--deletions", type=int, default=5_000)
    parser.add_argument("--shapes", action="store_true", help="also convert the base to GeoJSON and Parquet")
    parser.add_argument("--folder", type=Path, help="keep the files here (reused when present)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="eventcode-dataset-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    base, update, deleted = folder / "base.csv", folder / "update.csv", folder / "deleted.csv"
    started = time.perf_counter()
    if not base.exists():
        write_file(base, args.rows, acled_codebook())
    if not update.exists() or not deleted.exists():
        write_update(base, update, deleted, args.rows, args.updates, args.deletions)
    print(f"files ready in {time.perf_counter() - started:.1f} s: {base} ({base.stat().st_size / 2**20:,.0f} MB), "
          f"{update} ({update.stat().st_size / 2**20:,.0f} MB), {deleted}", file=sys.stderr)
    eventcode = [sys.executable, "-m", "eventcode"]  # the eventcode on PYTHONPATH (e.g. a checkout's src)
    out = str(folder / "out.csv")
    merge_runs = {"pyarrow streaming read of base + update (floor)": [sys.executable, "-c", _PYARROW, str(base),
                                                                       str(update)],
                  "eventcode merge": [*eventcode, "merge", str(base), str(update), "--deleted", str(deleted), "-o",
                                      out]}
    aggregate_runs = {"pyarrow streaming read of base (floor)": [sys.executable, "-c", _PYARROW, str(base)],
                      "eventcode aggregate --by week --level admin1": [*eventcode, "aggregate", str(base), "--by",
                                                                       "week", "-o", out]}
    for module, merge_script, aggregate_script in (("pandas", _PANDAS_MERGE, _PANDAS_AGGREGATE),
                                                   ("polars", _POLARS_MERGE, _POLARS_AGGREGATE)):
        if _installed(module):
            merge_runs[f"{module}: newest per id, drop deleted"] = [sys.executable, "-c", merge_script, str(base),
                                                                    str(update), str(deleted), out]
            aggregate_runs[f"{module}: weekly admin1 groupby"] = [sys.executable, "-c", aggregate_script, str(base),
                                                                  out]
        else:
            print(f"{module} is not installed: its comparison is left out", file=sys.stderr)
    rows = f"{args.rows:,} rows"
    table(f"merge {rows} + {args.updates:,} updates + {args.deletions:,} deletions",
          {name: measure_alone(command) for name, command in merge_runs.items()},
          "pyarrow streaming read of base + update (floor)")
    table(f"aggregate {rows}", {name: measure_alone(command) for name, command in aggregate_runs.items()},
          "pyarrow streaming read of base (floor)")
    if args.shapes:
        floor = "pyarrow streaming read of base (floor)"
        shape_runs = {floor: aggregate_runs[floor]}
        for to in ("geojson", "parquet"):
            shape_runs[f"eventcode convert --to {to}"] = [*eventcode, "convert", str(base), "--to", to, "--inter",
                                                          "numeric", "-o", str(folder / f"out.{to}")]
        table(f"convert {rows}", {name: measure_alone(command) for name, command in shape_runs.items()}, floor)


if __name__ == "__main__":
    main()
