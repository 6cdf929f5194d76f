"""Middlewares: dropped connections, the request log, ARM error bodies and common headers, injected faults."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid

from aiohttp import web

from ..core.addressing import request_kind
from ..core.context import CLIENT_ID, Context
from ..core.errors import ArmError
from ..core.faults import REQUEST_KINDS, DropConnection, FaultBook
from .httpio import CONTEXT_KEY, json_response

LOG = logging.getLogger("arm_emulator")


@web.middleware
async def drop_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except DropConnection:
        if request.transport is not None:
            request.transport.abort()
        # Nothing can be written any more; aiohttp discards this response on the closed transport.
        return web.Response(status=499)


def _authorization_failed(request: web.Request) -> str:
    """ARM's RBAC denial text (the action is the resource type's, as ARM names it)."""
    parts = [p for p in request.path.split("/") if p]
    last_provider = max((i for i, part in enumerate(parts) if part.lower() == "providers"), default=None)
    resource_type = "/".join(parts[last_provider + 1:last_provider + 3]) if last_provider is not None else "resource"
    verb = {"GET": "read", "DELETE": "delete"}.get(request.method, "write")
    return (f"The client '{CLIENT_ID}' with object id '{CLIENT_ID}' does not have authorization to perform action "
            f"'{resource_type}/{verb}' over scope '{request.path}' or the scope is invalid. If access was "
            "recently granted, please refresh your credentials. (injected fault)")


@web.middleware
async def fault_middleware(request: web.Request, handler):
    if request_kind(request.path) != "arm":
        return await handler(request)
    book: FaultBook = request.app[CONTEXT_KEY].faults
    fault = book.take(REQUEST_KINDS, request.method, request.path)
    if fault is None:
        return await handler(request)
    if fault.kind == "drop":
        raise DropConnection()
    if fault.kind == "throttle":
        raise ArmError(429, "TooManyRequests", "The request is being throttled (injected fault).",
                       headers={"Retry-After": str(fault.retry_after)})
    if fault.kind == "error":
        raise ArmError(fault.status, "InternalServerError" if fault.status == 500 else "ServiceUnavailable",
                       f"The server returned {fault.status} (injected fault).")
    if fault.kind == "forbidden":
        raise ArmError(403, "AuthorizationFailed", _authorization_failed(request))
    await asyncio.sleep(fault.delay)
    return await handler(request)


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
    except DropConnection:
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
