"""The order of a migration's steps, with fake clients (deterministic, no emulator)."""

from types import SimpleNamespace

import pytest
from azure.cli.core.azclierror import AzureInternalError
from azure.core.exceptions import HttpResponseError

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.migrate import steps as migration_steps
from azext_k8s_flux.migrate.plan import entry_for
from azext_k8s_flux.migrate.state import new_state

CLUSTER = cluster_ref("rg", "c1", "connectedClusters")


def _entry(name, url="https://github.com/contoso/gitops"):
    return entry_for({"name": name, "properties": {"repositoryUrl": url, "operatorParams": "--git-readonly"}})


class FakeFlux:
    def __init__(self, log, failing=()):
        self.log, self.failing = log, failing

    def begin_create_or_update(self, *args, **kwargs):
        name = args[4]
        self.log.append(("put", name, kwargs.get("logging_enable", True)))
        if name in self.failing:
            raise HttpResponseError(message="boom", response=SimpleNamespace(status_code=501, reason="x", headers={}))
        return SimpleNamespace(result=lambda: self.log.append(("wait", name)) or SimpleNamespace(properties=None))


def test_every_put_is_sent_before_waiting_on_any(tmp_path):
    log = []
    state = new_state("/id", [_entry("a"), _entry("b"), _entry("c", "ssh://git@github.com/o/r")], {})
    state["created"] = ["a"]
    migration_steps.create_v2(FakeFlux(log), CLUSTER, state, str(tmp_path / "s.json"),
                              {"c": {"sshPrivateKey": "-----BEGIN OPENSSH PRIVATE KEY-----\nx"}})
    assert log == [("put", "b", True), ("put", "c", False), ("wait", "b"), ("wait", "c")]
    assert state["created"] == ["a", "b", "c"] and state["lastCreationAt"] is not None


def test_a_refused_put_does_not_stop_the_others(tmp_path):
    log = []
    state = new_state("/id", [_entry("a"), _entry("b")], {})
    with pytest.raises(AzureInternalError):
        migration_steps.create_v2(FakeFlux(log, failing={"a"}), CLUSTER, state, str(tmp_path / "s.json"), {})
    assert log == [("put", "a", True), ("put", "b", True), ("wait", "b")]
    assert state["created"] == ["b"]
