"""Carries out a deployment as ARM does: a resource is sent to its backend once every resource it
depends on has succeeded; one whose dependency failed is never sent; nested inline templates become
deployments of their own. ``settle`` moves every running deployment on (run before each request and by
the background ticker, like the other long-running operations).

The prepared plans (which hold secure parameter values) live in memory only; after a restart a
running deployment is prepared again from its stored template and plain parameters, or, when it had
secure ones, ends Failed.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from typing import Any

from ..core import lro
from ..core.armcore import require_resource_group
from ..core.context import Context
from ..core.errors import ArmError
from ..store import Resource
from ..templates.engine import InvalidTemplate, Plan, Step, prepare
from ..templates.errors import TemplateError
from ..templates.jsonc import Positions, shift
from ..templates.resourceids import Scope
from . import dispatch
from .records import KIND, Target, new_record, positions_of
from .view import FAILED_MESSAGE, operation_state

LOG = logging.getLogger("arm_emulator")
STATUS_CODES = {400: "BadRequest", 404: "NotFound", 409: "Conflict"}
_LIVE: dict[str, Plan | None] = {}  # key of each running deployment -> its prepared plan
_SCANNED: set[int] = set()  # stores whose running deployments (left by an earlier process) are in _LIVE


def remember(key: str, plan: Plan) -> None:
    _LIVE[key.lower()] = plan


def settle(ctx: Context) -> None:
    """Advance every running deployment until nothing more can happen now."""
    if id(ctx.store) not in _SCANNED:
        _SCANNED.add(id(ctx.store))
        for record in ctx.store.under("/subscriptions", KIND):
            if record.body.get("_state") == "Running" and record.key not in _LIVE:
                _LIVE[record.key] = None  # prepared again (or ended) by advance()
    for _ in range(50):
        running = []
        for key in list(_LIVE):
            record = ctx.store.get(key)
            if record is None or record.kind != KIND or record.body.get("_state") != "Running":
                _LIVE.pop(key, None)  # deleted with its resource group, or ended
            else:
                running.append(record)
        if not running or not any([_advance_safely(ctx, r) for r in running]):
            return
        lro.settle(ctx)


def _advance_safely(ctx: Context, record: Resource) -> bool:
    """A fault in one deployment must not turn every later request into a 500: it ends that deployment."""
    try:
        return advance(ctx, record)
    except Exception:
        LOG.exception("deployment %s failed unexpectedly", record.id)
        return _finish(ctx, record, {"code": "InternalServerError", "message": "The deployment failed "
                                     "unexpectedly; the emulator log has the details."})


def advance(ctx: Context, record: Resource) -> bool:
    body = record.body
    plan = _plan_for(ctx, record)
    if plan is None:
        return _finish(ctx, record, {"code": "DeploymentInterrupted", "message": "The emulator restarted while "
                                     "the deployment was running and secure parameter values are never kept. "
                                     "Deploy the template again."})
    changed = False
    for entry in body["_steps"]:
        if entry["state"] != "pending":
            continue
        waits = [_dependency(ctx, s) for d in entry["depends"] for s in body["_steps"] if s["id"].lower() == d]
        if "blocked" in waits:
            entry["state"], changed = "skipped", True
        elif all(w == "ready" for w in waits):
            entry["op"], entry["state"], changed = _send(ctx, plan, record, entry), "sent", True
    states = [operation_state(ctx, s["op"]) for s in body["_steps"] if s["state"] == "sent"]
    pending = any(s["state"] == "pending" for s in body["_steps"])
    if not pending and ctx.now() >= body["_due"] and not any(st == "Running" for st, _, _ in states):
        errors = [e for st, e, _ in states if st != "Succeeded" and e]
        return _finish(ctx, record, _failure(record, errors) if errors else None, plan)
    if changed:
        with ctx.store.tx():
            ctx.store.put(record)
    return changed


def _dependency(ctx: Context, entry: dict[str, Any]) -> str:
    if entry["state"] == "off":
        return "ready"  # a resource whose condition is false counts as done
    if entry["state"] == "skipped":
        return "blocked"
    if entry["state"] == "pending":
        return "wait"
    state = operation_state(ctx, entry["op"])[0]
    return {"Succeeded": "ready", "Running": "wait"}.get(state, "blocked")


def _send(ctx: Context, plan: Plan, record: Resource, entry: dict[str, Any]) -> dict[str, Any]:
    step = next(s for s in plan.steps if s.index == entry["index"])
    op = {"operationId": uuid.uuid4().hex[:16].upper(), "id": step.id, "type": step.type, "name": step.name,
          "backend": None, "nested": None, "error": None, "statusCode": "Created", "sent": ctx.now()}
    try:
        body = plan.body(step, _reference(ctx, plan))
        if step.is_nested:
            op["nested"] = _start_nested(ctx, plan, step, body, positions_of(record))
        else:
            backend_op = dispatch.put(ctx, step.id, step.type, step.api_version, body)
            op["backend"] = backend_op.key if backend_op else None
    except ArmError as exc:
        op.update(error={"code": exc.code, "message": exc.message}, statusCode=STATUS_CODES.get(exc.status,
                                                                                                 "BadRequest"))
    except (InvalidTemplate, TemplateError) as exc:
        op.update(error={"code": exc.code, "message": exc.message}, statusCode="BadRequest")
    return op


def _failure(record: Resource, errors: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": "DeploymentFailed", "target": record.id, "message": FAILED_MESSAGE, "details": errors}


def _finish(ctx: Context, record: Resource, error: dict[str, Any] | None, plan: Plan | None = None) -> bool:
    body = record.body
    if error is None and plan is not None:
        try:
            body["_outputs"] = plan.outputs(_reference(ctx, plan))
        except InvalidTemplate as exc:
            error = _failure(record, [{"code": exc.code, "message": exc.message}])
    ends = [body["_due"]] + [operation_state(ctx, s["op"])[2] or 0 for s in body["_steps"] if s["op"]]
    body.update(_state="Failed" if error else "Succeeded", _error=error, _ended=max(ends))
    for entry in body["_steps"]:
        if entry["state"] == "pending":
            entry["state"] = "skipped"
    _LIVE.pop(record.key, None)
    with ctx.store.tx():
        ctx.store.put(record)
    return True


def _plan_for(ctx: Context, record: Resource) -> Plan | None:
    plan = _LIVE.get(record.key)
    if plan is not None or record.body.get("_nested"):
        return plan
    body = record.body
    params = {n: {"value": p["value"]} for n, p in body["properties"]["parameters"].items() if "value" in p}
    try:
        plan = prepare(body["_template"], params, Scope(*body["_scope"]), positions_of(record))
    except InvalidTemplate:
        return None
    remember(record.key, plan)
    return plan


def _reference(ctx: Context, plan: Plan):
    def reference(target: str, api_version: str | None, full: bool) -> Any:
        step = next((s for s in plan.steps if target.lower() in (s.name.lower(), s.id.lower())), None)
        rid = step.id if step else target
        found = dispatch.render(ctx, rid, api_version or (step.api_version if step else ""))
        if found is None:
            raise TemplateError(f"The Resource '{rid}' was not found. Please see "
                                "https://aka.ms/arm-functions#reference for usage details.", "ResourceNotFound")
        return found if full else found.get("properties", {})
    return reference


def _start_nested(ctx: Context, parent: Plan, step: Step, body: dict[str, Any], positions: Positions) -> str:
    """A nested inline template runs as a deployment of its own, in its target group; returns its key."""
    plan = _nested_plan(parent, step, body, positions)
    target = Target(plan.scope.subscription_id, plan.scope.resource_group, step.name)
    require_resource_group(ctx, target.address())
    record = new_record(ctx, target, body.get("properties") or {}, plan, shift(
        positions, ("resources", step.index, "properties", "template")), nested=True)
    with ctx.store.tx():
        ctx.store.put(record)
    remember(record.key, plan)
    advance(ctx, record)
    return record.key


def _nested_plan(parent: Plan, step: Step, body: dict[str, Any], positions: Positions) -> Plan:
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
