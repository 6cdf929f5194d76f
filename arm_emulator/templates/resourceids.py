"""Resource ids as the template functions and the engine build them, and the deployment's scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import TemplateError


@dataclass(frozen=True)
class Scope:
    """Where a deployment runs: its subscription and resource group, and its own name."""

    subscription_id: str
    tenant_id: str
    resource_group: str
    location: str
    deployment_name: str

    @property
    def rg_id(self) -> str:
        return resource_group_id(self.subscription_id, self.resource_group)

    def subscription_body(self) -> dict[str, Any]:
        return {"id": f"/subscriptions/{self.subscription_id}", "subscriptionId": self.subscription_id,
                "tenantId": self.tenant_id, "displayName": "ARM emulator subscription"}

    def resource_group_body(self) -> dict[str, Any]:
        return {"id": self.rg_id, "name": self.resource_group, "type": "Microsoft.Resources/resourceGroups",
                "location": self.location, "properties": {"provisioningState": "Succeeded"}}

    def deployment_body(self) -> dict[str, Any]:
        return {"name": self.deployment_name, "properties": {"templateLink": None}}


def resource_group_id(subscription: str, resource_group: str) -> str:
    return f"/subscriptions/{subscription}/resourceGroups/{resource_group}"


def _join(type_name: str, names: list[str]) -> str:
    """Microsoft.X/a/b with names n1, n2 -> Microsoft.X/a/n1/b/n2."""
    namespace, _, rest = type_name.partition("/")
    types = rest.split("/") if rest else []
    if not namespace or len(types) != len(names) or not types:
        raise TemplateError(f"Unable to evaluate template language function 'resourceId': the type '{type_name}' "
                            f"requires {len(types)} resource name argument(s). Please see "
                            "https://aka.ms/arm-resource-functions/#resourceid for usage details.")
    return f"providers/{namespace}/" + "/".join(f"{t}/{n}" for t, n in zip(types, names, strict=True))


def resource_id(scope: Scope, args: list[str], subscription_level: bool = False) -> str:
    """resourceId([subscriptionId], [resourceGroupName], type, name1, ...)."""
    type_index = next((i for i, a in enumerate(args) if "/" in a and "." in a.split("/")[0]), None)
    if type_index is None or type_index > (1 if subscription_level else 2):
        raise TemplateError("Unable to evaluate template language function 'resourceId': the resource type is "
                            "missing. Please see https://aka.ms/arm-resource-functions/#resourceid for usage details.")
    leading, type_name, names = args[:type_index], args[type_index], args[type_index + 1:]
    subscription, group = scope.subscription_id, scope.resource_group
    if subscription_level:
        subscription = leading[0] if leading else subscription
        return f"/subscriptions/{subscription}/{_join(type_name, names)}"
    if len(leading) == 2:
        subscription, group = leading
    elif len(leading) == 1:
        group = leading[0]
    return f"{resource_group_id(subscription, group)}/{_join(type_name, names)}"


def extension_resource_id(args: list[str]) -> str:
    scope_id, type_name, names = args[0].rstrip("/"), args[1], args[2:]
    return f"{scope_id}/{_join(type_name, names)}"


def split_type_name(type_name: str, name: str) -> list[str]:
    names = name.split("/")
    if len(type_name.split("/")) - 1 != len(names):
        raise TemplateError(f"The resource name '{name}' does not match its type '{type_name}': it must have one "
                            "segment per nested resource type. Please see https://aka.ms/arm-template/#resources "
                            "for usage details.")
    return names


def template_resource_id(scope: Scope, type_name: str, name: str, scope_expr: str | None) -> str:
    """The id a template resource gets: under the deployment's group, or under its ``scope`` resource."""
    tail = _join(type_name, split_type_name(type_name, name))
    if not scope_expr:
        return f"{scope.rg_id}/{tail}"
    base = scope_expr.rstrip("/")
    if not base.startswith("/"):
        # A relative scope names a resource of the deployment's group: Microsoft.X/type/name.
        base = f"{scope.rg_id}/providers/{base}"
    return f"{base}/{tail}"
