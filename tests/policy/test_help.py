"""The help of `flux policy generate`: every example runs against a fresh emulator cluster and does what it says,
and loading the command (help included) imports no SDK."""

import json
from pathlib import Path

import pytest

from tests.flux.examples import az_invocation, examples, help_entry, shell_lines
from tests.harness.imports import heavy_imports
from tests.policy.cases import KUSTOMIZATIONS, VAULT

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

COMMAND = "k8s-configuration flux policy generate"
EXAMPLES = list(examples(COMMAND))
HTTPS = "-u https://dev.azure.com/contoso/_git/fleet --branch main --https-user git --https-key-file token.txt"


def test_loading_the_command_and_its_help_imports_no_sdk():
    assert heavy_imports("azext_k8s_flux.policy.command", "azext_k8s_flux.policy._params",
                         "azext_k8s_flux.policy._help", "azext_k8s_flux.commands", "azext_k8s_flux._help") == []


def test_the_group_and_command_have_help():
    assert help_entry("k8s-configuration flux policy")["short-summary"]
    assert len(help_entry(COMMAND)["examples"]) == len(EXAMPLES) == 4


@pytest.mark.parametrize("example", [e for _, e in EXAMPLES], ids=[e["name"] for _, e in EXAMPLES])
def test_example_runs(cli, new_cluster, secret_files, example):
    (line,) = shell_lines(example["text"])
    argv = az_invocation(line)[0]
    cluster = new_cluster(argv[argv.index("-t") + 1] if "-t" in argv else "managedClusters")
    source = HTTPS if "https-key" in line else "-u https://github.com/contoso/fleet-infra --branch main"
    cli(f"k8s-configuration flux create {cluster.args} -n cluster-config --namespace cluster-config {source} "
        f"{KUSTOMIZATIONS} -o none")  # fmt: skip
    if "--file" in argv:  # the document of the configuration just made
        cli(f"k8s-configuration flux export {cluster.args} -n cluster-config --file {argv[argv.index('--file') + 1]}")
    names = {"$RG": cluster.resource_group, "$CLUSTER": cluster.name, "$VAULT_ID": VAULT}
    result = cli(*[names.get(word, word) for word in argv])
    files = {Path(f).name: json.loads(Path(f).read_text()) for f in result.json["files"]}
    parameters = set(files["cluster-config.params.json"])
    if "--parameters" in argv:
        assert parameters == {"url", "branch", "kustomizationAppsPath", "effect"}
    elif "--key-vault" in argv:
        assert {"keyVaultResourceId", "httpsKeySecretName"} <= parameters
    else:
        assert parameters == {"url", "branch", "namespace", "effect"}
    if "--extension-settings" in argv:
        settings = files["flux-extension.rules.json"]["then"]["details"]["existenceCondition"]["allOf"][-1]
        assert settings["equals"] == "false" and "multiTenancy.enforce" in settings["value"]
    assert all(command.startswith("az policy ") for command in result.json["commands"])
