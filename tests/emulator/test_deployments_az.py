"""End to end with the real `az deployment group ...` commands and the product's own `flux show`."""

from __future__ import annotations

import json

import pytest
from deployment_helpers import FLUX, flux_configuration, flux_extension, template

from tests.harness.arm import ArmClient
from tests.harness.fixtures import TEST_RESOURCE_GROUP

SECRET = "ghp-az-deployment-secret-77"

pytestmark = pytest.mark.az_login


@pytest.fixture
def cluster(emulator):
    arm = ArmClient(emulator.url, emulator.ca_bundle)
    arm.ensure_resource_group(TEST_RESOURCE_GROUP)
    return arm.create_cluster(TEST_RESOURCE_GROUP, "connectedClusters")


def test_az_deploys_flux_and_a_configuration_that_flux_show_then_sees(az, emulator, cluster, tmp_path):
    tmpl = template(
        [flux_configuration(configurationProtectedSettings={"httpsKey": "[parameters('httpsKey')]"},
                            gitRepository={"url": "https://github.com/contoso/fleet-config", "httpsUser": "git",
                                           "repositoryRef": {"branch": "main"}}),
         flux_extension(**{"multiTenancy.enforce": "false"})],
        parameters={"httpsKey": {"type": "securestring"}})
    path = tmp_path / "flux.json"
    path.write_text("// exported Flux configuration\n" + json.dumps(tmpl, indent=2))
    args = (f"-g {TEST_RESOURCE_GROUP} --template-file {path} --parameters clusterName={cluster.name} "
            f"httpsKey={SECRET}")
    name = f"flux-{cluster.name}"
    start = max((e["seq"] for e in emulator.requests(kind="arm")), default=0)

    validated = az(f"deployment group validate {args} -o json")
    assert validated.json["properties"]["provisioningState"] == "Succeeded"
    created = az(f"deployment group create -n {name} {args} -o json")
    assert created.json["properties"]["provisioningState"] == "Succeeded"
    assert created.json["properties"]["parameters"]["httpsKey"] == {"type": "SecureString"}
    mine = [(e["method"], e["path"].rsplit("/", 1)[-1]) for e in emulator.requests(kind="arm")
            if e["seq"] > start and "/deployments/" in e["path"] and "operationStatuses" not in e["path"]]
    assert mine == [("POST", "validate"), ("POST", "validate"), ("PUT", name), ("GET", name)]

    shown = az(f"deployment group show -g {TEST_RESOURCE_GROUP} -n {name} -o json").json
    assert shown["properties"]["outputResources"][-1]["id"].endswith(f"{FLUX}/apps")
    assert name in [d["name"] for d in az(f"deployment group list -g {TEST_RESOURCE_GROUP} -o json").json]
    ops = az(f"deployment operation group list -g {TEST_RESOURCE_GROUP} -n {name} -o json").json
    assert [o["properties"]["targetResource"]["resourceName"] for o in ops] == ["flux", "apps"]

    config = az(f"k8s-configuration flux show -g {TEST_RESOURCE_GROUP} -c {cluster.name} -t connectedClusters "
                "-n apps -o json").json
    assert sorted(config["kustomizations"]) == ["apps", "infra"]
    assert config["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    assert config["provisioningState"] == "Succeeded"
    ext = az(f"k8s-extension show -g {TEST_RESOURCE_GROUP} -c {cluster.name} -t connectedClusters -n flux "
             "-o json").json
    assert ext["configurationSettings"] == {"multiTenancy.enforce": "false"}
    for result in (validated, created):
        assert SECRET not in result.output
    assert SECRET not in json.dumps([shown, ops])

    az(f"deployment group delete -g {TEST_RESOURCE_GROUP} -n {name}")
    missing = az(f"deployment group show -g {TEST_RESOURCE_GROUP} -n {name}", expect=None)
    assert missing.exit_code != 0 and "DeploymentNotFound" in missing.stderr


def test_az_reports_an_invalid_template_without_a_traceback(az, cluster, tmp_path):
    path = tmp_path / "bad.json"
    text = json.dumps(template([flux_extension(), {**flux_extension(), "name": "[lookup('x')]"}]), indent=2)
    path.write_text(text)
    lines = text.splitlines()
    bad = next(i for i, line in enumerate(lines) if "lookup" in line)
    opening = max(i for i in range(bad) if lines[i].strip() == "{")  # where the resource's object starts
    failed = az(f"deployment group create -g {TEST_RESOURCE_GROUP} --template-file {path} "
                f"--parameters clusterName={cluster.name}", expect=None)
    assert failed.exit_code != 0
    assert "InvalidTemplate" in failed.stderr
    assert (f"The template resource '[lookup('x')]' at line '{opening + 1}' and column "
            f"'{lines[opening].index('{') + 1}' is not valid: The template function 'lookup' is not valid."
            ) in failed.stderr
    assert "Traceback" not in failed.stderr
