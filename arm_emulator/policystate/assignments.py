"""Policy assignments at subscription and resource group scope, with their system-assigned identity.

An assignment's parameters are checked against its definition's (unknown names, missing required values,
allowed values); an identity needs a location, as ARM requires. The identity's principal id stays the
same for the assignment's lifetime, so role assignments made for it keep applying.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from . import definitions
from .members import members
from .scopes import AUTHZ, Scope, covers

KIND = "policyAssignment"
TYPE = f"{AUTHZ}/policyAssignments"
_DEFINITION_FILTER = re.compile(r"^\s*policyDefinitionId\s+eq\s+'([^']*)'\s*$", re.I)


def body_of(res: Resource) -> dict[str, Any]:
    return {k: v for k, v in res.body.items() if not k.startswith("_")}


def get(ctx: Context, scope: Scope, name: str) -> Resource:
    found = ctx.store.get(scope.item("policyAssignments", name))
    if found is None or found.kind != KIND:
        raise ArmError(404, "PolicyAssignmentNotFound", f"The policy assignment '{name}' is not found.")
    return found


def find(ctx: Context, assignment_id: str) -> Resource | None:
    found = ctx.store.get(assignment_id)
    return found if found is not None and found.kind == KIND else None


def all_in(ctx: Context, subscription: str) -> list[Resource]:
    return ctx.store.under(f"/subscriptions/{subscription}", KIND)


def list_items(ctx: Context, scope: Scope, filter_text: str | None) -> list[Resource]:
    """Unfiltered: at, above and below the scope, as ARM lists them."""
    mine = [r for r in all_in(ctx, scope.subscription)
            if covers(_scope(r), scope.path) or covers(scope.path, _scope(r))]
    text = (filter_text or "").replace(" ", "").lower()
    if not text:
        return mine
    if text == "atscope()":
        return [r for r in mine if covers(_scope(r), scope.path)]
    if text == "atexactscope()":
        return [r for r in mine if _scope(r).lower() == scope.key]
    if text == "atscopeandbelow()":
        return [r for r in mine if covers(scope.path, _scope(r))]
    if (by_definition := _DEFINITION_FILTER.match(filter_text or "")) is not None:
        wanted = by_definition.group(1).lower()
        return [r for r in mine if r.body["properties"]["policyDefinitionId"].lower() == wanted]
    raise ArmError(400, "InvalidFilterInQueryString", f"The filter '{filter_text}' is not supported. Valid values "
                   "are 'atScope()', 'atExactScope()', 'atScopeAndBelow()' or 'policyDefinitionId eq '{value}''.")


def _scope(res: Resource) -> str:
    return res.body["properties"]["scope"]


def delete(ctx: Context, scope: Scope, name: str) -> Resource | None:
    found = ctx.store.get(scope.item("policyAssignments", name))
    if found is None or found.kind != KIND:
        return None
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)  # its policy states live under it
    return found


def put(ctx: Context, scope: Scope, name: str, body: dict[str, Any]) -> tuple[int, Resource]:
    props = body.get("properties")
    if not isinstance(props, dict) or not props.get("policyDefinitionId"):
        raise ArmError(400, "InvalidCreatePolicyAssignmentRequest", f"The policy assignment '{name}' request is "
                       "invalid: 'properties.policyDefinitionId' is required.")
    definition = definitions.require(ctx, str(props["policyDefinitionId"]))
    rid = scope.item("policyAssignments", name)
    existing = ctx.store.get(rid)
    identity = _identity(name, body, existing)
    if identity and not body.get("location"):
        raise ArmError(400, "LocationRequired", f"The policy assignment '{name}' request is invalid: policy "
                       "assignments with a managed identity must include a 'location' property.")
    check_parameters(name, definition, props.get("parameters") or {})
    _require_identity_for_deployments(ctx, name, definition, props.get("parameters") or {}, identity)
    now = timestamp(ctx.now())
    created = existing.body["properties"]["metadata"]["createdOn"] if existing else now
    stored_props = {"displayName": props.get("displayName"), "policyDefinitionId": definition.id,
                    "definitionVersion": props.get("definitionVersion") or "1.*.*", "scope": scope.path,
                    "notScopes": props.get("notScopes") or [], "parameters": props.get("parameters") or {},
                    "description": props.get("description"),
                    "metadata": {**(props.get("metadata") or {}), "createdBy": TENANT_ID, "createdOn": created,
                                 "updatedBy": TENANT_ID if existing else None, "updatedOn": now if existing else None},
                    "enforcementMode": props.get("enforcementMode") or "Default",
                    "nonComplianceMessages": props.get("nonComplianceMessages"),
                    "assignmentType": props.get("assignmentType") or "Custom"}
    stored = {"properties": stored_props, "id": rid, "type": TYPE, "name": name,
              "location": body.get("location"), "identity": identity or {"type": "None"},
              "systemData": {"createdBy": TENANT_ID, "createdByType": "Application", "createdAt": created,
                             "lastModifiedBy": TENANT_ID, "lastModifiedByType": "Application",
                             "lastModifiedAt": now}}
    if existing is not None:
        stored["_seen"] = existing.body.get("_seen", [])
    res = Resource(rid, KIND, f"{scope.path}/providers/{TYPE}", rid, stored)
    with ctx.store.tx():
        ctx.store.put(res)
    return 201, res  # also for a replaced assignment: the REST spec (and az) know only 201


def _require_identity_for_deployments(ctx: Context, name: str, definition: Resource, given: dict[str, Any],
                                      identity: dict[str, Any] | None) -> None:
    """ARM refuses an assignment of a DeployIfNotExists or Modify rule that has no identity to deploy with."""
    if identity:
        return
    probe = Resource("", KIND, "", "", {"properties": {"policyDefinitionId": definition.id, "parameters": given}})
    for member in members(ctx, probe):
        effect = definitions.effect_of(member.definition, member.parameters)
        if effect.lower() in ("deployifnotexists", "modify"):
            raise ArmError(400, "ResourceIdentityRequired", f"The policy assignment '{name}' request is invalid. "
                           "Policy assignments must include a resource identity when assigning "
                           f"'{effect}' policy definitions.")


def _identity(name: str, body: dict[str, Any], existing: Resource | None) -> dict[str, Any] | None:
    wanted = body.get("identity") or {}
    kind = str(wanted.get("type") or "None")
    if kind.lower() == "none":
        return None
    if kind.lower() != "systemassigned":
        raise ArmError(400, "InvalidPolicyAssignmentIdentity", f"The policy assignment '{name}' asks for an identity "
                       f"of type '{kind}': the emulator models 'SystemAssigned' and 'None'.")
    old = (existing.body.get("identity") or {}) if existing else {}
    principal = old.get("principalId") or str(uuid.uuid4())
    return {"type": "SystemAssigned", "principalId": principal, "tenantId": TENANT_ID}


_TYPES = {"string": str, "array": list, "object": dict, "boolean": bool, "integer": int, "float": (int, float),
          "datetime": str}


def check_parameters(name: str, definition: Resource, given: dict[str, Any]) -> None:
    """ARM's answers for unknown, missing, mistyped and disallowed assignment parameter values."""
    declared = definition.body["properties"].get("parameters") or {}
    short = definition.id.rsplit("/", 1)[-1]
    undefined = [p for p in given if p.lower() not in {d.lower() for d in declared}]
    if undefined:
        raise ArmError(400, "UndefinedPolicyParameter", f"The policy assignment '{name}' has the parameter(s) "
                       f"'{','.join(undefined)}' which are not defined in the policy definition '{short}'.")
    lowered = {k.lower(): v for k, v in given.items()}
    missing = [p for p, spec in declared.items() if p.lower() not in lowered and "defaultValue" not in (spec or {})]
    if missing:
        raise ArmError(400, "MissingPolicyParameter", f"The policy assignment '{name}' is missing the parameter(s) "
                       f"'{','.join(missing)}' as defined in the policy definition '{short}'.")
    for pname, spec in declared.items():
        entry = lowered.get(pname.lower())
        if entry is None:
            continue
        if not isinstance(entry, dict) or "value" not in entry:
            raise ArmError(400, "InvalidPolicyParameters", f"The policy assignment '{name}' gives the parameter "
                           f"'{pname}' without a 'value': write it as {{\"{pname}\": {{\"value\": ...}}}}.")
        _check_value(name, pname, spec or {}, entry["value"])


def _check_value(name: str, pname: str, spec: dict[str, Any], value: Any) -> None:
    expected = _TYPES.get(str(spec.get("type", "")).lower())
    if expected is not None and (not isinstance(value, expected) or
                                 (isinstance(value, bool) and str(spec.get("type")).lower() != "boolean")):
        raise ArmError(400, "InvalidPolicyParameterType", f"The policy assignment '{name}' gives the parameter "
                       f"'{pname}' a value of the wrong type: expected '{spec.get('type')}'.")
    allowed = spec.get("allowedValues")
    if isinstance(allowed, list) and allowed:
        values = value if isinstance(value, list) and str(spec.get("type")).lower() == "array" else [value]
        bad = [v for v in values if not any(v == a or (isinstance(v, str) and isinstance(a, str)
                                                        and v.lower() == a.lower()) for a in allowed)]
        if bad:
            raise ArmError(400, "PolicyParameterValueNotAllowed", f"The policy assignment '{name}' gives the "
                           f"parameter '{pname}' the value '{bad[0]}', which is not one of its allowed values: "
                           f"{', '.join(map(str, allowed))}.")


def identities(ctx: Context, principal_ids: list[str]) -> list[dict[str, Any]]:
    """Microsoft Graph's service principals of the assignments' managed identities among ``principal_ids``."""
    wanted = {str(p).lower() for p in principal_ids}
    found = []
    for res in ctx.store.under("/subscriptions", KIND):
        principal = (res.body.get("identity") or {}).get("principalId")
        if principal and principal.lower() in wanted:
            app_id = str(uuid.uuid5(uuid.NAMESPACE_URL, res.key))
            found.append({"@odata.type": "#microsoft.graph.servicePrincipal", "id": principal, "appId": app_id,
                          "displayName": res.id.rsplit("/", 1)[-1], "servicePrincipalType": "ManagedIdentity",
                          "servicePrincipalNames": [app_id, f"https://identity.azure.net/{app_id}"]})
    return found
