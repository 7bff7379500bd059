"""The user's cache folder, and the bundled codebooks kept there once read.

Reading a codebook is parsing its YAML and checking every entry (each of its patterns compiled): about 0.25 s of
every start-up of the coder. Once read, a bundled codebook is kept in the cache folder as a pickle whose name
carries a fingerprint of the file, of every bundled codebook (a codebook is checked against others: the lexicon's
sub-event types against ACLED's) and of eventcode's own code, so that a change to any of them makes a new one
(the old one is removed). Files are written whole or not at all; where the folder cannot be written or a file read,
the codebook is read from its YAML as before.

The cache folder is ``EVENTCODE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcode``, else ``~/.cache/eventcode``
(the world gazetteer's index is kept there too): like any cache of pickles it must be writable by its user only.

What the coder compiles from the bundled codebooks (its regular expressions: most of its start-up) is kept there
too, by the same fingerprint (:func:`cached_build`), each regular expression with its compiled code, so that
loading it compiles nothing.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

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
    name = f"{path.parent.name}-{path.stem}"
    return _cached(cache_root() / "codebooks", name, key, kind, load, pickle.Pickler)


def cached_build(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """What ``build()`` makes of the bundled codebooks alone (a ``kind``: the coder's compiled regular expressions)
    from the cache folder, else built, then kept there with each regular expression's compiled code."""
    return _cached(cache_root() / "compiled", name, _fingerprint().hex()[:20], kind, build, _CodePickler)


def _cached(folder: Path, name: str, key: str, kind: type[T], make: Callable[[], T],
            pickler: Callable[[IO[bytes], int], pickle.Pickler]) -> T:
    target = folder / f"{name}.{key}.pickle"
    with contextlib.suppress(Exception):  # absent, unreadable or damaged: made again
        with target.open("rb") as handle:
            value = pickle.load(handle)
        if isinstance(value, kind):
            return value
    value = make()
    with contextlib.suppress(Exception):  # not written: made again next time too
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickler(handle, pickle.HIGHEST_PROTOCOL).dump(value)
            os.replace(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        for stale in folder.glob(f"{name}.*.pickle"):
            if stale != target:
                stale.unlink(missing_ok=True)
    return value


class _CodePickler(pickle.Pickler):
    """Pickles a regular expression with its compiled code (``_sre.compile``'s arguments, as ``re`` makes them),
    so that loading it does not compile it again; one whose code cannot be had so is not kept."""

    def reducer_override(self, obj: Any) -> Any:
        if not isinstance(obj, re.Pattern):
            return NotImplemented
        parser, compiler = (importlib.import_module(name) for name in (
            ("re._parser", "re._compiler") if sys.version_info >= (3, 11) else ("sre_parse", "sre_compile")))
        parsed = parser.parse(obj.pattern, obj.flags)
        names: list[str | None] = [None] * parsed.state.groups
        for group, index in parsed.state.groupdict.items():
            names[index] = group
        arguments = (obj.pattern, obj.flags | parsed.state.flags, [int(op) for op in compiler._code(parsed, obj.flags)],
                     parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names))
        made = compiler._sre.compile
        if made(*arguments) != obj:  # the same pattern, flags and code, or not kept at all
            raise pickle.PicklingError(f"cannot keep the compiled code of {obj.pattern[:80]!r}")
        return made, arguments
