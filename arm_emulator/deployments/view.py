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
        return "Failed", op["error"], None
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
    """(provisioningState, error, end time) of a deployment: Running until its time and its resources are done."""
    body = record.body
    states = [operation_state(ctx, op) for op in body["_operations"]]
    ends = [body["_due"]] + [e for _, _, e in states if e is not None]
    if ctx.now() < body["_due"] or any(s in ("Running", "Accepted") for s, _, _ in states):
        return "Running", None, None
    errors = [e for s, e, _ in states if s != "Succeeded" and e]
    if errors or body["_outputs"] is None:
        return "Failed", {"code": "DeploymentFailed", "target": record.id, "message": FAILED_MESSAGE,
                          "details": errors}, max(ends)
    return "Succeeded", None, max(ends)


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
    props["providers"] = _providers(body["_resources"])
    props["outputResources"] = [{"id": op["id"]} for op in body["_operations"]
                                if op["id"] and operation_state(ctx, op)[0] == "Succeeded"]
    if state == "Succeeded":
        props["outputs"] = body["_outputs"]
    if error:
        props["error"] = error
    name = record.id.rsplit("/", 1)[-1]
    return {"id": record.id, "name": name, "type": "Microsoft.Resources/deployments", "properties": props}


def _providers(resources: list[list[str]]) -> list[dict[str, Any]]:
    grouped: dict[str, list[str]] = {}
    for _, type_name in resources:
        namespace, _, rest = type_name.partition("/")
        if rest not in grouped.setdefault(namespace, []):
            grouped[namespace].append(rest)
    return [{"namespace": ns, "resourceTypes": [{"resourceType": t, "locations": [None]} for t in types]}
            for ns, types in grouped.items()]


def operations_body(ctx: Context, record: Resource) -> list[dict[str, Any]]:
    started = record.body["_started"]
    out = []
    for op in record.body["_operations"]:
        state, error, ended = operation_state(ctx, op)
        props: dict[str, Any] = {
            "provisioningOperation": "Create", "provisioningState": state,
            "timestamp": timestamp(ended or ctx.now()), "duration": _duration((ended or ctx.now()) - started),
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
