"""Measure the incident coder: seeds (precision, recall, F1), the ACLED 2022 sample (accuracy per half, split by a
hash of event_id_cnty; dev was used to write the rules, held-out was not looked at row by row), the notes that open
with an ACLED label read without it (as a news report would be) and throughput.

    python benchmarks/evaluate_coder.py [--sample PATH] [--seeds DIR] [--confusion]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.coder import Coder
from eventcode.coder.evaluate import evaluate_sample, evaluate_seeds, read_sample, split_of, without_labels
from eventcode.coder.triggers import cues

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "acled_2022_sample.csv"
FIELDS = ("event_type", "sub_event_type", "fatalities", "interaction")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--confusion", action="store_true", help="print the commonest sub-event confusions (dev)")
    args = parser.parse_args()
    coder = Coder()
    seeds = evaluate_seeds(args.seeds, coder)
    print(f"seeds: gold {seeds.gold}, coded {seeds.coded}, matched {seeds.matched}: precision {seeds.precision:.2f} "
          f"recall {seeds.recall:.2f} F1 {seeds.f1:.2f}")
    for miss in seeds.misses:
        print(f"  missed: {miss}")
    if not args.sample.is_file():
        print(f"sample: {args.sample} not found; skipped", file=sys.stderr)
        return 0
    rows = list(read_sample(args.sample))
    for half in ("dev", "held-out", "all"):
        cues.cache_clear()  # each half is timed from a cold cache
        chosen = [r for r in rows if half == "all" or split_of(r["event_id_cnty"]) == half]
        score = evaluate_sample(chosen, coder)
        figures = "  ".join(f"{name} {score.rate(name):.1%}" for name in FIELDS)
        print(f"sample {half:8}: {score.rows} rows  {figures}  no event {score.no_event}  "
              f"{score.notes_per_second:,.0f} notes/s")
        if half != "all":
            bare = evaluate_sample(without_labels(chosen), coder)
            print(f"  {'':15} {bare.rows} of them open with an ACLED label; without it: event_type "
                  f"{bare.rate('event_type'):.1%}  sub_event_type {bare.rate('sub_event_type'):.1%}  "
                  f"interaction {bare.rate('interaction'):.1%}")
        if args.confusion and half == "dev":
            for (gold, coded), n in score.confusion.most_common(40):
                if gold != coded:
                    print(f"    {n:4}  {gold} -> {coded or '(none)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
