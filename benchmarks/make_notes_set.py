"""Assemble an evaluation set of real ACLED notes from other countries and years than the shared 2022 sample, from
public repositories that hold ACLED exports (third-party data: read from git mirrors, never committed here).

    python benchmarks/make_notes_set.py OUT.csv [--mirror /work/.mirror] [--sample acled_2022_sample.csv]

Each source is one file at one commit (:data:`SOURCES`); a mirror is ``MIRROR/<owner>+<name>/repo`` (a bare git
directory, as the ``fetch`` tool leaves it). Rows are put in the current taxonomy by
:func:`eventcode.coder.evaluate.acled_row` (pre-2019 event types crosswalked; the sub-event type left blank where
the old type does not decide it), kept when they have notes and are from before 2022 (the sample's year), minus
the sample's event ids, and deduplicated by event_id_cnty (the first source listed wins). OUT.csv is what
``benchmarks/evaluate_coder.py --sample OUT.csv`` reads; its ``origin`` column names the source of each row.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path

from eventcode.coder.evaluate import acled_row, split_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "acled_2022_sample.csv"

#: (repository, commit, path, what it holds). Newer generations first: on a repeated event id the first wins.
SOURCES: tuple[tuple[str, str, str, str], ...] = (
    ("RPanlilio/acled", "6566b7a91ffb49efeb50adf98ae737e5fb511ca1", "acled.csv",
     "2019-2022 export layout (data_id ... iso3), 2020, worldwide (Ukraine, Mexico, Yemen, India, Syria ...)"),
    ("dkoban/geo_stuff", "488316065e45fd3ae8e1776e0a2badf5daae62b3", "ACLED.csv",
     "2019-2022 export layout, Afghanistan, March 2020"),
    ("ZieglerAE/OSACHumanitarianDashboard", "8da59ba1d36ea15675a4f59725d92defdb4818d4",
     "Humanitarian Incidents in Africa Dataset - 09-06-22 00:10.csv",
     "ACLED rows (data_source ACLED) on aid workers in Africa, 2016-2022, mixed with AWSD rows (dropped: no id)"),
    ("JoshMerfeld/saereplication", "44a83a236e551618e63f417a1ce3f2864757b02d", "data/acled.csv",
     "2023 export layout, Benin, 2009-2022"),
    ("AschHarwood/acled", "f435e91d548a9a560c81ff42791dc86af860c179", "acled.csv",
     "pre-2019 layout and taxonomy (no sub_event_type), Africa, mid-2016"),
    ("katehara/ACLED---Data-Mining", "6167f4fb362dc0b92c8b7aec797f52ca2fcb2dc5", "acled.csv",
     "ACLED Asia 2015 (upper-case columns, pre-2019 taxonomy), South and South-East Asia"),
)

COLUMNS = ("event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
           "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country", "admin1", "location",
           "fatalities", "notes", "origin")


def source_rows(mirror: Path, repo: str, commit: str, path: str) -> list[dict[str, str]]:
    """The rows of one file of a mirrored repository at a commit."""
    git_dir = mirror / repo.replace("/", "+") / "repo"
    shown = subprocess.run(["git", "-C", str(git_dir), "show", f"{commit}:{path}"], capture_output=True,
                           check=True)
    text = shown.stdout.decode("utf-8-sig", errors="replace")
    return [acled_row(raw) for raw in csv.DictReader(io.StringIO(text, newline=""))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the shared sample, whose ids are left out")
    args = parser.parse_args()
    with open(args.sample, encoding="utf-8-sig", newline="") as handle:
        taken = {row["event_id_cnty"] for row in csv.DictReader(handle)}
    kept: dict[str, dict[str, str]] = {}
    for repo, commit, path, _ in SOURCES:
        counts: Counter[str] = Counter()
        for row in source_rows(args.mirror, repo, commit, path):
            event_id, year = row.get("event_id_cnty", "").strip(), row.get("event_date", "")[:4]
            if not event_id or not row.get("notes", "").strip() or not row.get("event_type"):
                counts["no id, notes or type"] += 1
            elif year >= "2022":
                counts["2022 or later"] += 1
            elif event_id in taken:
                counts["in the shared sample"] += 1
            elif event_id in kept:
                counts["repeated id"] += 1
            else:
                kept[event_id] = {**{name: row.get(name, "") for name in COLUMNS}, "year": year, "origin": repo}
                counts["kept"] += 1
        print(f"{repo}@{commit[:10]}:{path}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()),
              file=sys.stderr)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(kept.values())
    rows = list(kept.values())
    halves = Counter(split_of(r["event_id_cnty"]) for r in rows)
    print(f"{args.out}: {len(rows)} rows ({halves['dev']} dev, {halves['held-out']} held-out); "
          f"years {dict(sorted(Counter(r['year'] for r in rows).items()))}; "
          f"{len({r['country'] for r in rows})} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
