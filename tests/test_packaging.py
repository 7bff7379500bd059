"""The wheel ships every codebook and schema, and a non-editable install in a fresh virtual environment loads them."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (built,) = out.glob("eventcode-*.whl")
    return built


def test_wheel_holds_every_codebook_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [("codebooks", p) for p in (ROOT / "codebooks").rglob("*") if p.is_file()]
    shipped += [("schemas", p) for p in (ROOT / "schemas").rglob("*") if p.is_file()]
    assert shipped
    for kind, path in shipped:
        assert f"eventcode/_data/{kind}/{path.relative_to(ROOT / kind).as_posix()}" in names
    assert "eventcode/py.typed" in names
    static = [p for p in (ROOT / "src" / "eventcode" / "workbench" / "static").rglob("*") if p.is_file()]
    assert static, "the workbench's page"
    for path in static:
        assert f"eventcode/{path.relative_to(ROOT / 'src' / 'eventcode').as_posix()}" in names


def test_fresh_non_editable_install_loads_the_data(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", site,
                    str(wheel)], check=True, capture_output=True)
    # The dependencies (pydantic, pyyaml, ...) come from this environment, after the fresh install.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "dependencies.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    script = (
        "import eventcode, eventcode.schema as s, pathlib\n"
        "from eventcode._resources import data_dir\n"
        "assert '_data' in str(data_dir('codebooks')), data_dir('codebooks')\n"
        f"assert pathlib.Path(eventcode.__file__).is_relative_to(pathlib.Path(r'{site}'))\n"
        "print(len(eventcode.acled_codebook().sub_event_types), "
        "sorted(s.load_schema('acled-event')['properties'])[0])\n"
    )
    result = subprocess.run([str(python), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.split() == ["25", "actor1"]
