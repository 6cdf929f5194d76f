"""aiohttp application wiring: middlewares (log, errors, faults, auth) and route tables."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

from aiohttp import web

from . import aad, admin, faults, router
from .addressing import request_kind
from .context import CONTEXT_KEY, Context
from .errors import ArmError
from .httpio import json_response

LOG = logging.getLogger("arm_emulator")


@web.middleware
async def log_middleware(request: web.Request, handler):
    ctx: Context = request.app[CONTEXT_KEY]
    started = time.perf_counter()
    status = 0  # 0 = connection dropped without an answer
    try:
        response = await handler(request)
        status = response.status
        return response
    finally:
        ctx.log.add(request.method, request.path, request.query_string, status, request_kind(request.path),
                    time.perf_counter() - started)


@web.middleware
async def error_middleware(request: web.Request, handler):
    try:
        response = await handler(request)
    except ArmError as exc:
        response = json_response(exc.body(), status=exc.status, headers=exc.headers)
    except faults.DropConnection:
        raise
    except web.HTTPException as exc:
        code = {404: "NotFound", 405: "MethodNotAllowed"}.get(exc.status, "BadRequest")
        response = json_response({"error": {"code": code, "message": exc.reason or "The request is invalid."}},
                                 status=exc.status)
    except asyncio.CancelledError:
        raise
    except Exception:
        LOG.exception("unhandled error for %s %s", request.method, request.path_qs)
        response = json_response({"error": {"code": "InternalServerError",
                                            "message": "The server encountered an internal error."}}, status=500)
    _common_headers(request, response)
    return response


def _common_headers(request: web.Request, response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("x-ms-request-id", str(uuid.uuid4()))
    headers.setdefault("x-ms-correlation-request-id",
                       request.headers.get("x-ms-correlation-request-id") or str(uuid.uuid4()))
    if "x-ms-client-request-id" in request.headers:
        headers.setdefault("x-ms-client-request-id", request.headers["x-ms-client-request-id"])
    headers.setdefault("Cache-Control", "no-cache")
    headers.setdefault("Pragma", "no-cache")
    headers.setdefault("Expires", "-1")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request_kind(request.path) == "arm":
        remaining = {"GET": "reads", "DELETE": "deletes"}.get(request.method, "writes")
        count = {"reads": "11999", "deletes": "14999", "writes": "1199"}[remaining]
        headers.setdefault(f"x-ms-ratelimit-remaining-subscription-{remaining}", count)


def build_app(ctx: Context) -> web.Application:
    app = web.Application(
        middlewares=[faults.drop_middleware, log_middleware, error_middleware, faults.fault_middleware],
        client_max_size=8 * 1024 * 1024,
    )
    app[CONTEXT_KEY] = ctx
    admin.add_routes(app)
    aad.add_routes(app)
    app.router.add_route("*", "/{tail:.*}", router.dispatch)
    return app
