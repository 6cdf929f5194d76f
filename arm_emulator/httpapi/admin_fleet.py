"""Admin route ``POST /_emulator/push``: a commit pushed to a repository URL (see fleet/push.py)."""

from __future__ import annotations

from aiohttp import web

from ..fleet import push as fleet_push
from .httpio import CONTEXT_KEY, json_response

_FIELDS = {"url", "branch", "commit", "fail", "message", "maxDelay"}


async def push(request: web.Request) -> web.Response:
    try:
        data = await request.json()
        if not isinstance(data, dict):
            raise ValueError("a JSON object is expected")
        unknown = set(data) - _FIELDS
        if unknown:
            raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
        ctx = request.app[CONTEXT_KEY]
        result = fleet_push.push(ctx, str(data.get("url") or ""), str(data.get("branch") or "main"),
                                 data.get("commit"), fail=data.get("fail", 0), message=data.get("message"),
                                 max_delay=data.get("maxDelay"))
    except (ValueError, TypeError) as exc:
        return json_response({"error": {"code": "InvalidPush", "message": str(exc)}}, status=400)
    return json_response(result, status=201 if result["configurations"] else 200)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/_emulator/push", push)
