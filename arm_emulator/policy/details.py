"""The `then.details` of auditIfNotExists / deployIfNotExists: where related resources are looked for,
the deployment that makes a resource compliant, where it runs, and the evaluation delay."""

from __future__ import annotations

import copy
import re
from typing import Any

from . import errors
from .expressions import PolicyEvaluator

# Effects, lower-cased -> as Azure spells them.
EFFECTS = {e.lower(): e for e in ("DeployIfNotExists", "AuditIfNotExists", "Audit", "Deny", "Disabled", "Modify",
                                  "Append", "DenyAction", "Manual")}
IF_NOT_EXISTS = ("deployifnotexists", "auditifnotexists")
# Extension resource types: they live under the resource they extend, not in its resource group.
EXTENSION_TYPES = frozenset({"microsoft.kubernetesconfiguration/extensions",
                             "microsoft.kubernetesconfiguration/fluxconfigurations",
                             "microsoft.kubernetesconfiguration/sourcecontrolconfigurations",
                             "microsoft.insights/diagnosticsettings"})
SCOPES = ("resourcegroup", "subscription")
_DELAY = re.compile(r"^P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?$", re.IGNORECASE)
DELAY_EVENTS = ("afterprovisioning", "afterprovisioningsuccess", "afterprovisioningfailure")


def get(mapping: Any, key: str, default: Any = None) -> Any:
    """A property looked up case-insensitively, as ARM reads policy JSON."""
    if not isinstance(mapping, dict):
        return default
    return next((v for k, v in mapping.items() if k.lower() == key.lower()), default)


def subscription_of(resource_id: str) -> str:
    parts = resource_id.split("/")
    return parts[2] if len(parts) > 2 and parts[1].lower() == "subscriptions" else ""


def resource_group_of(resource_id: str) -> str:
    parts = resource_id.split("/")
    return parts[4] if len(parts) > 4 and parts[3].lower() == "resourcegroups" else ""


def lookup_scope(resource: dict[str, Any], details: dict[str, Any], ev: PolicyEvaluator) -> str:
    """The scope whose resources of details.type are the related ones."""
    rid = str(resource.get("id", ""))
    own_type = str(resource.get("type", "")).lower()
    wanted = str(ev.evaluate(get(details, "type", ""))).lower()
    if wanted.startswith(own_type + "/") or wanted in EXTENSION_TYPES:
        return rid
    subscription = f"/subscriptions/{subscription_of(rid)}"
    if str(get(details, "existenceScope", "resourceGroup")).lower() == "subscription":
        return subscription
    group = ev.evaluate(get(details, "resourceGroupName")) or resource_group_of(rid)
    return f"{subscription}/resourceGroups/{group}"


def deployment_scope(resource: dict[str, Any], details: dict[str, Any]) -> str:
    rid = str(resource.get("id", ""))
    subscription = f"/subscriptions/{subscription_of(rid)}"
    if str(get(details, "deploymentScope", "resourceGroup")).lower() == "subscription":
        return subscription
    return f"{subscription}/resourceGroups/{resource_group_of(rid)}"


def deployment(details: dict[str, Any], ev: PolicyEvaluator) -> dict[str, Any]:
    """details.deployment with its parameters evaluated (field() reads the evaluated resource); the template
    itself is left for the deployment to evaluate."""
    props = get(get(details, "deployment", {}), "properties", {}) or {}
    return {"properties": {"mode": get(props, "mode", "incremental"), "template": copy.deepcopy(get(props, "template")),
                           "parameters": ev.evaluate(get(props, "parameters", {}) or {})}}


def delay_seconds(text: str | None) -> float | None:
    """An ISO 8601 evaluationDelay in seconds; None for the 'AfterProvisioning*' events (or none given)."""
    if not text or text.lower() in DELAY_EVENTS:
        return None
    match = _DELAY.match(text)
    if match is None or not any(match.groupdict().values()):
        raise errors.invalid_rule(f"The evaluationDelay '{text}' is not valid: give 'AfterProvisioning', "
                                  "'AfterProvisioningSuccess', 'AfterProvisioningFailure' or an ISO 8601 duration "
                                  "such as 'PT10M'.")
    d, h, m, s = (int(match.group(k) or 0) for k in "dhms")
    return float(((d * 24 + h) * 60 + m) * 60 + s)
