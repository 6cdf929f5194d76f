"""Loopback-only admin API under ``/_emulator``: request log, faults, agent failures, health.

No authentication: the server only ever binds to a loopback address.
"""

from __future__ import annotations

import os

from aiohttp import web

from .. import agent
from ..core.faults import Fault
from .httpio import CONTEXT_KEY, json_response


async def health(request: web.Request) -> web.Response:
    ctx = request.app[CONTEXT_KEY]
    s = ctx.settings
    return json_response({"status": "ok", "pid": os.getpid(), "settings": {
        "operation_delay": s.operation_delay, "retry_after": s.retry_after, "agent_delay": s.agent_delay,
        "allow_flux_v1_create": s.allow_flux_v1_create, "page_size": s.page_size,
        "policy_evaluation_delay": s.policy_evaluation_delay}})


async def get_requests(request: web.Request) -> web.Response:
    kind = request.query.get("kind")
    return json_response({"value": request.app[CONTEXT_KEY].log.entries(kind)})


async def clear_requests(request: web.Request) -> web.Response:
    return json_response({"cleared": request.app[CONTEXT_KEY].log.clear()})


async def get_faults(request: web.Request) -> web.Response:
    return json_response({"value": request.app[CONTEXT_KEY].faults.list()})


async def add_fault(request: web.Request) -> web.Response:
    try:
        data = await request.json()
        fault = Fault.from_dict(data)
    except (ValueError, TypeError) as exc:
        return json_response({"error": {"code": "InvalidFault", "message": str(exc)}}, status=400)
    request.app[CONTEXT_KEY].faults.add(fault)
    return json_response(fault.to_dict(), status=201)


async def clear_faults(request: web.Request) -> web.Response:
    raw = request.match_info.get("fault_id")
    cleared = request.app[CONTEXT_KEY].faults.clear(int(raw) if raw else None)
    if raw and not cleared:
        return json_response({"error": {"code": "NotFound", "message": f"No fault with id {raw}."}}, status=404)
    return json_response({"cleared": cleared})


async def get_agent_failures(request: web.Request) -> web.Response:
    return json_response({"value": agent.failures(request.app[CONTEXT_KEY])})


async def set_agent_failure(request: web.Request) -> web.Response:
    ctx = request.app[CONTEXT_KEY]
    try:
        data = await request.json()
        rule = agent.add_failure(ctx, data)
    except (ValueError, TypeError) as exc:
        return json_response({"error": {"code": "InvalidAgentFailure", "message": str(exc)}}, status=400)
    return json_response(rule, status=201)


async def clear_agent_failures(request: web.Request) -> web.Response:
    return json_response({"cleared": agent.clear_failures(request.app[CONTEXT_KEY])})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/_emulator/health", health)
    app.router.add_get("/_emulator/requests", get_requests)
    app.router.add_delete("/_emulator/requests", clear_requests)
    app.router.add_get("/_emulator/faults", get_faults)
    app.router.add_post("/_emulator/faults", add_fault)
    app.router.add_delete("/_emulator/faults", clear_faults)
    app.router.add_delete("/_emulator/faults/{fault_id:\\d+}", clear_faults)
    app.router.add_get("/_emulator/agent/failures", get_agent_failures)
    app.router.add_post("/_emulator/agent/failures", set_agent_failure)
    app.router.add_delete("/_emulator/agent/failures", clear_agent_failures)
