"""The bundled codebooks kept in the cache folder once read: used while nothing changes, read again when the file,
another codebook or eventcode's code changes, and never needed (an unwritable folder, a damaged file); and so what
the coder compiles from them, its regular expressions kept with their compiled code."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from eventcode import _cache, codebook
from eventcode._resources import data_file
from eventcode.codebook import AcledCodebook, acled_codebook, load_bundled, load_model
from eventcode.coder import actors as coder_actors
from eventcode.coder import dates as coder_dates
from eventcode.coder import numbers as coder_numbers
from eventcode.coder import triggers as coder_triggers
from eventcode.coder.codebook import Lexicon, lexicon


class Book(BaseModel):
    version: str


class OtherBook(BaseModel):
    version: str


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A codebook file, with the cache folder in ``tmp_path``."""
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "book.yaml"
    path.write_text("version: '1'\n", encoding="utf-8")
    return path


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The codebook files read from their YAML."""
    files: list[Path] = []

    def reading(path: Path, model: type[Any], raw: Any = None) -> Any:
        files.append(path)
        return load_model(path, model, raw)

    monkeypatch.setattr(codebook, "load_model", reading)
    return files


def test_a_codebook_is_read_once_then_from_the_cache_until_it_changes(
        book: Path, read: list[Path], tmp_path: Path) -> None:
    assert load_bundled(book, Book) == Book(version="1")
    assert load_bundled(book, Book) == Book(version="1")
    assert read == [book]
    folder = tmp_path / "cache" / "codebooks"
    [kept] = folder.glob("*.pickle")
    book.write_text("version: '2'\n", encoding="utf-8")
    assert load_bundled(book, Book) == Book(version="2")
    assert read == [book, book]
    assert not kept.exists()  # the stale copy is removed
    assert len(list(folder.glob("*.pickle"))) == 1
    assert not list(folder.glob(".*"))  # no temporary file left


def test_a_change_to_another_codebook_or_to_the_code_reads_it_again(
        book: Path, read: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    load_bundled(book, Book)
    monkeypatch.setattr(_cache, "_fingerprint", lambda: b"another acled.yaml, or another eventcode")
    load_bundled(book, Book)
    assert read == [book, book]


def test_the_fingerprint_covers_the_bundled_codebooks_and_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    _cache._fingerprint.cache_clear()
    try:
        _cache._fingerprint()
    finally:
        _cache._fingerprint.cache_clear()
    assert {"acled.yaml", "lexicon.yaml", "actors.yaml", "codebook.py", "_cache.py", "actors.py"} <= set(names)


def test_an_unwritable_folder_a_damaged_file_or_another_kind_falls_back_to_the_yaml(
        book: Path, read: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "blocked"))
    assert load_bundled(book, Book) == Book(version="1")
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
    load_bundled(book, Book)
    [kept] = (tmp_path / "cache" / "codebooks").glob("*.pickle")
    kept.write_bytes(kept.read_bytes()[:10])
    assert load_bundled(book, Book) == Book(version="1")
    kept.write_bytes(b"not a pickle")
    assert load_bundled(book, Book) == Book(version="1")
    assert load_bundled(book, OtherBook) == OtherBook(version="1")
    assert len(read) == 5


def test_the_bundled_codebooks_read_back_from_the_cache_equal_their_yaml(book: Path) -> None:
    for path, model, loaded in ((data_file("codebooks", "acled.yaml"), AcledCodebook, acled_codebook()),
                                (data_file("codebooks", "coder/lexicon.yaml"), Lexicon, lexicon())):
        first = load_bundled(path, model)
        again = load_bundled(path, model)
        assert again is not first
        assert first == again == load_model(path, model) == loaded


@dataclass(frozen=True)
class Patterns:
    plain: re.Pattern[str]
    named: re.Pattern[str]
    folded: re.Pattern[str]


def _patterns() -> Patterns:
    return Patterns(re.compile(r"(?<![\w-])shell(?:ed|ing)\b"), re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z]\w+)"),
                    re.compile(r"(?i:in|near) (?:the )?(?P<a>[A-Z]\w*)", re.IGNORECASE))


def test_compiled_patterns_are_kept_with_their_code_and_read_back_without_compiling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
    built = _cache.cached_build("patterns", Patterns, _patterns)
    [kept] = (tmp_path / "cache" / "compiled").glob("patterns.*.pickle")

    def compiling(*args: Any) -> Any:
        raise AssertionError("compiled again")

    monkeypatch.setattr(importlib.import_module("re._compiler" if sys.version_info >= (3, 11) else "sre_compile"),
                        "compile", compiling)
    again = _cache.cached_build("patterns", Patterns, compiling)
    assert again is not built
    assert again == built  # a pattern's equality is its pattern, flags and compiled code
    day = again.named.match("12 May")
    place = again.folded.search("shelled NEAR Kunduz")
    assert day is not None
    assert day.groupdict() == {"day": "12", "month": "May"}
    assert place is not None
    assert place.group("a") == "Kunduz"
    kept.write_bytes(b"not a pickle")
    monkeypatch.undo()
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
    assert _cache.cached_build("patterns", Patterns, _patterns) == built  # a damaged file: built again


def test_the_coders_compiled_codebooks_read_back_from_the_cache_equal_a_new_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
    for module in (coder_actors, coder_dates, coder_numbers, coder_triggers):
        kind = module._Compiled
        first = _cache.cached_build(f"coder-{module.__name__}", kind, module._compile)
        again = _cache.cached_build(f"coder-{module.__name__}", kind, module._compile)
        assert again is not first
        assert again == first == module._compile()
