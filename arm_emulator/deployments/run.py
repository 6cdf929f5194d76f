"""Carries out a prepared template: each resource in dependency order through its backend, nested
deployments as deployments of their own, and one deployment operation per resource.

Resources are sent when the deployment starts; a resource whose dependency failed (or was skipped)
is not sent. The deployment ends when every resource's own operation has ended.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from ..core.context import Context
from ..core.errors import ArmError
from ..templates.engine import InvalidTemplate, Plan, Step, prepare
from ..templates.errors import TemplateError
from ..templates.jsonc import Positions, shift
from . import dispatch

STATUS_CODES = {400: "BadRequest", 404: "NotFound", 409: "Conflict"}


def new_operation(step: Step) -> dict[str, Any]:
    return {"operationId": uuid.uuid4().hex[:16].upper(), "id": step.id, "type": step.type, "name": step.name,
            "backend": None, "nested": None, "error": None, "statusCode": None}


def execute(ctx: Context, plan: Plan, record_nested) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Run every step; returns the operations and the outputs (None when a step failed)."""
    operations: list[dict[str, Any]] = []
    failed: set[str] = set()
    skipped: set[str] = set()
    for step in plan.steps:
        key = step.id.lower()
        if not step.condition or any(d in failed or d in skipped for d in step.depends):
            skipped.add(key)  # condition false, or a dependency did not deploy: ARM does not send it
            continue
        op = new_operation(step)
        operations.append(op)
        try:
            body = plan.body(step, _reference(ctx, plan))
            if step.is_nested:
                op["nested"] = record_nested(ctx, plan, step, body)
            else:
                backend_op = dispatch.put(ctx, step.id, step.type, step.api_version, body)
                op["backend"] = backend_op.key if backend_op else None
                op["statusCode"] = "Created"
        except ArmError as exc:
            op.update(error={"code": exc.code, "message": exc.message}, statusCode=STATUS_CODES.get(exc.status,
                                                                                                     "BadRequest"))
        except InvalidTemplate as exc:
            op.update(error={"code": exc.code, "message": exc.message}, statusCode="BadRequest")
        if op["error"]:
            failed.add(key)
    if failed:
        return operations, None
    try:
        return operations, plan.outputs(_reference(ctx, plan))
    except InvalidTemplate as exc:
        operations.append({"operationId": uuid.uuid4().hex[:16].upper(), "id": None, "type": None, "name": None,
                           "backend": None, "nested": None, "statusCode": "BadRequest",
                           "error": {"code": exc.code, "message": exc.message}})
        return operations, None


def _reference(ctx: Context, plan: Plan):
    def reference(target: str, api_version: str | None, full: bool) -> Any:
        step = next((s for s in plan.steps if target.lower() in (s.name.lower(), s.id.lower())), None)
        rid = step.id if step else target
        version = api_version or (step.api_version if step else "")
        found = dispatch.render(ctx, rid, version)
        if found is None:
            raise TemplateError(f"The Resource '{rid}' was not found. Please see "
                                "https://aka.ms/arm-functions#reference for usage details.", "ResourceNotFound")
        return found if full else found.get("properties", {})
    return reference


def nested_plan(parent: Plan, step: Step, body: dict[str, Any], positions: Positions) -> Plan:
    """The plan of a nested inline template: inner scope binds its own parameters, outer shares the parent's."""
    props = body.get("properties") or {}
    template = props.get("template")
    if template is None:
        raise InvalidTemplate(f"The nested deployment '{step.name}' has no inline 'template'; templateLink is not "
                              "supported by the emulator.")
    group = parent.evaluator.value(step.raw.get("resourceGroup")) or parent.scope.resource_group
    scope = replace(parent.scope, deployment_name=step.name, resource_group=str(group))
    inner = str((props.get("expressionEvaluationOptions") or {}).get("scope", "outer")).lower() == "inner"
    where = shift(positions, ("resources", step.index, "properties", "template"))
    if inner:
        return prepare(template, props.get("parameters") or {}, scope, where)
    return prepare(template, {}, scope, where, outer=parent)
