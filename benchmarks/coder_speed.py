"""How fast the incident coder starts, codes and reads the user's context, and how much memory it takes.

usage: python benchmarks/coder_speed.py [--rows N] [--notes N] [--sample PATH] [--news FOLDER]

Each measure runs in its own process: wall time, CPU time (user + system: what the process would take alone on a
quiet machine, the 2-core test machine being shared) and peak RSS:

- ``eventcode code`` on one report, with the world gazetteer loaded: cold (a new cache folder, so GeoNames is read
  and indexed first) and warm (the index cached, as on every later run);
- ``eventcode code`` on one report of 100 kB, warm: the news reports of ``--news`` joined (from the first again
  when they run out);
- ``eventcode code --batch`` on N notes of the ACLED sample (throughput on one core, the world loaded);
- reading an ACLED export of N rows (default 1,000,000) as ``--gazetteer``, as ``--actors`` and as both: the
  sample's rows over and over, each location in 20 variants (its name numbered, its point moved), about 115,000
  distinct locations and 3,000 actor names, as in a large real export (``--random``: rows as ``validate_speed.py``
  writes them, every one at its own place: a worst case no export comes near).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from validate_speed import write_file

from eventcode.codebook import acled_codebook
from eventcode.coder.evaluate import read_sample

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "acled_2022_sample.csv"
NEWS = ROOT.parent / "shared" / "data" / "news"
REPORT = ("KABUL, Afghanistan (AP) -- On Tuesday, Taliban fighters attacked a police checkpoint in Kunduz, killing "
          "three officers, a provincial spokesman said.")
_READ = ("import sys; from eventcode.coder import Coder; "
         "Coder([sys.argv[2]] if sys.argv[1] != 'actors' else [], [sys.argv[2]] if sys.argv[1] != 'gazetteer' else [])")


def write_export(path: Path, rows: int, sample: list[dict[str, str]]) -> None:
    """``rows`` rows of the sample over and over, each location in 20 variants."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(sample[0]), lineterminator="\n")
        writer.writeheader()
        for number in range(rows):
            item = dict(sample[number % len(sample)])
            variant = number // len(sample) % 20
            if variant:
                item["location"] = f"{item['location']} {variant}"
                item["latitude"] = str(round(float(item["latitude"]) + variant * 0.01, 4))
            item["event_id_cnty"] = f"X{number}"
            writer.writerow(item)


def long_report(folder: Path, size: int = 100_000) -> str:
    """The reports of a news folder joined by blank lines, from the first again when they run out, until the text
    is ``size`` bytes or more."""
    reports = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    parts: list[str] = []
    while len("\n\n".join(parts).encode()) < size:
        parts.append(reports[len(parts) % len(reports)])
    return "\n\n".join(parts)


def measure(command: list[str]) -> dict[str, float]:
    """Run a command in a child process: its wall time, CPU time (s), peak RSS (MB) and exit code."""
    script = ("import json, resource, subprocess, sys, time; started = time.perf_counter(); "
              "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
              "seconds = time.perf_counter() - started; usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(json.dumps({'seconds': seconds, 'cpu': usage.ru_utime + usage.ru_stime, "
              "'peak_mb': usage.ru_maxrss / 1024, 'exit': done.returncode}))")
    out = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def row(name: str, result: dict[str, float], extra: str = "") -> None:
    failed = f" (exit code {result['exit']:.0f})" if result["exit"] not in (0, 1) else ""
    print(f"| {name} | {result['seconds']:.2f} s | {result['cpu']:.2f} s | {result['peak_mb']:.0f} MB | "
          f"{extra}{failed} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated export")
    parser.add_argument("--notes", type=int, default=3000, help="notes of the sample coded in the batch")
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--news", type=Path, default=NEWS, help="the news reports joined into the 100 kB report")
    parser.add_argument("--random", action="store_true", help="an export of random rows, each at its own place")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eventcode-coder-bench-"))
    report = folder / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    code = [sys.executable, "-m", "eventcode", "code", str(report), "--published", "2023-11-02",
            "--country", "Afghanistan"]
    print("| measure | wall time | CPU time | peak memory | note |")
    print("|---|---|---|---|---|")
    os.environ["EVENTCODE_CACHE_DIR"] = str(folder / "cache")
    row("eventcode code, one report, cold cache", measure(code), "GeoNames read and indexed first")
    row("eventcode code, one report, warm cache", measure(code))
    if any(args.news.glob("*.txt")):
        long = folder / "long.txt"
        long.write_text(long_report(args.news), encoding="utf-8")
        row(f"eventcode code, one report of {long.stat().st_size / 1000:,.0f} kB, warm cache",
            measure([*code[:4], str(long), *code[5:]]), "the news reports joined")
    if args.sample.is_file():
        batch = folder / "batch.jsonl"
        notes = list(read_sample(args.sample))[:args.notes]
        with batch.open("w", encoding="utf-8") as handle:
            for n, r in enumerate(notes):
                handle.write(json.dumps({"id": n, "text": r["notes"], "published": r["event_date"],
                                         "country": r["country"]}) + "\n")
        result = measure([*code[:4], "--batch", str(batch), "--format", "jsonl", "-o", str(folder / "o.jsonl")])
        row(f"eventcode code --batch, {len(notes):,} sample notes", result,
            f"{len(notes) / result['cpu']:,.0f} notes per CPU second, start-up included")
    export = folder / "export.csv"
    started = time.perf_counter()
    if args.random or not args.sample.is_file():
        write_file(export, args.rows, acled_codebook())
    else:
        write_export(export, args.rows, list(read_sample(args.sample)))
    print(f"(wrote {args.rows:,} rows, {export.stat().st_size / 2**20:,.0f} MB, in "
          f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
    for kind in ("gazetteer", "actors", "both"):
        row(f"Coder(): the export of {args.rows:,} rows as {kind}",
            measure([sys.executable, "-c", _READ, kind, str(export)]), "import and start-up included")
    export.unlink()


if __name__ == "__main__":
    main()
