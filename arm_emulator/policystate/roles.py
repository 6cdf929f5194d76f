"""Microsoft.Authorization role definitions (the built-in ones) and role assignments.

Role assignments decide what a policy assignment's managed identity may deploy: a remediation
deployment runs only when its identity holds, at the target resource group or above, a role that may
write resources (Owner, Contributor) or one the policy definition itself names in ``roleDefinitionIds``.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError
from ..core.timestamps import timestamp
from ..store import Resource
from .scopes import AUTHZ, Scope, covers, scope_of_id

ROLE_ASSIGNMENT_KIND = "roleAssignment"
ROLE_DEFINITIONS_TYPE = f"{AUTHZ}/roleDefinitions"
ROLE_ASSIGNMENTS_TYPE = f"{AUTHZ}/roleAssignments"
# name -> (GUID as Azure has it, description, notActions); all three have actions "*" (Reader: "*/read").
BUILT_IN_ROLES = {
    "Owner": ("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Grants full access to manage all resources, including "
              "the ability to assign roles in Azure RBAC.", ["*"], []),
    "Contributor": ("b24988ac-6180-42a0-ab88-20f7382dd24c", "Grants full access to manage all resources, but does "
                    "not allow you to assign roles in Azure RBAC.", ["*"],
                    ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                     "Microsoft.Authorization/elevateAccess/Action"]),
    "Reader": ("acdd72a7-3385-48ef-bd42-f606fba81ae7", "View all resources, but does not allow you to make any "
               "changes.", ["*/read"], []),
}
WRITERS = {BUILT_IN_ROLES["Owner"][0], BUILT_IN_ROLES["Contributor"][0]}
_ROLE_FILTER = re.compile(r"^\s*roleName\s+eq\s+'([^']*)'\s*$", re.I)
_PRINCIPAL_FILTER = re.compile(r"^\s*(?:principalId\s+eq|assignedTo\()\s*'([^']*)'\)?\s*$", re.I)


def _guid(role_id: str) -> str:
    return role_id.rstrip("/").rsplit("/", 1)[-1].lower()


def role_definition_body(scope: Scope, name: str) -> dict[str, Any]:
    guid, description, actions, not_actions = BUILT_IN_ROLES[name]
    sub = scope.subscription
    rid = f"/subscriptions/{sub}/providers/{ROLE_DEFINITIONS_TYPE}/{guid}" if sub else \
        f"/providers/{ROLE_DEFINITIONS_TYPE}/{guid}"
    return {"properties": {"roleName": name, "type": "BuiltInRole", "description": description,
                           "assignableScopes": ["/"],
                           "permissions": [{"actions": actions, "notActions": not_actions, "dataActions": [],
                                            "notDataActions": []}],
                           "createdOn": "2015-02-02T21:55:09.8806423Z", "updatedOn": "2024-04-01T00:00:00.0000000Z",
                           "createdBy": None, "updatedBy": None},
            "id": rid, "type": ROLE_DEFINITIONS_TYPE, "name": guid}


def list_role_definitions(scope: Scope, filter_text: str | None) -> list[dict[str, Any]]:
    names = list(BUILT_IN_ROLES)
    if filter_text:
        found = _ROLE_FILTER.match(filter_text)
        if not found:
            raise ArmError(400, "InvalidFilter", f"The filter '{filter_text}' is not supported: use "
                           "roleName eq '{name}'.")
        names = [n for n in names if n.lower() == found.group(1).lower()]
    return [role_definition_body(scope, n) for n in names]


def get_role_definition(scope: Scope, guid: str) -> dict[str, Any]:
    for name, spec in BUILT_IN_ROLES.items():
        if spec[0] == guid.lower():
            return role_definition_body(scope, name)
    raise ArmError(404, "RoleDefinitionDoesNotExist", f"The specified role definition with ID '{guid}' does "
                   "not exist.")


# -- role assignments -------------------------------------------------------------------------
def assignment_body(res: Resource) -> dict[str, Any]:
    return {k: v for k, v in res.body.items() if not k.startswith("_")}


def put_assignment(ctx: Context, scope: Scope, name: str, body: dict[str, Any]) -> tuple[int, Resource]:
    props = body.get("properties")
    if not isinstance(props, dict) or not props.get("roleDefinitionId") or not props.get("principalId"):
        raise ArmError(400, "InvalidRoleAssignmentRequest", "The role assignment request needs "
                       "'properties.roleDefinitionId' and 'properties.principalId'.")
    role = _guid(str(props["roleDefinitionId"]))
    if role not in {spec[0] for spec in BUILT_IN_ROLES.values()}:
        raise ArmError(400, "RoleDefinitionDoesNotExist", f"The specified role definition with ID '{role}' does "
                       "not exist.")
    rid = scope.item("roleAssignments", name)
    existing = ctx.store.get(rid)
    for other in _assignments(ctx, scope.subscription):
        same = other.body["properties"]
        if other.key != rid.lower() and same["principalId"] == props["principalId"] \
                and _guid(same["roleDefinitionId"]) == role and same["scope"].lower() == scope.key:
            raise ArmError(409, "RoleAssignmentExists", "The role assignment already exists.")
    now = timestamp(ctx.now())
    stored = {"properties": {"roleDefinitionId": f"/subscriptions/{scope.subscription}/providers/"
                                                 f"{ROLE_DEFINITIONS_TYPE}/{role}",
                             "principalId": props["principalId"],
                             "principalType": props.get("principalType") or "ServicePrincipal",
                             "scope": scope.path, "condition": props.get("condition"),
                             "conditionVersion": props.get("conditionVersion"),
                             "createdOn": existing.body["properties"]["createdOn"] if existing else now,
                             "updatedOn": now, "createdBy": TENANT_ID, "updatedBy": TENANT_ID,
                             "delegatedManagedIdentityResourceId": None, "description": props.get("description")},
              "id": rid, "type": ROLE_ASSIGNMENTS_TYPE, "name": name}
    res = Resource(rid, ROLE_ASSIGNMENT_KIND, f"/subscriptions/{scope.subscription}", rid, stored)
    with ctx.store.tx():
        ctx.store.put(res)
    return (200 if existing else 201), res


def get_assignment(ctx: Context, scope: Scope, name: str) -> Resource:
    found = ctx.store.get(scope.item("roleAssignments", name))
    if found is None or found.kind != ROLE_ASSIGNMENT_KIND:
        raise ArmError(404, "RoleAssignmentNotFound", f"The role assignment '{name}' is not found.")
    return found


def delete_assignment(ctx: Context, scope: Scope, name: str) -> Resource | None:
    found = ctx.store.get(scope.item("roleAssignments", name))
    if found is None or found.kind != ROLE_ASSIGNMENT_KIND:
        return None
    with ctx.store.tx():
        ctx.store.delete_tree(found.key)
    return found


def list_assignments(ctx: Context, scope: Scope, filter_text: str | None) -> list[Resource]:
    """Unfiltered: at, above and below the scope; ``atScope()``: at or above; principalId/assignedTo."""
    found = [r for r in _assignments(ctx, scope.subscription)
             if covers(r.body["properties"]["scope"], scope.path) or covers(scope.path, r.body["properties"]["scope"])]
    if not filter_text:
        return found
    for clause in re.split(r"\s+and\s+", filter_text.strip(), flags=re.I):
        if clause.replace(" ", "").lower() == "atscope()":
            found = [r for r in found if covers(r.body["properties"]["scope"], scope.path)]
        elif (principal := _PRINCIPAL_FILTER.match(clause)) is not None:
            found = [r for r in found if r.body["properties"]["principalId"].lower() == principal.group(1).lower()]
        else:
            raise ArmError(400, "UnsupportedQuery", f"The filter '{clause}' is not supported: use atScope(), "
                           "principalId eq '{id}' or assignedTo('{id}').")
    return found


def _assignments(ctx: Context, subscription: str) -> list[Resource]:
    if not subscription:
        return []
    return [r for r in ctx.store.children(f"/subscriptions/{subscription}") if r.kind == ROLE_ASSIGNMENT_KIND]


def may_deploy(ctx: Context, principal_id: str, target_scope: str, extra_roles: list[str]) -> bool:
    """Whether the principal holds, at or above ``target_scope``, a role that lets it deploy there."""
    allowed = WRITERS | {_guid(r) for r in extra_roles if isinstance(r, str)}
    subscription = Scope(target_scope).subscription
    return any(r.body["properties"]["principalId"] == principal_id
               and _guid(r.body["properties"]["roleDefinitionId"]) in allowed
               and covers(r.body["properties"]["scope"], target_scope)
               for r in _assignments(ctx, subscription))


def authorization_failed(principal_id: str, scope: str) -> dict[str, Any]:
    """ARM's refusal of a deployment by an identity without the role, as the remediation shows it."""
    return {"code": "AuthorizationFailed",
            "message": f"The client '{principal_id}' with object id '{principal_id}' does not have authorization "
                       f"to perform action 'Microsoft.Resources/deployments/write' over scope '{scope}' or the "
                       "scope is invalid. If access was recently granted, please refresh your credentials."}


def scope_of(res: Resource) -> str:
    return scope_of_id(res.id)
