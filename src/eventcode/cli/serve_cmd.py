"""``eventcode serve [--port 8765] [--workspace DIR] [--open]``: the coder's workbench, a local web page where a
person reviews and fixes the incident coder's candidate events (see docs/workbench.md).

It needs the ``serve`` extra (Starlette and uvicorn): ``pip install "eventcode[serve]"``.
"""

from __future__ import annotations

import argparse
import threading
import webbrowser
from pathlib import Path

from eventcode.cli._limits import size
from eventcode.errors import InputError
from eventcode.formats.records import MAX_DOCUMENT_BYTES

INSTALL_HINT = 'the workbench needs the serve extra: pip install "eventcode[serve]"'


def port(text: str) -> int:
    """A TCP port number, 1-65535 (argparse type: a bad one is a usage error)."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65535)")
    return int(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="the coder's workbench: review candidate events in a local web page",
                            description="Start the workbench, a local web page where you paste or load reports, "
                            "review the incident coder's candidate events beside the text, fix, accept or reject "
                            "them, and export the accepted ones as ACLED CSV. " + INSTALL_HINT + ".")
    parser.add_argument("--workspace", type=Path, default=Path("."), metavar="DIR",
                        help="folder of the reports and their codings, made if missing (default: the current folder)")
    parser.add_argument("--port", type=port, default=8765, help="port (default: 8765)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--open", action="store_true", help="open the page in the web browser")
    parser.add_argument("--id-prefix", default="EC",
                        help="prefix of the event ids given to accepted events (default: EC)")
    parser.add_argument("--max-bytes", type=size, default=MAX_DOCUMENT_BYTES, metavar="SIZE",
                        help="largest request body and workspace file (default: 16M)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from eventcode.workbench.app import create_app
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    from eventcode.workbench.workspace import Workspace

    try:
        args.workspace.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{args.workspace}: cannot make the workspace folder: {exc.strerror or exc}") from None
    workspace = Workspace(args.workspace, max_bytes=args.max_bytes, id_prefix=args.id_prefix)
    hosts = tuple(dict.fromkeys((args.host, "127.0.0.1", "localhost")))
    app = create_app(workspace, hosts=hosts, max_body=args.max_bytes)
    url = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port}/"
    print(f"eventcode workbench: {url} (workspace {workspace.root}); Ctrl+C stops it", flush=True)
    if args.open:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
