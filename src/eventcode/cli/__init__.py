"""The ``eventcode`` command. Each subcommand lives in its own module with ``add_parser`` and ``run``.

Exit codes: 0 success, 1 problems found in the data, 2 usage error, unreadable input or internal error.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from eventcode.errors import EventcodeError

#: Each subcommand and its module, imported only when the command runs (or all of them, to list them): the merge
#: and aggregate commands load pyarrow, which a validation of a YAML file never needs.
COMMANDS: dict[str, str] = {"validate": "validate_cmd", "convert": "convert_cmd", "merge": "merge_cmd",
                            "aggregate": "aggregate_cmd", "code": "code_cmd", "codebook": "codebook_cmd",
                            "schema": "schema_cmd", "serve": "serve_cmd"}

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with ``argv`` naming a command, only that command's."""
    parser = argparse.ArgumentParser(prog="eventcode", description="Code, validate and convert ACLED, CAMEO and "
                                     "PLOVER event data.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name in [named] if named in COMMANDS else list(COMMANDS):
        importlib.import_module(f"eventcode.cli.{COMMANDS[name]}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Run as the program (``argv`` None), what it imports and reads
    lives until the process ends: the cyclic garbage collector runs a thirtieth as often (1.5% of a report's
    instructions), and what is left is frozen at exit (``gc.freeze``), where the collector would otherwise walk it
    once more (a batch's caches and country indexes: about 2% of its instructions)."""
    if argv is None:
        gc.set_threshold(20_000, *gc.get_threshold()[1:])
    code = _run(argv)
    if argv is None:
        gc.freeze()
    return code


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
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
