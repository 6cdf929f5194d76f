"""Deployed resources obey the same backends as direct PUTs: validation, service rules, failures, nesting."""

from __future__ import annotations

from deployment_helpers import (
    EXT,
    FLUX,
    SCHEMA,
    deploy,
    finished,
    flux_configuration,
    flux_extension,
    operations,
    template,
)
from emu_helpers import EXT_API, FLUX_API, item_path


def failed_operations(arm, name):
    return [(o["properties"]["targetResource"]["resourceName"], o["properties"]["statusMessage"]["error"])
            for o in operations(arm, name) if o["properties"]["provisioningState"] == "Failed"]


def test_a_configuration_alone_gets_microsoft_flux_installed_as_a_direct_put_does(arm):
    deploy(arm, "config-only", template([flux_configuration(depends=())]), {"clusterName": "arc-demo"})
    assert finished(arm, "config-only")["properties"]["provisioningState"] == "Succeeded"
    ext = arm.get(item_path("extensions", "flux"), EXT_API).json()
    assert ext["properties"]["extensionType"] == "microsoft.flux"
    assert [o["properties"]["targetResource"]["resourceType"] for o in operations(arm, "config-only")] == [FLUX]


def test_a_backend_refusal_fails_the_operation_with_the_backends_own_error(arm):
    bad = flux_configuration(depends=(), scope="everywhere")
    deploy(arm, "bad-config", template([bad]), {"clusterName": "arc-demo"})
    done = finished(arm, "bad-config")["properties"]
    assert done["provisioningState"] == "Failed"
    assert done["error"]["code"] == "DeploymentFailed"
    direct = arm.put(item_path("fluxConfigurations", "direct"), "2024-11-01", {"properties": bad["properties"]})
    assert direct.status_code == 400
    [(name, error)] = failed_operations(arm, "bad-config")
    assert name == "apps"
    assert error == direct.json()["error"]
    assert "Invalid scope 'everywhere'" in error["message"]
    assert done["error"]["details"] == [error]


def test_when_a_dependency_fails_its_dependents_are_never_sent(emu, arm):
    emu.set_fault("lro-fail", path="/extensions/flux", code="ExtensionOperationFailed", message="helm install failed")
    deploy(arm, "fails", template([flux_configuration(), flux_extension()]), {"clusterName": "arc-demo"})
    assert finished(arm, "fails")["properties"]["provisioningState"] == "Failed"
    assert failed_operations(arm, "fails") == [("flux", {"code": "ExtensionOperationFailed",
                                                         "message": "helm install failed"})]
    assert [o["properties"]["targetResource"]["resourceName"] for o in operations(arm, "fails")] == ["flux"]
    assert arm.get(item_path("fluxConfigurations", "apps"), FLUX_API).status_code == 404


def test_types_the_emulator_does_not_model(arm):
    resources = [
        {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "fleetlogs",
         "location": "eastus", "properties": {}},
        {"type": "Microsoft.Kubernetes/fooClusters", "apiVersion": "2024-01-01", "name": "odd"},
        {**flux_extension(), "apiVersion": "2019-01-01"},
    ]
    deploy(arm, "unknown", template(resources), {"clusterName": "arc-demo"})
    assert finished(arm, "unknown")["properties"]["provisioningState"] == "Failed"
    codes = {name: error["code"] for name, error in failed_operations(arm, "unknown")}
    assert codes == {"fleetlogs": "NoRegisteredProviderFound", "odd": "InvalidResourceType",
                     "flux": "NoRegisteredProviderFound"}


def test_a_false_condition_skips_the_resource_and_satisfies_its_dependents(arm):
    ext = {**flux_extension(), "condition": "[equals(parameters('installFlux'), 'yes')]"}
    deploy(arm, "conditional", template([ext, flux_configuration()], parameters={"installFlux": {"type": "string"}}),
           {"clusterName": "arc-demo", "installFlux": "no"})
    assert finished(arm, "conditional")["properties"]["provisioningState"] == "Succeeded"
    assert [o["properties"]["targetResource"]["resourceName"] for o in operations(arm, "conditional")] == ["apps"]


def test_a_missing_cluster_fails_the_operation_with_arms_not_found(arm):
    deploy(arm, "no-cluster", template([flux_extension()]), {"clusterName": "ghost"})
    [(_, error)] = failed_operations(arm, "no-cluster")
    assert error["code"] == "ResourceNotFound"
    assert "Microsoft.Kubernetes/connectedClusters/ghost" in error["message"]


def _nested(scope: str, parameters=None, resources=None, template_parameters=None, name="inner"):
    return {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": name,
            "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": scope},
                           "parameters": parameters or {},
                           "template": {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
                                        "parameters": template_parameters or {}, "resources": resources or []}}}


def test_nested_inner_scope_binds_its_own_parameters(arm):
    inner_ext = {**flux_extension(**{"multiTenancy.enforce": "false"}),
                 "scope": "[concat('Microsoft.Kubernetes/connectedClusters/', parameters('target'))]"}
    nested = _nested("inner", parameters={"target": {"value": "[parameters('clusterName')]"}},
                     resources=[inner_ext], template_parameters={"target": {"type": "string"}})
    deploy(arm, "outer-deploy", template([nested]), {"clusterName": "arc-demo"})
    assert finished(arm, "outer-deploy")["properties"]["provisioningState"] == "Succeeded"
    inner = finished(arm, "inner")["properties"]
    assert inner["parameters"] == {"target": {"type": "String", "value": "arc-demo"}}
    assert inner["outputResources"][0]["id"].endswith("connectedClusters/arc-demo/providers/" + EXT + "/flux")
    ext = arm.get(item_path("extensions", "flux"), EXT_API).json()["properties"]
    assert ext["configurationSettings"] == {"multiTenancy.enforce": "false"}
    assert [o["properties"]["targetResource"]["resourceType"] for o in operations(arm, "outer-deploy")] == [
        "Microsoft.Resources/deployments"]


def test_nested_outer_scope_sees_the_parents_parameters_and_variables(arm):
    nested = _nested("outer", resources=[{**flux_configuration(depends=()), "name": "[variables('configName')]"}])
    names = {"configName": "[concat('cfg-', parameters('clusterName'))]"}
    deploy(arm, "outer-scope", template([nested], variables=names), {"clusterName": "arc-demo"})
    assert finished(arm, "outer-scope")["properties"]["provisioningState"] == "Succeeded"
    assert arm.get(item_path("fluxConfigurations", "cfg-arc-demo"), FLUX_API).status_code == 200


def test_a_failure_inside_a_nested_deployment_fails_the_parent(arm):
    nested = _nested("inner", resources=[{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
                                          "name": "x"}], name="inner-bad")
    deploy(arm, "parent-bad", template([nested]), {"clusterName": "arc-demo"})
    parent = finished(arm, "parent-bad")["properties"]
    assert parent["provisioningState"] == "Failed"
    assert finished(arm, "inner-bad")["properties"]["provisioningState"] == "Failed"
    assert parent["error"]["details"][0]["code"] == "DeploymentFailed"


def test_a_template_shaped_like_the_built_in_flux_policy_deploys(arm):
    """Azure's built-in Flux DeployIfNotExists policies deploy a template of this shape (our own minimal copy):
    string parameters for the cluster, json('null') for unset refs, an expression as a kustomization key, and a
    scope that picks the cluster type from the resource type."""
    strings = ("clusterResourceType", "clusterName", "configurationName", "repositoryUrl", "repositoryRefBranch",
               "repositoryRefTag", "kustomizationName", "kustomizationPath")
    params = {n: {"type": "string"} for n in strings} | {"repositoryTimeout": {"type": "int"},
                                                          "kustomizationPrune": {"type": "bool"}}
    ref = "[if(not(empty(parameters('repositoryRef{0}'))), parameters('repositoryRef{0}'), json('null'))]"
    policy_template = {
        "$schema": SCHEMA, "contentVersion": "1.0.0.0", "parameters": params,
        "resources": [{
            "type": FLUX, "apiVersion": "2022-03-01", "name": "[parameters('configurationName')]",
            "scope": "[concat(if(contains(toLower(parameters('clusterResourceType')), toLower('connectedclusters')), "
                     "'Microsoft.Kubernetes/connectedClusters/', 'Microsoft.ContainerService/managedClusters/'), "
                     "parameters('clusterName'))]",
            "properties": {
                "scope": "cluster", "namespace": "policy-config", "sourceKind": "GitRepository",
                "gitRepository": {"url": "[parameters('repositoryUrl')]",
                                  "timeoutInSeconds": "[parameters('repositoryTimeout')]",
                                  "repositoryRef": {"branch": ref.format("Branch"), "tag": ref.format("Tag")}},
                "kustomizations": {"[parameters('kustomizationName')]": {
                    "path": "[parameters('kustomizationPath')]", "prune": "[parameters('kustomizationPrune')]"}},
            },
        }],
    }
    values = {"clusterResourceType": "Microsoft.ContainerService/managedClusters", "clusterName": "aks-demo",
              "configurationName": "policy-flux", "repositoryUrl": "https://github.com/contoso/baseline",
              "repositoryRefBranch": "release", "repositoryRefTag": "", "kustomizationName": "baseline",
              "kustomizationPath": "./clusters/prod", "repositoryTimeout": 300, "kustomizationPrune": True}
    deploy(arm, "policy-remediation", policy_template, values)
    assert finished(arm, "policy-remediation")["properties"]["provisioningState"] == "Succeeded"
    aks = ("Microsoft.ContainerService", "managedClusters", "aks-demo")
    config = arm.get(item_path("fluxConfigurations", "policy-flux", aks), FLUX_API).json()["properties"]
    assert config["gitRepository"]["repositoryRef"]["branch"] == "release"
    assert config["gitRepository"]["repositoryRef"].get("tag") is None
    assert config["gitRepository"]["timeoutInSeconds"] == 300
    assert config["kustomizations"]["baseline"]["path"] == "./clusters/prod"
    assert config["kustomizations"]["baseline"]["prune"] is True


def test_a_template_shaped_like_the_built_in_flux_extension_policy_deploys(arm):
    """The built-in extension policy's template: the same extension twice, one per cluster kind, each under a
    condition on the resource type; boolean parameters as setting values; json('null') for an unset version."""
    def twin(rp: str, kind: str) -> dict:
        return {"condition": f"[contains(toLower(parameters('clusterResourceType')), toLower('{kind}'))]",
                "type": EXT, "apiVersion": "2022-03-01", "name": "flux",
                "scope": f"[concat('{rp}/{kind}/', parameters('clusterName'))]",
                "properties": {"extensionType": "microsoft.flux", "releaseTrain": "Stable",
                               "autoUpgradeMinorVersion": "[parameters('autoUpgrade')]",
                               "version": "[if(and(not(empty(parameters('version'))), not(parameters('autoUpgrade'))),"
                                          " parameters('version'), json('null'))]",
                               "configurationSettings": {"helm-controller.enabled": "[parameters('helm')]",
                                                         "image-automation-controller.enabled": False}}}
    tmpl = {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
            "parameters": {"clusterName": {"type": "string"}, "clusterResourceType": {"type": "string"},
                           "helm": {"type": "bool"}, "autoUpgrade": {"type": "bool"}, "version": {"type": "string"}},
            "resources": [twin("Microsoft.Kubernetes", "connectedClusters"),
                          twin("Microsoft.ContainerService", "managedClusters")]}
    deploy(arm, "ext-policy", tmpl, {"clusterName": "aks-demo", "clusterResourceType":
                                     "Microsoft.ContainerService/managedClusters", "helm": True,
                                     "autoUpgrade": True, "version": ""})
    assert finished(arm, "ext-policy")["properties"]["provisioningState"] == "Succeeded"
    [op] = operations(arm, "ext-policy")
    assert "/managedClusters/aks-demo/" in op["properties"]["targetResource"]["id"]
    aks = ("Microsoft.ContainerService", "managedClusters", "aks-demo")
    ext = arm.get(item_path("extensions", "flux", aks), EXT_API).json()["properties"]
    assert ext["configurationSettings"] == {"helm-controller.enabled": "true",
                                            "image-automation-controller.enabled": "false"}
    assert ext["autoUpgradeMinorVersion"] is True
    assert arm.get(item_path("extensions", "flux"), EXT_API).status_code == 404  # the Arc twin was not deployed


def test_setting_values_that_are_not_scalars_are_still_refused(arm):
    body = {"properties": {"extensionType": "microsoft.flux", "configurationSettings": {"a": {"nested": 1}}}}
    refused = arm.put(item_path("extensions", "flux"), EXT_API, body)
    assert (refused.status_code, refused.json()["error"]["code"]) == (400, "InvalidRequestContent")


def test_depending_on_a_name_two_conditional_twins_share_waits_for_the_deployed_one(arm):
    twins = [{**flux_extension(), "condition": "[equals(parameters('kind'), 'arc')]"},
             {**flux_extension(), "scope": "[concat('Microsoft.ContainerService/managedClusters/', 'aks-demo')]",
              "condition": "[equals(parameters('kind'), 'aks')]"}]
    config = {**flux_configuration(depends=("flux",)),
              "scope": "[concat('Microsoft.ContainerService/managedClusters/', 'aks-demo')]"}
    deploy(arm, "twins", template([config, *twins], parameters={"kind": {"type": "string"}}),
           {"clusterName": "arc-demo", "kind": "aks"})
    assert finished(arm, "twins")["properties"]["provisioningState"] == "Succeeded"
    targets = [o["properties"]["targetResource"]["id"].split("/providers/")[1] for o in operations(arm, "twins")]
    assert targets == ["Microsoft.ContainerService/managedClusters/aks-demo"] * 2
    assert [o["properties"]["targetResource"]["resourceType"] for o in operations(arm, "twins")] == [EXT, FLUX]


def test_an_expression_that_fails_while_deploying_fails_its_operation(arm):
    missing = "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-gitops/providers/" \
              "Microsoft.Kubernetes/connectedClusters/arc-demo/providers/" + EXT + "/absent"
    ext = {**flux_extension(), "properties": {"extensionType": "microsoft.flux",
                                              "version": f"[reference('{missing}').version]"}}
    deploy(arm, "late-error", template([ext]), {"clusterName": "arc-demo"})
    assert finished(arm, "late-error")["properties"]["provisioningState"] == "Failed"
    [(_, error)] = failed_operations(arm, "late-error")
    assert error["message"].startswith("Unable to process template language expressions for resource '")
    assert f"The Resource '{missing}' was not found." in error["message"]
