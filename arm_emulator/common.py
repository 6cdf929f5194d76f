"""Pieces shared by the three Microsoft.KubernetesConfiguration resource types."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from aiohttp import web

from . import lro
from .addressing import CONFIG_NS, Address
from .context import Context
from .errors import ArmError, method_not_allowed, not_found
from .httpio import json_response, timestamp
from .paging import list_response as paged
from .store import Operation, Resource

READ_ONLY_ENVELOPE = ("id", "name", "type", "systemData")


def type_name(addr: Address) -> str:
    return f"{CONFIG_NS}/{addr.config_type}"


def name_of(res: Resource) -> str:
    return res.id.rsplit("/", 1)[-1]


def system_data(existing: Resource | None, now: float, changed: bool = True) -> dict[str, Any]:
    """Proxy resources: the RP owns systemData; createdAt stays, lastModifiedAt moves on real change."""
    stamp = timestamp(now)
    if existing is not None and existing.body.get("systemData"):
        data = dict(existing.body["systemData"])
        if changed:
            data["lastModifiedAt"] = stamp
        return data
    return {"createdBy": None, "createdByType": None, "createdAt": stamp,
            "lastModifiedBy": None, "lastModifiedByType": None, "lastModifiedAt": stamp}


def envelope(res: Resource, type_str: str, properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"id": res.id, "name": name_of(res), "type": type_str}
    body.update({k: v for k, v in extra.items() if v is not None})
    body["properties"] = properties
    body["systemData"] = res.body.get("systemData")
    return body


def protected_keys(value: Any, field: str = "configurationProtectedSettings") -> dict[str, str]:
    """Keep only the keys of write-only settings: values are never stored or returned."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) or v is None for v in value.values()):
        raise ArmError(400, "InvalidRequestContent",
                       f"The request content was invalid and could not be deserialized: '{field} must be a map "
                       "of strings'.")
    return {k: "" for k, v in value.items() if v is not None}


def principal_id(seed: str) -> str:
    """Stable fake object id for a system-assigned identity, derived from the resource id."""
    return str(uuid.UUID(hashlib.sha256(seed.lower().encode()).hexdigest()[:32]))


def new_resource(addr: Address, kind: str, body: dict[str, Any]) -> Resource:
    return Resource(addr.item_path, kind, addr.collection_path, addr.item_path, body)


def lro_response(ctx: Context, request: web.Request, op: Operation, body: dict[str, Any] | None, status: int,
                 api_version: str) -> web.Response:
    headers = lro.async_headers(ctx, request, op, api_version)
    if body is None:
        return web.Response(status=status, headers=headers)
    return json_response(body, status=status, headers=headers)


def check_not_patchable(props: dict[str, Any], fields: tuple[str, ...], type_str: str) -> None:
    for field in fields:
        if field in props:
            raise ArmError(400, "ValidationFailed",
                           f"Property '{field}' of '{type_str}' cannot be updated with PATCH; it is set when "
                           "the resource is created. Delete and re-create the resource to change it.")


def list_response(ctx: Context, request: web.Request, addr: Address, render) -> web.Response:
    """A collection answers GET only: its items, rendered as their type shows them, one page at a time."""
    if request.method != "GET":
        raise method_not_allowed(request.method, addr.path)
    return paged(ctx, request, [render(r) for r in ctx.store.children(addr.collection_path)])


def get_response(existing: Resource | None, render, missing_message: str) -> web.Response:
    if existing is None:
        raise not_found(missing_message)
    return json_response(render(existing))
