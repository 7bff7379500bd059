"""The workbench's web app over real HTTP: the page and its assets are served by the app, requests that change
state need the session token and a same-origin request, bodies are size-limited, paths stay in the workspace,
errors are JSON messages, never tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from workbench_server import TOKEN, free_port, running

from eventcode.cli import main
from eventcode.workbench.workspace import Workspace

STATIC = Path(__file__).resolve().parents[1] / "src" / "eventcode" / "workbench" / "static"
LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    Workspace(root).add("r1", "Junta troops shelled Laiza on 31 October 2023.", date(2023, 11, 6), "Myanmar")
    (root.parent / "secret.yaml").write_text("secret: 1\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def url(workspace: Path) -> Iterator[str]:
    with running(workspace, max_body=LIMIT) as base:
        yield base


def call(url: str, path: str, method: str = "GET", data: Any = None, headers: dict[str, str] | None = None,
         raw: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    body = raw if raw is not None else None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(url + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def allowed(url: str) -> dict[str, str]:
    return {"X-Eventcode-Token": TOKEN, "Origin": url, "Content-Type": "application/json"}


def test_the_page_and_its_assets_come_from_the_app(url: str) -> None:
    status, headers, page = call(url, "/")
    assert status == 200
    assert TOKEN.encode() in page
    assert "script-src 'self'" in headers["content-security-policy"]
    assert b"http" not in page.replace(b"http-equiv", b""), "no asset from elsewhere"
    for asset in ("app.js", "app.css"):
        status, _, body = call(url, f"/static/{asset}")
        assert status == 200
        assert body == (STATIC / asset).read_bytes()
        assert b"://" not in body.replace(b"http://www.w3.org", b""), f"{asset} loads nothing from elsewhere"


@pytest.mark.parametrize("headers", [
    {},  # no token
    {"X-Eventcode-Token": "wrong"},
    {"X-Eventcode-Token": TOKEN},  # no Origin
    {"X-Eventcode-Token": TOKEN, "Origin": "http://evil.example"},
    {"X-Eventcode-Token": TOKEN, "Origin": "ORIGIN", "Sec-Fetch-Site": "cross-site"},
])
def test_a_change_needs_the_token_and_the_same_origin(url: str, workspace: Path, headers: dict[str, str]) -> None:
    headers = {k: url if v == "ORIGIN" else v for k, v in headers.items()}
    before = (workspace / "r1.yaml").read_bytes()
    status, _, body = call(url, "/api/reports/r1/code", "POST", {}, headers)
    assert status == 403
    assert json.loads(body)["error"]
    status, _, _ = call(url, "/api/reports", "POST", {"name": "x", "text": "t", "published": "2023-11-06",
                                                      "country": "Myanmar"}, headers)
    assert status == 403
    assert (workspace / "r1.yaml").read_bytes() == before
    assert not (workspace / "x.yaml").exists()


def test_another_host_name_is_refused(url: str) -> None:
    status, _, _ = call(url, "/api/reports", headers={"Host": "evil.example"})
    assert status == 400


def test_an_oversized_body_is_refused_before_it_is_read(url: str, workspace: Path) -> None:
    text = "x" * (LIMIT + 1)
    status, _, body = call(url, "/api/reports", "POST", {"name": "big", "text": text, "published": "2023-11-06",
                                                         "country": "Myanmar"}, allowed(url))
    assert status == 413
    assert "over the limit" in json.loads(body)["error"]
    assert not (workspace / "big.txt").exists()


@pytest.mark.parametrize("path", ["/api/reports/..", "/api/reports/.%2e", "/api/reports/..%2fsecret",
                                  "/api/reports/%2e%2e%2fsecret", "/static/../workbench/app.py",
                                  "/static/%2e%2e/app.py", "/api/reports/..%5csecret"])
def test_no_path_outside_the_workspace_is_read(url: str, path: str) -> None:
    status, _, body = call(url, path)
    assert status in (404, 422), body
    assert b"secret: 1" not in body
    assert b"create_app" not in body


def test_no_path_outside_the_workspace_is_written(url: str, workspace: Path) -> None:
    for name in ("../escaped", "..", "a/../../escaped"):
        status, _, body = call(url, "/api/reports", "POST", {"name": name, "text": "t", "published": "2023-11-06",
                                                             "country": "Myanmar"}, allowed(url))
        assert status == 422
        assert b"not a report name" in body
    assert not (workspace.parent / "escaped.yaml").exists()


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"[" * 60_000, b'{"record": 1}'],
                         ids=["not-json", "a-list", "deep", "record-not-a-mapping"])
def test_a_bad_body_is_a_message_not_a_traceback(url: str, raw: bytes) -> None:
    status, _, body = call(url, "/api/check", "POST", headers=allowed(url), raw=raw)
    assert status == 422
    assert b"Traceback" not in body
    assert json.loads(body)["error"]


def test_a_stale_save_is_a_conflict(url: str) -> None:
    _, _, body = call(url, "/api/reports/r1/code", "POST", {}, allowed(url))
    report = json.loads(body)
    first = {**report["doc"], "not_coded": [{"statement": "s", "reason": "r"}]}
    status, _, _ = call(url, "/api/reports/r1", "PUT", {"version": report["version"], "doc": first}, allowed(url))
    assert status == 200
    status, _, body = call(url, "/api/reports/r1", "PUT", {"version": report["version"], "doc": report["doc"]},
                           allowed(url))
    assert status == 409
    assert "another tab" in json.loads(body)["error"]


def test_check_derives_fields_and_names_issues(url: str) -> None:
    _, _, body = call(url, "/api/check", "POST", {"record": {"sub_event_type": "Air/drone strike",
                                                             "country": "Myanmar", "fatalities": -1}}, allowed(url))
    result = json.loads(body)
    assert result["derived"]["event_type"] == "Explosions/Remote violence"
    assert result["derived"]["iso"] == 104
    assert {"code": "fatalities-negative", "field": "fatalities", "message": "-1 is below 0",
            "hint": "0"} in result["issues"]


def test_places_are_searched_in_the_gazetteer(url: str) -> None:
    _, _, body = call(url, "/api/places?q=laiz&country=Myanmar")
    assert json.loads(body)[0]["location"] == "Laiza"


def test_serve_says_how_to_install_the_extra(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "uvicorn", None)
    assert main(["serve", "--workspace", str(tmp_path)]) == 2
    assert 'pip install "eventcode[serve]"' in capsys.readouterr().err


AUNGJA = """version: "1"
country: Myanmar
sources: [a reviewer's own places]
places:
  - {location: Aungja, admin1: Kachin, admin2: Myitkyina, admin3: Waingmaw, latitude: 25.2, longitude: 97.5}
"""


def test_a_context_gazetteer_places_the_report(url: str, workspace: Path) -> None:
    report = {"name": "ctx", "text": "The KIA seized the Aungja base on October 20.", "published": "2023-11-06",
              "country": "Myanmar", "context": AUNGJA}
    status, _, body = call(url, "/api/reports", "POST", report, allowed(url))
    assert status == 200
    (event,) = json.loads(body)["doc"]["pending"]
    assert (event["location"], event["latitude"]) == ("Aungja", 25.2)
    assert (workspace / "context" / "ctx.yaml").read_text(encoding="utf-8") == AUNGJA


def test_a_context_the_coder_cannot_read_is_refused(url: str, workspace: Path) -> None:
    report = {"name": "badctx", "text": "Text.", "published": "2023-11-06", "country": "Myanmar",
              "context": "version: 1\nplaces: not a list\n"}
    status, _, body = call(url, "/api/reports", "POST", report, allowed(url))
    assert status == 422
    assert json.loads(body)["error"]
    assert not (workspace / "badctx.yaml").exists()


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_refuses_a_bad_port(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert "is not a port" in capsys.readouterr().err


def test_serve_starts_the_workbench_on_a_new_workspace(tmp_path: Path) -> None:
    port, folder = free_port(), tmp_path / "reviews"
    server = subprocess.Popen([sys.executable, "-m", "eventcode", "serve", "--port", str(port), "--workspace",
                               str(folder)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, status = time.monotonic() + 30, 0
        while time.monotonic() < deadline and status != 200:
            try:
                status, _, page = call(f"http://127.0.0.1:{port}", "/")
            except OSError:
                time.sleep(0.1)
        assert status == 200
        assert b'name="eventcode-token"' in page
        assert folder.is_dir()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in output


def test_export_writes_the_accepted_events_or_names_the_problems(url: str, workspace: Path) -> None:
    report = {"name": "exp", "text": "Junta troops shelled Laiza on 31 October 2023, killing two civilians.",
              "published": "2023-11-06", "country": "Myanmar"}
    _, _, body = call(url, "/api/reports", "POST", report, allowed(url))
    coded = json.loads(body)
    doc = coded["doc"]
    doc["events"], doc["pending"] = [{**e, "rationale": "shelled Laiza"} for e in doc["pending"]], []
    status, _, _ = call(url, "/api/reports/exp", "PUT", {"version": coded["version"], "doc": doc}, allowed(url))
    assert status == 200
    status, headers, csv_text = call(url, "/api/export.csv?inter=numeric")
    assert status == 200
    assert headers["content-type"].startswith("text/csv")
    (row,) = [line for line in csv_text.decode().splitlines() if "Laiza" in line]
    assert ",1,Civilians (Myanmar),,7,17," in row
    (workspace / "zz.yaml").write_text("{", encoding="utf-8")
    try:
        status, _, body = call(url, "/api/export.csv")
        assert status == 422
        assert any("zz.yaml" in p for p in json.loads(body)["problems"])
    finally:
        (workspace / "zz.yaml").unlink()
