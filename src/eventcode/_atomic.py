"""Atomic file output: write to a temporary file beside the target, then rename it into place."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from eventcode.errors import OutputError


@contextlib.contextmanager
def atomic_text_writer(path: str | Path, newline: str = "") -> Iterator[TextIO]:
    """Open ``path`` for writing UTF-8 text so that it appears whole or not at all.

    The text goes to a temporary file in the same folder (``.NAME.*.tmp``), which replaces ``path`` only when the
    block ends without an exception; otherwise the temporary file is removed and ``path`` is untouched. A failed
    write (a full disk, a quota) raises :class:`OutputError` naming the target. A killed process cannot remove its
    temporary file: ``path`` is still untouched, and the dot-named ``.tmp`` file beside it may be deleted.
    """
    with _atomic(path, "w", newline) as handle:
        yield handle  # type: ignore[misc]


@contextlib.contextmanager
def atomic_binary_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Open ``path`` for writing bytes so that it appears whole or not at all (as :func:`atomic_text_writer`)."""
    with _atomic(path, "wb", None) as handle:
        yield handle  # type: ignore[misc]


@contextlib.contextmanager
def _atomic(path: str | Path, mode: str, newline: str | None) -> Iterator[TextIO | BinaryIO]:
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: cannot write: it is a folder")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        text = {"encoding": "utf-8", "newline": newline} if mode == "w" else {}
        with os.fdopen(fd, mode, **text) as handle:  # type: ignore[call-overload]
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}; nothing written") from None
        raise


def write_output(path: str | Path | None, write: Callable[[TextIO], int]) -> int:
    """Run ``write`` on stdout when ``path`` is None, else on an atomic writer for ``path``; returns its count."""
    if path is None:
        return write(sys.stdout)
    with atomic_text_writer(path) as out:
        return write(out)
