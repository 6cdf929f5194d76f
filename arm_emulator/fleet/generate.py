"""The seed file's ``fleet:`` section: N clusters spread over subscriptions, resource groups and cluster
types, each with microsoft.flux at a weighted-random version and the listed fluxConfigurations.

Deterministic for a given ``seed`` number. Everything is created through the same provider functions as a
PUT; seeding then completes the operations and lets the agent reconcile, as for hand-written seeds.
"""

from __future__ import annotations

import random
from typing import Any

from ..core import lro
from ..core.addressing import CLUSTER_KINDS, CONFIG_NS, parse
from ..core.context import LOCATION, SUBSCRIPTION_ID
from ..providers import clusters, extensions, fluxconfigs
from . import repos

DEFAULTS: dict[str, Any] = {
    "seed": 1, "clusters": 10, "subscriptions": 1, "resourceGroups": 2,
    "clusterTypes": {"connectedClusters": 3, "managedClusters": 1},
    "fluxVersions": {"1.24.1": 5, "1.23.0": 3, "1.22.2": 2, "1.20.4": 1, "1.15.1": 1},
    "failedExtensions": 0, "location": LOCATION,
    "configurations": [{"name": "cluster-config", "url": "https://github.com/contoso/fleet-infra", "branch": "main",
                        "kustomizations": {"infra": {"path": "./infrastructure"},
                                           "apps": {"path": "./apps", "dependsOn": ["infra"]}}}],
}
_PREFIX = {"connectedClusters": "arc", "managedClusters": "aks", "provisionedClusters": "hybrid",
           "appliances": "bridge"}
INSTALL_FAILED = {"code": "ExtensionOperationFailed",
                  "message": "Helm installation failed: timed out waiting for the condition (simulated failure)"}


def settings(spec: dict[str, Any]) -> dict[str, Any]:
    unknown = set(spec) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown fleet field(s): {', '.join(sorted(unknown))}; known: {', '.join(DEFAULTS)}")
    return {**DEFAULTS, **spec}


def subscription_ids(spec: dict[str, Any]) -> list[str]:
    subs = settings(spec)["subscriptions"]
    if isinstance(subs, list):
        return [str(s) for s in subs]
    return [SUBSCRIPTION_ID] + [f"00000000-0000-4000-8000-{0xF000 + i:012x}" for i in range(1, int(subs))]


def subscriptions(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The fleet's subscriptions and resource groups, in the seed file's format (no clusters yet)."""
    conf = settings(spec)
    groups = [{"name": f"fleet-rg-{g + 1:02d}", "location": conf["location"]} for g in range(conf["resourceGroups"])]
    return [{"id": sub, "resourceGroups": groups} for sub in subscription_ids(spec)]


def populate(ctx, spec: dict[str, Any]) -> None:
    """Create the clusters, their flux extension and configurations (inside the seeding transaction)."""
    conf = settings(spec)
    rng = random.Random(conf["seed"])
    types = _weighted(conf["clusterTypes"])
    versions = _weighted(conf["fluxVersions"])
    subs = subscription_ids(spec)
    failed = set(rng.sample(range(conf["clusters"]), min(int(conf["failedExtensions"]), conf["clusters"])))
    configs = [_config_spec(c) for c in conf["configurations"]]
    for repo in {(c["url"], c["branch"]) for c in configs}:
        repos.set_head(ctx, *repo, f"{rng.getrandbits(160):040x}")
    failing = {c["name"]: set(rng.sample(range(conf["clusters"]), min(c["nonCompliant"], conf["clusters"])))
               for c in configs}
    ctx.store.meta_set("fleet", {"clusters": conf["clusters"], "seed": conf["seed"]})
    for i in range(conf["clusters"]):
        cluster_type = rng.choices(*types)[0]
        sub, group = subs[i % len(subs)], f"fleet-rg-{i // len(subs) % conf['resourceGroups'] + 1:02d}"
        namespace, canonical = CLUSTER_KINDS[cluster_type.lower()]
        path = (f"/subscriptions/{sub}/resourceGroups/{group}/providers/{namespace}/{canonical}/"
                f"{_PREFIX[canonical]}-{i + 1:04d}")
        ctx.store.put(clusters.make_cluster(parse(path), {"location": conf["location"]}, None, ctx.now()))
        _flux_extension(ctx, path, rng.choices(*versions)[0], failed=i in failed)
        if i in failed:
            continue  # configurations need a working microsoft.flux
        for config in configs:
            _configuration(ctx, path, config, i in failing[config["name"]])


def _flux_extension(ctx, cluster_path: str, version: str, failed: bool) -> None:
    addr = parse(f"{cluster_path}/providers/{CONFIG_NS}/extensions/flux")
    body = {"properties": {"extensionType": "microsoft.flux", "version": version, "autoUpgradeMinorVersion": False}}
    res = extensions.build(ctx, addr, body, None, ctx.now())
    ctx.store.put(res)
    lro.start(ctx, None, res, "create", error=INSTALL_FAILED if failed else None)


def _configuration(ctx, cluster_path: str, config: dict[str, Any], failing: bool) -> None:
    for name in config["names"]:
        addr = parse(f"{cluster_path}/providers/{CONFIG_NS}/fluxConfigurations/{name}")
        body = {"properties": {"scope": "cluster", "namespace": name, "sourceKind": "GitRepository",
                               "gitRepository": {"url": config["url"], "repositoryRef": {"branch": config["branch"]}},
                               "kustomizations": config["kustomizations"]}}
        res, _ = fluxconfigs.apply_put(ctx, None, addr, None, body)
        if failing:
            repos.set_failure(ctx, res.key, "kustomize build failed: resource mapping not found (simulated failure)")


def _config_spec(item: dict[str, Any]) -> dict[str, Any]:
    """One `configurations` entry; `count: N` makes N of them, named <name>-01 ... <name>-NN."""
    count = int(item.get("count", 1))
    names = [item["name"]] if count == 1 else [f"{item['name']}-{n + 1:02d}" for n in range(count)]
    return {"names": names, "name": item["name"], "url": item["url"], "branch": item.get("branch", "main"),
            "kustomizations": item.get("kustomizations") or {"root": {"path": "./"}},
            "nonCompliant": int(item.get("nonCompliant", 0))}


def _weighted(weights: dict[str, float] | list[str]) -> tuple[list[str], list[float]]:
    if isinstance(weights, list):
        return list(weights), [1.0] * len(weights)
    return list(weights), [float(w) for w in weights.values()]
