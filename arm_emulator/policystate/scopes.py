"""Scopes and ids shared by the Microsoft.Authorization and Microsoft.PolicyInsights backends.

A scope is a subscription (``/subscriptions/{id}``), a resource group, or any resource id inside them;
ARM compares them case-insensitively, so every comparison goes through ``covers``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.armcore import require_resource_group, require_subscription
from ..core.context import Context
from ..core.errors import ArmError

AUTHZ = "Microsoft.Authorization"
INSIGHTS = "Microsoft.PolicyInsights"


@dataclass(frozen=True)
class Scope:
    path: str  # as sent, no trailing slash; "" for the tenant (built-in definitions)

    @property
    def key(self) -> str:
        return self.path.lower()

    @property
    def segments(self) -> list[str]:
        return [s for s in self.path.split("/") if s]

    @property
    def subscription(self) -> str:
        seg = self.segments
        return seg[1] if len(seg) > 1 and seg[0].lower() == "subscriptions" else ""

    @property
    def resource_group(self) -> str:
        seg = self.segments
        return seg[3] if len(seg) > 3 and seg[2].lower() == "resourcegroups" else ""

    def item(self, type_name: str, name: str, namespace: str = AUTHZ) -> str:
        return f"{self.path}/providers/{namespace}/{type_name}/{name}"


def covers(outer: str, inner: str) -> bool:
    """True when ``inner`` is ``outer`` or lies inside it."""
    outer, inner = outer.lower().rstrip("/"), inner.lower().rstrip("/")
    return inner == outer or inner.startswith(outer + "/")


def scope_of_id(resource_id: str, namespace: str = AUTHZ) -> str:
    """The scope part of ``{scope}/providers/{namespace}/{type}/{name}``."""
    low = resource_id.lower()
    cut = low.rfind(f"/providers/{namespace.lower()}/")
    return resource_id[:cut] if cut >= 0 else ""


def require_scope(ctx: Context, scope: Scope) -> None:
    """Subscription and resource group of a scope must exist, with ARM's not-found answers."""
    from ..core.addressing import Address

    seg = scope.segments
    if not seg:
        return
    if seg[0].lower() != "subscriptions" or len(seg) < 2:
        raise ArmError(400, "InvalidScope", f"The scope '{scope.path}' is not valid: the emulator serves "
                       "subscription and resource group scopes (and resources inside them).")
    if scope.resource_group:
        require_resource_group(ctx, Address("resource_group", "/" + "/".join(seg[:4]), subscription=seg[1],
                                            resource_group=seg[3]))
    else:
        require_subscription(ctx, seg[1])


def resource_group_id(resource_id: str) -> str:
    seg = [s for s in resource_id.split("/") if s]
    return "/" + "/".join(seg[:4]) if len(seg) >= 4 and seg[2].lower() == "resourcegroups" else ""
