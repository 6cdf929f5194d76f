"""Initial state: the built-in default world, or a YAML/JSON seed file (see docs/emulator.md).

Seeded extensions and fluxConfigurations go through the same code as a PUT and are then completed
at once, so they start out Succeeded (and, for flux, already reconciled by the agent).
Seeding happens only when the state database is new.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import agent
from .core import lro
from .core.addressing import CLUSTER_KINDS, CONFIG_NS, parse
from .core.armcore import PROVIDER_TYPES
from .core.context import LOCATION, RESOURCE_GROUP, SUBSCRIPTION_ID, SUBSCRIPTION_NAME, TENANT_ID, Context
from .core.errors import ArmError
from .fleet import generate as fleetgen
from .providers import clusters, extensions, fluxconfigs, scc
from .store import Resource

DEFAULT_SEED: dict[str, Any] = {
    "subscriptions": [{
        "id": SUBSCRIPTION_ID,
        "name": SUBSCRIPTION_NAME,
        "resourceGroups": [{
            "name": RESOURCE_GROUP,
            "location": LOCATION,
            "clusters": [
                {"name": "aks-demo", "type": "managedClusters"},
                {"name": "arc-demo", "type": "connectedClusters"},
                {"name": "hybrid-demo", "type": "provisionedClusters"},
                {"name": "bridge-demo", "type": "appliances"},
            ],
        }],
    }],
}


class SeedError(Exception):
    """The seed file cannot be read or does not describe a valid world."""


def load_seed_file(path: Path) -> dict[str, Any]:
    import yaml  # only needed for seed files; YAML is a superset of JSON

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SeedError(f"cannot read seed file {path}: {exc}") from None
    if not isinstance(data, dict) or not (isinstance(data.get("subscriptions"), list) or "fleet" in data):
        raise SeedError(f"{path}: a seed file needs a top-level 'subscriptions' list or a 'fleet' section")
    return data


def apply_seed(ctx: Context, seed: dict[str, Any] | None) -> bool:
    """Load ``seed`` (or the default world) into a new database; returns False if state already existed."""
    if ctx.store.meta_get("seeded"):
        return False
    try:
        world = seed or DEFAULT_SEED
        fleet_spec = world.get("fleet")  # generated clusters, see fleet/generate.py
        with ctx.store.tx():
            for sub in (world.get("subscriptions") or []) + (fleetgen.subscriptions(fleet_spec) if fleet_spec else []):
                _subscription(ctx, sub)
            if fleet_spec:
                fleetgen.populate(ctx, fleet_spec)
            ctx.store.meta_set("seeded", True)
    except ArmError as exc:
        raise SeedError(f"seed rejected: ({exc.code}) {exc.message}") from None
    except ValueError as exc:
        raise SeedError(f"seed rejected: {exc}") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise SeedError(f"seed file is malformed near {exc!s}") from None
    lro.settle(ctx, now=float("inf"))
    agent.settle(ctx, now=float("inf"))
    return True


def _subscription(ctx: Context, sub: dict[str, Any]) -> None:
    sub_id = str(sub.get("id") or SUBSCRIPTION_ID)
    body = {"subscriptionId": sub_id, "displayName": sub.get("name") or SUBSCRIPTION_NAME,
            "tenantId": sub.get("tenant") or TENANT_ID, "state": sub.get("state") or "Enabled"}
    ctx.store.put(Resource(f"/subscriptions/{sub_id}", "subscription", "/subscriptions", f"/subscriptions/{sub_id}",
                           body))
    states = {k.lower(): v for k, v in (sub.get("providers") or {}).items()}
    for namespace in PROVIDER_TYPES:
        ctx.store.set_provider(sub_id, namespace, states.pop(namespace.lower(), "Registered"))
    if states:
        raise SeedError(f"unknown provider namespace(s) in seed: {', '.join(sorted(states))}")
    for rg in sub.get("resourceGroups") or []:
        rg_path = f"/subscriptions/{sub_id}/resourceGroups/{rg['name']}"
        ctx.store.put(Resource(rg_path, "resourceGroup", f"/subscriptions/{sub_id}/resourcegroups", rg_path,
                               {"location": rg.get("location") or LOCATION, "tags": rg.get("tags") or {}}))
        for cluster in rg.get("clusters") or []:
            _cluster(ctx, rg_path, cluster)


def _cluster(ctx: Context, rg_path: str, spec: dict[str, Any]) -> None:
    kind = CLUSTER_KINDS.get(str(spec.get("type", "")).lower())
    if kind is None:
        allowed = ", ".join(t for _, t in CLUSTER_KINDS.values())
        raise SeedError(f"cluster {spec.get('name')!r}: type must be one of {allowed}")
    cluster_path = f"{rg_path}/providers/{kind[0]}/{kind[1]}/{spec['name']}"
    addr = parse(cluster_path)
    body = {"location": spec.get("location"), "properties": spec.get("properties") or {}, "tags": spec.get("tags")}
    cluster = clusters.make_cluster(addr, body, None, ctx.now())
    ctx.store.put(cluster)
    base = f"{cluster_path}/providers/{CONFIG_NS}"
    for item in spec.get("sourceControlConfigurations") or []:
        a = parse(f"{base}/sourceControlConfigurations/{item['name']}")
        ctx.store.put(scc.build(a, {"properties": item.get("properties") or {}}, None, ctx.now()))
    for item in spec.get("extensions") or []:
        a = parse(f"{base}/extensions/{item['name']}")
        body = {k: v for k, v in item.items() if k != "name"}
        res = extensions.build(ctx, a, body, None, ctx.now())
        extensions.start_install(ctx, None, res, "create")
    for item in spec.get("fluxConfigurations") or []:
        a = parse(f"{base}/fluxConfigurations/{item['name']}")
        fluxconfigs.apply_put(ctx, None, a, None, {k: v for k, v in item.items() if k != "name"})
