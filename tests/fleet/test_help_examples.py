"""Every example in the help of the fleet commands runs against the emulator's Resource Graph, over the small fleet of
conftest.py, and does what its description says. $RG, $RG1 and $RG2 are the fleet's resource group (and an empty
one), $SUB1 and $SUB2 the emulator's subscription, $MG a management group (the emulator has none: ARG's refusal)."""

import json
import uuid

import pytest
import yaml

from azext_k8s_flux._help import helps
from tests.flux.examples import az_invocation, shell_lines

COMMANDS = ("k8s-configuration flux status", "k8s-configuration flux wait-rollout", "k8s-extension status")


def _examples():
    for command in COMMANDS:
        for example in yaml.safe_load(helps[command])["examples"]:
            yield pytest.param(command, example, id=f"{command}: {example['name']}")


def _total(result, fleet, total):
    assert result.json["total"] == total


EXPECTED = {
    "Every Flux configuration of the current subscription, with counts by compliance state and commit.":
        (0, lambda result, fleet: "configurations:" in result.stderr),
    "The configurations named cluster-config that are not compliant, in two subscriptions.":
        (0, lambda result, fleet: "0 configurations." in result.stderr or "configurations:" in result.stderr),
    "Which configurations are not yet synced to a commit.":
        (0, lambda result, fleet: "5 configurations:" in result.stderr),
    "Clusters of a management group without the configuration cluster-config.":
        (1, lambda result, fleet: "ManagementGroupNotFound" in result.stderr),
    "In a pipeline, fail when anything is not compliant (ARM re-reads the flagged rows).":
        (4, lambda result, fleet: "not compliant" in result.stderr),
    "Wait up to 30 minutes for commit main/4f1bdad0 to reach every cluster-config of the subscription.":
        (3, lambda result, fleet: "No Flux configuration to watch" in result.stderr),
    "Wait until 90% of the configurations in two resource groups are at a commit.":
        (5, lambda result, fleet: "Timed out" in result.stderr),
    "microsoft.flux versions across the current subscription.":
        (0, lambda result, fleet: "1.20.4" in result.stdout),
    "Only the clusters of a management group whose microsoft.flux version is outside the supported window.":
        (1, lambda result, fleet: "ManagementGroupNotFound" in result.stderr),
    "Failed installs of another extension type.":
        (0, lambda result, fleet: json.loads(result.stdout) == []),
}


def test_every_example_has_an_expectation():
    assert {p.values[1]["name"] for p in _examples()} == set(EXPECTED)


@pytest.mark.parametrize("command, example", _examples())
def test_help_example_runs(cli, arm, fleet, command, example, monkeypatch):
    empty = f"empty-{uuid.uuid4().hex[:8]}"
    arm.ensure_resource_group(empty)
    values = {"$RG": fleet["group"], "$RG1": fleet["group"], "$RG2": empty, "$SUB1": arm.subscription,
              "$SUB2": arm.subscription, "$MG": "platform"}
    code, check = EXPECTED[example["name"]]
    [line] = shell_lines(example["text"])
    argv, _, _ = az_invocation(line)
    argv = [values.get(word, word) for word in argv]
    if "wait-rollout" in argv:
        argv += ["--interval", "1"] + (["--timeout", "2"] if "--percentage" in argv else [])
    result = cli(*argv, expect=code)
    assert check(result, fleet), (result.stdout[-2000:], result.stderr[-2000:])
