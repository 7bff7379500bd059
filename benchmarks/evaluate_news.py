"""Score the incident coder on real news reports beside their gold codings (../shared/data/news), per part of the
set: ``dev`` (the rules are written from its errors) and ``held-out`` (only measured), split by a hash of each
report's name. A gold event is found when a coded event has its sub-event type, a date within the precision
either claims, and the same place (a shared word of the location's name, or within 50 km; 100 km where the gold
has geo_precision 3).

    python benchmarks/evaluate_news.py [--news DIR] [--show dev]

Prints, per part: recall, precision, fatalities exact, interaction, and on the map (found events within 25 km of
the gold point, 50 km where the gold has geo_precision 3). ``--show dev`` lists the dev part's misses and extras.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.coder import Coder
from eventcode.coder.evaluate import evaluate_news, news_part, read_news

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--show", choices=("dev",), help="list the misses and extra events of the dev part")
    args = parser.parse_args()
    if not args.news.is_dir():
        print(f"news: {args.news} not found; nothing to measure", file=sys.stderr)
        return 0
    coder = Coder()
    reports = list(read_news(args.news))
    for part in ("dev", "held-out", "all"):
        chosen = [r for r in reports if part == "all" or news_part(r[0]) == part]
        score = evaluate_news(chosen, coder)
        print(f"news {part:8}: {score.reports} reports, {score.gold} gold events, {score.coded} coded "
              f"({score.optional} optional): recall {score.recall:.2f}  precision {score.precision:.2f}  "
              f"fatalities {score.share('fatalities'):.2f}  interaction {score.share('interaction'):.2f}  "
              f"on the map {score.share('on_the_map'):.2f}  ({score.seconds / max(score.reports, 1) * 1000:.0f} "
              "ms per report)")
        if args.show == part:
            for miss in score.misses:
                print(f"  missed: {miss}")
            for extra in score.extras:
                print(f"  extra:  {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
