"""Small request/response helpers shared by the ARM handlers."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from ..core.context import Context
from ..core.errors import ArmError

JSON_TYPE = "application/json; charset=utf-8"
CONTEXT_KEY = web.AppKey("arm_emulator_context", Context)


def ctx_of(request: web.Request) -> Context:
    return request.app[CONTEXT_KEY]


def query(request: web.Request, name: str) -> str | None:
    """Query parameters compare case-insensitively (ARM itself emits ``api-Version``)."""
    wanted = name.lower()
    for key, value in request.query.items():
        if key.lower() == wanted:
            return value
    return None


def require_api_version(request: web.Request) -> str:
    version = query(request, "api-version")
    if not version:
        raise ArmError(400, "MissingApiVersionParameter",
                       "The api-version query parameter (?api-version=) is required for all requests.")
    return version


def check_api_version(request: web.Request, type_name: str, supported: tuple[str, ...],
                      locations: tuple[str, ...] = ("eastus", "westeurope")) -> str:
    """ARM's answer when the type is registered but not at this api-version (``type_name`` without namespace)."""
    version = require_api_version(request)
    if version not in supported:
        location = locations[0]
        raise ArmError(
            400, "NoRegisteredProviderFound",
            f"No registered resource provider found for location '{location}' and API version '{version}' for type "
            f"'{type_name}'. The supported api-versions are '{', '.join(supported)}'. The supported locations are "
            f"'{', '.join(locations)}'.",
        )
    return version


async def read_json(request: web.Request, *, required: bool = True) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip():
        if required:
            raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                           "deserialized: 'The request body is empty.'.")
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArmError(400, "InvalidRequestContent",
                       f"The request content was invalid and could not be deserialized: '{exc}'.") from None
    if not isinstance(body, dict):
        raise ArmError(400, "InvalidRequestContent",
                       "The request content was invalid and could not be deserialized: 'a JSON object is expected'.")
    return body


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, text=json.dumps(body), content_type="application/json",
                        charset="utf-8", headers=headers)


def empty_response(status: int, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, headers=headers)
