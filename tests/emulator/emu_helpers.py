"""Helpers shared by the emulator tests: paths, a raw ARM client, a static SDK credential, sample bodies.

A uniquely named module (not conftest) so that other conftest.py files in the tree cannot shadow it.
"""

from __future__ import annotations

import time
from typing import Any

import requests

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, RunningEmulator

CONFIG = "Microsoft.KubernetesConfiguration"
ARC = ("Microsoft.Kubernetes", "connectedClusters", "arc-demo")
AKS = ("Microsoft.ContainerService", "managedClusters", "aks-demo")
FLUX_API = "2025-04-01"
EXT_API = "2025-03-01"
SCC_API = "2023-05-01"


def cluster_path(cluster: tuple[str, str, str] = ARC, rg: str = RESOURCE_GROUP) -> str:
    rp, kind, name = cluster
    return f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{rg}/providers/{rp}/{kind}/{name}"


def item_path(type_name: str, name: str, cluster: tuple[str, str, str] = ARC) -> str:
    return f"{cluster_path(cluster)}/providers/{CONFIG}/{type_name}/{name}"


class Arm:
    """Raw HTTPS calls with a bearer token, for asserting exact status codes and bodies."""

    def __init__(self, emu: RunningEmulator):
        self.emu = emu
        self.session = requests.Session()
        self.session.trust_env = False  # a REQUESTS_CA_BUNDLE in the environment would override verify
        self.session.verify = emu.ca_bundle
        self.session.headers["Authorization"] = "Bearer test-token"

    def call(self, method: str, path: str, api: str | None = None, body: Any = None, raw: bytes | None = None,
             **params: Any) -> requests.Response:
        query = dict(params)
        if api is not None:
            query["api-version"] = api
        return self.session.request(method, self.emu.url + path, params=query, json=body, data=raw, timeout=30)

    def get(self, path: str, api: str | None = None, **params: Any) -> requests.Response:
        return self.call("GET", path, api, **params)

    def put(self, path: str, api: str, body: Any) -> requests.Response:
        return self.call("PUT", path, api, body)

    def patch(self, path: str, api: str, body: Any) -> requests.Response:
        return self.call("PATCH", path, api, body)

    def delete(self, path: str, api: str, **params: Any) -> requests.Response:
        return self.call("DELETE", path, api, **params)

    def wait(self, path: str, api: str, predicate, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            body = self.get(path, api).json()
            if predicate(body) or time.monotonic() > deadline:
                return body
            time.sleep(0.05)


class StaticToken:
    """Credential for SDK clients: the emulator only checks that a bearer token is present."""

    def get_token(self, *scopes: str, **kwargs: Any):
        from azure.core.credentials import AccessToken

        return AccessToken("test-token", int(time.time()) + 3600)


def git_flux(url: str = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt", **kustomizations: dict) -> dict:
    return {"properties": {
        "scope": "cluster", "namespace": "cluster-config", "sourceKind": "GitRepository",
        "gitRepository": {"url": url, "repositoryRef": {"branch": "main"}},
        "kustomizations": kustomizations or {"infra": {"path": "./infrastructure"}},
    }}


def sdk_kwargs(emu: RunningEmulator) -> dict[str, Any]:
    return {"base_url": emu.url, "connection_verify": emu.ca_bundle, "retry_backoff_factor": 0.05,
            "polling_interval": 0.05}
