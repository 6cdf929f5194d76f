"""The ARM template of `flux export --format arm`, built from configurations as the service returns them and run
through the emulator's template engine (no server): what each resource becomes, per cluster type, and how the
secret parameters are placed."""

import base64

import pytest

from arm_emulator.templates.engine import prepare
from arm_emulator.templates.resourceids import Scope
from azext_k8s_flux.document.arm_template import arm_template
from tests.flux import material as m

SCOPE = Scope("sub-1", "tenant-1", "rg-a", "eastus", "flux-deploy")
CLUSTERS = {"managedClusters": "/subscriptions/sub-1/resourceGroups/rg-a/providers/Microsoft.ContainerService/"
                               "managedClusters/fleet-1",
            "connectedClusters": "/subscriptions/sub-1/resourceGroups/rg-a/providers/Microsoft.Kubernetes/"
                                 "connectedClusters/fleet-1"}  # fmt: skip
# A GET answer's properties: writable fields, service defaults and read-only status, no secret.
HTTPS = {
    "scope": "namespace", "namespace": "team-a", "sourceKind": "GitRepository", "suspend": True,
    "gitRepository": {"url": "https://dev.azure.com/contoso/_git/fleet", "timeoutInSeconds": 600,
                      "syncIntervalInSeconds": 120, "repositoryRef": {"branch": "main", "tag": None, "semver": None,
                                                                      "commit": None},
                      "sshKnownHosts": None, "httpsUser": "deploy", "httpsCACert": "Q0EtQ0VSVA==", "localAuthRef": None,
                      "provider": "Generic"},
    "bucket": None, "azureBlob": None, "ociRepository": None,
    "kustomizations": {"apps": {"name": "apps", "path": "./apps", "dependsOn": [], "timeoutInSeconds": 600,
                                "syncIntervalInSeconds": 600, "retryIntervalInSeconds": None, "prune": True,
                                "force": False, "wait": True, "postBuild": {"substitute": {"REGION": "westeurope"},
                                                                           "substituteFrom": None}}},
    "waitForReconciliation": True, "reconciliationWaitDuration": "PT15M",
    "statuses": [{"name": "x", "kind": "GitRepository"}], "repositoryPublicKey": "", "sourceSyncedCommitId": "main/1",
    "sourceUpdatedAt": "2026-01-01T00:00:00Z", "statusUpdatedAt": "2026-01-01T00:00:00Z",
    "complianceState": "Compliant", "provisioningState": "Succeeded", "errorMessage": "",
}  # fmt: skip
BLOB = {"sourceKind": "AzureBlob", "scope": "cluster", "namespace": "flux",
        "azureBlob": {"url": "https://a.blob.core.windows.net", "containerName": "c", "servicePrincipal": None,
                      "managedIdentity": None, "localAuthRef": None}, "kustomizations": {}}  # fmt: skip
SP_CERT = {"sourceKind": "AzureBlob", "scope": "cluster", "namespace": "flux",
           "azureBlob": {"url": "https://a.blob.core.windows.net", "containerName": "c",
                         "servicePrincipal": {"clientId": m.GUID, "tenantId": m.GUID,
                                              "clientCertificateSendChain": True}}}  # fmt: skip
EXTENSION = {"name": "gitops", "properties": {
    "extensionType": "microsoft.flux", "autoUpgradeMinorVersion": False, "version": None, "currentVersion": "1.18.3",
    "releaseTrain": "Stable", "configurationSettings": {"multiTenancy.enforce": "false"},
    "configurationProtectedSettings": {}, "scope": {"cluster": {"releaseNamespace": "flux-system"}},
    "provisioningState": "Succeeded", "statuses": [], "isSystemExtension": False}}  # fmt: skip


def _deployed(properties, parameters, cluster_type="connectedClusters", extension=EXTENSION):
    """{resource id: (body, ids it depends on)} in the order the engine sends them."""
    template = arm_template("fleet", properties, extension)
    plan = prepare(template, {"clusterName": {"value": "fleet-1"}, "clusterType": {"value": cluster_type},
                              **{k: {"value": v} for k, v in parameters.items()}}, SCOPE, {})  # fmt: skip
    return {step.id: (plan.body(step, lambda *_: None), step.depends) for step in plan.steps}


@pytest.mark.parametrize("cluster_type", list(CLUSTERS))
def test_both_resources_land_on_the_cluster_the_parameters_name(cluster_type):
    deployed = _deployed(HTTPS, {"httpsKey": m.HTTPS_KEY}, cluster_type)
    extension_id = f"{CLUSTERS[cluster_type]}/providers/Microsoft.KubernetesConfiguration/extensions/gitops"
    configuration_id = f"{CLUSTERS[cluster_type]}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/fleet"
    assert list(deployed) == [extension_id, configuration_id]
    assert deployed[configuration_id][1] == [extension_id.lower()]
    identity = deployed[extension_id][0]["identity"]
    assert identity == ({"type": "SystemAssigned"} if cluster_type == "connectedClusters" else None)


def test_the_extension_is_as_installed_and_the_configuration_holds_its_writable_fields_only():
    deployed = list(_deployed(HTTPS, {"httpsKey": m.HTTPS_KEY}).values())
    assert deployed[0][0]["properties"] == {
        "extensionType": "microsoft.flux", "autoUpgradeMinorVersion": False, "releaseTrain": "Stable",
        "version": "1.18.3", "configurationSettings": {"multiTenancy.enforce": "false"},
        "scope": {"cluster": {"releaseNamespace": "flux-system"}}}  # fmt: skip
    assert deployed[1][0]["properties"] == {
        "scope": "namespace", "namespace": "team-a", "sourceKind": "GitRepository", "suspend": True,
        "waitForReconciliation": True, "reconciliationWaitDuration": "PT15M",
        "gitRepository": {"url": "https://dev.azure.com/contoso/_git/fleet", "syncIntervalInSeconds": 120,
                          "repositoryRef": {"branch": "main"}, "httpsUser": "deploy", "httpsCACert": "Q0EtQ0VSVA==",
                          "provider": "Generic"},
        "kustomizations": {"apps": {"path": "./apps", "prune": True,
                                    "postBuild": {"substitute": {"REGION": "westeurope"}}}},
        "configurationProtectedSettings": {"httpsKey": base64.b64encode(m.HTTPS_KEY.encode()).decode()},
    }  # fmt: skip


def test_an_account_key_or_a_sas_token_either_one_is_enough():
    body = list(_deployed(BLOB, {"sasToken": m.SAS_TOKEN}).values())[1][0]["properties"]["azureBlob"]
    assert body["sasToken"] == m.SAS_TOKEN and body["accountKey"] is None
    body = list(_deployed(BLOB, {"accountKey": m.ACCOUNT_KEY}).values())[1][0]["properties"]["azureBlob"]
    assert body["accountKey"] == m.ACCOUNT_KEY and body["sasToken"] is None


def test_a_certificate_parameter_is_sent_as_base64_as_the_api_stores_it():
    body = list(_deployed(SP_CERT, {"spClientCert": m.SP_CERT}).values())[1][0]["properties"]["azureBlob"]
    assert body["servicePrincipal"] == {"clientId": m.GUID, "tenantId": m.GUID, "clientCertificateSendChain": True,
                                        "clientCertificate": base64.b64encode(m.SP_CERT.encode()).decode()}


def test_without_microsoft_flux_the_template_installs_it_with_defaults():
    deployed = list(_deployed(BLOB, {"accountKey": m.ACCOUNT_KEY}, extension=None).values())
    assert deployed[0][0]["properties"] == {"extensionType": "microsoft.flux", "autoUpgradeMinorVersion": True,
                                            "releaseTrain": "Stable", "configurationSettings": {}}


def test_protected_keys_the_service_answers_with_are_parameters_too():
    answered = {**HTTPS, "gitRepository": {**HTTPS["gitRepository"], "httpsUser": None},
                "configurationProtectedSettings": {"httpsKey": ""}}  # fmt: skip
    template = arm_template("fleet", answered, EXTENSION)
    assert template["parameters"]["httpsKey"] == {
        "type": "securestring", "minLength": 1,
        "metadata": {"description": "The value of --https-key: Password or token for HTTPS authentication (with "
                                    "--https-user)."}}  # fmt: skip
    assert template["resources"][1]["properties"]["configurationProtectedSettings"] == {
        "httpsKey": "[base64(parameters('httpsKey'))]"}


def test_a_value_that_looks_like_an_expression_is_deployed_as_written():
    bracketed = {**BLOB, "kustomizations": {"apps": {"path": "./apps",
                                                     "postBuild": {"substitute": {"ZONES": "[1, 2]"}}}}}
    body = list(_deployed(bracketed, {"accountKey": m.ACCOUNT_KEY}).values())[1][0]["properties"]
    assert body["kustomizations"]["apps"]["postBuild"]["substitute"] == {"ZONES": "[1, 2]"}
