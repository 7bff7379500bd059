"""The progress line of the commands that read many rows or reports (``validate``, ``code --batch``)."""

from __future__ import annotations

import time
from typing import TextIO


class ProgressBar:
    """Rows read, rows per second and the share of the file's bytes read, redrawn on one stderr line."""

    def __init__(self, stream: TextIO, total_bytes: int) -> None:
        self.stream, self.total = stream, max(total_bytes, 1)
        self.started = self.shown = time.perf_counter()

    def __call__(self, rows: int, read_bytes: int) -> None:
        now = time.perf_counter()
        if now - self.shown < 0.2:
            return
        self.shown = now
        rate = rows / max(now - self.started, 1e-9)
        share = f"{min(100.0, 100 * read_bytes / self.total):5.1f}%" if read_bytes else "     "
        self.stream.write(f"\r{share} {rows:>12,} rows {rate:>10,.0f} rows/s")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()
