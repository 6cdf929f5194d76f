"""Which requests belong to Azure Policy: ``{scope}/providers/Microsoft.Authorization/...`` and
``{scope}/providers/Microsoft.PolicyInsights/...`` (whose scope may itself be a policy assignment)."""

from __future__ import annotations

from dataclasses import dataclass

from ..policystate.scopes import AUTHZ, INSIGHTS, Scope


@dataclass(frozen=True)
class PolicyRoute:
    namespace: str  # AUTHZ or INSIGHTS
    scope: Scope
    rest: tuple[str, ...]  # segments after the namespace, as sent

    def lower(self, index: int) -> str:
        return self.rest[index].lower() if index < len(self.rest) else ""


def match(raw_path: str) -> PolicyRoute | None:
    seg = [s for s in raw_path.split("/") if s]
    low = [s.lower() for s in seg]
    for namespace in (INSIGHTS, AUTHZ):  # the last provider segment names the API
        for i in range(len(seg) - 2, -1, -1):
            if low[i] == "providers" and low[i + 1] == namespace.lower() and i + 2 < len(seg):
                return PolicyRoute(namespace, Scope("/" + "/".join(seg[:i]) if i else ""), tuple(seg[i + 2:]))
    return None
