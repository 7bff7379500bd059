"""The ``eventcode`` command. Each subcommand lives in its own module with ``add_parser`` and ``run``.

Exit codes: 0 success, 1 problems found in the data, 2 usage error, unreadable input or internal error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from eventcode.cli import (
    aggregate_cmd,
    code_cmd,
    codebook_cmd,
    convert_cmd,
    merge_cmd,
    schema_cmd,
    serve_cmd,
    validate_cmd,
)
from eventcode.errors import EventcodeError

COMMANDS: tuple[ModuleType, ...] = (validate_cmd, convert_cmd, merge_cmd, aggregate_cmd, code_cmd, codebook_cmd,
                                   schema_cmd, serve_cmd)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventcode", description="Code, validate and convert ACLED, CAMEO and "
                                     "PLOVER event data.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except EventcodeError as exc:
        print(f"eventcode: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("eventcode: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # reading or writing a stream failed (e.g. a full disk behind a redirected stdout)
        print(f"eventcode: error: input/output failed: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so in one line, never a traceback
        print(f"eventcode: internal error: {type(exc).__name__}: {exc} (please report it)", file=sys.stderr)
        return EXIT_USAGE
    return code
