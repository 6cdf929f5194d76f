"""What a deployment shows: its state (derived from its resources' operations), body and operations."""

from __future__ import annotations

from typing import Any

from ..core.context import Context
from ..core.timestamps import timestamp
from ..store import Resource

FAILED_MESSAGE = ("At least one resource deployment operation failed. Please list deployment operations for "
                  "details. Please see https://aka.ms/arm-deployment-operations for usage details.")


def operation_state(ctx: Context, op: dict[str, Any]) -> tuple[str, dict[str, Any] | None, float | None]:
    """(provisioningState, error, end time) of one deployment operation."""
    if op["error"]:
        return "Failed", op["error"], op["sent"]
    if op["nested"]:
        child = ctx.store.get(op["nested"])
        if child is None:
            return "Succeeded", None, None
        state, error, ended = status_of(ctx, child)
        return state, error, ended
    if op["backend"]:
        backend = ctx.store.get_operation(op["backend"])
        if backend is not None and backend.ended is None:
            return "Running", None, None
        if backend is not None and backend.status != "Succeeded":
            return "Failed", backend.error or {"code": backend.status, "message": backend.status}, backend.ended
        return "Succeeded", None, backend.ended if backend else None
    return "Succeeded", None, None


def status_of(ctx: Context, record: Resource) -> tuple[str, dict[str, Any] | None, float | None]:
    """(provisioningState, error, end time) of a deployment, as run.py last settled it."""
    body = record.body
    return body["_state"], body["_error"], body["_ended"]


def _duration(seconds: float) -> str:
    return f"PT{max(seconds, 0):.7f}S"


def deployment_body(ctx: Context, record: Resource) -> dict[str, Any]:
    body = record.body
    state, error, ended = status_of(ctx, record)
    props = dict(body["properties"])
    props["provisioningState"] = state
    props["duration"] = _duration((ended or ctx.now()) - body["_started"])
    if ended is not None:
        props["timestamp"] = timestamp(ended)
    props["providers"] = _providers([s["type"] for s in body["_steps"] if s["state"] != "off"])
    props["outputResources"] = [{"id": s["id"]} for s in body["_steps"]
                                if s["op"] and operation_state(ctx, s["op"])[0] == "Succeeded"]
    if state == "Succeeded":
        props["outputs"] = body["_outputs"]
    if error:
        props["error"] = error
    name = record.id.rsplit("/", 1)[-1]
    return {"id": record.id, "name": name, "type": "Microsoft.Resources/deployments", "properties": props}


def _providers(types: list[str]) -> list[dict[str, Any]]:
    grouped: dict[str, list[str]] = {}
    for type_name in types:
        namespace, _, rest = type_name.partition("/")
        if rest not in grouped.setdefault(namespace, []):
            grouped[namespace].append(rest)
    return [{"namespace": ns, "resourceTypes": [{"resourceType": t, "locations": [None]} for t in types]}
            for ns, types in grouped.items()]


def operations_body(ctx: Context, record: Resource) -> list[dict[str, Any]]:
    out = []
    for op in (s["op"] for s in record.body["_steps"] if s["op"]):
        state, error, ended = operation_state(ctx, op)
        props: dict[str, Any] = {
            "provisioningOperation": "Create", "provisioningState": state,
            "timestamp": timestamp(ended or ctx.now()), "duration": _duration((ended or ctx.now()) - op["sent"]),
            "trackingId": op["operationId"].lower(), "statusCode": op["statusCode"] or "OK",
        }
        if error:
            props["statusMessage"] = {"status": "Failed", "error": error}
            props["statusCode"] = op["statusCode"] or "Conflict"
        if op["id"]:
            props["targetResource"] = {"id": op["id"], "resourceType": op["type"], "resourceName": op["name"]}
        out.append({"id": f"{record.id}/operations/{op['operationId']}", "operationId": op["operationId"],
                    "properties": props})
    return out


def status_body(ctx: Context, record: Resource) -> dict[str, Any]:
    state, error, _ = status_of(ctx, record)
    body: dict[str, Any] = {"status": state}
    if error:
        body["error"] = error
    return body
