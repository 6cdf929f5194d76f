"""Resource Graph rows built from stored resources, with ARG's casing quirks.

- ``type`` is lower-case (``microsoft.kubernetes/connectedclusters``), ``resourceGroup`` too;
  ``id`` and ``name`` keep ARM's casing.
- ``kubernetesconfigurationresources`` extension rows carry their properties in PascalCase
  (``properties.ExtensionType``, ``ProvisioningState``, ``Version``, ``Statuses[0].Message``, as Microsoft's
  sample queries and Flux dashboards read them); fluxConfiguration and sourceControlConfiguration rows keep
  ARM's camelCase (``complianceState``, ``sourceSyncedCommitId``).
- ``Version`` on an extension row is the installed version (ARM's ``currentVersion``), which an
  auto-upgrading extension has even when its requested ``version`` is null.
- ``policyresources`` holds the latest policy states (``microsoft.policyinsights/policystates``), one row
  per resource and assignment member, their fields under ``properties`` as Policy Insights names them.
"""

from __future__ import annotations

from typing import Any

from ..core.context import TENANT_ID
from ..providers import clusters, extensions, fluxconfigs, scc
from ..store import Resource

RESOURCES = "resources"
CONFIGURATIONS = "kubernetesconfigurationresources"
POLICY = "policyresources"
TABLES = (RESOURCES, CONFIGURATIONS, POLICY)
# The columns every ARG table has, in ARG's order; `properties`, `tags`, ... are dynamic (JSON).
COLUMNS = ("id", "name", "type", "tenantId", "kind", "location", "resourceGroup", "subscriptionId", "managedBy",
           "sku", "plan", "properties", "tags", "identity", "zones", "extendedLocation")
DYNAMIC = frozenset({"sku", "plan", "properties", "tags", "identity", "zones", "extendedLocation"})

# Stored kind -> (table, provider module rendering its ARM body); clusters render through clusters.cluster_body.
_CONFIG_MODULES = {"extension": extensions, "fluxConfiguration": fluxconfigs, "sourceControlConfiguration": scc}
POLICY_STATE = "policyState"
KINDS = ("cluster", *_CONFIG_MODULES, POLICY_STATE)
# Maps of user-chosen keys inside extension properties: their keys stay as written.
_USER_MAPS = frozenset({"ConfigurationSettings", "ConfigurationProtectedSettings", "AdditionalDetails"})


def table_of(kind: str) -> str:
    return RESOURCES if kind == "cluster" else POLICY if kind == POLICY_STATE else CONFIGURATIONS


def row(res: Resource) -> dict[str, Any]:
    """The ARG row of one stored cluster, configuration resource or policy state."""
    if res.kind == POLICY_STATE:
        return _policy_state_row(res)
    if res.kind == "cluster":
        body = clusters.cluster_body(res)
    else:
        module = _CONFIG_MODULES[res.kind]
        body = module.render(res, module.TABLE.versions[-1])
        body["location"] = None
    if res.kind == "extension":
        body["properties"] = _extension_properties(body.get("properties") or {})
    segments = res.id.split("/")
    out = {column: body.get(column) for column in COLUMNS}
    out.update({
        "type": str(body.get("type") or "").lower(),
        "tenantId": TENANT_ID,
        "kind": body.get("kind") or "",
        "location": (body.get("location") or "").lower(),
        "resourceGroup": segments[4].lower(),
        "subscriptionId": segments[2],
        "managedBy": body.get("managedBy") or "",
        "tags": body.get("tags") or {},
    })
    return out


def _policy_state_row(res: Resource) -> dict[str, Any]:
    state = res.body
    name = res.key.rsplit("/", 1)[-1]
    out = {column: None for column in COLUMNS}
    out.update({
        "id": f"{state['resourceId']}/providers/Microsoft.PolicyInsights/policyStates/{name}", "name": name,
        "type": "microsoft.policyinsights/policystates", "tenantId": TENANT_ID, "kind": "", "location": "",
        "resourceGroup": (state.get("resourceGroup") or "").lower(), "subscriptionId": state["subscriptionId"],
        "managedBy": "", "tags": {}, "properties": {k: v for k, v in state.items() if k != "subscriptionId"},
    })
    return out


def _extension_properties(props: dict[str, Any]) -> dict[str, Any]:
    out = _pascal(props)
    out["Version"] = props.get("currentVersion") or props.get("version")
    return out


def _pascal(value: Any) -> Any:
    if isinstance(value, list):
        return [_pascal(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        new_key = key[:1].upper() + key[1:]
        out[new_key] = item if new_key in _USER_MAPS else _pascal(item)
    return out
