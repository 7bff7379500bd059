"""Write YAML that reads back exactly: readable Unicode, but NEL, LS and PS kept as escapes.

PyYAML with ``allow_unicode`` writes those three characters raw, and a YAML reader then takes them for line
breaks (NEL comes back as a space). Strings holding one are written double-quoted, where they are escaped.
"""

from __future__ import annotations

from typing import Any, TextIO

import yaml

_YAML_LINE_BREAKS = frozenset("\x85\u2028\u2029")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if _YAML_LINE_BREAKS.intersection(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, out: TextIO) -> None:
    """Write ``data`` as block-style YAML, keys in their order, non-ASCII text as is."""
    yaml.dump(data, out, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
