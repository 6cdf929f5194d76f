"""Long-running operations driven by the real SDK pollers, plus the raw initial responses."""

from __future__ import annotations

import pytest
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from emu_helpers import ARC, EXT_API, FLUX_API, Arm, git_flux, item_path

from arm_emulator.testing import RESOURCE_GROUP, start_emulator

CLUSTER_ARGS = (RESOURCE_GROUP, *ARC)


def _flux_model(url: str = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"):
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import models as m

    return m.FluxConfiguration(properties=m.FluxConfigurationProperties(
        scope="cluster", namespace="cluster-config", source_kind="GitRepository",
        git_repository=m.GitRepositoryDefinition(url=url, repository_ref=m.RepositoryRefDefinition(branch="main")),
        kustomizations={"infra": m.KustomizationDefinition(path="./infrastructure")},
        configuration_protected_settings={"httpsKey": "c2VjcmV0"},
    ))


def test_flux_create_update_delete_through_sdk_pollers(emu, flux_client):
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import models as m

    ops = flux_client.flux_configurations
    created = ops.begin_create_or_update(*CLUSTER_ARGS, "cfg", _flux_model()).result()
    assert created.properties.provisioning_state == "Succeeded"
    assert created.properties.git_repository.timeout_in_seconds == 600
    assert created.properties.configuration_protected_settings is None
    patch = m.FluxConfigurationPatch(properties=m.FluxConfigurationPatchProperties(
        kustomizations={"apps": m.KustomizationPatchDefinition(path="./apps", depends_on=["infra"])}))
    updated = ops.begin_update(*CLUSTER_ARGS, "cfg", patch).result()
    assert sorted(updated.properties.kustomizations) == ["apps", "infra"]
    assert updated.properties.kustomizations["apps"].depends_on == ["infra"]
    assert ops.begin_delete(*CLUSTER_ARGS, "cfg").result() is None
    with pytest.raises(ResourceNotFoundError):
        ops.get(*CLUSTER_ARGS, "cfg")
    arm_calls = [(r["method"], r["status"]) for r in emu.requests(kind="arm")]
    assert arm_calls[:3] == [("PUT", 201), ("GET", 200), ("GET", 200)]  # initial, status poll, final GET
    assert ("PATCH", 202) in arm_calls and ("DELETE", 202) in arm_calls


def test_extension_create_update_delete_through_sdk_pollers(ext_client):
    from azure.mgmt.kubernetesconfiguration.extensions import models as m

    ops = ext_client.extensions
    ext = m.Extension(properties=m.ExtensionProperties(
        extension_type="Microsoft.Flux", auto_upgrade_minor_version=False, version="1.16.3",
        configuration_settings={"multiTenancy.enforce": "false"},
        configuration_protected_settings={"token": "s3cret"}))
    created = ops.begin_create(*CLUSTER_ARGS, "flux", ext).result()
    props = created.properties
    assert props.provisioning_state == "Succeeded" and props.current_version == "1.16.3"
    assert props.scope.cluster.release_namespace == "flux-system"
    assert props.configuration_protected_settings == {"token": ""}
    patch = m.PatchExtension(properties=m.PatchExtensionProperties(version="1.17.2",
                                                                   configuration_settings={"a": "b"}))
    updated = ops.begin_update(*CLUSTER_ARGS, "flux", patch).result()
    assert updated.properties.current_version == "1.17.2"
    assert updated.properties.configuration_settings == {"multiTenancy.enforce": "false", "a": "b"}
    assert [e.name for e in ops.list(*CLUSTER_ARGS)] == ["flux"]
    assert ops.begin_delete(*CLUSTER_ARGS, "flux").result() is None
    assert list(ops.list(*CLUSTER_ARGS)) == []


def test_failed_lro_raises_with_the_error_code(ext_client):
    from azure.mgmt.kubernetesconfiguration.extensions import models as m

    ext = m.Extension(properties=m.ExtensionProperties(extension_type="microsoft.flux", version="0.0.1",
                                                       auto_upgrade_minor_version=False))
    with pytest.raises(HttpResponseError) as info:
        ext_client.extensions.begin_create(*CLUSTER_ARGS, "flux", ext).result()
    assert "ExtensionOperationFailed" in str(info.value)
    assert "Failed to resolve the extension version from the given values." in str(info.value)
    failed = ext_client.extensions.get(*CLUSTER_ARGS, "flux")
    assert failed.properties.provisioning_state == "Failed"
    assert failed.properties.error_info.code == "ExtensionOperationFailed"


def test_initial_responses_and_operation_status_resource(arm: Arm):
    path = item_path("fluxConfigurations", "cfg")
    put = arm.put(path, FLUX_API, git_flux())
    assert put.status_code == 201
    assert put.json()["properties"]["provisioningState"] == "Creating"
    poll_url = put.headers["Azure-AsyncOperation"]
    assert poll_url.startswith(f"https://127.0.0.1:{arm.emu.port}{path}/operations/")
    assert int(put.headers["Retry-After"]) >= 1
    status = arm.session.get(poll_url).json()
    assert status["status"] == "Succeeded" and status["name"] == poll_url.split("/")[-1].split("?")[0]
    replace = arm.put(path, FLUX_API, git_flux())
    assert replace.status_code == 200 and replace.json()["properties"]["provisioningState"] == "Updating"
    assert "Azure-AsyncOperation" in replace.headers
    delete = arm.delete(path, FLUX_API)
    assert delete.status_code == 202 and delete.content == b""
    delete_poll = delete.headers["Azure-AsyncOperation"]
    assert arm.session.get(delete_poll).json()["status"] == "Succeeded"
    assert arm.get(path, FLUX_API).status_code == 404
    assert arm.session.get(poll_url).status_code == 200  # status outlives the resource
    assert arm.delete(path, FLUX_API).status_code == 204


def test_lifecycle_is_visible_while_operations_run(tmp_path):
    with start_emulator(tmp_path / "s", operation_delay=0.6) as emu:
        arm = Arm(emu)
        path = item_path("extensions", "ext1")
        body = {"properties": {"extensionType": "Microsoft.AzureMonitor.Containers"}}
        assert arm.put(path, EXT_API, body).status_code == 201
        assert arm.get(path, EXT_API).json()["properties"]["provisioningState"] == "Creating"
        listed = arm.get(path.rsplit("/", 1)[0], EXT_API).json()["value"]
        assert [e["properties"]["provisioningState"] for e in listed] == ["Creating"]
        assert arm.get(path, EXT_API).json()["properties"]["currentVersion"] is None
        done = arm.wait(path, EXT_API, lambda b: b["properties"]["provisioningState"] == "Succeeded")
        assert done["properties"]["currentVersion"] == "1.0.0"
        delete = arm.delete(path, EXT_API)
        running = arm.session.get(delete.headers["Azure-AsyncOperation"])
        assert running.json()["status"] == "Deleting"
        assert running.headers["Retry-After"] == "1"  # paces the SDK's polls while the operation runs
        assert arm.get(path, EXT_API).json()["properties"]["provisioningState"] == "Deleting"
        arm.wait(path, EXT_API, lambda b: "error" in b)
        assert arm.get(path, EXT_API).status_code == 404


def test_force_delete_is_synchronous(arm: Arm, flux_client):
    path = item_path("fluxConfigurations", "cfg")
    arm.put(path, FLUX_API, git_flux())
    response = arm.delete(path, FLUX_API, forceDelete="true")
    assert response.status_code == 200 and "Azure-AsyncOperation" not in response.headers
    assert arm.get(path, FLUX_API).status_code == 404
    ext = item_path("extensions", "flux")
    assert arm.delete(ext, EXT_API, forceDelete="True").status_code == 200
    assert arm.get(ext, EXT_API).status_code == 404


def test_patch_that_changes_nothing_is_200_without_operation(arm: Arm):
    path = item_path("fluxConfigurations", "cfg")
    arm.put(path, FLUX_API, git_flux())
    same = arm.patch(path, FLUX_API, {"properties": {"suspend": False,
                                                     "gitRepository": {"url": git_flux()["properties"]
                                                                       ["gitRepository"]["url"]}}})
    assert same.status_code == 200 and "Azure-AsyncOperation" not in same.headers
    assert same.json()["properties"]["provisioningState"] == "Succeeded"
    assert arm.patch(item_path("fluxConfigurations", "nope"), FLUX_API, {"properties": {}}).status_code == 404
