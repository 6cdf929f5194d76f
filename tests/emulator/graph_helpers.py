"""Helpers for the Resource Graph and fleet tests: a small known world, an in-process context, ARG calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from arm_emulator.testing import SUBSCRIPTION_ID

GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources"
GRAPH_API = "2022-10-01"
SECOND_SUBSCRIPTION = "00000000-0000-4000-8000-0000000000b2"
REPO = "https://github.com/contoso/platform-config"


def _flux(namespace: str, path: str, url: str = REPO) -> dict[str, Any]:
    return {"namespace": namespace, "sourceKind": "GitRepository",
            "gitRepository": {"url": url, "repositoryRef": {"branch": "main"}},
            "kustomizations": {"base": {"path": path}}}


# Three clusters in rg-east, one in another subscription:
# - arc-monitored: Azure Monitor + flux 1.15.1, configuration 'infra' failing ('./fail' makes the agent fail it)
# - arc-plain: no Azure Monitor, no configuration; a microsoft.flux install that failed (unknown version)
# - aks-east: configuration 'infra' (installs microsoft.flux itself), compliant
# - arc-other (second subscription): flux 1.14.2, configuration 'apps', compliant
WORLD: dict[str, Any] = {"subscriptions": [
    {"id": SUBSCRIPTION_ID, "resourceGroups": [{"name": "rg-East", "location": "EastUS", "clusters": [
        {"name": "arc-monitored", "type": "connectedClusters", "tags": {"team": "platform"},
         "extensions": [
             {"name": "azuremonitor-containers", "properties": {"extensionType": "microsoft.azuremonitor.containers",
                                                                "configurationSettings": {"logAnalytics.ID": "x"}}},
             {"name": "flux", "properties": {"extensionType": "microsoft.flux", "version": "1.15.1",
                                             "autoUpgradeMinorVersion": False}}],
         "fluxConfigurations": [{"name": "infra", "properties": _flux("infra", "./fail")}]},
        {"name": "arc-plain", "type": "connectedClusters",
         "extensions": [{"name": "flux", "properties": {"extensionType": "microsoft.flux", "version": "0.0.1",
                                                        "autoUpgradeMinorVersion": False}}]},
        {"name": "aks-east", "type": "managedClusters",
         "fluxConfigurations": [{"name": "infra", "properties": _flux("infra", "./clusters/east")}]},
    ]}]},
    {"id": SECOND_SUBSCRIPTION, "resourceGroups": [{"name": "rg-other", "clusters": [
        {"name": "arc-other", "type": "connectedClusters",
         "extensions": [{"name": "flux", "properties": {"extensionType": "microsoft.flux", "version": "1.14.2",
                                                        "autoUpgradeMinorVersion": False}}],
         "fluxConfigurations": [{"name": "apps", "properties": _flux("apps", "./apps")}]}]}]},
]}


def write_seed(directory: Path, data: dict[str, Any], name: str = "seed.yaml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def in_process(tmp_path: Path, seed: dict[str, Any], clock=None, agent_delay: float = 0.0):
    """A seeded Context without a server, for tests that control the clock."""
    from arm_emulator import seed as seeding
    from arm_emulator.core.context import Context, Settings
    from arm_emulator.core.faults import FaultBook
    from arm_emulator.httpapi.requestlog import RequestLog
    from arm_emulator.store import Store

    ctx = Context(store=Store(tmp_path / "state.db"), settings=Settings(agent_delay=agent_delay), faults=FaultBook(),
                  log=RequestLog())
    if clock is not None:
        ctx.clock = clock
    seeding.apply_seed(ctx, seed)
    return ctx


def query_rows(service, ctx, query: str, subscriptions: list[str] | None = None, **options: Any) -> list[dict]:
    """Every row of ``query``, following $skipToken."""
    rows: list[dict] = []
    body: dict[str, Any] = {"query": query, "subscriptions": subscriptions or [], "options": dict(options)}
    while True:
        answer, _ = service.query(ctx, body)
        rows.extend(answer["data"])
        if not answer.get("$skipToken"):
            return rows
        body["options"]["$skipToken"] = answer["$skipToken"]
