"""How fast ``eventcode validate`` checks an ACLED file, against the floor and the usual alternatives.

usage: python benchmarks/validate_speed.py [--rows N] [--file PATH] [--keep]

Writes a realistic ACLED-style CSV of N valid rows (default 1,000,000: ACLED's real countries, actor names built
the way ACLED names actors, every sub-event type with the actor categories its rules allow, notes of 200-400
characters with commas and quotes), then measures in one run, each in its own process (wall time, peak RSS):

- ``csv.reader``: Python's csv module merely reading the file;
- ``pyarrow``: pyarrow's streaming CSV reader merely reading it (the floor; the same call as checks/contracts);
- ``pydantic``: a pydantic model with the codebook's vocabularies and ranges validating each row;
- ``eventcode``: the ``eventcode validate`` command with every rule on (import time included).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventcode.codebook import AcledCodebook, acled_codebook

ACTORS = {1: "Military Forces of {c} (2019-)", 2: "Liberation Front of {c}", 3: "Unidentified Armed Group ({c})",
          4: "Communal Militia ({c})", 5: "Rioters ({c})", 6: "Protesters ({c})", 7: "Civilians ({c})",
          8: "Military Forces of a neighbour of {c}"}
WORDS = ("on", "the", "in", "near", "district", "village", "forces", "clashed", "reported", "residents", "said",
         "according", "local", "sources", "attack", "town", "market", "road", "police", "group", "armed")


def _note(rng: random.Random, place: str, day: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(30, 55))]
    words.insert(3, f'"{rng.choice(WORDS)},"')
    text = f"On {day}, in {place}, " + " ".join(words).replace(" the ", ", the ", 2)
    return text[:rng.randint(200, 400)].rstrip() + "."


def write_file(path: Path, rows: int, cb: AcledCodebook, seed: int = 1) -> None:
    """Write ``rows`` valid ACLED rows (current layout, numeric inter codes) to ``path``."""
    rng = random.Random(seed)
    subs = list(cb.sub_event_types)
    codes = [c.code for c in cb.actor_categories]
    countries = list(cb.countries)
    prefixes = {c.name: "".join(ch for ch in c.name.upper() if "A" <= ch <= "Z")[:3].ljust(3, "X") for c in countries}
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(cb.columns)
        for number in range(rows):
            sub, country = rng.choice(subs), rng.choice(countries)
            inter1 = rng.choice(codes)
            if sub.actor2_category is not None:
                inter2: int | None = sub.actor2_category
            elif sub.one_sided_allowed and rng.random() < 0.5:
                inter2 = None
            else:
                inter2 = rng.choice(codes)
            day = f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            place = f"Town {rng.randint(1, 500)}"
            scale = rng.choice(cb.source_scale.levels)
            writer.writerow([
                f"{prefixes[country.name]}{number + 1}", day, day[:4], rng.randint(1, 3),
                sub.disorder_type, sub.event_type, sub.name, ACTORS[inter1].format(c=country.name), "", inter1,
                "" if inter2 is None else ACTORS[inter2].format(c=country.name), "", inter2 or 0,
                cb.interaction_code(inter1, inter2), "", country.iso, country.region, country.name,
                f"Province {rng.randint(1, 30)}", "", "", place, round(rng.uniform(-60, 70), 4),
                round(rng.uniform(-170, 170), 4), rng.randint(1, 3), "Local Newspaper; Radio", scale,
                _note(rng, place, day), rng.choice((0, 0, 0, 1, 2, 3, 10)), "", 1700000000 + number])


_CSV_READER = """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    sum(1 for _ in csv.reader(f))
"""
_PYARROW = """
import sys, pyarrow.csv as pc
sum(b.num_rows for b in pc.open_csv(sys.argv[1], read_options=pc.ReadOptions(block_size=1 << 24)))
"""
_PYDANTIC = """
import csv, sys
from datetime import date
from typing import Literal, Optional
from pydantic import BaseModel, Field, create_model, field_validator
from eventcode.codebook import acled_codebook
cb = acled_codebook()
def choice(values):
    return Literal[tuple(values)]
Row = create_model("Row",
    event_id_cnty=(str, Field(pattern=r"^[A-Z]{2,4}[0-9]+$")), event_date=(date, ...), year=(int, ...),
    time_precision=(int, Field(ge=1, le=3)), disorder_type=(choice(sorted(cb.disorder_type_values)), ...),
    event_type=(choice([e.name for e in cb.event_types]), ...),
    sub_event_type=(choice([s.name for s in cb.sub_event_types]), ...), actor1=(str, Field(min_length=1)),
    inter1=(int, Field(ge=1, le=8)), inter2=(int, Field(ge=0, le=8)),
    interaction=(choice(list(cb.interaction_codes)), ...), iso=(int, ...),
    region=(choice([r.name for r in cb.regions]), ...), country=(choice([c.name for c in cb.countries]), ...),
    location=(str, Field(min_length=1)), latitude=(float, Field(ge=-90, le=90)),
    longitude=(float, Field(ge=-180, le=180)), geo_precision=(int, Field(ge=1, le=3)), fatalities=(int, Field(ge=0)),
    timestamp=(Optional[int], None))
errors = 0
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        try:
            Row.model_validate(row)
        except Exception:
            errors += 1
print(errors, file=sys.stderr)
"""


def measure(command: list[str]) -> dict[str, float]:
    """Run a command in a child process: its wall time (s), peak RSS (MB) and exit code."""
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "exit": done.returncode}


def measure_alone(command: list[str]) -> dict[str, float]:
    """:func:`measure` in a fresh process, so that the peak RSS is this command's alone."""
    script = "import json, sys; from validate_speed import measure; print(json.dumps(measure(sys.argv[1:])))"
    out = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, help="use this ACLED CSV instead of generating one")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eventcode-bench-"))
    path = args.file or folder / "acled.csv"
    if args.file is None:
        started = time.perf_counter()
        write_file(path, args.rows, acled_codebook())
        print(f"wrote {args.rows:,} rows ({path.stat().st_size / 2**20:,.0f} MB) in "
              f"{time.perf_counter() - started:.1f} s: {path}", file=sys.stderr)
    eventcode = str(Path(sys.executable).with_name("eventcode"))
    runs = {
        "csv.reader (read only)": [sys.executable, "-c", _CSV_READER, str(path)],
        "pyarrow streaming read (floor)": [sys.executable, "-c", _PYARROW, str(path)],
        "pydantic model per row": [sys.executable, "-c", _PYDANTIC, str(path)],
        "eventcode validate": [eventcode, "validate", str(path)],
    }
    results = {name: measure_alone(command) for name, command in runs.items()}
    floor = results["pyarrow streaming read (floor)"]["seconds"]
    rows = args.rows if args.file is None else path.read_bytes().count(b"\n") - 1
    print(f"| {rows:,} rows | wall time | per million rows | x pyarrow read | peak memory | exit |")
    print("|---|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']:.2f} s | {r['seconds'] / rows * 1e6:.2f} s | {r['seconds'] / floor:.2f} | "
              f"{r['peak_mb']:.0f} MB | {r['exit']:.0f} |")
    if args.file is None and not args.keep:
        path.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
