"""Microsoft.Resources/deployments over HTTP: the create/poll/read/list/delete cycle, validate, export and errors."""

from __future__ import annotations

import pytest
from deployment_helpers import (
    API,
    EXT,
    FLUX,
    deploy,
    deployment_path,
    finished,
    flux_configuration,
    flux_extension,
    operations,
    template,
)
from emu_helpers import EXT_API, FLUX_API, Arm, item_path

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

SECRET = "ghp-deployment-secret-0042"
FLUX_TEMPLATE = template(
    [flux_configuration(configurationProtectedSettings={"httpsKey": "[parameters('httpsKey')]"},
                        gitRepository={"url": "https://github.com/contoso/fleet-config", "httpsUser": "git",
                                       "repositoryRef": {"branch": "main"}}),
     flux_extension(**{"multiTenancy.enforce": "false"})],
    parameters={"httpsKey": {"type": "securestring"}},
    outputs={"state": {"type": "string", "value": "[reference('apps').provisioningState]"},
             "key": {"type": "securestring", "value": "[parameters('httpsKey')]"}})


@pytest.fixture
def slow_emu(tmp_path):
    """Long-running operations that take a moment, so the order of sends is observable."""
    with start_emulator(tmp_path / "state", operation_delay=2.0) as emulator:
        yield emulator


def test_create_runs_the_template_through_the_providers(slow_emu):
    arm = Arm(slow_emu)
    created = deploy(arm, "flux-rollout", FLUX_TEMPLATE, {"clusterName": "arc-demo", "httpsKey": SECRET})
    assert created.status_code == 201
    assert created.json()["properties"]["provisioningState"] == "Accepted"
    poll = created.headers["Azure-AsyncOperation"]
    assert "/providers/Microsoft.Resources/deployments/flux-rollout/operationStatuses/" in poll
    # dependsOn: the configuration is only sent once the extension it depends on has succeeded
    assert arm.get(item_path("extensions", "flux"), EXT_API).json()["properties"]["provisioningState"] == "Creating"
    assert arm.get(item_path("fluxConfigurations", "apps"), FLUX_API).status_code == 404
    assert arm.session.get(poll, timeout=10).json() == {"status": "Running"}

    done = finished(arm, "flux-rollout")
    props = done["properties"]
    assert props["provisioningState"] == "Succeeded"
    assert props["parameters"] == {"clusterName": {"type": "String", "value": "arc-demo"},
                                   "httpsKey": {"type": "SecureString"}}
    assert props["outputs"] == {"state": {"type": "String", "value": "Succeeded"}, "key": {"type": "SecureString"}}
    assert arm.session.get(poll, timeout=10).json() == {"status": "Succeeded"}
    config = arm.get(item_path("fluxConfigurations", "apps"), FLUX_API).json()["properties"]
    assert sorted(config["kustomizations"]) == ["apps", "infra"]
    assert config["gitRepository"]["httpsUser"] == "git"
    ext = arm.get(item_path("extensions", "flux"), EXT_API).json()["properties"]
    assert ext["configurationSettings"] == {"multiTenancy.enforce": "false"}

    ops = operations(arm, "flux-rollout")
    assert [(o["properties"]["targetResource"]["resourceType"], o["properties"]["provisioningState"])
            for o in ops] == [(EXT, "Succeeded"), (FLUX, "Succeeded")]
    assert props["dependencies"][0]["dependsOn"][0]["resourceName"] == "flux"
    assert props["outputResources"] == [{"id": o["properties"]["targetResource"]["id"]} for o in ops]

    listed = arm.get(deployment_path("").rstrip("/"), API).json()["value"]
    exported = arm.call("POST", deployment_path("flux-rollout") + "/exportTemplate", API).json()
    assert exported == {"template": FLUX_TEMPLATE}
    for shown in (done, ops, listed, exported):
        assert SECRET not in str(shown)
    for stored in slow_emu.state_dir.iterdir():
        if stored.is_file():
            assert SECRET.encode() not in stored.read_bytes(), stored


def test_validate_checks_without_deploying(arm):
    body = {"properties": {"mode": "Incremental", "template": FLUX_TEMPLATE,
                           "parameters": {"clusterName": {"value": "arc-demo"}, "httpsKey": {"value": SECRET}}}}
    answer = arm.call("POST", deployment_path("check") + "/validate", API, body)
    assert answer.status_code == 200
    props = answer.json()["properties"]
    assert props["provisioningState"] == "Succeeded"
    assert [r["id"].rsplit("/", 1)[-1] for r in props["validatedResources"]] == ["flux", "apps"]
    assert SECRET not in answer.text
    assert arm.get(deployment_path("check"), API).status_code == 404
    assert arm.get(item_path("extensions", "flux"), EXT_API).status_code == 404

    del body["properties"]["parameters"]["clusterName"]
    refused = arm.call("POST", deployment_path("check") + "/validate", API, body)
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "InvalidTemplate"
    assert "The value for the template parameter 'clusterName'" in refused.json()["error"]["message"]


def test_an_invalid_template_is_refused_at_put_and_nothing_is_recorded(arm):
    bad = template([{**flux_extension(), "name": "[lookup('flux')]"}])
    refused = deploy(arm, "broken", bad, {"clusterName": "arc-demo"})
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == "InvalidTemplate"
    assert "The template function 'lookup' is not valid." in error["message"]
    missing = arm.get(deployment_path("broken"), API)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "DeploymentNotFound")


@pytest.mark.parametrize("body, code", [
    ({"properties": {"mode": "Incremental", "templateLink": {"uri": "https://example.invalid/t.json"}}},
     "InvalidTemplate"),
    ({"name": "no-properties"}, "InvalidRequestContent"),
])
def test_bodies_the_emulator_cannot_deploy(arm, body, code):
    refused = arm.put(deployment_path("odd"), API, body)
    assert (refused.status_code, refused.json()["error"]["code"]) == (400, code)


def test_request_errors(arm):
    assert arm.put(deployment_path("x"), "2015-01-01", {}).json()["error"]["code"] == "NoRegisteredProviderFound"
    missing_rg = deployment_path("x", rg="no-such-rg")
    assert arm.put(missing_rg, API, {"properties": {}}).json()["error"]["code"] == "ResourceGroupNotFound"
    malformed = arm.call("PUT", deployment_path("x"), API, raw=b'{"properties": {"template": {,}}}')
    assert malformed.status_code == 400
    assert "Line 1" in malformed.json()["error"]["message"]


def test_delete_removes_the_record_not_the_resources(arm):
    deploy(arm, "ext-only", template([flux_extension()]), {"clusterName": "arc-demo"})
    assert finished(arm, "ext-only")["properties"]["provisioningState"] == "Succeeded"
    gone = arm.delete(deployment_path("ext-only"), API)
    assert gone.status_code == 202
    assert arm.session.get(gone.headers["Location"], timeout=10).status_code == 204
    assert arm.get(deployment_path("ext-only"), API).status_code == 404
    assert arm.get(item_path("extensions", "flux"), EXT_API).status_code == 200
    assert arm.delete(deployment_path("ext-only"), API).status_code == 204


def test_a_running_deployment_cannot_be_replaced(slow_emu):
    arm = Arm(slow_emu)
    assert deploy(arm, "busy", template([flux_extension()]), {"clusterName": "arc-demo"}).status_code == 201
    again = deploy(arm, "busy", template([flux_extension()]), {"clusterName": "arc-demo"})
    assert (again.status_code, again.json()["error"]["code"]) == (409, "DeploymentActive")
    assert arm.delete(deployment_path("busy"), API).status_code == 409
    finished(arm, "busy")
    assert deploy(arm, "busy", template([flux_extension()]), {"clusterName": "arc-demo"}).status_code == 200


def test_secure_parameters_cannot_survive_a_restart(tmp_path):
    with start_emulator(tmp_path / "state", operation_delay=30) as emulator:
        arm = Arm(emulator)
        deploy(arm, "long", FLUX_TEMPLATE, {"clusterName": "arc-demo", "httpsKey": SECRET})
        emulator.kill()
        emulator.restart()
        props = arm.get(deployment_path("long"), API).json()["properties"]
        assert props["provisioningState"] == "Failed"
        assert props["error"]["code"] == "DeploymentInterrupted"
        assert arm.get(item_path("fluxConfigurations", "apps"), FLUX_API).status_code == 404


def test_operations_of_a_missing_deployment(arm):
    path = f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{RESOURCE_GROUP}/deployments/none/operations"
    assert arm.get(path, API).json()["error"]["code"] == "DeploymentNotFound"
