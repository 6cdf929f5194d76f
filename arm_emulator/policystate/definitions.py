"""Policy definitions and policy set definitions (initiatives) at subscription scope.

There are no built-in definitions: the tenant-level list is empty and a subscription's list holds what
was stored there. A set definition's members must exist when it is written, as ARM requires.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from . import engine
from .scopes import AUTHZ, Scope

DEFINITION = "policyDefinition"
SET_DEFINITION = "policySetDefinition"
TYPES = {DEFINITION: "policyDefinitions", SET_DEFINITION: "policySetDefinitions"}
LABELS = {DEFINITION: "policy definition", SET_DEFINITION: "policy set definition"}
NOT_FOUND = {DEFINITION: "PolicyDefinitionNotFound", SET_DEFINITION: "PolicySetDefinitionNotFound"}
_PARAMETER_REF = re.compile(r"^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$", re.I)


def not_found(kind: str, name: str) -> ArmError:
    return ArmError(404, NOT_FOUND[kind], f"The {LABELS[kind]} '{name}' could not be found.")


def kind_of_id(definition_id: str) -> str | None:
    low = definition_id.lower()
    if f"/providers/{AUTHZ.lower()}/policysetdefinitions/" in low:
        return SET_DEFINITION
    if f"/providers/{AUTHZ.lower()}/policydefinitions/" in low:
        return DEFINITION
    return None


def find(ctx: Context, definition_id: str) -> Resource | None:
    kind = kind_of_id(definition_id)
    found = ctx.store.get(definition_id) if kind else None
    return found if found is not None and found.kind == kind else None


def require(ctx: Context, definition_id: str) -> Resource:
    found = find(ctx, definition_id)
    if found is None:
        raise not_found(kind_of_id(definition_id) or DEFINITION, definition_id.rstrip("/").rsplit("/", 1)[-1])
    return found


def body_of(res: Resource) -> dict[str, Any]:
    return {k: v for k, v in res.body.items() if not k.startswith("_")}


def get(ctx: Context, kind: str, scope: Scope, name: str) -> Resource:
    found = ctx.store.get(scope.item(TYPES[kind], name)) if scope.subscription else None
    if found is None or found.kind != kind:
        raise not_found(kind, name)
    return found


def list_items(ctx: Context, kind: str, scope: Scope) -> list[Resource]:
    if not scope.subscription:
        return []  # no built-in definitions are modelled
    return [r for r in ctx.store.children(f"{scope.path}/providers/{AUTHZ}/{TYPES[kind]}") if r.kind == kind]


def delete(ctx: Context, kind: str, scope: Scope, name: str) -> bool:
    found = ctx.store.get(scope.item(TYPES[kind], name)) if scope.subscription else None
    if found is None or found.kind != kind:
        return False
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)
    return True


def put(ctx: Context, kind: str, scope: Scope, name: str, body: dict[str, Any]) -> tuple[int, Resource]:
    props = body.get("properties")
    if not isinstance(props, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'Required property 'properties' not found in JSON.'.")
    if kind == DEFINITION:
        _check_definition(props)
    else:
        _check_set(ctx, name, props)
    rid = scope.item(TYPES[kind], name)
    existing = ctx.store.get(rid)
    now = timestamp(ctx.now())
    created = (existing.body["properties"].get("metadata") or {}).get("createdOn", now) if existing else now
    metadata = {**(props.get("metadata") or {}), "createdBy": TENANT_ID, "createdOn": created,
                "updatedBy": TENANT_ID if existing else None, "updatedOn": now if existing else None}
    stored_props = {"policyType": "Custom", **props, "metadata": metadata,
                    "version": props.get("version") or "1.0.0"}
    stored_props["policyType"] = "Custom"
    if kind == DEFINITION:
        stored_props.setdefault("mode", "Indexed")
    stored_props["versions"] = [stored_props["version"]]
    system = {"createdBy": TENANT_ID, "createdByType": "Application", "createdAt": created,
              "lastModifiedBy": TENANT_ID, "lastModifiedByType": "Application", "lastModifiedAt": now}
    res = Resource(rid, kind, f"{scope.path}/providers/{AUTHZ}/{TYPES[kind]}", rid,
                   {"properties": stored_props, "id": rid, "type": f"{AUTHZ}/{TYPES[kind]}", "name": name,
                    "systemData": system})
    with ctx.store.tx():
        ctx.store.put(res)
    # The Policy RP answers 201 to every PUT of a definition (the REST spec lists no 200); a set: 200 or 201.
    return (200 if existing and kind == SET_DEFINITION else 201), res


def _check_definition(props: dict[str, Any]) -> None:
    if not isinstance(props.get("policyRule"), dict):
        raise ArmError(400, "InvalidPolicyRule", "Failed to parse policy rule: 'properties.policyRule' is "
                       "required and must be an object with 'if' and 'then'.")
    engine.validate_definition(props)


def _check_set(ctx: Context, name: str, props: dict[str, Any]) -> None:
    members = props.get("policyDefinitions")
    if not isinstance(members, list) or not members:
        raise ArmError(400, "InvalidPolicySetDefinitionRequest", f"The policy set definition '{name}' request is "
                       "invalid: 'properties.policyDefinitions' must list at least one policy definition.")
    declared = props.get("parameters") or {}
    seen: set[str] = set()
    for index, member in enumerate(members):
        if not isinstance(member, dict) or not member.get("policyDefinitionId"):
            raise ArmError(400, "InvalidPolicySetDefinitionRequest", f"The policy set definition '{name}' request "
                           f"is invalid: member {index} has no 'policyDefinitionId'.")
        definition = find(ctx, str(member["policyDefinitionId"]))
        if definition is None or definition.kind != DEFINITION:
            raise not_found(DEFINITION, str(member["policyDefinitionId"]).rstrip("/").rsplit("/", 1)[-1])
        member.setdefault("policyDefinitionReferenceId", _reference_id(definition, index))
        reference = str(member["policyDefinitionReferenceId"]).lower()
        if reference in seen:
            raise ArmError(400, "InvalidPolicySetDefinitionRequest", f"The policy set definition '{name}' has "
                           f"more than one member with reference id '{member['policyDefinitionReferenceId']}'.")
        seen.add(reference)
        _check_member_parameters(name, definition, member.get("parameters") or {}, declared)


def _reference_id(definition: Resource, index: int) -> str:
    return f"{definition.id.rsplit('/', 1)[-1]}_{index + 1}"


def _check_member_parameters(set_name: str, definition: Resource, given: dict[str, Any],
                             declared: dict[str, Any]) -> None:
    known = definition.body["properties"].get("parameters") or {}
    undefined = [p for p in given if p not in known]
    if undefined:
        raise ArmError(400, "UndefinedPolicyParameter", f"The policy set definition '{set_name}' is attempting "
                       f"to assign the parameter(s) '{','.join(undefined)}' which are not defined in the policy "
                       f"definition '{definition.id.rsplit('/', 1)[-1]}'.")
    for value in given.values():
        ref = _PARAMETER_REF.match(str((value or {}).get("value", ""))) if isinstance(value, dict) else None
        if ref and ref.group(1) not in declared:
            raise ArmError(400, "UndefinedPolicyParameter", f"The policy set definition '{set_name}' uses the "
                           f"parameter '{ref.group(1)}' which is not defined in its 'parameters'.")


def member_parameters(given: dict[str, Any], set_values: dict[str, Any]) -> dict[str, Any]:
    """A member's parameter values, with ``[parameters('x')]`` taken from the set's effective values."""
    resolved = {}
    for name, entry in given.items():
        value = entry.get("value") if isinstance(entry, dict) else entry
        ref = _PARAMETER_REF.match(value) if isinstance(value, str) else None
        resolved[name] = {"value": set_values[ref.group(1)]} if ref and ref.group(1) in set_values else \
            {"value": value}
    return resolved


def effective_parameters(definition: Resource, given: dict[str, Any]) -> dict[str, Any]:
    """Every declared parameter's value: the given one, else the definition's default."""
    declared = definition.body["properties"].get("parameters") or {}
    lowered = {k.lower(): v for k, v in given.items()}
    values = {}
    for pname, spec in declared.items():
        entry = lowered.get(pname.lower())
        if isinstance(entry, dict) and "value" in entry:
            values[pname] = entry["value"]
        elif "defaultValue" in (spec or {}):
            values[pname] = spec["defaultValue"]
    return values


def effect_of(definition: Resource, parameters: dict[str, Any]) -> str:
    """The rule's effect: a literal, or the ``[parameters('x')]`` it names ({name: {"value": v}} given)."""
    effect = ((definition.body["properties"].get("policyRule") or {}).get("then") or {}).get("effect", "")
    ref = _PARAMETER_REF.match(effect) if isinstance(effect, str) else None
    if ref:
        entry = {k.lower(): v for k, v in parameters.items()}.get(ref.group(1).lower())
        effect = entry.get("value") if isinstance(entry, dict) else None
    return str(effect or "")
