"""Where deployments live and what their stored record holds."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from ..core.addressing import Address
from ..core.context import Context
from ..core.timestamps import timestamp
from ..store import Resource
from ..templates.engine import Plan
from ..templates.jsonc import Positions
from ..templates.resourceids import resource_group_id

KIND = "deployment"
TYPE = "Microsoft.Resources/deployments"


@dataclass(frozen=True)
class Target:
    subscription: str
    resource_group: str
    name: str

    @property
    def collection(self) -> str:
        return f"{resource_group_id(self.subscription, self.resource_group)}/providers/{TYPE}"

    @property
    def path(self) -> str:
        return f"{self.collection}/{self.name}"

    def address(self) -> Address:
        return Address("deployment", self.path, subscription=self.subscription, resource_group=self.resource_group)


def new_record(ctx: Context, target: Target, request_props: dict[str, Any], plan: Plan, positions: Positions,
               nested: bool = False) -> Resource:
    """A Running deployment of ``plan``; ``_``-prefixed keys are never shown. No secure value is kept."""
    now = ctx.now()
    template = request_props.get("template") or {}
    digest = hashlib.sha256(json.dumps(template, sort_keys=True).encode()).hexdigest()
    scope = plan.scope
    stored = {
        "properties": {
            "templateHash": str(int(digest[:15], 16)),
            "parameters": plan.bound.shown(),
            "mode": request_props.get("mode") or "Incremental",
            "timestamp": timestamp(now),
            "correlationId": str(uuid.uuid4()),
            "dependencies": _dependencies(plan),
        },
        "_template": template,
        "_positions": [[list(k), list(v)] for k, v in positions.items()],
        "_scope": [scope.subscription_id, scope.tenant_id, scope.resource_group, scope.location,
                   scope.deployment_name],
        "_nested": nested,
        "_steps": steps_of(plan),
        "_outputs": None,
        "_state": "Running",
        "_error": None,
        "_started": now,
        "_due": now + ctx.settings.operation_delay,
        "_ended": None,
        "_statusId": uuid.uuid4().hex[:20].upper(),
    }
    return Resource(target.path.lower(), KIND, target.collection, target.path, stored)


def steps_of(plan: Plan) -> list[dict[str, Any]]:
    """Per resource: what it is, what it waits for, and how far it got (pending, off, sent, skipped)."""
    return [{"index": s.index, "id": s.id, "type": s.type, "name": s.name, "depends": s.depends,
             "state": "pending" if s.condition else "off", "op": None} for s in plan.steps]


def positions_of(record: Resource) -> Positions:
    return {tuple(k): tuple(v) for k, v in record.body.get("_positions") or []}


def _dependencies(plan: Plan) -> list[dict[str, Any]]:
    by_id = {s.id.lower(): s for s in plan.steps if s.condition}
    by_id.update({s.id.lower(): s for s in plan.steps if s.id.lower() not in by_id})
    return [{"dependsOn": [{"id": by_id[d].id, "resourceType": by_id[d].type, "resourceName": by_id[d].name}
                           for d in s.depends],
             "id": s.id, "resourceType": s.type, "resourceName": s.name}
            for s in plan.steps if s.depends]
