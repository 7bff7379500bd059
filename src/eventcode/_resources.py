"""Locate the codebooks and schemas shipped with eventcode.

In a wheel they live in ``eventcode/_data/``; in a source checkout (editable install) they are the top-level
``codebooks/`` and ``schemas/`` folders of the repository.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def data_dir(kind: str) -> Path:
    """The folder of shipped data of one kind: ``codebooks`` or ``schemas``."""
    packaged = Path(str(files("eventcode") / "_data" / kind))
    if packaged.is_dir():
        return packaged
    return _SOURCE_ROOT / kind


def data_file(kind: str, name: str) -> Path:
    """One shipped data file, e.g. ``data_file("codebooks", "acled.yaml")``."""
    return data_dir(kind) / name
