"""Simulated fluxconfig-agent: reports what Flux would do with a configuration after a delay.

After a create/update succeeds the configuration is ``Pending``; ``agent_delay`` seconds later the
agent "reconciles": the source object and every Kustomization get a Ready condition and the
configuration becomes ``Compliant`` or ``Non-Compliant``. Failures are injected by
 - a kustomization ``path`` containing ``fail`` (that Kustomization fails),
 - a source URL containing ``fail-source`` (the source fails, every Kustomization waits),
 - rules set through the admin API (``/_emulator/agent/failures``), kept in the state database.
Kustomizations whose dependsOn chain is not Ready stay Pending with reason DependencyNotReady.
A kustomization ``path`` containing ``slow`` makes the agent take SLOW_SECONDS longer (slow reconciliation).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .core.context import Context
from .core.timestamps import timestamp
from .fleet import repos
from .store import Resource

KIND = "fluxConfiguration"
SOURCE_FIELDS = {"GitRepository": "gitRepository", "Bucket": "bucket", "AzureBlob": "azureBlob",
                 "OCIRepository": "ociRepository"}
_RULES_KEY = "agent_failures"
SLOW_SECONDS = 3.0


# -- admin rules -------------------------------------------------------------------------------
def failures(ctx: Context) -> list[dict[str, Any]]:
    return ctx.store.meta_get(_RULES_KEY, [])


def add_failure(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Rule: {"configuration": name or "*", "target": "source" | kustomization name | "*", "message"?}."""
    if not isinstance(data, dict) or not data.get("configuration"):
        raise ValueError("'configuration' (a fluxConfiguration name, or '*') is required")
    unknown = set(data) - {"configuration", "target", "message"}
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    rules = failures(ctx)
    rule = {"id": max((r["id"] for r in rules), default=0) + 1, "configuration": str(data["configuration"]),
            "target": str(data.get("target") or "*"), "message": data.get("message")}
    with ctx.store.tx():
        ctx.store.meta_set(_RULES_KEY, [*rules, rule])
        _rerun_all(ctx)
    return rule


def clear_failures(ctx: Context) -> int:
    count = len(failures(ctx))
    with ctx.store.tx():
        ctx.store.meta_set(_RULES_KEY, [])
        _rerun_all(ctx)
    return count


def _rerun_all(ctx: Context) -> None:
    now = ctx.now()
    for res in ctx.store.under("/subscriptions", KIND):
        props = res.body["properties"]
        if props.get("provisioningState") == "Succeeded" and not props.get("suspend"):
            res.agent_due = now
            ctx.store.put(res)


def _rule_for(ctx: Context, config: str, target: str) -> dict[str, Any] | None:
    for rule in failures(ctx):
        config_ok = rule["configuration"] == "*" or rule["configuration"].lower() == config.lower()
        if config_ok and (rule["target"] == "*" or rule["target"].lower() == target.lower()):
            return rule
    return None


# -- lifecycle ---------------------------------------------------------------------------------
def schedule(ctx: Context, res: Resource, now: float) -> None:
    """Called when a create/update has been applied: the agent starts over."""
    props = res.body["properties"]
    props["statusUpdatedAt"] = timestamp(now)
    if props.get("suspend"):
        props["complianceState"] = "Suspended"
        res.agent_due = None
        return
    props["complianceState"] = "Pending"
    slow = any("slow" in str((k or {}).get("path", "")).lower() for k in (props.get("kustomizations") or {}).values())
    res.agent_due = now + ctx.settings.agent_delay + (SLOW_SECONDS if slow else 0.0)


def settle(ctx: Context, now: float | None = None) -> int:
    now = ctx.now() if now is None else now
    due = ctx.store.agent_due(now)
    if not due:
        return 0
    with ctx.store.tx():
        for res in due:
            reconcile(ctx, res, res.agent_due or now)
            res.agent_due = None
            ctx.store.put(res)
    return len(due)


def revision(source_kind: str, source: dict[str, Any]) -> str:
    digest = hashlib.sha1(json.dumps(source, sort_keys=True).encode()).hexdigest()
    if source_kind != "GitRepository":
        return digest
    ref = source.get("repositoryRef") or {}
    if ref.get("commit"):
        return f"{ref.get('branch') or 'HEAD'}/{ref['commit']}"
    return f"{ref.get('branch') or ref.get('tag') or ref.get('semver') or 'main'}/{digest}"


def _condition(ok: bool | None, reason: str, message: str, at: str) -> list[dict[str, Any]]:
    status = "True" if ok else ("False" if ok is False else "Unknown")
    return [{"type": "Ready", "status": status, "reason": reason, "message": message, "lastTransitionTime": at}]


def _status(name: str, namespace: str, kind: str, state: str, condition: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "namespace": namespace, "kind": kind, "complianceState": state, "appliedBy": None,
            "statusConditions": condition, "helmReleaseProperties": None}


def reconcile(ctx: Context, res: Resource, at_epoch: float) -> None:
    props = res.body["properties"]
    config = res.id.rsplit("/", 1)[-1]
    namespace = props.get("namespace", "default")
    kind = props["sourceKind"]
    source = props.get(SOURCE_FIELDS[kind]) or {}
    at = timestamp(at_epoch)
    rev = repos.revision_for(ctx, kind, source) or revision(kind, source)  # a pushed commit wins
    rule = _rule_for(ctx, config, "source")
    source_failed = rule is not None or "fail-source" in str(source.get("url", ""))
    if source_failed:
        message = (rule or {}).get("message") or f"failed to checkout and determine revision: unable to clone " \
                                                  f"'{source.get('url')}': repository not found (simulated failure)"
        statuses = [_status(config, namespace, kind, "Non-Compliant", _condition(False, "GitOperationFailed"
                            if kind == "GitRepository" else "ArtifactFailed", message, at))]
    else:
        verb = "Fetched revision: " + rev if kind == "GitRepository" else f"stored artifact for revision '{rev}'"
        statuses = [_status(config, namespace, kind, "Compliant",
                            _condition(True, "GitOperationSucceed" if kind == "GitRepository" else "Succeeded",
                                       verb, at))]
    kustomizations = props.get("kustomizations") or {}
    states: dict[str, str] = {}

    def state_of(name: str, seen: frozenset = frozenset()) -> str:
        if name in states:
            return states[name]
        if name not in kustomizations or name in seen:
            return "Pending"
        kust = kustomizations[name]
        if source_failed:
            result = "Pending"
        elif "fail" in str(kust.get("path", "")).lower() or _rule_for(ctx, config, name):
            result = "Non-Compliant"
        elif any(state_of(dep, seen | {name}) != "Compliant" for dep in kust.get("dependsOn") or []):
            result = "Pending"
        else:
            result = "Compliant"
        states[name] = result
        return result

    for name, kust in kustomizations.items():
        state = state_of(name)
        full = f"{config}-{name}"
        if state == "Compliant":
            cond = _condition(True, "ReconciliationSucceeded", f"Applied revision: {rev}", at)
        elif state == "Non-Compliant":
            rule = _rule_for(ctx, config, name)
            message = (rule or {}).get("message") or (
                f"kustomize build failed: accumulating resources from '{kust.get('path', '')}': "
                "no such file or directory (simulated failure)")
            cond = _condition(False, "ReconciliationFailed", message, at)
        elif source_failed:
            cond = _condition(False, "ArtifactFailed", f"Source artifact not found for '{kind}/{config}', "
                                                       "retrying in 30s", at)
        else:
            waiting = next((d for d in kust.get("dependsOn") or [] if state_of(d) != "Compliant"), "?")
            cond = _condition(False, "DependencyNotReady", f"dependency '{namespace}/{config}-{waiting}' is not "
                                                           "ready", at)
        statuses.append(_status(full, namespace, "Kustomization", state, cond))
    all_states = [s["complianceState"] for s in statuses]
    overall = "Non-Compliant" if "Non-Compliant" in all_states else (
        "Pending" if "Pending" in all_states else "Compliant")
    props.update({"statuses": statuses, "complianceState": overall, "statusUpdatedAt": at,
                  "sourceSyncedCommitId": None if source_failed else rev,
                  "sourceUpdatedAt": None if source_failed else at})
    repos.after_reconcile(ctx, res)

