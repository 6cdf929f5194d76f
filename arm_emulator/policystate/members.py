"""What an assignment evaluates: each member definition with its parameter values, and the resources
in its scope as a GET shows them (the engine's ``resource`` and ``related`` inputs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.context import Context
from ..deployments import dispatch
from ..providers import clusters
from ..store import Resource
from . import definitions
from .scopes import covers

# Resource kinds the emulator stores, by lower-cased ARM type (what `related` may ask for).
KINDS_BY_TYPE = {
    "microsoft.kubernetesconfiguration/fluxconfigurations": "fluxConfiguration",
    "microsoft.kubernetesconfiguration/extensions": "extension",
    "microsoft.kubernetesconfiguration/sourcecontrolconfigurations": "sourceControlConfiguration",
    "microsoft.containerservice/managedclusters": "cluster",
    "microsoft.kubernetes/connectedclusters": "cluster",
    "microsoft.hybridcontainerservice/provisionedclusters": "cluster",
}
EVALUATED_KINDS = ("cluster", "extension", "fluxConfiguration")


@dataclass(frozen=True)
class Member:
    reference_id: str  # "" for a plain definition
    definition: Resource
    set_definition: Resource | None
    parameters: dict[str, Any]  # {name: {"value": v}}, defaults filled in
    group_names: tuple[str, ...] = ()


def members(ctx: Context, assignment: Resource) -> list[Member]:
    props = assignment.body["properties"]
    top = definitions.find(ctx, props["policyDefinitionId"])
    if top is None:
        return []  # its definition was deleted: nothing to evaluate, as in Azure
    given = props.get("parameters") or {}
    if top.kind == definitions.DEFINITION:
        return [Member("", top, None, _wrap(definitions.effective_parameters(top, given)))]
    set_values = definitions.effective_parameters(top, given)
    found = []
    for member in top.body["properties"]["policyDefinitions"]:
        definition = definitions.find(ctx, member["policyDefinitionId"])
        if definition is None:
            continue
        values = definitions.member_parameters(member.get("parameters") or {}, set_values)
        found.append(Member(member["policyDefinitionReferenceId"], definition, top,
                            _wrap(definitions.effective_parameters(definition, values)),
                            tuple(member.get("groupNames") or ())))
    return found


def _wrap(values: dict[str, Any]) -> dict[str, Any]:
    return {name: {"value": value} for name, value in values.items()}


def in_scope(ctx: Context, assignment: Resource) -> list[Resource]:
    props = assignment.body["properties"]
    scope = props["scope"]
    excluded = props.get("notScopes") or []
    found = []
    for kind in EVALUATED_KINDS:
        found += [r for r in ctx.store.under(scope, kind) if not any(covers(n, r.id) for n in excluded)]
    return found


def render(ctx: Context, res: Resource) -> dict[str, Any] | None:
    if res.kind == "cluster":
        return clusters.cluster_body(res)
    return dispatch.render(ctx, res.id, "")


def related_for(ctx: Context):
    """The engine's ``related(type, scope_id)``: resources of that type directly under that scope."""
    def related(type_name: str, scope_id: str) -> list[dict[str, Any]]:
        kind = KINDS_BY_TYPE.get(type_name.lower())
        if kind is None:
            return []
        parent = f"{scope_id.rstrip('/')}/providers/{type_name}".lower()
        return [body for r in ctx.store.under(scope_id, kind) if r.parent == parent
                if (body := render(ctx, r)) is not None]
    return related
