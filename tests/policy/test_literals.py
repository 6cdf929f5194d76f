"""A value that starts with '[' is written escaped ('[['), so ARM and Azure Policy read it as the text it is; the
condition still matches the resource that holds it, and a parameter default is the plain value."""

from azext_k8s_flux.policy.definitions import generate
from tests.policy.deploying import complies, defaults

CONFIGURATION = {"name": "odd", "properties": {
    "scope": "cluster", "namespace": "odd", "sourceKind": "GitRepository", "provisioningState": "Succeeded",
    "gitRepository": {"url": "https://github.com/contoso/odd", "repositoryRef": {"branch": "[draft]"}},
    "kustomizations": {"apps": {"name": "apps", "path": "[apps]", "dependsOn": [], "prune": False}}}}
CLUSTER = "/subscriptions/sub-1/resourceGroups/rg-a/providers/Microsoft.ContainerService/managedClusters/aks-odd"
EXTENSION = {"name": "flux", "properties": {"extensionType": "microsoft.flux", "autoUpgradeMinorVersion": True}}


def test_bracketed_values_are_escaped_and_still_match():
    definition = generate(CONFIGURATION, EXTENSION, tokens=["branch"]).configuration
    template = definition["policyRule"]["then"]["details"]["deployment"]["properties"]["template"]
    assert template["resources"][1]["properties"]["kustomizations"]["apps"]["path"] == "[[apps]"
    assert definition["parameters"]["branch"]["defaultValue"] == "[draft]"
    resource = {**CONFIGURATION, "type": "Microsoft.KubernetesConfiguration/fluxConfigurations", "id": CLUSTER
                + "/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/odd"}
    assert complies(definition, resource, defaults(definition))
    resource["properties"]["kustomizations"]["apps"]["path"] = "apps"
    assert not complies(definition, resource, defaults(definition))
