"""The user's cache folder, and the bundled codebooks kept there once read.

Reading a codebook is parsing its YAML and checking every entry (each of its patterns compiled): about 0.25 s of
every start-up of the coder. Once read, a bundled codebook is kept in the cache folder as a pickle whose name
carries a fingerprint of the file, of every bundled codebook (a codebook is checked against others: the lexicon's
sub-event types against ACLED's) and of eventcode's own code, so that a change to any of them makes a new one
(the old one is removed). Files are written whole or not at all; where the folder cannot be written or a file read,
the codebook is read from its YAML as before.

The cache folder is ``EVENTCODE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcode``, else ``~/.cache/eventcode``
(the world gazetteer's index is kept there too): like any cache of pickles it must be writable by its user only.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pydantic

from eventcode._resources import data_dir

T = TypeVar("T")


def cache_root() -> Path:
    """The user's cache folder for eventcode (it may not exist yet)."""
    return Path(os.environ.get("EVENTCODE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "eventcode"))


@functools.lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """A digest of every bundled codebook, of eventcode's code and of the Python and pydantic that read them."""
    digest = hashlib.sha256(f"{sys.version}\n{pydantic.VERSION}\n".encode())
    for folder, pattern in ((data_dir("codebooks"), "*.yaml"), (Path(__file__).parent, "*.py")):
        for path in sorted(folder.rglob(pattern)):
            digest.update(f"{path.relative_to(folder)}\n".encode())
            digest.update(path.read_bytes())
    return digest.digest()


def cached_codebook(path: Path, kind: type[T], load: Callable[[], T]) -> T:
    """The codebook of ``path`` (a ``kind``) from the cache folder, else ``load()`` of it, then kept there."""
    try:
        key = hashlib.sha256(_fingerprint() + path.read_bytes()).hexdigest()[:20]
    except OSError:
        return load()  # the file cannot be read: load() says why
    folder = cache_root() / "codebooks"
    name = f"{path.parent.name}-{path.stem}"
    target = folder / f"{name}.{key}.pickle"
    with contextlib.suppress(Exception):  # absent, unreadable or damaged: read from the YAML again
        with target.open("rb") as handle:
            value = pickle.load(handle)
        if isinstance(value, kind):
            return value
    value = load()
    with contextlib.suppress(Exception):  # not written: read from the YAML next time too
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        for stale in folder.glob(f"{name}.*.pickle"):
            if stale != target:
                stale.unlink(missing_ok=True)
    return value
