"""fluxConfigurations: service defaults, merge-patch, write-only secrets, validation."""

from __future__ import annotations

from emu_helpers import FLUX_API, Arm, git_flux, item_path

PATH = item_path("fluxConfigurations", "cfg")


def _create(arm: Arm, body: dict | None = None) -> dict:
    response = arm.put(PATH, FLUX_API, body or git_flux(
        k1={"path": "./one", "prune": True}, k2={"path": "./two", "dependsOn": ["k1"], "syncIntervalInSeconds": 120}))
    assert response.status_code == 201, response.text
    return response.json()


def test_service_fills_defaults(arm: Arm):
    props = _create(arm)["properties"]
    assert props["gitRepository"]["repositoryRef"] == {"branch": "main", "tag": None, "semver": None, "commit": None}
    assert props["gitRepository"]["syncIntervalInSeconds"] == 600
    k1 = props["kustomizations"]["k1"]
    assert k1 == {"name": "k1", "path": "./one", "prune": True, "timeoutInSeconds": 600,
                  "syncIntervalInSeconds": 600, "retryIntervalInSeconds": None, "force": False, "wait": True}
    assert props["errorMessage"] == "" and props["complianceState"] == "Pending"
    assert props["provisioningState"] == "Creating" and props["statuses"] == []
    assert "configurationProtectedSettings" not in props


def test_merge_patch_semantics(arm: Arm):
    _create(arm)
    response = arm.patch(PATH, FLUX_API, {"properties": {
        "gitRepository": {"url": "https://example.com/new.git"},
        "kustomizations": {"k1": None, "k2": {"path": "./two-b", "dependsOn": None},
                           "k3": {"path": "./three", "syncIntervalInSeconds": 300}},
    }})
    assert response.status_code == 202
    assert response.json()["properties"]["provisioningState"] == "Updating"
    props = arm.get(PATH, FLUX_API).json()["properties"]
    assert props["gitRepository"]["url"] == "https://example.com/new.git"
    assert props["gitRepository"]["repositoryRef"]["branch"] == "main"  # untouched keys kept
    assert sorted(props["kustomizations"]) == ["k2", "k3"]
    k2 = props["kustomizations"]["k2"]
    assert k2["path"] == "./two-b" and "dependsOn" not in k2 and k2["syncIntervalInSeconds"] == 120
    assert props["kustomizations"]["k3"] == {"name": "k3", "path": "./three", "syncIntervalInSeconds": 300,
                                             "timeoutInSeconds": 600, "retryIntervalInSeconds": None,
                                             "prune": False, "force": False, "wait": True}


def test_switching_source_kind_needs_the_matching_object(arm: Arm):
    _create(arm)
    bad = arm.patch(PATH, FLUX_API, {"properties": {"sourceKind": "Bucket"}})
    assert bad.status_code == 400
    assert bad.json()["error"] == {
        "code": "ValidationFailed",
        "message": "Invalid source kind match. Config with specified source kind 'Bucket' must contain "
                   "corresponding body specified in the properties."}
    ok = arm.patch(PATH, FLUX_API, {"properties": {
        "sourceKind": "Bucket", "bucket": {"url": "https://minio.local", "bucketName": "b"},
        "azureBlob": {}, "ociRepository": {}}})
    assert ok.status_code == 202
    props = arm.get(PATH, FLUX_API).json()["properties"]
    assert props["bucket"]["insecure"] is True and props["azureBlob"] is None and props["ociRepository"] is None


def test_put_without_source_object_fails_validation(arm: Arm):
    body = {"properties": {"sourceKind": "OCIRepository", "gitRepository": {"url": "https://x/y.git"}}}
    response = arm.put(PATH, FLUX_API, body)
    assert response.status_code == 400
    assert "source kind 'OCIRepository'" in response.json()["error"]["message"]


def test_scope_and_namespace_are_not_patchable(arm: Arm):
    _create(arm)
    for field, value in (("scope", "namespace"), ("namespace", "other")):
        response = arm.patch(PATH, FLUX_API, {"properties": {field: value}})
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "ValidationFailed"
        assert f"'{field}'" in response.json()["error"]["message"]


def test_protected_settings_and_secret_fields_never_returned(arm: Arm):
    body = {"properties": {
        "sourceKind": "AzureBlob",
        "azureBlob": {"url": "https://acct.blob.core.windows.net", "containerName": "c", "accountKey": "KEY",
                      "servicePrincipal": {"clientId": "id", "tenantId": "t", "clientSecret": "SECRET"}},
        "configurationProtectedSettings": {"bucketSecretKey": "SECRET2"}}}
    created = arm.put(PATH, FLUX_API, body)
    listed = arm.get(PATH.rsplit("/", 1)[0], FLUX_API)
    patched = arm.patch(PATH, FLUX_API, {"properties": {"configurationProtectedSettings": {"x": "SECRET3"}}})
    for response in (created, listed, patched, arm.get(PATH, FLUX_API)):
        assert "SECRET" not in response.text and "KEY" not in response.text
        assert "configurationProtectedSettings" not in response.text
    assert patched.status_code == 202  # new secret values always count as a change
    sp = arm.get(PATH, FLUX_API).json()["properties"]["azureBlob"]["servicePrincipal"]
    assert sp == {"clientId": "id", "tenantId": "t", "clientCertificateSendChain": False}


def test_system_data_created_kept_modified_bumped(arm: Arm):
    first = _create(arm)["systemData"]
    arm.patch(PATH, FLUX_API, {"properties": {"suspend": True}})
    second = arm.get(PATH, FLUX_API).json()["systemData"]
    assert second["createdAt"] == first["createdAt"]
    assert second["lastModifiedAt"] > first["lastModifiedAt"]
    assert second["createdBy"] is None


def test_invalid_kustomizations_shape_is_rejected(arm: Arm):
    body = git_flux()
    body["properties"]["kustomizations"] = ["not", "a", "map"]
    response = arm.put(PATH, FLUX_API, body)
    assert response.status_code == 400 and response.json()["error"]["code"] == "InvalidRequestContent"
