"""fluxConfigurations and sourceControlConfigurations answer as Azure does: the Flux v1 exchanges of the
official k8s-configuration recordings (2021-03-01, 2022-03-01) and the fluxConfigurations 2025-04-01
spec examples, with our own names and values."""

from __future__ import annotations

import json

import pytest
from emu_helpers import Arm, git_flux, item_path
from fidelity_helpers import ASYNC, DELETED, ENVELOPE, ERROR, OPERATION, expect

from arm_emulator.providers.versions import FLUX_CONFIGURATIONS, SOURCE_CONTROL_CONFIGURATIONS
from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

SCC_KEYS = ("operatorNamespace", "provisioningState", "complianceStatus", "enableHelmOperator",
            "helmOperatorProperties", "repositoryUrl", "operatorInstanceName", "operatorType", "operatorScope",
            "operatorParams", "sshKnownHostsContents", "configurationProtectedSettings", "repositoryPublicKey")
# fluxConfigurations 2025-04-01 example response (OCI source): every source object is answered.
FLUX_2025_KEYS = ("azureBlob", "bucket", "complianceState", "errorMessage", "gitRepository", "kustomizations",
                  "namespace", "ociRepository", "provisioningState", "repositoryPublicKey", "scope", "sourceKind",
                  "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt", "statuses", "suspend")


@pytest.fixture(scope="module")
def v1_arm(tmp_path_factory):
    with start_emulator(tmp_path_factory.mktemp("v1") / "state", extra_args=["--allow-flux-v1-create"]) as emu:
        yield Arm(emu)


def _v1_body(url: str, **protected) -> dict:
    return {"properties": {"repositoryUrl": url, "operatorNamespace": "team-a", "operatorInstanceName": "team-a-flux",
                           "operatorType": "flux", "operatorParams": "--git-readonly ", "operatorScope": "namespace",
                           "enableHelmOperator": True,
                           "helmOperatorProperties": {"chartVersion": "1.2.0", "chartValues": "--set a=b"},
                           "configurationProtectedSettings": protected}}


@pytest.mark.parametrize("api", ["2021-03-01", "2022-03-01"])
def test_flux_v1_lifecycle_as_recorded(v1_arm, api):
    path = item_path("sourceControlConfigurations", f"team-a-{api[:4]}")
    expect(v1_arm.get(path, api), 404, body=ERROR, error="ResourceNotFound")
    created = v1_arm.put(path, api, _v1_body("https://git.example.com/team-a.git", httpsUser="dXNlcg==",
                                             httpsKey="a2V5"))
    expect(created, 201, lro=("location",), body=ENVELOPE, properties=SCC_KEYS)
    assert created.json()["properties"]["configurationProtectedSettings"] == {}
    expect(v1_arm.get(path, api), 200, body=ENVELOPE, properties=SCC_KEYS)
    expect(v1_arm.delete(path, api), 200, body=DELETED)


def test_flux_v1_on_ssh_without_a_key_reports_a_generated_public_key(v1_arm):
    path = item_path("sourceControlConfigurations", "team-ssh")
    own_key = v1_arm.put(path, "2022-03-01", _v1_body("ssh://git@git.example.com/team.git", sshPrivateKey="a2V5"))
    assert own_key.json()["properties"]["repositoryPublicKey"] == ""
    generated = v1_arm.put(path, "2022-03-01", _v1_body("ssh://git@git.example.com/team.git"))
    assert generated.json()["properties"]["repositoryPublicKey"].startswith("ssh-ed25519 ")


def test_seeded_flux_v1_configuration_has_a_public_key(tmp_path):
    seed = {"subscriptions": [{"id": SUBSCRIPTION_ID, "resourceGroups": [{"name": RESOURCE_GROUP, "clusters": [{
        "name": "arc-demo", "type": "connectedClusters",
        "sourceControlConfigurations": [{"name": "legacy", "properties": {
            "repositoryUrl": "git@git.example.com:ops/legacy.git"}}]}]}]}]}
    (tmp_path / "seed.json").write_text(json.dumps(seed))
    with start_emulator(tmp_path / "state", seed=tmp_path / "seed.json") as emu:
        shown = Arm(emu).get(item_path("sourceControlConfigurations", "legacy"), "2023-05-01")
    expect(shown, 200, body=ENVELOPE, properties=SCC_KEYS)
    assert shown.json()["properties"]["repositoryPublicKey"].startswith("ssh-ed25519 ")


def _oci_body() -> dict:
    return {"properties": {
        "scope": "cluster", "namespace": "apps", "sourceKind": "OCIRepository", "suspend": False,
        "ociRepository": {"url": "oci://registry.example.com/manifests/shop", "syncIntervalInSeconds": 900,
                          "timeoutInSeconds": 900, "serviceAccountName": "shop-reader",
                          "tlsConfig": {"clientCertificate": "Y2VydA==", "privateKey": "a2V5",
                                        "caCertificate": "Y2E="},
                          "verify": {"provider": "cosign", "verificationConfig": {"cosign.pub": "cHVibGlj"}}},
        "kustomizations": {"shop": {"path": "./shop", "dependsOn": []}},
    }}


def test_flux_2025_04_01_oci_create_answers_like_the_spec_example_with_write_only_values_redacted(arm):
    path = item_path("fluxConfigurations", "shop")
    created = arm.put(path, "2025-04-01", _oci_body())
    expect(created, 201, lro=ASYNC, body=ENVELOPE, properties=FLUX_2025_KEYS)
    props = created.json()["properties"]
    assert props["gitRepository"] is None and props["bucket"] is None and props["azureBlob"] is None
    oci = props["ociRepository"]
    assert oci["tlsConfig"] == dict.fromkeys(("clientCertificate", "privateKey", "caCertificate"), "<redacted>")
    assert oci["verify"]["verificationConfig"] == {"cosign.pub": "<redacted>"}
    poll = arm.session.get(created.headers["Azure-AsyncOperation"], timeout=10)
    expect(poll, 200, body=OPERATION)
    assert created.headers["Retry-After"] == "1"
    shown = arm.wait(path, "2025-04-01", lambda b: b["properties"]["provisioningState"] == "Succeeded")
    assert "Y2VydA==" not in json.dumps(shown) and "cHVibGlj" not in json.dumps(shown)


def test_flux_body_takes_the_shape_of_the_version_asked_for(arm):
    path = item_path("fluxConfigurations", "web")
    body = git_flux()
    body["properties"]["gitRepository"]["provider"] = "Generic"
    arm.put(path, "2025-04-01", body)
    old = arm.get(path, "2022-03-01").json()["properties"]
    assert "azureBlob" not in old and "ociRepository" not in old and old["bucket"] is None
    assert "provider" not in old["gitRepository"]
    assert "wait" not in old["kustomizations"]["infra"] and "postBuild" not in old["kustomizations"]["infra"]
    new = arm.get(path, "2024-11-01").json()["properties"]
    assert new["azureBlob"] is None and new["ociRepository"] is None and new["gitRepository"]["provider"] == "Generic"
    assert new["kustomizations"]["infra"]["wait"] is True


def test_flux_delete_is_async_without_location(arm):
    path = item_path("fluxConfigurations", "web")
    arm.put(path, "2025-04-01", git_flux())
    expect(arm.delete(path, "2025-04-01"), 202, lro=ASYNC)
    expect(arm.delete(item_path("fluxConfigurations", "never-made"), "2025-04-01"), 204)


def test_every_registered_version_is_accepted(arm):
    for table in (FLUX_CONFIGURATIONS, SOURCE_CONTROL_CONFIGURATIONS):
        for api in table.versions:
            expect(arm.get(item_path(table.name, "none"), api), 404, body=ERROR, error="ResourceNotFound")


def test_unknown_properties_are_dropped_and_wrong_types_refused(arm):
    path = item_path("fluxConfigurations", "web")
    body = git_flux()
    body["properties"]["surprise"] = "x"
    body["properties"]["gitRepository"]["alsoSurprise"] = 1
    body["properties"]["kustomizations"]["infra"]["extra"] = True
    props = arm.put(path, "2025-04-01", body).json()["properties"]
    assert "surprise" not in props and "alsoSurprise" not in props["gitRepository"]
    assert "extra" not in props["kustomizations"]["infra"]
    wrong = git_flux()
    wrong["properties"]["suspend"] = "yes"
    expect(arm.put(item_path("fluxConfigurations", "web2"), "2025-04-01", wrong), 400, body=ERROR,
           error="InvalidRequestContent")
