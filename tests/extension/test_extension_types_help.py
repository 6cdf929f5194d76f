"""Every example in the help of `az k8s-extension extension-types ...` runs against the emulator ($RG and
$CLUSTER replaced by a fresh cluster of the example's kind) and prints what its description promises."""

import pytest

from tests.flux.examples import az_invocation, examples, shell_lines

pytest.importorskip("arm_emulator.testing")

GROUP = "k8s-extension extension-types"


def _rows(result):
    return result.stdout.splitlines()[2:]


# example name -> what its output must show
EXPECTED = {
    "The extension types an Azure Arc-enabled cluster can install, as a table":
        lambda r: any(row.startswith("microsoft.openservicemesh") for row in _rows(r)),
    "The extension types offered in West Europe for AKS clusters":
        lambda r: any(row.startswith("microsoft.dapr") for row in _rows(r))
        and not any(row.startswith("microsoft.openservicemesh") for row in _rows(r)),
    "How Open Service Mesh installs on an Azure Arc-enabled cluster":
        lambda r: r.json["properties"]["supportedScopes"]["clusterScopeSettings"]["defaultReleaseNamespace"]
        == "arc-osm-system",
    "The Azure Machine Learning extension type in East US":
        lambda r: r.json["name"] == "microsoft.azureml.kubernetes",
    "The microsoft.flux versions an AKS cluster can install, as a table":
        lambda r: _rows(r)[0].startswith("1.24.1") and "managedClusters" in _rows(r)[0],
    "Only the newest stable Dapr version": lambda r: [v["name"] for v in r.json] == ["1.15.4"],
    "The newest microsoft.flux version in East US, for a pipeline variable": lambda r: r.stdout == "1.24.1\n",
    "The microsoft.flux versions with major version 1":
        lambda r: [row.split()[0] for row in _rows(r)][-1] == "1.6.3",
    "Check that microsoft.flux 1.23.0 can be installed on an Azure Arc-enabled cluster":
        lambda r: r.json["properties"]["version"] == "1.23.0",
    "Open Service Mesh 1.0.0 in East US": lambda r: r.json["name"] == "1.0.0",
}
EXAMPLES = [pytest.param(example, id=f"{command[len(GROUP) + 1:]}: {example['name']}")
            for command, example in examples(GROUP)]


def test_every_example_has_an_expectation():
    assert {example["name"] for _, example in examples(GROUP)} == set(EXPECTED)


@pytest.mark.parametrize("example", EXAMPLES)
def test_help_example_runs(cli, new_cluster, example):
    (line,) = shell_lines(example["text"])
    argv, _, _ = az_invocation(line)
    names = {}
    if "-t" in argv:
        cluster = new_cluster(argv[argv.index("-t") + 1])
        names = {"$RG": cluster.resource_group, "$CLUSTER": cluster.name}
    words = [names.get(word, word) for word in argv]
    if "-o" not in words:
        words += ["-o", "json"]
    assert EXPECTED[example["name"]](cli(*words)), example["text"]
