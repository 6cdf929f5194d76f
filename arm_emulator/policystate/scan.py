"""Compliance scans: every resource in an assignment's scope against every member definition.

A scan replaces the assignment's policy states (kept under the assignment, so deleting it deletes them)
and remembers which resources it has seen: one seen for the first time by a later scan was created
after the assignment, and a DeployIfNotExists assignment deploys to it by itself (see cycle.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from ..core.context import Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from . import engine
from .members import Member, in_scope, members, related_for, render
from .scopes import resource_group_id

LOG = logging.getLogger("arm_emulator")
KIND = "policyState"


def states_key(assignment: Resource) -> str:
    return f"{assignment.key}/policystates"


def evaluate(ctx: Context, member: Member, body: dict[str, Any]) -> Any | None:
    """The engine's Evaluation of one resource, or None when the engine refuses it (logged)."""
    try:
        return engine.evaluate(member.definition.body["properties"], member.parameters, body, related_for(ctx))
    except ArmError as exc:
        LOG.warning("policy %s not evaluated on %s: %s", member.definition.id, body.get("id"), exc.message)
    except Exception:  # a fault in one evaluation must not fail the scan, nor every later request
        LOG.exception("policy %s failed on %s", member.definition.id, body.get("id"))
    return None


def scan(ctx: Context, assignment: Resource) -> list[tuple[Member, Resource, Any]]:
    """Evaluate and store; returns (member, resource, evaluation) of every applicable pair."""
    now = ctx.now()
    results = []
    rows = []
    for member in members(ctx, assignment):
        for res in in_scope(ctx, assignment):
            body = render(ctx, res)
            outcome = evaluate(ctx, member, body) if body is not None else None
            if outcome is None or not getattr(outcome, "applicable", False):
                continue
            results.append((member, res, outcome))
            rows.append(_state(assignment, member, body, outcome, now))
    if _unchanged(ctx, assignment, rows):
        return results  # the same outcome as last time: the states (and their timestamps) stay
    with ctx.store.tx():
        ctx.store.delete_tree(states_key(assignment))
        for row in rows:
            ctx.store.put(row)
    return results


def _unchanged(ctx: Context, assignment: Resource, rows: list[Resource]) -> bool:
    def plain(states: list[Resource]) -> dict[str, dict[str, Any]]:
        return {r.key: {k: v for k, v in r.body.items() if k != "timestamp"} for r in states}
    return plain(ctx.store.under(states_key(assignment), KIND)) == plain(rows)


def _state(assignment: Resource, member: Member, body: dict[str, Any], outcome: Any, now: float) -> Resource:
    a_props = assignment.body["properties"]
    rid = body["id"]
    seg = [s for s in rid.split("/") if s]
    set_def = member.set_definition
    state = {
        "timestamp": timestamp(now), "resourceId": rid, "policyAssignmentId": assignment.id,
        "policyDefinitionId": member.definition.id, "effectiveParameters": None,
        "isCompliant": bool(outcome.compliant), "subscriptionId": seg[1],
        "resourceType": "/" + str(body.get("type", "")), "resourceLocation": body.get("location"),
        "resourceGroup": seg[3] if resource_group_id(rid) else "", "resourceTags": "tbd",
        "policyAssignmentName": assignment.id.rsplit("/", 1)[-1], "policyAssignmentOwner": "tbd",
        "policyAssignmentParameters": json.dumps(a_props.get("parameters") or {}),
        "policyAssignmentScope": a_props["scope"], "policyDefinitionName": member.definition.id.rsplit("/", 1)[-1],
        "policyDefinitionAction": str(getattr(outcome, "effect", "") or "").lower(),
        "policyDefinitionCategory": "tbd",
        "policySetDefinitionId": set_def.id if set_def else None,
        "policySetDefinitionName": set_def.id.rsplit("/", 1)[-1] if set_def else None,
        "policySetDefinitionOwner": None, "policySetDefinitionCategory": None,
        "policySetDefinitionParameters": None, "managementGroupIds": "",
        "policyDefinitionReferenceId": member.reference_id or None,
        "complianceState": "Compliant" if outcome.compliant else "NonCompliant",
        "policyDefinitionGroupNames": list(member.group_names) or [""],
        "complianceReasonCode": None if outcome.compliant else (getattr(outcome, "reason", None) or None),
    }
    digest = hashlib.sha1(f"{rid.lower()}|{member.reference_id.lower()}".encode()).hexdigest()[:24]
    key = f"{states_key(assignment)}/{digest}"
    return Resource(key, KIND, states_key(assignment), key, state)


def states(ctx: Context, subscription: str) -> list[dict[str, Any]]:
    """Every stored policy state of the subscription, oldest assignment first."""
    return [r.body for r in ctx.store.under(f"/subscriptions/{subscription}", KIND)]
