"""Every example command of the official k8s-configuration / k8s-extension help and of Microsoft Learn's Arc and
AKS GitOps pages, re-typed in the demo world's names, with what its page says it does and what must happen.

Names: `-g demo-rg -c demo-arc` (Azure Arc, -t connectedClusters) and `-c demo-aks` (AKS, -t managedClusters);
the test puts a fresh cluster of that type in their place. `{name}` marks a dummy secret the test generates
(and then looks for in the output), or a file from `files` (JSON written by the test; `{name}` is its path).

`outcome`: "works" (the page's outcome), V1_RETIRED (Flux v1 creation: our refusal is the expected outcome) or
"wrong for the official CLI too: <why>" (the official command fails the same way, with a usage error).
`pending`: "<branch>: <reason>" while the fix is on that branch; the test expects these to fail (strict xfail),
so an example that starts to pass says its marker must go.
"""

from dataclasses import dataclass, field

MISSING = "<missing>"  # a `stored` value: the key must not be there
V1_RETIRED = "refused: Flux v1 creation retired"

CFG_HELP = "Azure/azure-cli-extensions src/k8s-configuration/azext_k8s_configuration/_help.py"
CFG_HELP_V1 = CFG_HELP + " (1.x, before Flux v1 create was removed)"
EXT_HELP = "Azure/azure-cli-extensions src/k8s-extension/azext_k8s_extension/_help.py"
ARC = "MicrosoftDocs/azure-management-docs articles/azure-arc/kubernetes/"
AKS = "MicrosoftDocs/azure-aks-docs articles/aks/"
TUTORIAL = ARC + "tutorial-use-gitops-flux2.md"

ARC_CLUSTER = "-g demo-rg -c demo-arc -t connectedClusters"
AKS_CLUSTER = "-g demo-rg -c demo-aks -t managedClusters"
ARC_LONG = "--resource-group demo-rg --cluster-name demo-arc --cluster-type connectedClusters"
AKS_LONG = "--resource-group demo-rg --cluster-name demo-aks --cluster-type managedClusters"
FLUX_KEPT = {"kustomizations/infra/path": "./infrastructure", "kustomizations/infra/prune": True}


@dataclass(frozen=True)
class Example:
    id: str
    source: str  # repository and path (or page), and which example of it
    says: str  # what the page says the command does
    command: str
    given: tuple = ()  # see tests/conformance/world.py
    exit_code: int = 0
    result: dict = field(default_factory=dict)  # "a/b/c" path in the printed JSON -> value ("#names": list names)
    stored: dict = field(default_factory=dict)  # "resourceType/name" -> {path in its properties: value}
    absent: tuple = ()  # "resourceType/name" that must not exist afterwards
    stdout_has: tuple = ()
    stderr_has: tuple = ()
    answers_prompt: bool = False  # the official command asks here too; the page's reader answers yes
    files: dict = field(default_factory=dict)
    outcome: str = "works"
    pending: str = ""
    via: str = "cli"  # "az": run through the real `az` (a few end-to-end proofs); "cli": in-process


K8S_CONFIGURATION_HELP = [
    Example(
        "cfg-help-flux-create-git",
        CFG_HELP + ": flux create #1",
        "Creates a Flux v2 configuration for a public Git repository with one kustomization.",
        f"k8s-configuration flux create {ARC_LONG} --name cluster-config --scope cluster --namespace cluster-config "
        "--kind git --url https://github.com/Azure/arc-k8s-demo --branch main --kustomization name=apps",
        given=("flux",),
        result={
            "sourceKind": "GitRepository",
            "gitRepository/repositoryRef/branch": "main",
            "provisioningState": "Succeeded",
        },
        stored={"fluxConfigurations/cluster-config": {"kustomizations/apps/path": "", "scope": "cluster"}},
    ),
    Example(
        "cfg-help-flux-create-bucket",
        CFG_HELP + ": flux create #2",
        "Creates a Flux v2 configuration reading an S3-compatible bucket with an access key and a secret key.",
        f"k8s-configuration flux create {ARC_LONG} --name cluster-config --scope cluster --namespace cluster-config "
        "--kind bucket --url https://minio.contoso.com --bucket-name fleet-manifests --kustomization name=apps "
        "--bucket-access-key fleet-reader --bucket-secret-key {bucket_secret}",
        given=("flux",),
        result={"sourceKind": "Bucket", "bucket/bucketName": "fleet-manifests", "bucket/accessKey": "fleet-reader"},
    ),
    Example(
        "cfg-help-flux-create-azblob",
        CFG_HELP + ": flux create #3",
        "Creates a Flux v2 configuration reading an Azure Blob container with a storage account key.",
        f"k8s-configuration flux create {ARC_LONG} --name cluster-config --scope cluster --namespace cluster-config "
        "--kind azblob --url https://demostorage.blob.core.windows.net --container-name fleet "
        "--kustomization name=apps --account-key {account_key}",
        given=("flux",),
        result={"sourceKind": "AzureBlob", "azureBlob/containerName": "fleet"},
    ),
    Example(
        "cfg-help-flux-update-kustomization",
        CFG_HELP + ": flux update #1",
        "Updates the source and the path of one kustomization (the official command sends a PATCH that merges: "
        "what was not given keeps its value, the other kustomization stays).",
        f"k8s-configuration flux update {ARC_LONG} --name cluster-config "
        "--url https://github.com/Azure/gitops-flux2-kustomize-helm-mt --branch main "
        "--kustomization name=apps path=./apps/production",
        given=("git",),
        stored={
            "fluxConfigurations/cluster-config": {
                "kustomizations/apps/path": "./apps/production",
                "kustomizations/apps/prune": True,
                "kustomizations/apps/dependsOn": ["infra"],
                **FLUX_KEPT,
            }
        },
    ),
    Example(
        "cfg-help-flux-update-bucket-insecure",
        CFG_HELP + ": flux update #2",
        "Lets a bucket configuration connect without TLS (the official command accepts this for an https:// "
        "bucket URL).",
        f"k8s-configuration flux update {ARC_LONG} --name cluster-config --bucket-insecure",
        given=("bucket",),
        stored={"fluxConfigurations/cluster-config": {"bucket/insecure": True}},
    ),
    Example(
        "cfg-help-flux-update-azblob-container",
        CFG_HELP + ": flux update #3",
        "Points an Azure Blob configuration at another container.",
        f"k8s-configuration flux update {ARC_LONG} --name cluster-config --container-name fleet-next",
        given=("azblob",),
        stored={
            "fluxConfigurations/cluster-config": {
                "azureBlob/containerName": "fleet-next",
                "azureBlob/managedIdentity/clientId": "11111111-2222-3333-4444-555555555555",
            }
        },
    ),
    Example(
        "cfg-help-flux-list",
        CFG_HELP + ": flux list",
        "Lists the Flux v2 configurations of a cluster.",
        f"k8s-configuration flux list {ARC_LONG}",
        given=("git",),
        result={"#names": ["cluster-config"]},
    ),
    Example(
        "cfg-help-flux-show",
        CFG_HELP + ": flux show",
        "Shows a Flux v2 configuration.",
        f"k8s-configuration flux show {ARC_LONG} --name cluster-config",
        given=("git",),
        result={"name": "cluster-config", "sourceKind": "GitRepository"},
    ),
    Example(
        "cfg-help-flux-delete",
        CFG_HELP + ": flux delete",
        "Deletes a Flux v2 configuration (the official command asks for confirmation).",
        f"k8s-configuration flux delete {ARC_LONG} --name cluster-config",
        given=("git",),
        answers_prompt=True,
        absent=("fluxConfigurations/cluster-config",),
    ),
    Example(
        "cfg-help-kustomization-create",
        CFG_HELP + ": flux kustomization create",
        "Adds a kustomization with prune and force to an existing configuration.",
        f"k8s-configuration flux kustomization create {ARC_LONG} --name cluster-config "
        "--kustomization-name monitoring --path ./monitoring --prune --force",
        given=("git",),
        stored={
            "fluxConfigurations/cluster-config": {
                "kustomizations/monitoring/path": "./monitoring",
                "kustomizations/monitoring/prune": True,
                "kustomizations/monitoring/force": True,
                "kustomizations/apps/path": "./apps/staging",
                **FLUX_KEPT,
            }
        },
    ),
    Example(
        "cfg-help-kustomization-update",
        CFG_HELP + ": flux kustomization update",
        "Changes a kustomization's path, turns prune and force on and its health check off; what was not given "
        "(dependsOn) keeps its value.",
        f"k8s-configuration flux kustomization update {ARC_LONG} --name cluster-config "
        "--kustomization-name apps --path ./apps/production --prune --force --disable-health-check",
        given=("git",),
        stored={
            "fluxConfigurations/cluster-config": {
                "kustomizations/apps/path": "./apps/production",
                "kustomizations/apps/prune": True,
                "kustomizations/apps/force": True,
                "kustomizations/apps/wait": False,
                "kustomizations/apps/dependsOn": ["infra"],
                **FLUX_KEPT,
            }
        },
    ),
    Example(
        "cfg-help-kustomization-list",
        CFG_HELP + ": flux kustomization list",
        "Lists the kustomizations of a configuration.",
        f"k8s-configuration flux kustomization list {ARC_LONG} --name cluster-config",
        given=("git",),
        stdout_has=("infra", "apps", "./apps/staging"),
    ),
    Example(
        "cfg-help-kustomization-show",
        CFG_HELP + ": flux kustomization show",
        "Shows one kustomization.",
        f"k8s-configuration flux kustomization show {ARC_LONG} --name cluster-config --kustomization-name apps",
        given=("git",),
        stdout_has=("./apps/staging", "infra"),
    ),
    Example(
        "cfg-help-kustomization-delete",
        CFG_HELP + ": flux kustomization delete",
        "Removes one kustomization (the official command asks, and asks again because it prunes).",
        f"k8s-configuration flux kustomization delete {ARC_LONG} --name cluster-config --kustomization-name apps",
        given=("git",),
        answers_prompt=True,
        stored={"fluxConfigurations/cluster-config": {"kustomizations/apps": MISSING, **FLUX_KEPT}},
    ),
    Example(
        "cfg-help-deployed-object-list",
        CFG_HELP + ": flux deployed-object list",
        "Lists the objects Flux deployed for a configuration.",
        f"k8s-configuration flux deployed-object list {ARC_LONG} --name cluster-config",
        given=("git",),
        stdout_has=("GitRepository", "Kustomization", "cluster-config-apps"),
    ),
    Example(
        "cfg-help-deployed-object-show",
        CFG_HELP + ": flux deployed-object show",
        "Shows one deployed object, here the configuration's GitRepository.",
        f"k8s-configuration flux deployed-object show {ARC_LONG} --name cluster-config "
        "--object-name cluster-config --object-namespace cluster-config --object-kind GitRepository",
        given=("git",),
        result={"kind": "GitRepository", "name": "cluster-config", "namespace": "cluster-config"},
    ),
    Example(
        "cfg-help-v1-list",
        CFG_HELP + ": list",
        "Lists the Flux v1 configurations of a cluster.",
        f"k8s-configuration list {ARC_LONG}",
        given=("v1",),
        result={"#names": ["cluster-config"]},
    ),
    Example(
        "cfg-help-v1-show",
        CFG_HELP + ": show",
        "Shows a Flux v1 configuration.",
        f"k8s-configuration show {ARC_LONG} --name cluster-config",
        given=("v1",),
        result={"repositoryUrl": "git@github.com:contoso/gitops"},
    ),
    Example(
        "cfg-help-v1-delete",
        CFG_HELP + ": delete",
        "Deletes a Flux v1 configuration.",
        f"k8s-configuration delete {ARC_LONG} --name cluster-config",
        given=("v1",),
        absent=("sourceControlConfigurations/cluster-config",),
    ),
    Example(
        "cfg-help-v1-create",
        CFG_HELP_V1 + ": create",
        "Creates a Flux v1 configuration with the Helm operator.",
        f"k8s-configuration create {ARC_LONG} --name cluster-config --operator-instance-name cluster-config "
        "--operator-namespace cluster-config --operator-type flux --operator-params \"'--git-readonly'\" "
        "--repository-url https://github.com/fluxcd/flux-get-started --enable-helm-operator "
        "--helm-operator-chart-version 1.4.0 --scope namespace --helm-operator-params '--set helm.versions=v3' "
        "--ssh-private-key '' --ssh-private-key-file '' --https-user '' --https-key '' --ssh-known-hosts '' "
        "--ssh-known-hosts-file ''",
        exit_code=1,
        outcome=V1_RETIRED,
        stderr_has=("Flux v1 is retired",),
        absent=("sourceControlConfigurations/cluster-config",),
    ),
]

K8S_EXTENSION_HELP = [
    Example(
        "ext-help-create",
        EXT_HELP + ": create #1",
        "Installs an extension (Open Service Mesh) at cluster scope from the stable release train.",
        f"k8s-extension create {ARC_LONG} --name osm --extension-type microsoft.openservicemesh --scope cluster "
        "--release-train stable",
        result={"extensionType": "microsoft.openservicemesh", "provisioningState": "Succeeded"},
        stored={"extensions/osm": {"releaseTrain": "stable"}},
    ),
    Example(
        "ext-help-create-marketplace",
        EXT_HELP + ": create #2",
        "Buys and installs a Kubernetes application from Azure Marketplace (AKS), naming its plan.",
        f"k8s-extension create {AKS_LONG} --name voteapp --extension-type Contoso.AzureVoteKubernetesAppTest "
        "--scope cluster --release-train stable --plan-name testplan --plan-product kubernetest_apps_demo_offer "
        "--plan-publisher test_test_mix3pptest0011614206850774",
        result={"plan/name": "testplan", "plan/product": "kubernetest_apps_demo_offer"},
    ),
    Example(
        "ext-help-list",
        EXT_HELP + ": list",
        "Lists the extensions of a cluster.",
        f"k8s-extension list {ARC_LONG}",
        given=("ext:osm:microsoft.openservicemesh",),
        result={"#names": ["osm"]},
    ),
    Example(
        "ext-help-delete",
        EXT_HELP + ": delete",
        "Deletes an extension.",
        f"k8s-extension delete {ARC_LONG} --name osm",
        given=("ext:osm:microsoft.openservicemesh",),
        answers_prompt=True,
        absent=("extensions/osm",),
    ),
    Example(
        "ext-help-show",
        EXT_HELP + ": show",
        "Shows an extension.",
        f"k8s-extension show {ARC_LONG} --name osm",
        given=("ext:osm:microsoft.openservicemesh",),
        result={"name": "osm", "extensionType": "microsoft.openservicemesh"},
    ),
    Example(
        "ext-help-update",
        EXT_HELP + ": update",
        "Pins a version and changes settings, with settings and protected settings given both inline and in "
        "files (the page's `true/false` and `extension-version` are placeholders: a pinned version needs false).",
        f"k8s-extension update {ARC_LONG} --name osm --auto-upgrade false --version 1.2.0 --release-train stable "
        "--configuration-settings osm.enablePermissiveTrafficPolicy=true "
        "--config-protected-settings osm.webhookToken={protected_value} "
        "--config-settings-file={settings.json} --config-protected-file={protected.json}",
        given=("ext:osm:microsoft.openservicemesh",),
        answers_prompt=True,
        via="az",
        files={"settings.json": {"osm.logLevel": "info"}, "protected.json": {"osm.caSecret": "{protected_file_value}"}},
        stored={
            "extensions/osm": {
                "version": "1.2.0",
                "autoUpgradeMinorVersion": False,
                "configurationSettings/osm.enablePermissiveTrafficPolicy": "true",
                "configurationSettings/osm.logLevel": "info",
            }
        },
    ),
    Example(
        "ext-help-types-show-by-cluster",
        EXT_HELP + ": extension-types show-by-cluster",
        "Shows an extension type as it applies to a cluster.",
        f"k8s-extension extension-types show-by-cluster {ARC_LONG} --extension-type microsoft.openservicemesh",
        stdout_has=("microsoft.openservicemesh",),
    ),
    Example(
        "ext-help-types-show-by-location",
        EXT_HELP + ": extension-types show-by-location",
        "Shows an extension type in a region.",
        "k8s-extension extension-types show-by-location --location eastus --extension-type microsoft.openservicemesh",
        stdout_has=("microsoft.openservicemesh",),
    ),
    Example(
        "ext-help-types-show-version-by-cluster",
        EXT_HELP + ": extension-types show-version-by-cluster",
        "Shows one version of an extension type for a cluster.",
        f"k8s-extension extension-types show-version-by-cluster {ARC_LONG} "
        "--extension-type microsoft.openservicemesh --version 1.0.0",
        stdout_has=("1.0.0",),
    ),
    Example(
        "ext-help-types-show-version-by-location",
        EXT_HELP + ": extension-types show-version-by-location",
        "Shows one version of an extension type in a region.",
        "k8s-extension extension-types show-version-by-location --location eastus "
        "--extension-type microsoft.openservicemesh --version 1.0.0",
        stdout_has=("1.0.0",),
    ),
    Example(
        "ext-help-types-list-by-cluster",
        EXT_HELP + ": extension-types list-by-cluster",
        "Lists the extension types available to a cluster.",
        f"k8s-extension extension-types list-by-cluster {ARC_LONG}",
        stdout_has=("microsoft.flux",),
    ),
    Example(
        "ext-help-types-list-by-location",
        EXT_HELP + ": extension-types list-by-location",
        "Lists the extension types available in a region.",
        "k8s-extension extension-types list-by-location --location eastus",
        stdout_has=("microsoft.flux",),
    ),
    Example(
        "ext-help-types-list-versions-by-cluster",
        EXT_HELP + ": extension-types list-versions-by-cluster",
        "Lists the versions of microsoft.flux available to a cluster.",
        f"k8s-extension extension-types list-versions-by-cluster {ARC_LONG} --extension-type microsoft.flux",
        stdout_has=("1.17.2",),
    ),
    Example(
        "ext-help-types-list-versions-by-location",
        EXT_HELP + ": extension-types list-versions-by-location",
        "Lists the versions of microsoft.flux available in a region.",
        "k8s-extension extension-types list-versions-by-location --location eastus --extension-type microsoft.flux",
        stdout_has=("1.17.2",),
    ),
]
