"""The YAML round trip with the real `az`: a configuration made with options, exported as a document, deleted, and
created again from the document as it was exported (its secret reference filled) is the same configuration; the
same document applied again writes nothing but its secret, and says so."""

import pytest
import yaml

from tests.document.test_export_roundtrip import READ_ONLY

HTTPS_KEY = "ghp_yamlRoundTripToken7319"
CA_CERT = "-----BEGIN CERTIFICATE-----\nMIIBroundTripCA\n-----END CERTIFICATE-----\n"
REPO = "https://dev.azure.com/contoso/_git/fleet-yaml"
FLUX = "k8s-configuration flux"


def _requests(emulator, cluster, after):
    """(method, last path segment) of the ARM requests on the cluster after `after` (operation polls left out)."""
    return [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in emulator.requests(kind="arm")
            if e["seq"] > after and f"/{cluster.name}/" in e["path"] and "/operations" not in e["path"]]


def _last_seq(emulator):
    return max((e["seq"] for e in emulator.requests()), default=0)


def _writable(shown):
    return {k: v for k, v in shown.items() if k not in READ_ONLY}


@pytest.mark.parametrize("cluster_type", ["connectedClusters"])
def test_export_yaml_delete_and_create_from_the_document_gives_the_same_configuration(az, emulator, new_cluster,
                                                                                     tmp_path, cluster_type):
    cluster = new_cluster(cluster_type)
    (tmp_path / "git-token.txt").write_text(HTTPS_KEY + "\n")
    (tmp_path / "ca.pem").write_text(CA_CERT)
    az(f"{FLUX} create {cluster.args} -n fleet --namespace fleet-system --scope cluster -u {REPO} --branch release "
       f"--https-user deploy-bot --https-key-file {tmp_path / 'git-token.txt'} --https-ca-cert-file "
       f"{tmp_path / 'ca.pem'} --interval 5m --timeout 8m "
       "-k name=infra path=./infrastructure prune=true wait=false "
       "-k name=apps path=./apps/production depends_on=infra retry_interval=2m timeout=4m -o none")
    before = az(f"{FLUX} show {cluster.args} -n fleet -o json").json
    document = tmp_path / "doc.yaml"
    az(f"{FLUX} export {cluster.args} -n fleet --format yaml --file {document}")
    exported = yaml.safe_load(document.read_text())
    assert exported["configurationProtectedSettings"] == {"httpsKey": {"env": "FLUX_HTTPS_KEY"}}
    assert exported["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    az(f"{FLUX} delete {cluster.args} -n fleet --yes")
    az(f"{FLUX} show {cluster.args} -n fleet", expect=3)

    env = {"FLUX_HTTPS_KEY": HTTPS_KEY}  # the variable the export names
    created = az(f"{FLUX} create {cluster.args} --file {document}", env=env)
    after = az(f"{FLUX} show {cluster.args} -n fleet -o json").json
    assert _writable(after) == _writable(before)
    assert _writable(created.json) == _writable(before)

    start = _last_seq(emulator)
    again = az(f"{FLUX} create {cluster.args} --file {document}", env=env)
    assert "already has these settings" in again.stderr and "secrets the document references were sent again" \
        in again.stderr
    assert [r for r in _requests(emulator, cluster, start) if r[0] != "GET"] == [("PATCH", "fleet")]
    assert _writable(az(f"{FLUX} show {cluster.args} -n fleet -o json").json) == _writable(before)
    for result in (created, again):
        assert HTTPS_KEY not in result.stdout + result.stderr
    assert HTTPS_KEY not in document.read_text()
