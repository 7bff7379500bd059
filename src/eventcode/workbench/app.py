"""The workbench's web app: a Starlette application serving the page, its assets and a JSON API over a workspace.

Starlette (with uvicorn to run it) is small, typed and well kept, and does the HTTP: this module only maps
requests to :class:`~eventcode.workbench.workspace.Workspace` calls, run in worker threads so that a long batch
or a first coding never stalls the page. Local does not mean trusting:

- only the hosts the server was started for are answered (a DNS-rebinding page gets 400);
- a request that changes anything (POST, PUT) needs the page's per-session token in ``X-Eventcode-Token`` and an
  ``Origin`` of the server itself; otherwise 403;
- a request body over ``max_body`` bytes is refused with 413 before it is parsed;
- every response forbids scripts and styles from anywhere but the app (Content-Security-Policy), and the page
  shows report text as text, never as HTML;
- errors are JSON with a message, never a traceback.
"""

from __future__ import annotations

import functools
import json
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool as run
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventcode.codebook import acled_codebook
from eventcode.coder import Coder
from eventcode.coder.codebook import bundled_gazetteers, load_gazetteer
from eventcode.errors import EventcodeError, InputError
from eventcode.formats.acled_csv import InterForm, write_rows
from eventcode.rules import check_record, parse_date
from eventcode.workbench.workspace import DERIVED, Conflict, Refused, Report, Workspace, plain

STATIC = Path(__file__).parent / "static"
TOKEN_HEADER = "x-eventcode-token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
#: The largest request body by default (a batch of 1,000 reports of 10 kB fits).
MAX_BODY = 16 * 1024 * 1024
PLACES_SHOWN = 20


class TooLarge(EventcodeError):
    """A request body over the limit."""


class Forbidden(EventcodeError):
    """A request that changes state without the session's token or from another origin."""


class _SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"content-security-policy", CSP.encode()),
                                      (b"x-content-type-options", b"nosniff"),
                                      (b"referrer-policy", b"no-referrer"),
                                      (b"cache-control", b"no-store")]
            await send(message)

        await self.app(scope, receive, send_with_headers)


@functools.lru_cache(maxsize=8)
def _coder(gazetteers: tuple[Path, ...]) -> Coder:
    return Coder(gazetteers)


def code_report(text: str, published: date, country: str,
                gazetteers: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The candidates of a report and its sentences not coded, by the incident coder (with the report's context
    gazetteer, if it has one)."""
    not_coded: list[dict[str, Any]] = []
    records = _coder(tuple(gazetteers)).code(text, published, country, not_coded=not_coded)
    return [dict(r) for r in records], not_coded


def check_gazetteer(content: str) -> None:
    """Refuse (CodebookError) a context gazetteer the coder cannot read, before it is kept."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "context.yaml")
        path.write_text(content, encoding="utf-8")
        load_gazetteer(path)


def codebook_choices() -> dict[str, Any]:
    """What the page offers in its choice lists: sub-event types grouped by event type, actor categories,
    precision codes, countries."""
    cb = acled_codebook()
    return {
        "event_types": [{"name": e.name, "sub_event_types": [s.name for s in e.sub_event_types]}
                        for e in cb.event_types],
        "actor_categories": [{"code": a.code, "label": a.label} for a in cb.actor_categories],
        "time_precision": [{"code": p.code, "meaning": p.meaning} for p in cb.time_precision],
        "geo_precision": [{"code": p.code, "meaning": p.meaning} for p in cb.geo_precision],
        "countries": [c.name for c in cb.countries],
        "civilian_targeting": cb.civilian_targeting_value,
        "source_scales": list(cb.source_scale.levels),
        "derived": list(DERIVED),
    }


def find_places(query: str, country: str) -> list[dict[str, Any]]:
    """Up to 20 places of the gazetteers whose name or alias holds ``query`` (in ``country`` when given)."""
    wanted = query.strip().casefold()
    found: list[dict[str, Any]] = []
    for gazetteer in bundled_gazetteers():
        if country and gazetteer.country != country:
            continue
        for place in gazetteer.places:
            if wanted and any(wanted in name.casefold() for name in (place.location, *place.aliases)):
                found.append({"country": gazetteer.country, "location": place.location, "admin1": place.admin1,
                              "admin2": place.admin2, "admin3": place.admin3, "latitude": place.latitude,
                              "longitude": place.longitude})
    found.sort(key=lambda p: (not str(p["location"]).casefold().startswith(wanted), str(p["location"])))
    return found[:PLACES_SHOWN]


def check_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The derived fields of an event being edited and every issue the validator finds in it (derived fields
    are derived afresh; the id is not checked while it is blank)."""
    fields = {k: v for k, v in record.items() if k in acled_codebook().column_set and k not in DERIVED}
    fields["event_id_cnty"] = fields.get("event_id_cnty") or "EC0"
    values, issues = check_record({k: v for k, v in fields.items() if v not in (None, "")})
    return {"derived": plain({k: values.get(k) for k in DERIVED}),
            "issues": [{"code": i.code, "field": i.field, "message": i.message, "hint": i.hint} for i in issues]}


def draft_event(text: str, start: int, end: int, published: date, country: str,
                gazetteers: list[Path]) -> dict[str, Any]:
    """A candidate for the sentence ``text[start:end]`` that a person selected: the coder's first candidate
    for it (offsets into the whole report), or a blank event with the selection as its evidence."""
    if not 0 <= start < end <= len(text):
        raise InputError(f"the selection {start}-{end} is not in the report")
    part = text[start:end]
    records, _ = code_report(part, published, country, gazetteers)
    if records:
        record = records[0]
        for item in record["evidence"]:
            for key in ("start", "end", "sentence_start", "sentence_end"):
                if isinstance(item.get(key), int):
                    item[key] += start
        found: dict[str, Any] = plain(record)
        return found
    return {"event_date": published.isoformat(), "time_precision": 1, "country": country, "notes": part,
            "evidence": [{"kind": "selection", "text": part, "start": start, "end": end}],
            "review": [{"field": "sub_event_type", "reason": "added by hand: the coder found no event here"}]}


def create_app(workspace: Workspace, *, token: str | None = None, hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
               max_body: int = MAX_BODY) -> Starlette:
    """The workbench app over ``workspace``. ``token`` is the per-session token (a new random one by default),
    ``hosts`` the host names it answers to, ``max_body`` the largest request body in bytes."""
    session = token or secrets.token_urlsafe(32)
    page = (STATIC / "index.html").read_text(encoding="utf-8").replace("{{TOKEN}}", session)

    async def body(request: Request) -> dict[str, Any]:
        """The JSON object of a state-changing request, after its token, origin and size are checked."""
        if not secrets.compare_digest(request.headers.get(TOKEN_HEADER, ""), session):
            raise Forbidden("this request needs the page's session token (reload the page)")
        origin = request.headers.get("origin")
        if origin != f"{request.url.scheme}://{request.headers.get('host')}" \
                or request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
            raise Forbidden("only the workbench's own page may change the workspace (same-origin requests)")
        declared = request.headers.get("content-length", "0")
        if declared.isdigit() and int(declared) > max_body:
            raise TooLarge(f"the request is over the limit of {max_body:,} bytes")
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > max_body:
                raise TooLarge(f"the request is over the limit of {max_body:,} bytes")
        try:
            data = json.loads(raw or b"{}")
        except (ValueError, RecursionError):
            raise InputError("the request is not JSON") from None
        if not isinstance(data, dict):
            raise InputError("the request must be a JSON object")
        return data

    def report_json(report: Report) -> dict[str, Any]:
        return {"name": report.name, "text": report.text, "doc": plain(report.doc), "version": report.version,
                "status": report.status, "problem": report.problem}

    def need(data: dict[str, Any], key: str, kind: type) -> Any:
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise InputError(f"{key} is missing or not {kind.__name__}")
        return value

    def day(value: object) -> date:
        parsed = parse_date(value)
        if parsed is None:
            raise InputError(f"published {value!r} is not a date (YYYY-MM-DD)")
        return parsed

    async def index(request: Request) -> Response:
        return HTMLResponse(page)

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    async def codebook(request: Request) -> Response:
        return JSONResponse(codebook_choices())

    async def places(request: Request) -> Response:
        return JSONResponse(find_places(request.query_params.get("q", ""), request.query_params.get("country", "")))

    async def reports(request: Request) -> Response:
        if request.method == "POST":
            data = await body(request)
            name, text = need(data, "name", str), need(data, "text", str)
            published, country = day(data.get("published")), need(data, "country", str)
            acled_codebook().country_registry.lookup(country)
            context = data.get("context") or ""
            if not isinstance(context, str):
                raise InputError("context must be the text of a gazetteer file")
            if context.strip():
                check_gazetteer(context)
            await run(workspace.add, name, text, published, country, context)
            return JSONResponse(report_json(await run(workspace.code, name, code_report)))
        entries = await run(workspace.entries)
        done = sum(e.status == "done" for e in entries)
        return JSONResponse({"reports": [{"name": e.name, "status": e.status, "events": e.events,
                                          "pending": e.pending, "problem": e.problem} for e in entries],
                             "done": done, "left": len(entries) - done})

    async def batch(request: Request) -> Response:
        added, errors = await run(workspace.add_batch, need(await body(request), "lines", str))
        return JSONResponse({"added": added, "errors": errors})

    async def report(request: Request) -> Response:
        name = request.path_params["name"]
        if request.method == "PUT":
            data = await body(request)
            saved = await run(workspace.save, name, need(data, "version", str), need(data, "doc", dict))
            return JSONResponse(report_json(saved))
        return JSONResponse(report_json(await run(workspace.read, name)))

    async def code(request: Request) -> Response:
        await body(request)
        return JSONResponse(report_json(await run(workspace.code, request.path_params["name"], code_report)))

    async def draft(request: Request) -> Response:
        data = await body(request)
        current = await run(workspace.read, request.path_params["name"])
        if current.problem:
            raise InputError(current.problem)
        return JSONResponse(await run(draft_event, current.text, need(data, "start", int), need(data, "end", int),
                                      day(current.doc["published"]), current.doc["country"],
                                      workspace.gazetteers(current.name)))

    async def check(request: Request) -> Response:
        return JSONResponse(await run(check_fields, need(await body(request), "record", dict)))

    async def export(request: Request) -> Response:
        inter: InterForm = "numeric" if request.query_params.get("inter") == "numeric" else "text"
        events, issues = await run(workspace.accepted)
        if issues:
            return JSONResponse({"error": f"{len(issues)} problem(s): nothing exported",
                                 "problems": [str(i) for i in issues]}, status_code=422)
        out = StringIO()
        write_rows(events, out, inter)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="accepted-events.csv"'})

    def error(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
        async def handle(request: Request, exc: Exception) -> Response:
            problems = exc.problems if isinstance(exc, Refused) else [str(exc)]
            return JSONResponse({"error": str(exc), "problems": problems}, status_code=status)
        return handle

    async def internal(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": f"internal error: {type(exc).__name__}: {exc} (please report it)",
                             "problems": []}, status_code=500)

    routes = [
        Route("/", index),
        Route("/favicon.ico", no_icon),
        Route("/api/codebook", codebook),
        Route("/api/places", places),
        Route("/api/reports", reports, methods=["GET", "POST"]),
        Route("/api/batch", batch, methods=["POST"]),
        Route("/api/reports/{name}", report, methods=["GET", "PUT"]),
        Route("/api/reports/{name}/code", code, methods=["POST"]),
        Route("/api/reports/{name}/draft", draft, methods=["POST"]),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/export.csv", export),
        Mount("/static", StaticFiles(directory=STATIC)),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        Forbidden: error(403), TooLarge: error(413), Conflict: error(409), Refused: error(422),
        EventcodeError: error(422), Exception: internal}
    return Starlette(routes=routes, exception_handlers=handlers,
                     middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
                                 Middleware(_SecurityHeaders)])
