"""`flux export` end to end with the real `az`: a configuration exported as an ARM template, deleted and deployed
again with `az deployment group create` comes back the same; its YAML document holds its writable part. No
secret in any output, template, deployment record or --debug trace."""

import json
import sqlite3

import pytest
import yaml

from tests.harness.fixtures import TEST_RESOURCE_GROUP

HTTPS_KEY = "ghp_exportRoundTripToken4242"
REPO = "https://github.com/contoso/gitops-fleet"
PARAMETERS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"
# Read-only in the API (arm-contract 3.1): the service fills them; a redeployed configuration has new ones.
READ_ONLY = {"id", "name", "type", "resourceGroup", "systemData", "provisioningState", "complianceState", "statuses",
             "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt", "errorMessage", "repositoryPublicKey"}


@pytest.fixture
def configured(az, new_cluster, tmp_path):
    """A cluster with configuration 'fleet': HTTPS auth (key from a file), two kustomizations, one depending on the
    other, non-default intervals."""
    cluster = new_cluster("connectedClusters")
    key_file = tmp_path / "git-token.txt"
    key_file.write_text(HTTPS_KEY + "\n")
    az(f"k8s-configuration flux create {cluster.args} -n fleet --namespace fleet-system -u {REPO} --branch release "
       f"--https-user deploy-bot --https-key-file {key_file} --interval 5m "
       "-k name=infra path=./infrastructure prune=true "
       "-k name=apps path=./apps/production depends_on=infra retry_interval=2m -o none")
    return cluster


def _show(az, cluster):
    return az(f"k8s-configuration flux show {cluster.args} -n fleet -o json").json


def _arm_requests(emulator, cluster, after):
    return [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in emulator.requests(kind="arm")
            if e["seq"] > after and f"/{cluster.name}/" in e["path"] and "/operations" not in e["path"]]


def _last_seq(emulator):
    return max((e["seq"] for e in emulator.requests()), default=0)


def _stored_secret_keys(emulator, resource_id):
    """The protected-setting keys the emulator's service received for a configuration (it keeps no values)."""
    with sqlite3.connect(emulator.state_dir / "state.db") as db:
        (body,) = db.execute("SELECT body FROM resources WHERE key = ?", (resource_id.lower(),)).fetchone()
    return json.loads(body)["_secretKeys"]


def test_arm_export_deletes_and_deploys_back_to_the_same_configuration(az, emulator, configured, tmp_path):
    cluster = configured
    before = _show(az, cluster)
    template_file = tmp_path / "fleet.json"
    start = _last_seq(emulator)

    exported = az(f"k8s-configuration flux export {cluster.args} -n fleet --format arm --file {template_file} --debug")
    assert exported.stdout == ""
    assert _arm_requests(emulator, cluster, start) == [("GET", "fleet"), ("GET", "extensions")]
    template = json.loads(template_file.read_text())
    assert template["parameters"]["httpsKey"]["type"] == "securestring"

    az(f"k8s-configuration flux delete {cluster.args} -n fleet --yes")
    az(f"k8s-configuration flux show {cluster.args} -n fleet", expect=3)
    # The secret in a parameters file, and no --debug: az deployment's own --debug trace echoes its command line and
    # logs the request body, parameter values included (az's behaviour, not this extension's).
    secrets = tmp_path / "fleet.parameters.json"
    secrets.write_text(json.dumps({"$schema": PARAMETERS_SCHEMA, "contentVersion": "1.0.0.0",
                                   "parameters": {"httpsKey": {"value": HTTPS_KEY}}}))
    deployed = az(f"deployment group create -g {TEST_RESOURCE_GROUP} -n fleet-{cluster.name} --template-file "
                  f"{template_file} --parameters clusterName={cluster.name} clusterType=connectedClusters "
                  f"--parameters @{secrets} -o json")
    assert json.loads(deployed.stdout)["properties"]["provisioningState"] == "Succeeded"

    shown_after = az(f"k8s-configuration flux show {cluster.args} -n fleet -o json --debug")
    after = shown_after.json
    assert {k: v for k, v in after.items() if k not in READ_ONLY} == \
           {k: v for k, v in before.items() if k not in READ_ONLY}
    assert _stored_secret_keys(emulator, after["id"]) == ["httpsKey"]

    record = az(f"deployment group show -g {TEST_RESOURCE_GROUP} -n fleet-{cluster.name} -o json").stdout
    operations = az(f"deployment operation group list -g {TEST_RESOURCE_GROUP} -n fleet-{cluster.name} -o json")
    for text in (exported.output, template_file.read_text(), deployed.stderr, deployed.stdout, record,
                 operations.stdout):
        assert HTTPS_KEY not in text


def test_a_template_parameter_left_out_or_empty_is_refused_by_arm_and_given_it_deploys(az, configured, tmp_path):
    template_file = tmp_path / "fleet.json"
    az(f"k8s-configuration flux export {configured.args} -n fleet --format arm --file {template_file}")
    deploy = (f"deployment group create -g {TEST_RESOURCE_GROUP} --template-file {template_file} "
              f"--parameters clusterName={configured.name} clusterType=connectedClusters")

    missing = az(f"{deploy} --no-prompt true", expect=1)
    assert "The value for the template parameter 'httpsKey'" in missing.stderr and "is not provided" in missing.stderr
    empty = az(f"{deploy} httpsKey=", expect=1)
    assert "for the template parameter 'httpsKey'" in empty.stderr
    assert "Length of the value should be greater than or equal to '1'" in empty.stderr
    assert "Traceback" not in missing.stderr + empty.stderr
    given = az(f"{deploy} httpsKey={HTTPS_KEY} -o json")
    assert given.json["properties"]["provisioningState"] == "Succeeded"
    assert given.json["properties"]["parameters"]["httpsKey"] == {"type": "SecureString"}
    assert HTTPS_KEY not in given.stdout


def _leaves(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    else:
        yield path, node


def _at(node, path):
    for key in path:
        node = node[key]
    return node


def test_yaml_export_is_the_writable_part_of_flux_show(az, emulator, configured):
    shown = _show(az, configured)
    start = _last_seq(emulator)
    exported = az(f"k8s-configuration flux export {configured.args} -n fleet")
    assert _arm_requests(emulator, configured, start) == [("GET", "fleet")]
    assert exported.stderr == ""
    document = yaml.safe_load(exported.stdout)

    protected = document.pop("configurationProtectedSettings")
    assert protected == {"httpsKey": {"env": "FLUX_HTTPS_KEY"}}
    assert "# secret, not exported: set FLUX_HTTPS_KEY" in exported.stdout
    assert document.pop("name") == "fleet"
    assert list(document) == ["scope", "namespace", "sourceKind", "suspend", "gitRepository", "kustomizations"]
    for path, value in _leaves(document):
        assert _at(shown, path) == value, path  # every value is flux show's, under flux show's keys
    # What was chosen is there; what the service filled in with its defaults is not.
    assert document["gitRepository"] == {"url": REPO, "repositoryRef": {"branch": "release"}, "httpsUser": "deploy-bot",
                                         "syncIntervalInSeconds": 300}
    assert document["kustomizations"] == {
        "infra": {"path": "./infrastructure", "prune": True},
        "apps": {"path": "./apps/production", "dependsOn": ["infra"], "retryIntervalInSeconds": 120}}
    assert HTTPS_KEY not in exported.output


def test_export_of_a_missing_configuration_is_not_found(az, emulator, new_cluster):
    cluster = new_cluster("managedClusters")
    start = _last_seq(emulator)
    missing = az(f"k8s-configuration flux export {cluster.args} -n nowhere --format arm", expect=3)
    assert "Flux configuration 'nowhere' on managedClusters" in missing.stderr and "was not found" in missing.stderr
    assert missing.stdout == ""
    assert _arm_requests(emulator, cluster, start) == [("GET", "nowhere")]
