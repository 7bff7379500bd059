"""The CAMEO codebook: counts and values against GDELT's lookup, the 1.1b3 edition, load checks, actor codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from eventcode.cameo import ROLE_RANKS, build_edition, cameo_codebook, check_actor_code, load_cameo_file
from eventcode.errors import CodebookError, UnknownValueError

CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "cameo.yaml"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_code_of_gdelts_lookup_with_its_values(shared_data: Path) -> None:
    reference = _rows(shared_data / "cameo" / "cameo_eventcodes.tsv")
    codes = cameo_codebook().event_codes
    assert len(codes) == len(reference) == 311
    for row in reference:
        code = codes.lookup(row["code"])
        assert (code.name, code.goldstein, code.quad_class) == (
            row["description"].strip(), float(row["goldstein"]), int(row["quad_class"])), row
        assert (str(code.level), code.root) == (row["level"], row["root"]), row


def test_levels_count_20_roots_147_bases_144_leaves() -> None:
    levels = [code.level for code in cameo_codebook().event_codes]
    assert [levels.count(level) for level in (1, 2, 3)] == [20, 147, 144]


def test_codes_are_strings_with_leading_zeros() -> None:
    codes = cameo_codebook().event_codes
    assert codes.lookup("010").name == "Make statement, not specified below"
    assert codes.lookup("0834").parent == "083"
    assert codes.get(10) is None
    assert codes.get("10") is not None


def test_parent_root_children_and_base() -> None:
    cb = cameo_codebook()
    code = cb.event_codes.lookup("1823")
    assert (code.parent, code.root, code.base, code.goldstein, code.quad_class) == ("182", "18", "182", -10.0, 4)
    assert [c.code for c in cb.children("182")] == ["1821", "1822", "1823"]
    assert cb.event_codes.lookup("19").parent is None


def test_quad_class_follows_gdelts_root_convention() -> None:
    for code in cameo_codebook().event_codes:
        root = int(code.root)
        assert code.quad_class == (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4), code.code


def test_unknown_code_names_the_nearest() -> None:
    with pytest.raises(UnknownValueError, match="'195'"):
        cameo_codebook().event_codes.lookup("1955")


def test_edition_1_1b3_relabels_101_108_and_adds_five_codes() -> None:
    gdelt, manual = cameo_codebook(), cameo_codebook("1.1b3")
    assert gdelt.event_codes.lookup("105").name == "Demand mediation"
    assert manual.event_codes.lookup("105").name == "Demand that target yields"
    added = {c.code for c in manual.event_codes} - {c.code for c in gdelt.event_codes}
    assert added == {"155", "176", "1834", "1951", "1952"}
    assert all(manual.event_codes.lookup(code).goldstein is None for code in added)
    assert manual.event_codes.lookup("1951").quad_class == 4
    assert [c.code for c in manual.children("195")] == ["1951", "1952"]
    assert gdelt.children("195") == []
    assert gdelt.version != manual.version


def test_unknown_edition_is_an_error() -> None:
    with pytest.raises(UnknownValueError, match=r"1\.1b3"):
        cameo_codebook("1.1b4")


def test_role_codes_and_labels_match_gdelts_type_table(shared_data: Path) -> None:
    vocab = cameo_codebook().actors
    labels = {entry.code: entry.label for group in (vocab.roles, vocab.international, vocab.organizations)
              for entry in group}
    for row in _rows(shared_data / "cameo" / "cameo_actor_types.tsv"):
        assert labels.get(row["CODE"]) == row["LABEL"], row


def _raw() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    return data


def _load(raw: dict[str, object], tmp_path: Path) -> None:
    path = tmp_path / "cameo.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    load_cameo_file(path)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["event_codes"].append({"code": "195", "name": "again", "goldstein": -1.0}), "duplicate event code"),
    (lambda d: d["event_codes"].append({"code": "1999", "name": "orphan", "goldstein": -1.0}), "without its parent"),
    (lambda d: d["event_codes"].append({"code": "19a", "name": "typo", "goldstein": -1.0}), "not 2-4 digits"),
    (lambda d: d["event_codes"][0].update(quad_class=7), "root without a known quad class"),
    (lambda d: d["event_codes"][1].update(quad_class=1), "quad class given below a root"),
    (lambda d: d["event_codes"][1].update(goldstein=12.0), "outside -10..10"),
    (lambda d: d["event_codes"][1].pop("goldstein"), "without a Goldstein value"),
    (lambda d: d["editions"][1]["relabel"].append({"code": "999", "name": "x"}), "relabels unknown codes"),
    (lambda d: d["editions"][1]["add"].append({"code": "195", "name": "x"}), "adds existing"),
    (lambda d: d.update(default_edition="icews"), "must be listed once"),
    (lambda d: d["actors"]["roles"].append({"code": "MIL", "label": "x", "rank": "primary"}), "duplicate code"),
    (lambda d: d["actors"]["roles"].append({"code": "Mi1", "label": "x", "rank": "primary"}), "three capital"),
    (lambda d: d["actors"]["religions"].append("chr"), "three capital"),
    (lambda d: d["actors"]["ethnic"].append("Kur"), "ethnic code not three letters"),
    (lambda d: d["actors"]["known_groups"].append("TAL"), "known_groups: duplicate code"),
])
def test_load_checks_name_the_entry(change: object, message: str, tmp_path: Path) -> None:
    raw = _raw()
    change(raw)  # type: ignore[operator]
    with pytest.raises(CodebookError, match=message) as info:
        _load(raw, tmp_path)
    assert str(tmp_path / "cameo.yaml") in str(info.value)


def test_build_edition_of_a_loaded_file_matches_the_bundled_one() -> None:
    assert [c.code for c in build_edition(load_cameo_file()).event_codes] == \
        [c.code for c in cameo_codebook().event_codes]


@pytest.mark.parametrize("code", ["MMRMIL", "MMRREB", "MMRGOV", "MMRCVL", "USAGOVLEG", "IGOUNOREFHCR", "NGOHRIAMN",
                                  "IGOPKO", "UIS", "GOV", "MOSSHICVL", "idgCOP", "AFGINSTAL", "XKXMIL",
                                  # Real GDELT (tests/data/gdelt/README.md): numbered religious subgroups, an element
                                  # in no vocabulary, ethnic codes in lower case (GDELT's table writes KUR).
                                  "CHRANG001", "CHRPRO210", "SCGSRB", "IRQkur", "catGOV", "RELMOSSHI"])
def test_well_formed_actor_codes(code: str) -> None:
    assert check_actor_code(code) == []


@pytest.mark.parametrize(("code", "hint"), [("NGOEVN", "NGOENV"), ("MMRCLV", "MMRCVL"), ("MMRRBE", "MMRREB"),
                                            ("OGIUNO", "IGOUNO"), ("IGOAFRAFU", "IGOAFRUAF")])
def test_letter_swaps_of_roles_are_suspect_elements_with_a_hint(code: str, hint: str) -> None:
    # A warning, not a defect: real GDELT writes IGOAFRAFU (the African Union), AFU being a swap of UAF.
    [problem] = check_actor_code(code)
    assert (problem.code, problem.hint) == ("suspect-actor-element", hint)


@pytest.mark.parametrize(("code", "hint"), [("mmrMIL", "MMRMIL"), ("MMRgov", "MMRGOV"), ("xyzGOV", None)])
def test_a_lower_case_element_that_is_no_ethnic_code_is_malformed(code: str, hint: str | None) -> None:
    [problem] = check_actor_code(code)
    assert (problem.code, problem.hint) == ("bad-actor-code", hint)


def test_a_swap_that_spells_a_known_code_passes() -> None:
    # MLI is Mali: a letter-swap of MIL that is itself a CAMEO code cannot be told from a typo by grammar alone.
    assert check_actor_code("MMRMLI") == []


@pytest.mark.parametrize("code", ["", "MMRMI", "MMR-MIL", "MMRmil1", "mmrMIL2", "MMRMil", "CHRANG01", "CHRang001",
                                  "MMR MIL", "USA_GOV", "CHRANG00l", "ÄMRMIL"])
def test_malformed_actor_codes(code: str) -> None:
    assert [p.code for p in check_actor_code(code)] == ["bad-actor-code"]


def test_too_many_elements() -> None:
    assert [p.code for p in check_actor_code("USAGOVMILCOPEDUCVL")] == ["bad-actor-code"]


def test_roles_out_of_order_and_a_restart_after_an_organization() -> None:
    assert [p.code for p in check_actor_code("CRMJUD")] == ["actor-role-order"]
    assert [p.code for p in check_actor_code("USARADGOV")] == ["actor-role-order"]
    assert check_actor_code("IGOUNOREFHCR") == []
    assert check_actor_code("NGOREFUNOGOV") == []


@given(st.lists(st.sampled_from([r.code for r in cameo_codebook().actors.roles]), min_size=1, max_size=4),
       st.sampled_from([c.code for c in cameo_codebook().actors.countries]))
def test_roles_in_rank_order_after_a_country_are_well_formed(roles: list[str], country: str) -> None:
    ranks = {r.code: ROLE_RANKS.index(r.rank) for r in cameo_codebook().actors.roles}
    code = country + "".join(sorted(roles, key=ranks.__getitem__))
    assert check_actor_code(code) == []


ACTORS = cameo_codebook().actors
#: Elements real codes are built of: every listed code (lower-case ethnic codes included) and numbered elements.
ELEMENTS = st.sampled_from(sorted(ACTORS.known | ACTORS.ethnic_codes)) | st.from_regex(r"[0-9]{3}", fullmatch=True)


@given(st.lists(ELEMENTS, min_size=1, max_size=ACTORS.max_elements))
def test_a_code_of_listed_and_numbered_elements_is_no_defect(elements: list[str]) -> None:
    assert [p for p in check_actor_code("".join(elements)) if p.code == "bad-actor-code"] == []


@given(st.lists(ELEMENTS, min_size=1, max_size=ACTORS.max_elements), st.data())
def test_punctuation_mixed_case_or_a_wrong_length_is_a_defect(elements: list[str], data: st.DataObject) -> None:
    code = "".join(elements)
    at = data.draw(st.integers(0, len(code) - 1))
    odd = data.draw(st.characters(codec="utf-8").filter(lambda c: not (c.isascii() and c.isalnum())))
    broken = [code[:at] + odd + code[at + 1:], code[:at] + code[at + 1:], code[:at] + "A" + code[at:]]
    if code[at].isalpha():
        broken.append(code[:at] + code[at].swapcase() + code[at + 1:])  # a letter of another case than its element's
    for text in broken:
        assert "bad-actor-code" in [p.code for p in check_actor_code(text)], text
