"""Deployments as ARM serves them: validate, create (then run, see run.py), read, list and delete.

A deployment is stored as a resource of kind ``deployment`` under its resource group, so deleting the
group deletes its deployments too.
"""

from __future__ import annotations

from typing import Any

from ..core.armcore import require_resource_group
from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..store import Resource
from ..templates.engine import InvalidTemplate, Plan, prepare
from ..templates.jsonc import Positions, shift
from ..templates.resourceids import Scope
from . import run
from .records import KIND, Target, new_record
from .view import deployment_body


def _plan(ctx: Context, target: Target, body: dict[str, Any], positions: Positions | None) -> Plan:
    rg = require_resource_group(ctx, target.address())
    props = body.get("properties")
    if not isinstance(props, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'Required property 'properties' not found in JSON.'.")
    if props.get("templateLink") and not props.get("template"):
        raise ArmError(400, "InvalidTemplate", "The emulator deploys inline templates only: 'templateLink' is not "
                       "supported. Pass the template in 'properties.template'.")
    if not isinstance(props.get("parameters") or {}, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'properties.parameters must be an object'.")
    scope = Scope(target.subscription, TENANT_ID, rg.id.rsplit("/", 1)[-1], rg.body.get("location", "eastus"),
                  target.name)
    try:
        return prepare(props.get("template"), props.get("parameters") or {}, scope,
                       shift(positions or {}, ("properties", "template")))
    except InvalidTemplate as exc:
        raise ArmError(400, exc.code, exc.message) from None


def validate(ctx: Context, target: Target, body: dict[str, Any], positions: Positions | None = None
             ) -> dict[str, Any]:
    plan = _plan(ctx, target, body, positions)
    record = new_record(ctx, target, body["properties"], plan, {})
    shown = deployment_body(ctx, record)
    for key in ("outputResources", "outputs", "duration"):
        shown["properties"].pop(key, None)
    shown["properties"]["provisioningState"] = "Succeeded"
    shown["properties"]["validatedResources"] = [{"id": s.id} for s in plan.steps if s.condition]
    return shown


def create(ctx: Context, target: Target, body: dict[str, Any], positions: Positions | None = None
           ) -> tuple[int, Resource]:
    """Validate and start ``body`` (a deployment request); ``positions`` (from jsonc.loads) place errors in it."""
    existing = ctx.store.get(target.path)
    if existing is not None and existing.body["_state"] == "Running":
        raise ArmError(409, "DeploymentActive", f"Unable to edit or replace deployment '{target.name}': previous "
                       f"deployment from '{existing.body['properties']['timestamp']}' is still active (state: "
                       "Running). Please see https://aka.ms/arm-deploy for usage details.")
    plan = _plan(ctx, target, body, positions)
    record = new_record(ctx, target, body["properties"], plan, shift(positions or {}, ("properties", "template")))
    with ctx.store.tx():
        ctx.store.put(record)
    run.remember(record.key, plan)
    run.settle(ctx)
    return (200 if existing else 201), ctx.store.get(record.key)


def get(ctx: Context, target: Target) -> Resource:
    require_resource_group(ctx, target.address())
    found = ctx.store.get(target.path)
    if found is None or found.kind != KIND:
        raise ArmError(404, "DeploymentNotFound", f"Deployment '{target.name}' could not be found.")
    return found


def list_items(ctx: Context, target: Target) -> list[Resource]:
    require_resource_group(ctx, target.address())
    return [r for r in ctx.store.children(target.collection) if r.kind == KIND]


def delete(ctx: Context, target: Target) -> bool:
    """Removes the record (never the resources it deployed); False when there was none."""
    require_resource_group(ctx, target.address())
    found = ctx.store.get(target.path)
    if found is None:
        return False
    if found.body["_state"] == "Running":
        raise ArmError(409, "DeploymentActive", f"Unable to delete deployment '{target.name}' while it is still "
                       "active. Cancel it or wait until it ends.")
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)
    return True
