"""One DeployIfNotExists deployment, made as the assignment's managed identity.

The deployment goes to the evaluated resource's resource group through the deployments backend, like
a template deployment a user makes. An identity without a role that may deploy there is refused the
way ARM refuses it (AuthorizationFailed), and the refusal is the deployment's recorded error.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..core.context import Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..deployments import backend
from ..deployments.records import Target
from ..store import Resource
from . import roles
from .scopes import resource_group_id


def deploy(ctx: Context, assignment: Resource, resource: Resource, outcome: Any) -> dict[str, Any]:
    """Start the deployment; the entry a remediation lists for it (``refresh`` moves it on)."""
    now = timestamp(ctx.now())
    entry = {"remediatedResourceId": resource.id, "deploymentId": None, "status": "Failed",
             "resourceLocation": resource.body.get("location"), "error": None, "createdOn": now,
             "lastUpdatedOn": now}
    group = resource_group_id(getattr(outcome, "deployment_scope", None) or resource.id)
    deployment = getattr(outcome, "deployment", None)
    if not group:
        entry["error"] = {"code": "UnsupportedDeploymentScope", "message": "The emulator runs DeployIfNotExists "
                          "deployments at resource group scope only; this definition deploys at subscription scope."}
        return entry
    if not isinstance(deployment, dict):
        entry["error"] = {"code": "InvalidPolicyDeployment", "message": "The policy definition gives no "
                          "'then.details.deployment' to deploy."}
        return entry
    name = f"PolicyDeployment_{uuid.uuid4().int % 10**19}"
    principal = (assignment.body.get("identity") or {}).get("principalId")
    target = f"{group}/providers/Microsoft.Resources/deployments/{name}"
    if not principal or not roles.may_deploy(ctx, principal, group, list(getattr(outcome, "role_definition_ids",
                                                                                  None) or [])):
        entry["error"] = roles.authorization_failed(principal or "(no managed identity)", target)
        return entry
    seg = group.strip("/").split("/")
    try:
        _, record = backend.create(ctx, Target(seg[1], seg[3], name), deployment)
    except ArmError as exc:
        entry["error"] = {"code": exc.code, "message": exc.message}
        return entry
    entry.update(deploymentId=record.id, status="Running")
    return refresh(ctx, entry)


def refresh(ctx: Context, entry: dict[str, Any]) -> dict[str, Any]:
    """Copy the deployment's outcome into the entry once it has ended."""
    if entry["status"] != "Running" or not entry["deploymentId"]:
        return entry
    record = ctx.store.get(entry["deploymentId"])
    state = record.body.get("_state") if record is not None else "Failed"
    if state in ("Succeeded", "Failed", "Canceled"):
        entry["status"] = state
        entry["lastUpdatedOn"] = timestamp(ctx.now())
        if state != "Succeeded":
            entry["error"] = (record.body.get("_error") if record is not None else None) or {
                "code": "DeploymentNotFound", "message": f"The deployment '{entry['deploymentId']}' was deleted."}
    return entry
