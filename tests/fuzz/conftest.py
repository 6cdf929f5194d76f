"""The fuzz cluster: microsoft.flux installed and one Flux configuration with kustomization 'infra'."""

import os

import pytest

from tests.fuzz.commands import CONFIG, KUSTOMIZATION, REPOSITORY
from tests.fuzz.inputs import write_files

# The example budget: small in `make test`; K8S_FLUX_DEEP_FUZZ=1 (or =N examples) for deeper runs.
_DEEP = os.environ.get("K8S_FLUX_DEEP_FUZZ", "")
EXAMPLES = (int(_DEEP) if _DEEP.isdigit() and int(_DEEP) > 1 else 10000) if _DEEP else 120


@pytest.fixture(scope="module")
def fuzz_cluster(arm, az_env):
    from tests.harness.runner import InProcessCli

    cluster = arm.create_cluster("tests-rg", "connectedClusters", name="fuzz-cluster")
    InProcessCli()(f"k8s-configuration flux create {cluster.args} -n {CONFIG} --namespace fz -u {REPOSITORY} "
                   f"--branch main -k name={KUSTOMIZATION} path=./infrastructure -o none")  # fmt: skip
    return cluster


@pytest.fixture(scope="module")
def fuzz_files(tmp_path_factory):
    directory = tmp_path_factory.mktemp("fuzz-files")
    (directory / "manifests").mkdir()
    (directory / "manifests" / "app.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
    return directory, write_files(directory)
