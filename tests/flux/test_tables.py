"""-o table: the configuration row shows what the source follows; the kustomization row has its timeout;
kustomization create|update print the configuration's row with its kustomizations."""

import pytest

from azext_k8s_flux.commands import _table

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")


def _configuration(kind, key, source):
    return {"name": "cfg", "properties": {"sourceKind": kind, key: source, "namespace": "ns", "scope": "cluster"}}


@pytest.mark.parametrize("kind,key,ref,expected", [
    ("GitRepository", "gitRepository", {"branch": "main", "tag": None, "semver": None, "commit": None},
     "branch=main"),
    ("GitRepository", "gitRepository", {"tag": "v1.2.0"}, "tag=v1.2.0"),
    ("GitRepository", "gitRepository", {"semver": ">=1.0.0 <2.0.0"}, "semver=>=1.0.0 <2.0.0"),
    ("GitRepository", "gitRepository", {"branch": "main", "commit": "1a2b3c4"}, "branch=main commit=1a2b3c4"),
    ("OCIRepository", "ociRepository", {"tag": "latest", "semver": None, "digest": None}, "tag=latest"),
    ("OCIRepository", "ociRepository", {"digest": "sha256:0f1e"}, "digest=sha256:0f1e"),
    ("Bucket", "bucket", None, ""),
])  # fmt: skip
def test_configuration_row_shows_the_source_ref(kind, key, ref, expected):
    source = {"url": "https://example.test/repo"} | ({"repositoryRef": ref} if ref is not None else {})
    row = _table("flux_table")(_configuration(kind, key, source))
    assert row["SourceRef"] == expected and row["Url"] == "https://example.test/repo"


def test_kustomization_row_has_the_timeout():
    (row,) = _table("kustomization_list_table")([{"name": "apps", "path": "./apps", "syncIntervalInSeconds": 600,
                                                  "timeoutInSeconds": 300}])  # fmt: skip
    assert (row["SyncInterval"], row["Timeout"]) == ("10m", "5m")


def test_kustomization_create_and_update_tables(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-configuration flux create {cluster.args} -n cfg -u https://github.com/org/repo --tag v1.0.0 "
        "-k name=infra path=./infrastructure -o none")  # fmt: skip
    base = f"k8s-configuration flux kustomization {{}} {cluster.args} -n cfg"
    for command in ("create -k apps --path ./apps --timeout 5m", "update -k apps --prune true"):
        header, _, row = cli(base.format(command) + " -o table").stdout.splitlines()
        assert header.split()[-4:] == ["SourceRef", "ComplianceState", "ProvisioningState", "Kustomizations"]
        assert row.split()[0] == "cfg" and "tag=v1.0.0" in row and row.endswith("infra, apps")
    header, _, *rows = cli(base.format("list") + " -o table").stdout.splitlines()
    column = header.index("Timeout")  # columns are aligned; the empty DependsOn of infra has no word
    timeouts = {row.split()[0]: row[column:].split()[0] for row in rows}
    assert timeouts == {"infra": "10m", "apps": "5m"}  # infra: the service's default
