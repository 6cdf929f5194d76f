"""Service rules: microsoft.flux scope and namespace, Flux v1 coexistence, auto-install, registration."""

from __future__ import annotations

import json

import pytest
from emu_helpers import AKS, ARC, EXT_API, FLUX_API, SCC_API, Arm, StaticToken, git_flux, item_path, sdk_kwargs

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

SCC_BODY = {"properties": {"repositoryUrl": "git@github.com:org/repo.git", "operatorType": "flux",
                           "operatorParams": "--git-readonly ", "operatorNamespace": "ops",
                           "configurationProtectedSettings": {"sshPrivateKey": "U0VDUkVU"}}}


def test_flux_extension_must_be_cluster_scoped_in_flux_system(arm: Arm):
    path = item_path("extensions", "flux")
    ns = arm.put(path, EXT_API, {"properties": {"extensionType": "microsoft.flux",
                                                "scope": {"namespace": {"targetNamespace": "team-a"}}}})
    assert ns.status_code == 400 and ns.json()["error"]["code"] == "ValidationFailed"
    assert "cluster scope" in ns.json()["error"]["message"]
    other = arm.put(path, EXT_API, {"properties": {"extensionType": "MICROSOFT.FLUX",
                                                   "scope": {"cluster": {"releaseNamespace": "gitops"}}}})
    assert other.status_code == 400 and "'flux-system'" in other.json()["error"]["message"]
    ok = arm.put(path, EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
    assert ok.status_code == 201
    assert ok.json()["properties"]["scope"] == {"cluster": {"releaseNamespace": "flux-system"}}
    assert ok.json()["properties"]["autoUpgradeMinorVersion"] is True
    second = arm.put(item_path("extensions", "flux2"), EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
    assert second.status_code == 400 and "already installed" in second.json()["error"]["message"]


def test_extension_patch_cannot_change_type_or_scope(arm: Arm):
    path = item_path("extensions", "flux")
    arm.put(path, EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
    for field, value in (("extensionType", "x"), ("scope", {"cluster": {}})):
        response = arm.patch(path, EXT_API, {"properties": {field: value}})
        assert response.status_code == 400 and f"'{field}'" in response.json()["error"]["message"]


def test_generic_extension_types_have_no_flux_rules(arm: Arm):
    response = arm.put(item_path("extensions", "monitor"), EXT_API, {"properties": {
        "extensionType": "Microsoft.AzureMonitor.Containers", "scope": {"namespace": {"targetNamespace": "mon"}},
        "configurationProtectedSettings": {"omsagent.secret.key": "abc"}}})
    assert response.status_code == 201
    assert response.json()["properties"]["configurationProtectedSettings"] == {"omsagent.secret.key": ""}


def test_flux_configuration_installs_the_flux_extension(arm: Arm):
    assert arm.put(item_path("fluxConfigurations", "cfg", AKS), FLUX_API, git_flux()).status_code == 201
    ext = arm.get(item_path("extensions", "flux", AKS), EXT_API).json()
    assert ext["properties"]["extensionType"] == "microsoft.flux"
    assert ext["properties"]["provisioningState"] == "Succeeded"
    assert "identity" not in ext  # AKS: no system-assigned identity on the extension
    arc = arm.put(item_path("fluxConfigurations", "cfg"), FLUX_API, git_flux())
    assert arc.status_code == 201
    assert arm.get(item_path("extensions", "flux"), EXT_API).json()["identity"]["type"] == "SystemAssigned"


def test_flux_v1_creation_is_refused_by_default(arm: Arm):
    response = arm.put(item_path("sourceControlConfigurations", "legacy"), SCC_API, SCC_BODY)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "FluxV1Retired"
    assert "can no longer be created" in response.json()["error"]["message"]


def test_flux_v1_blocks_flux_v2_and_is_synchronous(tmp_path):
    with start_emulator(tmp_path / "s", extra_args=["--allow-flux-v1-create"]) as emu:
        arm = Arm(emu)
        scc = item_path("sourceControlConfigurations", "legacy")
        created = arm.put(scc, SCC_API, SCC_BODY)
        assert created.status_code == 201 and "Azure-AsyncOperation" not in created.headers
        props = created.json()["properties"]
        assert props["provisioningState"] == "Succeeded" and props["operatorType"] == "Flux"
        assert props["operatorParams"] == "--git-readonly" and props["configurationProtectedSettings"] == {}
        assert props["complianceStatus"]["complianceState"] == "Pending"
        assert arm.put(scc, SCC_API, SCC_BODY).status_code == 200
        ext = arm.put(item_path("extensions", "flux"), EXT_API, {"properties": {"extensionType": "microsoft.flux"}})
        assert ext.status_code == 400 and "'legacy'" in ext.json()["error"]["message"]
        flux = arm.put(item_path("fluxConfigurations", "cfg"), FLUX_API, git_flux())
        assert flux.status_code == 400 and "'legacy'" in flux.json()["error"]["message"]
        deleted = arm.delete(scc, SCC_API)
        assert deleted.status_code == 200 and "Azure-AsyncOperation" not in deleted.headers
        assert arm.delete(scc, SCC_API).status_code == 204
        assert arm.put(item_path("fluxConfigurations", "cfg"), FLUX_API, git_flux()).status_code == 201


def test_scc_sdk_client_works(tmp_path):
    from azure.mgmt.kubernetesconfiguration import SourceControlConfigurationClient
    from azure.mgmt.kubernetesconfiguration.v2023_05_01 import models as m

    with start_emulator(tmp_path / "s", extra_args=["--allow-flux-v1-create"]) as emu:
        client = SourceControlConfigurationClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
        ops = client.source_control_configurations
        body = m.SourceControlConfiguration(repository_url="https://github.com/org/repo", operator_type="Flux")
        created = ops.create_or_update(RESOURCE_GROUP, *ARC, "legacy", body)
        assert created.provisioning_state == "Succeeded"
        assert [c.name for c in ops.list(RESOURCE_GROUP, *ARC)] == ["legacy"]
        assert ops.begin_delete(RESOURCE_GROUP, *ARC, "legacy").result() is None


def test_unregistered_provider_409_and_sdk_auto_registration(tmp_path, monkeypatch):
    """ARMAutoResourceProviderRegistrationPolicy parses the 409 and registers the namespace.

    Only non-streamed calls benefit: the 1.0.0 SDKs send LRO initial requests with stream=True, so
    the policy cannot read the body of a 409 there (checked below with the flux client).
    """
    import azure.mgmt.core.policies._base as base
    from azure.core.exceptions import ResourceExistsError
    from azure.mgmt.kubernetesconfiguration import SourceControlConfigurationClient
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import (
        KubernetesConfigurationFluxConfigurationsMgmtClient,
    )
    from azure.mgmt.kubernetesconfiguration.v2023_05_01 import models as m
    from test_lro_sdk import _flux_model

    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"subscriptions": [{
        "id": SUBSCRIPTION_ID, "providers": {"Microsoft.KubernetesConfiguration": "NotRegistered"},
        "resourceGroups": [{"name": RESOURCE_GROUP, "clusters": [{"name": "arc-demo", "type": "connectedClusters"}]}],
    }]}))
    monkeypatch.setattr(base.time, "sleep", lambda _: None)  # the policy waits 10 s before checking
    with start_emulator(tmp_path / "s", seed=seed, extra_args=["--allow-flux-v1-create"]) as emu:
        arm = Arm(emu)
        refused = arm.put(item_path("fluxConfigurations", "cfg"), FLUX_API, git_flux())
        assert refused.status_code == 409
        error = refused.json()["error"]
        assert error["code"] == "MissingSubscriptionRegistration"
        assert error["message"].split("'")[-2] == "Microsoft.KubernetesConfiguration"
        assert error["details"][0]["target"] == "Microsoft.KubernetesConfiguration"
        flux = KubernetesConfigurationFluxConfigurationsMgmtClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
        with pytest.raises(ResourceExistsError):
            flux.flux_configurations.begin_create_or_update(RESOURCE_GROUP, *ARC, "cfg", _flux_model())
        scc = SourceControlConfigurationClient(StaticToken(), SUBSCRIPTION_ID, **sdk_kwargs(emu))
        body = m.SourceControlConfiguration(repository_url="https://github.com/org/repo", operator_type="Flux")
        created = scc.source_control_configurations.create_or_update(RESOURCE_GROUP, *ARC, "legacy", body)
        assert created.provisioning_state == "Succeeded"
        calls = [(r["method"], r["path"].rsplit("/", 1)[-1], r["status"]) for r in emu.requests(kind="arm")]
        assert ("POST", "register", 200) in calls and ("PUT", "legacy", 201) in calls
        provider = arm.get(f"/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.KubernetesConfiguration",
                           "2016-02-01").json()
        assert provider["registrationState"] == "Registered"


@pytest.mark.parametrize("version", ["1.6.3", "1.7.0", "1.17.2"])
def test_known_flux_versions_resolve(arm: Arm, version: str):
    path = item_path("extensions", "flux")
    arm.put(path, EXT_API, {"properties": {"extensionType": "microsoft.flux", "version": version}})
    body = arm.get(path, EXT_API).json()["properties"]
    assert body["currentVersion"] == version and body["autoUpgradeMinorVersion"] is False
