"""Azure Policy's background work: remediation tasks move on, and every ``policy_evaluation_delay``
seconds each assignment is evaluated again (Azure: a standard cycle, and a scan about 15 minutes
after a resource is created or updated).

On that evaluation a DeployIfNotExists assignment deploys by itself to a non-compliant resource it
had never seen (one created in its scope after the assignment), as Azure does for created resources.
Resources it had seen (existing ones, or one whose configuration was deleted) wait for a remediation.
"""

from __future__ import annotations

import logging

from ..core.context import Context
from ..store import Resource
from . import assignments, deploy, remediations, scan
from .members import in_scope

LOG = logging.getLogger("arm_emulator")
_NEXT: dict[str, float] = {}  # store path -> when the next evaluation is due (a restart evaluates at once)
_AUTO_KEPT = 200  # automatic deployments an assignment remembers (its "_auto" list)


def settle(ctx: Context) -> None:
    remediations.settle(ctx)
    if ctx.now() < _NEXT.get(str(ctx.store.path), 0.0):
        return
    _NEXT[str(ctx.store.path)] = ctx.now() + ctx.settings.policy_evaluation_delay
    for assignment in ctx.store.under("/subscriptions", assignments.KIND):
        try:
            evaluate(ctx, assignment, deploy_new=True)
        except Exception:  # the next cycle tries again; requests must not fail because of it
            LOG.exception("policy evaluation of %s failed", assignment.id)


def evaluate(ctx: Context, assignment: Resource, deploy_new: bool = False) -> None:
    """Scan now; with ``deploy_new``, deploy to non-compliant resources seen for the first time."""
    seen = set(assignment.body.get("_seen") or [])
    results = scan.scan(ctx, assignment)
    started = []
    # DoNotEnforce: Azure evaluates and remediation tasks still deploy, but created resources are left alone.
    if deploy_new and assignment.body["properties"].get("enforcementMode") != "DoNotEnforce":
        for _, resource, outcome in results:
            if resource.key in seen or outcome.compliant \
                    or str(getattr(outcome, "effect", "")).lower() != remediations.DINE:
                continue
            entry = deploy.deploy(ctx, assignment, resource, outcome)
            if entry["error"]:
                LOG.warning("policy deployment for %s failed: %s", resource.id, entry["error"]["message"])
            started.append(entry)
    now_seen = sorted(r.key for r in in_scope(ctx, assignment))
    if now_seen == assignment.body.get("_seen") and not started:
        return  # nothing new: no write
    assignment.body["_seen"] = now_seen
    assignment.body["_auto"] = ((assignment.body.get("_auto") or []) + started)[-_AUTO_KEPT:]
    with ctx.store.tx():
        ctx.store.put(assignment)
