"""The generated reference pages in docs/ are up to date with the codebooks and the error catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcode.docs import PAGES
from eventcode.issues import CATALOG

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name: str) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == PAGES[name](), f"docs/{name} is stale: run `python -m eventcode.docs`"


def test_error_catalog_page_lists_every_code() -> None:
    page = (DOCS / "errors.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in page for code in CATALOG)
