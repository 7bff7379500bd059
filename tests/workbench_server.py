"""A workbench server on a free local port, in a thread, for the workbench's tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

uvicorn = pytest.importorskip("uvicorn", reason='the workbench needs the serve extra: pip install "eventcode[serve]"')

from eventcode.workbench.app import create_app  # noqa: E402
from eventcode.workbench.workspace import Workspace  # noqa: E402

TOKEN = "test-session-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(root: Path, max_body: int = 1 << 20) -> Iterator[str]:
    """Serve the workspace ``root``; yields the base URL and stops the server afterwards."""
    port = free_port()
    app = create_app(Workspace(root), token=TOKEN, max_body=max_body)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
