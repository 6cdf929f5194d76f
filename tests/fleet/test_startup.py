"""The fleet's modules import no SDK, azure-core or YAML at load time (help and the command table load them), and
`-h` of the fleet commands shows the Resource Graph caveat."""

import pytest

from tests.harness.imports import heavy_imports

MODULES = ("status", "rollout", "audit", "graph", "kql", "rows", "commits", "scope", "common", "verify", "tables")


def test_fleet_modules_import_nothing_heavy():
    modules = [f"azext_k8s_flux.fleet.{name}" for name in MODULES]
    assert heavy_imports(*modules, "azext_k8s_flux._params_fleet", "azext_k8s_flux._help_fleet") == []


@pytest.mark.parametrize("command, reread", [
    ("k8s-configuration flux status", "--verify-with-arm re-reads the rows that decide the outcome through ARM"),
    ("k8s-configuration flux wait-rollout", "--verify-with-arm re-reads the rows that decide the outcome"),
    ("k8s-extension status", "az k8s-extension show reads one cluster's extension through ARM"),
])
def test_help_says_resource_graph_can_lag_arm(cli, capsys, command, reread):
    capsys.readouterr()
    cli(f"{command} -h")
    text = " ".join(capsys.readouterr().out.split())  # knack prints help to the process's stdout, wrapped
    assert "Resource Graph is eventually consistent with Azure Resource Manager" in text
    assert reread in text
