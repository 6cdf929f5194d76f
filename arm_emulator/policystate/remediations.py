"""Remediation tasks: deploy to every non-compliant resource of one DeployIfNotExists definition.

``Accepted`` -> ``Evaluating`` (the assignment is scanned again, then one deployment per non-compliant
resource in the task's scope starts, as the assignment's identity) -> ``Succeeded`` when every
deployment succeeded, ``Failed`` when any failed; ``Cancelling``/``Canceled`` on cancel. ``settle``
moves tasks on (before each request and from the background ticker).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from . import assignments, deploy, scan
from .members import members
from .scopes import INSIGHTS, Scope, covers

LOG = logging.getLogger("arm_emulator")
KIND = "remediation"
TYPE = f"{INSIGHTS}/remediations"
MODES = ("ExistingNonCompliant", "ReEvaluateCompliance")
ENDED = ("Succeeded", "Failed", "Canceled")
DINE = "deployifnotexists"


def body_of(res: Resource) -> dict[str, Any]:
    shown = {k: v for k, v in res.body.items() if not k.startswith("_")}
    entries = res.body.get("_deployments") or []
    shown["properties"]["deploymentStatus"] = {
        "totalDeployments": len(entries),
        "successfulDeployments": sum(e["status"] == "Succeeded" for e in entries),
        "failedDeployments": sum(e["status"] == "Failed" for e in entries)}
    return shown


def deployments_of(res: Resource) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if v is not None or k == "error"} for e in res.body.get("_deployments") or []]


def get(ctx: Context, scope: Scope, name: str) -> Resource:
    found = ctx.store.get(scope.item("remediations", name, INSIGHTS))
    if found is None or found.kind != KIND:
        raise ArmError(404, "RemediationNotFound", f"The remediation '{name}' could not be found.")
    return found


def list_items(ctx: Context, scope: Scope) -> list[Resource]:
    return [r for r in ctx.store.under(scope.path, KIND) if covers(scope.path, r.body["_scope"])]


def delete(ctx: Context, scope: Scope, name: str) -> Resource | None:
    found = ctx.store.get(scope.item("remediations", name, INSIGHTS))
    if found is None or found.kind != KIND:
        return None
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)
    return found


def put(ctx: Context, scope: Scope, name: str, body: dict[str, Any]) -> tuple[int, Resource]:
    props = body.get("properties") or {}
    assignment = assignments.find(ctx, str(props.get("policyAssignmentId") or ""))
    if assignment is None:
        raise ArmError(404, "PolicyAssignmentNotFound", f"The policy assignment '{props.get('policyAssignmentId')}' "
                       "is not found.")
    reference = _reference(ctx, assignment, props.get("policyDefinitionReferenceId"))
    mode = props.get("resourceDiscoveryMode") or "ExistingNonCompliant"
    if mode not in MODES:
        raise ArmError(400, "InvalidResourceDiscoveryMode", f"The resource discovery mode '{mode}' is not valid: "
                       f"use {' or '.join(MODES)}.")
    rid = scope.item("remediations", name, INSIGHTS)
    existing = ctx.store.get(rid)
    if existing is not None and existing.body["properties"]["provisioningState"] not in ENDED:
        raise ArmError(400, "InvalidUpdateRemediationRequest", f"The remediation '{name}' is still running: wait "
                       "for it to end or cancel it before changing it.")
    now = ctx.now()
    stored = {"properties": {"policyAssignmentId": assignment.id, "policyDefinitionReferenceId": reference,
                             "resourceDiscoveryMode": mode, "provisioningState": "Accepted",
                             "createdOn": timestamp(now), "lastUpdatedOn": timestamp(now),
                             "filters": {"locations": list((props.get("filters") or {}).get("locations") or [])},
                             "statusMessage": None, "correlationId": str(uuid.uuid4()),
                             "resourceCount": props.get("resourceCount") or 500,
                             "parallelDeployments": props.get("parallelDeployments") or 10,
                             "failureThreshold": props.get("failureThreshold") or {"percentage": 1}},
              "id": rid, "type": TYPE, "name": name,
              "systemData": {"createdBy": TENANT_ID, "createdByType": "Application", "createdAt": timestamp(now),
                             "lastModifiedBy": TENANT_ID, "lastModifiedByType": "Application",
                             "lastModifiedAt": timestamp(now)},
              "_scope": scope.path, "_deployments": [], "_due": now + ctx.settings.operation_delay}
    res = Resource(rid, KIND, f"{scope.path}/providers/{TYPE}", rid, stored)
    with ctx.store.tx():
        ctx.store.put(res)
    return (200 if existing else 201), res


def _reference(ctx: Context, assignment: Resource, given: Any) -> str | None:
    refs = [m.reference_id for m in members(ctx, assignment) if m.reference_id]
    if not refs:
        return None
    if not given:
        raise ArmError(400, "InvalidCreateRemediationRequest", f"The policy assignment '{assignment.id}' assigns a "
                       "policy set definition: give 'policyDefinitionReferenceId', one of: " + ", ".join(refs) + ".")
    match = next((r for r in refs if r.lower() == str(given).lower()), None)
    if match is None:
        raise ArmError(400, "InvalidPolicyDefinitionReferenceId", f"The policy definition reference id '{given}' is "
                       f"not in the policy set assigned by '{assignment.id}'; valid ones: {', '.join(refs)}.")
    return match


def cancel(ctx: Context, scope: Scope, name: str) -> Resource:
    res = get(ctx, scope, name)
    props = res.body["properties"]
    if props["provisioningState"] in ENDED:
        raise ArmError(400, "InvalidCancelRemediationRequest", f"The remediation '{name}' has already ended "
                       f"('{props['provisioningState']}') and cannot be canceled.")
    props.update(provisioningState="Cancelling", lastUpdatedOn=timestamp(ctx.now()))
    with ctx.store.tx():
        ctx.store.put(res)
    return res


def settle(ctx: Context) -> None:
    for res in ctx.store.under("/subscriptions", KIND):
        if res.body["properties"]["provisioningState"] not in ENDED and ctx.now() >= res.body["_due"]:
            try:
                _advance(ctx, res)
            except Exception:  # one broken task ends Failed; it must not turn later requests into 500s
                LOG.exception("remediation %s failed unexpectedly", res.id)
                res.body["properties"].update(provisioningState="Failed", statusMessage="The remediation failed "
                                              "unexpectedly; the emulator log has the details.")
                with ctx.store.tx():
                    ctx.store.put(res)


def _advance(ctx: Context, res: Resource) -> None:
    props = res.body["properties"]
    assignment = assignments.find(ctx, props["policyAssignmentId"])
    if props["provisioningState"] == "Accepted":
        props["provisioningState"] = "Evaluating"
        if assignment is not None:
            res.body["_deployments"] = _start(ctx, res, assignment)
    entries = [deploy.refresh(ctx, e) for e in res.body["_deployments"]]
    running = any(e["status"] == "Running" for e in entries)
    if props["provisioningState"] == "Cancelling" and not running:
        props["provisioningState"] = "Canceled"
    elif props["provisioningState"] == "Evaluating" and not running:
        failed = sum(e["status"] == "Failed" for e in entries)
        props["provisioningState"] = "Failed" if failed or assignment is None else "Succeeded"
        props["statusMessage"] = f"{failed} of {len(entries)} deployments failed." if failed else None
        if assignment is not None:
            scan.scan(ctx, assignment)  # the remediated resources are compliant now
    props["lastUpdatedOn"] = timestamp(ctx.now())
    with ctx.store.tx():
        ctx.store.put(res)


def _start(ctx: Context, res: Resource, assignment: Resource) -> list[dict[str, Any]]:
    props = res.body["properties"]
    reference = (props.get("policyDefinitionReferenceId") or "").lower()
    locations = {loc.lower() for loc in props["filters"]["locations"]}
    entries = []
    for member, resource, outcome in scan.scan(ctx, assignment):
        if member.reference_id.lower() != reference or outcome.compliant \
                or str(getattr(outcome, "effect", "")).lower() != DINE:
            continue
        if not covers(res.body["_scope"], resource.id):
            continue
        if locations and str(resource.body.get("location", "")).lower() not in locations:
            continue
        entries.append(deploy.deploy(ctx, assignment, resource, outcome))
    return entries
