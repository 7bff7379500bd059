"""Measure where the incident coder places events, on the ACLED 2022 sample: admin1 as ACLED's, within 25 km of
ACLED's point, a place given at all; per half of the sample (split by a hash of event_id_cnty: the admin1 table was
made from the dev half, so held-out is the honest figure) and for the countries without a bundled gazetteer. Then
with context: the sample's earlier months (January-April) as the user's export (``--gazetteer`` and ``--actors``),
its later months (May-June) coded; with sub_event_type and interaction too.

    python benchmarks/evaluate_places.py [--sample PATH] [--split 2022-05-01]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from eventcode.coder import Coder
from eventcode.coder.codebook import bundled_gazetteers
from eventcode.coder.evaluate import PlaceScore, evaluate_places, read_sample, split_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "acled_2022_sample.csv"
FIELDS = ("admin1", "within_25km", "placed", "sub_event_type", "interaction")


def show(label: str, score: PlaceScore) -> None:
    figures = "  ".join(f"{name} {score.rate(name):.1%}" for name in FIELDS)
    print(f"{label:44} {score.rows:5} rows  {figures}  ({score.seconds:.1f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--split", default="2022-05-01", help="first day coded; the rows before it are the context")
    args = parser.parse_args()
    if not args.sample.is_file():
        print(f"sample: {args.sample} not found; skipped", file=sys.stderr)
        return 0
    rows = list(read_sample(args.sample))
    own = {g.country for g in bundled_gazetteers()}
    coder = Coder()
    print("without context")
    for half in ("dev", "held-out"):
        chosen = [r for r in rows if split_of(r["event_id_cnty"]) == half]
        show(f"  {half}", evaluate_places(chosen, coder))
        show(f"  {half}, countries without a gazetteer of their own",
             evaluate_places([r for r in chosen if r["country"] not in own], coder))
    earlier = [r for r in rows if r["event_date"] < args.split]
    later = [r for r in rows if r["event_date"] >= args.split]
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "earlier.csv"
        with export.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(earlier)
        started = time.perf_counter()
        context = Coder([export], [export])
        loaded = time.perf_counter() - started
    print(f"with context: {len(earlier)} earlier rows as --gazetteer and --actors (read in {loaded:.1f} s), "
          f"{len(later)} later rows coded")
    for half in ("dev", "held-out"):
        chosen = [r for r in later if split_of(r["event_id_cnty"]) == half]
        show(f"  {half}, without context", evaluate_places(chosen, coder))
        show(f"  {half}, with context", evaluate_places(chosen, context))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
