"""Deployment records: create (validate + run), read, list, delete, status, operations, exported template.

A deployment is stored as a resource of kind ``deployment``; its status is derived from the
operations of the resources it sent, so it needs no timer: it is settled whenever it is read.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from ..core.addressing import Address
from ..core.armcore import require_resource_group
from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from ..templates.engine import InvalidTemplate, Plan, prepare
from ..templates.jsonc import Positions, shift
from ..templates.resourceids import Scope, resource_group_id
from . import run
from .view import deployment_body, status_of

KIND = "deployment"
TYPE = "Microsoft.Resources/deployments"
RUNNING = ("Accepted", "Running")


@dataclass(frozen=True)
class Target:
    subscription: str
    resource_group: str
    name: str

    @property
    def collection(self) -> str:
        return f"{resource_group_id(self.subscription, self.resource_group)}/providers/{TYPE}"

    @property
    def path(self) -> str:
        return f"{self.collection}/{self.name}"

    def address(self) -> Address:
        return Address("deployment", self.path, subscription=self.subscription, resource_group=self.resource_group)


def _plan(ctx: Context, target: Target, body: dict[str, Any], positions: Positions) -> Plan:
    rg = require_resource_group(ctx, target.address())
    props = body.get("properties")
    if not isinstance(props, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'Required property 'properties' not found in JSON.'.")
    if props.get("templateLink") and not props.get("template"):
        raise ArmError(400, "InvalidTemplate", "The emulator deploys inline templates only: 'templateLink' is not "
                       "supported. Pass the template in 'properties.template'.")
    scope = Scope(target.subscription, TENANT_ID, rg.id.rsplit("/", 1)[-1], rg.body.get("location", "eastus"),
                  target.name)
    try:
        return prepare(props.get("template"), props.get("parameters") or {}, scope,
                       shift(positions, ("properties", "template")))
    except InvalidTemplate as exc:
        raise ArmError(400, exc.code, exc.message) from None


def validate(ctx: Context, target: Target, body: dict[str, Any], positions: Positions) -> dict[str, Any]:
    plan = _plan(ctx, target, body, positions)
    record = _record(ctx, target, body, plan, [], None)
    shown = deployment_body(ctx, record)
    shown["properties"].pop("outputResources", None)
    shown["properties"]["provisioningState"] = "Succeeded"
    shown["properties"]["validatedResources"] = [{"id": s.id} for s in plan.steps if s.condition]
    return shown


def create(ctx: Context, target: Target, body: dict[str, Any], positions: Positions) -> tuple[int, Resource]:
    existing = ctx.store.get(target.path)
    if existing is not None and status_of(ctx, existing)[0] in RUNNING:
        raise ArmError(409, "DeploymentActive", f"Unable to edit or replace deployment '{target.name}': previous "
                       f"deployment from '{existing.body['properties']['timestamp']}' is still active (state: "
                       "Running). Please see https://aka.ms/arm-deploy for usage details.")
    plan = _plan(ctx, target, body, positions)
    with ctx.store.tx():
        operations, outputs = run.execute(ctx, plan, lambda c, p, s, b: _nested(c, p, s, b, positions))
        record = _record(ctx, target, body, plan, operations, outputs)
        ctx.store.put(record)
    return (200 if existing else 201), record


def _nested(ctx: Context, parent: Plan, step, body: dict[str, Any], positions: Positions) -> str:
    """Deploy a nested inline template as a deployment of its own; returns its key."""
    plan = run.nested_plan(parent, step, body, shift(positions, ("properties", "template")))
    target = Target(plan.scope.subscription_id, plan.scope.resource_group, step.name)
    require_resource_group(ctx, target.address())
    operations, outputs = run.execute(ctx, plan, lambda c, p, s, b: _nested(c, p, s, b, {}))
    ctx.store.put(_record(ctx, target, body, plan, operations, outputs))
    return target.path.lower()


def _record(ctx: Context, target: Target, body: dict[str, Any], plan: Plan, operations: list[dict[str, Any]],
            outputs: dict[str, Any] | None) -> Resource:
    now = ctx.now()
    props = body.get("properties") or {}
    template = props.get("template") or {}
    stored = {
        "properties": {
            "templateHash": str(int(hashlib.sha256(json.dumps(template, sort_keys=True).encode()).hexdigest()[:15],
                                    16)),
            "parameters": plan.bound.shown(),
            "mode": props.get("mode") or "Incremental",
            "provisioningState": "Accepted",
            "timestamp": timestamp(now),
            "correlationId": str(uuid.uuid4()),
            "dependencies": _dependencies(plan),
        },
        "_template": template,
        "_operations": operations,
        "_outputs": outputs,
        "_started": now,
        "_due": now + ctx.settings.operation_delay,
        "_statusId": uuid.uuid4().hex[:20].upper(),
        "_resources": [(s.id, s.type) for s in plan.steps if s.condition],
    }
    return Resource(target.path.lower(), KIND, target.collection, target.path, stored)


def _dependencies(plan: Plan) -> list[dict[str, Any]]:
    by_id = {s.id.lower(): s for s in plan.steps}
    return [{"dependsOn": [{"id": by_id[d].id, "resourceType": by_id[d].type, "resourceName": by_id[d].name}
                           for d in s.depends],
             "id": s.id, "resourceType": s.type, "resourceName": s.name}
            for s in plan.steps if s.depends]


def get(ctx: Context, target: Target) -> Resource:
    require_resource_group(ctx, target.address())
    found = ctx.store.get(target.path)
    if found is None:
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
    if status_of(ctx, found)[0] in RUNNING:
        raise ArmError(409, "DeploymentActive", f"Unable to delete deployment '{target.name}' while it is still "
                       "active. Cancel it or wait until it ends.")
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)
    return True
