"""The `az k8s-configuration` / `az k8s-extension` commands of Microsoft Learn's Arc and AKS GitOps and cluster
extension pages, re-typed in the demo world's names (see examples.py for the fields)."""

from tests.conformance.examples import AKS, AKS_CLUSTER, ARC, ARC_CLUSTER, FLUX_KEPT, MISSING, TUTORIAL, Example

EXTENSIONS = ARC + "extensions.md"
CI_CD = ARC + "tutorial-gitops-flux2-ci-cd.md"
MARKETPLACE = ARC + "deploy-marketplace.md"
AKS_EXTENSIONS = AKS + "deploy-extensions-az-cli.md"
AZURE_REPOS = "https://dev.azure.com/contoso/fleet/_git/arc-cicd-demo-gitops"
NO_REVISION = (
    "wrong for the official CLI too: it names no --branch/--tag/--semver/--commit, which the official "
    "command requires ('Specifying one of [--branch, --tag, --semver, --commit] is required')"
)
RSA_SHA2 = '"--ssh-hostkey-algos=rsa-sha2-512,rsa-sha2-256"'  # quoted as on the page
NO_UPDATE_TYPE = (
    "wrong for the official CLI too: `k8s-extension update` has no --extension-type (nor --scope) "
    "option; the official command stops with 'unrecognized arguments'"
)


def _flux_settings(id_, where, says, verb, settings, cluster=ARC_CLUSTER):
    """A `k8s-extension create/update -n flux --config ...` example of the Flux tutorial; `settings` as stored."""
    given = ("flux",) if verb == "update" else ()
    create = " --extension-type microsoft.flux" if verb == "create" else ""
    pairs = " ".join(f"{key}={value}" for key, value in settings.items())
    return Example(
        id_, f"{TUTORIAL}: {where}", says,
        f"k8s-extension {verb} {cluster} --name flux{create} --config {pairs}", given=given,
        answers_prompt=verb == "update",
        stored={"extensions/flux": {f"configurationSettings/{key}": value.strip('"')
                                    for key, value in settings.items()}})  # fmt: skip


FLUX_TUTORIAL = [
    Example(
        "learn-tutorial-flux-create",
        TUTORIAL + ": Apply a Flux configuration",
        "Installs microsoft.flux if it is not there yet and creates cluster-config for the demo repository with "
        "two pruning kustomizations, apps depending on infra (dependsOn written as a JSON-like list).",
        f"k8s-configuration flux create {ARC_CLUSTER} -n cluster-config --namespace cluster-config --scope cluster "
        "-u https://github.com/Azure/gitops-flux2-kustomize-helm-mt --branch main "
        "--kustomization name=infra path=./infrastructure prune=true "
        '--kustomization name=apps path=./apps/staging prune=true dependsOn=\\["infra"\\]',
        via="az",
        stored={
            "extensions/flux": {"extensionType": "microsoft.flux"},
            "fluxConfigurations/cluster-config": {
                "kustomizations/apps/dependsOn": ["infra"],
                "kustomizations/apps/prune": True,
                **FLUX_KEPT,
            },
        },
    ),
    Example(
        "learn-tutorial-flux-show",
        TUTORIAL + ": Apply a Flux configuration (show, twice)",
        "Shows the configuration to read its compliance state; once Flux has applied it, Compliant.",
        f"k8s-configuration flux show {ARC_CLUSTER} -n cluster-config",
        given=("git",),
        result={"name": "cluster-config", "complianceState": "Compliant"},
    ),
    _flux_settings(
        "learn-tutorial-image-controllers",
        "Flux extension controllers",
        "Installs Flux with the image-reflector and image-automation controllers.",
        "create",
        {"image-automation-controller.enabled": "true", "image-reflector-controller.enabled": "true"},
    ),
    _flux_settings(
        "learn-tutorial-kubelet-identity",
        "Use Kubelet identity (AKS)",
        "Installs Flux on AKS authenticating with the kubelet identity.",
        "create",
        {"useKubeletIdentity": "true"},
        cluster=AKS_CLUSTER,
    ),
    _flux_settings(
        "learn-tutorial-source-memory",
        "Flux extension resources (note)",
        "Raises the source-controller's memory limit and request.",
        "update",
        {"source-controller.resources.limits.memory": "2Gi", "source-controller.resources.requests.memory": "300Mi"},
    ),
    _flux_settings(
        "learn-tutorial-detect-drift",
        "Helm chart drift detection",
        "Turns on Helm drift detection.",
        "update",
        {"helm-controller.detectDrift": "true"},
    ),
    _flux_settings(
        "learn-tutorial-strict-substitution-create",
        "Strict post-build substitution (create)",
        "Installs Flux with strict variable substitution.",
        "create",
        {"kustomize-controller.strict-substitution-mode": "true"},
    ),
    _flux_settings(
        "learn-tutorial-strict-substitution-update",
        "Strict post-build substitution (update)",
        "Turns on strict variable substitution.",
        "update",
        {"kustomize-controller.strict-substitution-mode": "true"},
    ),
    _flux_settings(
        "learn-tutorial-kustomize-limits",
        "Vertical scaling",
        "Raises the kustomize-controller's memory and CPU limits.",
        "update",
        {"kustomize-controller.resources.limits.memory": "2Gi", "kustomize-controller.resources.limits.cpu": "2000m"},
    ),
    _flux_settings(
        "learn-tutorial-kustomize-concurrency",
        "Vertical scaling",
        "Lets the kustomize-controller reconcile 6 at a time and requeue dependencies after 50s.",
        "update",
        {"kustomize-controller.concurrent": "6", "kustomize-controller.requeue-dependency": "50s"},
    ),
    _flux_settings(
        "learn-tutorial-in-memory-build",
        "Vertical scaling",
        "Builds kustomizations in memory.",
        "update",
        {"kustomize-controller.enable-in-memory-build": "true"},
    ),
    _flux_settings(
        "learn-tutorial-oom-watch",
        "Helm OOM detection",
        "Turns on the helm-controller's out-of-memory watch at 70% every 700ms.",
        "update",
        {
            "helm-controller.outOfMemoryWatch.enabled": "true",
            "helm-controller.outOfMemoryWatch.memoryThreshold": "70",
            "helm-controller.outOfMemoryWatch.interval": "700ms",
        },
    ),
    _flux_settings(
        "learn-tutorial-log-level-oss",
        "Configurable log-level",
        "Sets the source and kustomize controllers' log level to error.",
        "update",
        {"source-controller.log-level": "error", "kustomize-controller.log-level": "error"},
    ),
    _flux_settings(
        "learn-tutorial-log-level-azure",
        "Configurable log-level",
        "Sets fluxconfig-agent's and fluxconfig-controller's log level to error.",
        "update",
        {"fluxconfig-agent.log-level": "error", "fluxconfig-controller.log-level": "error"},
    ),
    _flux_settings(
        "learn-tutorial-kube-fqdn-create",
        "Kubernetes API server FQDN (create)",
        "Installs Flux with KUBERNETES_SERVICE_HOST set to the API server's FQDN.",
        "create",
        {"setKubeServiceHostFqdn": "true"},
    ),
    _flux_settings(
        "learn-tutorial-kube-fqdn-update",
        "Kubernetes API server FQDN (update)",
        "Sets KUBERNETES_SERVICE_HOST to the API server's FQDN.",
        "update",
        {"setKubeServiceHostFqdn": "true"},
    ),
    _flux_settings(
        "learn-tutorial-workload-identity",
        "Workload identity in AKS clusters",
        "Installs Flux with workload identity for a user-assigned managed identity.",
        "create",
        {
            "workloadIdentity.enable": "true",
            "workloadIdentity.azureClientId": "11111111-2222-3333-4444-555555555555",
            "workloadIdentity.azureTenantId": "66666666-7777-8888-9999-000000000000",
        },
        cluster=AKS_CLUSTER,
    ),
    Example(
        "learn-tutorial-azure-devops-provider",
        TUTORIAL + ": Use workload identity with Azure DevOps",
        "Sets the Git provider of a configuration (here named flux) to azure, for credential-free access to "
        "Azure Repos.",
        f'k8s-configuration flux update {ARC_CLUSTER} --name flux --provider "azure"',
        given=("ado:flux",),
        stored={"fluxConfigurations/flux": {"gitRepository/provider": "Azure"}},
    ),
    _flux_settings(
        "learn-tutorial-ssh-algos-source",
        "Azure DevOps SSH-RSA deprecation",
        "Makes source-controller use rsa-sha2 host key algorithms.",
        "update",
        {"source-controller.ssh-host-key-args": RSA_SHA2},
    ),
    _flux_settings(
        "learn-tutorial-ssh-algos-image",
        "Azure DevOps SSH-RSA deprecation",
        "Makes image-automation-controller use rsa-sha2 host key algorithms.",
        "update",
        {"image-automation-controller.ssh-host-key-args": RSA_SHA2},
    ),
    Example(
        "learn-tutorial-flux-delete",
        TUTORIAL + ": Clean up resources",
        "Deletes the Flux configuration without a prompt.",
        f"k8s-configuration flux delete {ARC_CLUSTER} -n cluster-config --yes",
        given=("git",),
        absent=("fluxConfigurations/cluster-config",),
    ),
    Example(
        "learn-tutorial-extension-delete",
        TUTORIAL + ": Clean up resources (Arc)",
        "Deletes the Flux extension without a prompt.",
        f"k8s-extension delete {ARC_CLUSTER} -n flux --yes",
        given=("flux",),
        absent=("extensions/flux",),
        via="az",
    ),
    Example(
        "learn-tutorial-extension-delete-aks",
        TUTORIAL + ": Clean up resources (AKS)",
        "Deletes the Flux extension of an AKS cluster without a prompt.",
        f"k8s-extension delete {AKS_CLUSTER} -n flux --yes",
        given=("flux",),
        absent=("extensions/flux",),
    ),
]

OTHER_GITOPS_PAGES = [
    Example(
        "learn-tutorial-upgrade-flux",
        "learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2 (published, note on 1.0.0)",
        "Upgrades an existing microsoft.flux to the latest version by creating it again.",
        f"k8s-extension create {ARC_CLUSTER} -n flux --extension-type microsoft.flux",
        given=("ext:flux:microsoft.flux:1.6.3",),
        stored={"extensions/flux": {"autoUpgradeMinorVersion": True, "version": MISSING}},
    ),
    Example(
        "learn-conceptual-extension-type-spelling",
        "learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2 (published): Flux cluster extension",
        "Installs microsoft.flux manually (inline in the text, spelled --extensionType=).",
        f"k8s-extension create {ARC_CLUSTER} -n flux --extensionType=microsoft.flux",
        exit_code=2,
        outcome="wrong for the official CLI too: the option is --extension-type; --extensionType is an unrecognized "
        "argument",
        stderr_has=("--extension-type",),
        absent=("extensions/flux",),
    ),
    Example(
        "learn-release-notes-policy",
        ARC + "extensions-release.md: Azure Policy",
        "Installs the Azure Policy extension.",
        "k8s-extension create --cluster-type connectedClusters --cluster-name demo-arc --resource-group demo-rg "
        "--extension-type Microsoft.PolicyInsights --name azurepolicy",
        result={"name": "azurepolicy", "extensionType": "Microsoft.PolicyInsights"},
    ),
    Example(
        "learn-conceptual-multitenancy-create",
        ARC + "conceptual-gitops-flux2.md: Multi-tenancy",
        "Installs Flux with multi-tenancy enforcement off.",
        f"k8s-extension create --extension-type microsoft.flux --configuration-settings multiTenancy.enforce=false "
        f"{ARC_CLUSTER} -n flux",
        stored={"extensions/flux": {"configurationSettings/multiTenancy.enforce": "false"}},
    ),
    Example(
        "learn-conceptual-multitenancy-update",
        ARC + "conceptual-gitops-flux2.md: Multi-tenancy",
        "Turns multi-tenancy enforcement off on an installed Flux.",
        f"k8s-extension update --configuration-settings multiTenancy.enforce=false {ARC_CLUSTER} -n flux",
        given=("flux",),
        answers_prompt=True,
        stored={"extensions/flux": {"configurationSettings/multiTenancy.enforce": "false"}},
    ),
    Example(
        "learn-parameters-local-auth-ref",
        ARC + "gitops-flux2-parameters.md: Use a local secret",
        "Creates a configuration whose Git credentials come from an existing Kubernetes secret.",
        f"k8s-configuration flux create {ARC_CLUSTER} -n cluster-config --scope cluster --namespace flux-config "
        "-u https://github.com/contoso/fleet --kustomization name=apps --local-auth-ref fleet-git-credentials",
        given=("flux",),
        exit_code=1,
        outcome=NO_REVISION,
        stderr_has=("--branch",),
        absent=("fluxConfigurations/cluster-config",),
    ),
    Example(
        "learn-cicd-create-azure-repos",
        CI_CD + ": Connect the GitOps repository",
        "Creates cluster-config in flux-system for an Azure Repos repository with a user and a PAT.",
        f"k8s-configuration flux create --name cluster-config --cluster-name demo-arc --namespace flux-system "
        f"--resource-group demo-rg -u {AZURE_REPOS} --https-user flux --https-key {{pat}} --scope cluster "
        "--cluster-type connectedClusters --branch master "
        "--kustomization name=cluster-config prune=true path=arc-cicd-cluster/manifests",
        given=("flux",),
        result={"gitRepository/httpsUser": "flux", "namespace": "flux-system"},
    ),
    Example(
        "learn-cicd-create-github",
        CI_CD + ": Connect the GitOps repository (GitHub)",
        "Creates cluster-config for a GitHub repository with a user and a token.",
        "k8s-configuration flux create --name cluster-config --cluster-name demo-arc --namespace cluster-config "
        "--resource-group demo-rg -u https://github.com/contoso/arc-cicd-demo-gitops.git --https-user flux "
        "--https-key {pat} --scope cluster --cluster-type connectedClusters --branch master "
        "--kustomization name=cluster-config prune=true path=arc-cicd-cluster/manifests",
        given=("flux",),
        result={"gitRepository/httpsUser": "flux", "gitRepository/repositoryRef/branch": "master"},
    ),
    Example(
        "learn-cicd-delete",
        CI_CD + ": Clean up resources",
        "Deletes the configuration without a prompt.",
        "k8s-configuration flux delete --name cluster-config --cluster-name demo-arc --resource-group demo-rg "
        "-t connectedClusters --yes",
        given=("git",),
        absent=("fluxConfigurations/cluster-config",),
    ),
    Example(
        "learn-troubleshooting-debug",
        ARC + "extensions-troubleshooting.md: GitOps (Flux v2)",
        "Creates a configuration with --debug to see the requests (the page's <parameters> filled in with the "
        "demo repository: azure-cli itself logs the raw command line under --debug, so an inline secret would "
        "show there with the official command too).",
        f"k8s-configuration flux create {ARC_CLUSTER} -n cluster-config --namespace cluster-config "
        "-u https://github.com/Azure/gitops-flux2-kustomize-helm-mt --branch main -k name=apps path=./apps --debug",
        given=("flux",),
        stderr_has=("PUT",),
    ),
    Example(
        "learn-troubleshooting-extension-show",
        ARC + "extensions-troubleshooting.md: GitOps (Flux v2)",
        "Shows the Flux extension to read its status.",
        f"k8s-extension show {ARC_CLUSTER} -n flux",
        given=("flux",),
        result={"extensionType": "microsoft.flux", "provisioningState": "Succeeded"},
    ),
    Example(
        "learn-troubleshooting-extension-force-delete",
        ARC + "extensions-troubleshooting.md: GitOps (Flux v2)",
        "Force-deletes the Flux extension (the official command asks for confirmation).",
        f"k8s-extension delete --force {ARC_CLUSTER} -n flux",
        given=("flux",),
        answers_prompt=True,
        absent=("extensions/flux",),
    ),
]

EXTENSION_PAGES = [
    Example(
        "learn-extensions-create",
        EXTENSIONS + ": Create an extension instance",
        "Installs Container insights on an Azure Arc cluster.",
        "k8s-extension create --name azuremonitor-containers --extension-type Microsoft.AzureMonitor.Containers "
        "--cluster-name demo-arc --resource-group demo-rg --cluster-type connectedClusters",
        result={"extensionType": "microsoft.azuremonitor.containers"},
    ),
    Example(
        "learn-extensions-show",
        EXTENSIONS + ": Show extension details",
        "Shows an extension.",
        "k8s-extension show --name azuremonitor-containers --cluster-name demo-arc --resource-group demo-rg "
        "--cluster-type connectedClusters",
        given=("ext:azuremonitor-containers:Microsoft.AzureMonitor.Containers",),
        result={"name": "azuremonitor-containers"},
    ),
    Example(
        "learn-extensions-list",
        EXTENSIONS + ": List all extensions",
        "Lists the extensions of a cluster.",
        "k8s-extension list --cluster-name demo-arc --resource-group demo-rg --cluster-type connectedClusters",
        given=("ext:azuremonitor-containers:Microsoft.AzureMonitor.Containers",),
        result={"#names": ["azuremonitor-containers"]},
    ),
    Example(
        "learn-extensions-update-type",
        EXTENSIONS + ": Update an extension instance",
        "Turns auto-upgrade on for Azure Machine Learning, passing its extension type.",
        "k8s-extension update --name azureml --extension-type Microsoft.AzureML.Kubernetes --cluster-name demo-aks "
        "--resource-group demo-rg --auto-upgrade-minor-version true --cluster-type managedClusters",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes:1.1.53",),
        exit_code=2,
        outcome=NO_UPDATE_TYPE,
        stderr_has=("--extension-type",),
        stored={"extensions/azureml": {"autoUpgradeMinorVersion": False}},
    ),
    Example(
        "learn-extensions-update-version",
        EXTENSIONS + ": Upgrade extension instance",
        "Upgrades Azure Machine Learning to a given version.",
        "k8s-extension update --cluster-name demo-arc --resource-group demo-rg --cluster-type connectedClusters "
        "--name azureml --version 1.1.56",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes:1.1.53",),
        stored={"extensions/azureml": {"version": "1.1.56"}},
    ),
    Example(
        "learn-extensions-delete",
        EXTENSIONS + ": Delete extension instance",
        "Deletes Container insights (the official command does not ask for this type: its delete is its own).",
        "k8s-extension delete --name azuremonitor-containers --cluster-name demo-arc --resource-group demo-rg "
        "--cluster-type connectedClusters",
        given=("ext:azuremonitor-containers:Microsoft.AzureMonitor.Containers",),
        absent=("extensions/azuremonitor-containers",),
    ),
    Example(
        "learn-marketplace-types",
        MARKETPLACE + ": Search for Kubernetes applications",
        "Lists the extension types (Marketplace offers included) available to a cluster.",
        "k8s-extension extension-types list-by-cluster --cluster-type connectedClusters --cluster-name demo-arc "
        "--resource-group demo-rg",
        stdout_has=("microsoft.flux",),
    ),
    Example(
        "learn-marketplace-create",
        MARKETPLACE + ": Deploy a Kubernetes application",
        "Buys and installs a Marketplace offer on an Azure Arc cluster.",
        "k8s-extension create --name voteapp --extension-type Contoso.AzureVoteKubernetesAppTest "
        "--cluster-name demo-arc --resource-group demo-rg --cluster-type connectedClusters --plan-name testplan "
        "--plan-product voteapp-offer --plan-publisher contoso",
        result={"plan/publisher": "contoso"},
    ),
    Example(
        "learn-marketplace-list",
        MARKETPLACE + ": Verify the deployment",
        "Lists the extensions of the cluster.",
        "k8s-extension list --cluster-name demo-arc --resource-group demo-rg --cluster-type connectedClusters",
        given=("ext:voteapp:Contoso.AzureVoteKubernetesAppTest",),
        result={"#names": ["voteapp"]},
    ),
    Example(
        "learn-marketplace-show",
        MARKETPLACE + ": Verify the deployment",
        "Shows the installed offer.",
        "k8s-extension show --name voteapp --cluster-name demo-arc --resource-group demo-rg "
        "--cluster-type connectedClusters",
        given=("ext:voteapp:Contoso.AzureVoteKubernetesAppTest",),
        result={"name": "voteapp"},
    ),
    Example(
        "learn-marketplace-delete",
        MARKETPLACE + ": Remove a Kubernetes application",
        "Deletes the offer's extension (the official command asks for confirmation).",
        "k8s-extension delete --name voteapp --cluster-name demo-arc --resource-group demo-rg "
        "--cluster-type connectedClusters",
        given=("ext:voteapp:Contoso.AzureVoteKubernetesAppTest",),
        answers_prompt=True,
        absent=("extensions/voteapp",),
    ),
    Example(
        "aks-cluster-extensions-create",
        AKS + "cluster-extensions.md: Standard extensions",
        "Installs a standard extension (here Dapr) at cluster scope on AKS.",
        "k8s-extension create --name dapr --extension-type Microsoft.Dapr --scope cluster --cluster-name demo-aks "
        "--resource-group demo-rg --cluster-type managedClusters",
        result={"name": "dapr", "extensionType": "Microsoft.Dapr", "scope/namespace": MISSING},
    ),
    Example(
        "aks-extensions-create-azureml",
        AKS_EXTENSIONS + ": Create extension instance",
        "Installs Azure Machine Learning on AKS with three settings.",
        "k8s-extension create --name azureml --extension-type Microsoft.AzureML.Kubernetes --scope cluster "
        "--cluster-name demo-aks --resource-group demo-rg --cluster-type managedClusters "
        "--configuration-settings enableInference=True allowInsecureConnections=True "
        "inferenceRouterServiceType=LoadBalancer",
        stored={
            "extensions/azureml": {
                "configurationSettings/enableInference": "True",
                "configurationSettings/inferenceRouterServiceType": "LoadBalancer",
            }
        },
    ),
    Example(
        "aks-extensions-create-marketplace",
        AKS_EXTENSIONS + ": Create extension instance",
        "Buys and installs a Marketplace application on AKS with its settings.",
        "k8s-extension create --name voteapp --extension-type Contoso.AzureVoteKubernetesAppTest --scope cluster "
        "--cluster-name demo-aks --resource-group demo-rg --cluster-type managedClusters --plan-name testPlanID "
        "--plan-product testOfferID --plan-publisher testPublisherID "
        "--configuration-settings title=VoteAnimal value1=Cats value2=Dogs",
        result={"plan/name": "testPlanID", "configurationSettings/value2": "Dogs"},
    ),
    Example(
        "aks-extensions-show",
        AKS_EXTENSIONS + ": Show details of an extension instance",
        "Shows an extension.",
        "k8s-extension show --name azureml --cluster-name demo-aks --resource-group demo-rg "
        "--cluster-type managedClusters",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes",),
        result={"name": "azureml"},
    ),
    Example(
        "aks-extensions-list",
        AKS_EXTENSIONS + ": List all extensions installed on the cluster",
        "Lists the extensions of a cluster.",
        "k8s-extension list --cluster-name demo-aks --resource-group demo-rg --cluster-type managedClusters",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes",),
        result={"#names": ["azureml"]},
    ),
    Example(
        "aks-extensions-update",
        AKS_EXTENSIONS + ": Update extension instance",
        "Updates an extension, passing its type and scope again.",
        "k8s-extension update --name azureml --extension-type Microsoft.AzureML.Kubernetes --scope cluster "
        "--cluster-name demo-aks --resource-group demo-rg --cluster-type managedClusters",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes",),
        exit_code=2,
        outcome=NO_UPDATE_TYPE,
        stderr_has=("--extension-type",),
    ),
    Example(
        "aks-extensions-delete",
        AKS_EXTENSIONS + ": Delete extension instance",
        "Deletes an extension (the official command asks for confirmation).",
        "k8s-extension delete --name azureml --cluster-name demo-aks --resource-group demo-rg "
        "--cluster-type managedClusters",
        given=("ext:azureml:Microsoft.AzureML.Kubernetes",),
        answers_prompt=True,
        absent=("extensions/azureml",),
    ),
]

LEARN_EXAMPLES = FLUX_TUTORIAL + OTHER_GITOPS_PAGES + EXTENSION_PAGES
