"""Error responses: always JSON with a code and a sentence, never a traceback.

``detail`` keeps FastAPI's shape (a string, or the list of validation problems) so
generic clients understand it; ``error`` is a code to match on.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from dateline.api.responses import SafeJSONResponse

log = logging.getLogger("dateline.api")


def _problem(error: Any) -> dict[str, Any]:
    """One validation problem, with the offending input only when it is short and plain
    (FastAPI's default handler echoes raw bytes, which fails on binary bodies)."""
    item: dict[str, Any] = {
        "loc": [str(p) for p in error.get("loc", ())],
        "msg": str(error.get("msg", "")),
        "type": str(error.get("type", "")),
    }
    value = error.get("input")
    if isinstance(value, str | int | float | bool) and len(str(value)) <= 200:
        item["input"] = value
    return item


def _summary(problems: list[dict[str, Any]]) -> str:
    parts = []
    for problem in problems[:5]:
        where = ".".join(p for p in problem["loc"] if p != "body") or "body"
        parts.append(f"{where}: {problem['msg']}")
    return "; ".join(parts)


async def validation_error(request: Request, exc: Exception) -> Response:
    raw = exc.errors() if isinstance(exc, RequestValidationError) else []
    problems = [_problem(e) for e in raw]
    return SafeJSONResponse(
        status_code=422,
        content={
            "error": "E422",
            "message": f"The request is not valid: {_summary(problems)}",
            "detail": problems,
        },
    )


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    detail = exc.detail if isinstance(exc, StarletteHTTPException) else str(exc)
    if status == 400 and detail == "There was an error parsing the body":
        # FastAPI's words for a body that is not even text (e.g. not UTF-8).
        detail = "The request body could not be read as JSON text (send UTF-8 JSON)."
    headers = getattr(exc, "headers", None)
    return SafeJSONResponse(
        status_code=status, content={"error": f"E{status}", "detail": detail}, headers=headers
    )


async def unexpected_error(request: Request, exc: Exception) -> Response:
    # A bug, not bad input: logged with its traceback, answered without one.
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return SafeJSONResponse(
        status_code=500,
        content={"error": "E500", "detail": f"internal error: {type(exc).__name__}: {exc}"},
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
