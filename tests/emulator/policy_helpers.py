"""In-process Azure Policy checks: a seeded store, the related-resource lookup the engine asks for, and
a remediation deployment run through the template engine and the providers (no HTTP)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph_helpers import in_process

from arm_emulator import agent
from arm_emulator.core import lro
from arm_emulator.core.context import TENANT_ID
from arm_emulator.deployments import dispatch
from arm_emulator.policy import Evaluation
from arm_emulator.providers import extensions, fluxconfigs
from arm_emulator.templates.engine import prepare
from arm_emulator.templates.errors import TemplateError
from arm_emulator.templates.resourceids import Scope

DATA = Path(__file__).resolve().parents[1] / "data" / "policy"
SUBSCRIPTION = "5c0f8e1a-7d3b-4c2e-9f61-0a9b8c7d6e51"
GROUP = "rg-policy-east"
KINDS = {"microsoft.kubernetesconfiguration/fluxconfigurations": fluxconfigs.KIND,
         "microsoft.kubernetesconfiguration/extensions": extensions.KIND}


def definition(name: str) -> dict[str, Any]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def world(tmp_path: Path, clusters: list[dict[str, Any]]):
    seed = {"subscriptions": [{"id": SUBSCRIPTION, "resourceGroups": [
        {"name": GROUP, "location": "westeurope", "clusters": clusters}]}]}
    return in_process(tmp_path, seed)


def cluster_id(name: str, kind: str) -> str:
    provider = {"managedClusters": "Microsoft.ContainerService", "connectedClusters": "Microsoft.Kubernetes"}[kind]
    return f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{GROUP}/providers/{provider}/{kind}/{name}"


def render(ctx, resource_id: str, api_version: str = "") -> dict[str, Any] | None:
    return dispatch.render(ctx, resource_id, api_version)


def related(ctx, calls: list[tuple[str, str]] | None = None):
    """related(type, scope) over the store: every resource of that type under the scope, as GET shows it."""
    def lookup(type_name: str, scope: str) -> list[dict[str, Any]]:
        if calls is not None:
            calls.append((type_name, scope))
        kind = KINDS.get(type_name.lower())
        return [render(ctx, r.id) for r in ctx.store.under(scope, kind)] if kind else []
    return lookup


def resolve_key_vault(parameters: dict[str, Any], vault: dict[tuple[str, str], str]) -> dict[str, Any]:
    """Deployment parameters with each Key Vault reference replaced by the secret ``vault`` holds; ARM needs the
    vault's resource id there, so anything else fails as ARM fails it."""
    out = {}
    for name, entry in parameters.items():
        ref = entry.get("reference") if isinstance(entry, dict) else None
        if ref is None:
            out[name] = entry
            continue
        vault_id, secret = ref["keyVault"]["id"], ref["secretName"]
        if "/providers/microsoft.keyvault/vaults/" not in vault_id.lower():
            raise ValueError(f"KeyVaultParameterReferenceInvalid: '{vault_id}' is not a Key Vault resource id")
        out[name] = {"value": vault[(vault_id.lower(), secret)]}
    return out


def remediate(ctx, found: Evaluation, vault: dict[tuple[str, str], str] | None = None) -> list[tuple[str, dict]]:
    """Run ``found.deployment`` as its remediation would: prepare the template, PUT each resource (condition true)
    through its provider, finish the operations and the agent's reconcile. Returns (resource id, evaluated body)."""
    props = found.deployment["properties"]
    _, _, subscription, _, group = found.deployment_scope.split("/")[:5]
    scope = Scope(subscription, TENANT_ID, group, "westeurope", "PolicyDeployment_remediation")
    plan = prepare(props["template"], resolve_key_vault(props["parameters"], vault or {}), scope, {})

    def no_reference(*_args):
        raise TemplateError("reference() is not used by these templates")

    created = []
    for step in plan.steps:
        if step.condition:
            body = plan.body(step, no_reference)
            dispatch.put(ctx, step.id, step.type, step.api_version, body)
            created.append((step.id, body))
    lro.settle(ctx, now=float("inf"))
    agent.settle(ctx, now=float("inf"))
    return created


def contains(actual: Any, expected: Any) -> bool:
    """Every value ``expected`` sets is in ``actual`` (null meaning absent or null)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            actual.get(k) is None if v is None else contains(actual.get(k), v) for k, v in expected.items())
    return actual == expected
