"""Help for `az k8s-extension`."""

from knack.help_files import helps

# create's help lists the microsoft.flux settings from their description; the list is filled in when create's
# arguments load (_params.py calls add_flux_settings), so that other commands never load the description.
FLUX_SETTINGS = "(the settings microsoft.flux documents)"

helps["k8s-extension"] = """
type: group
short-summary: Manage Kubernetes cluster extensions, with built-in rules for the Flux extension (microsoft.flux).
long-summary: >
    Cluster extensions install and manage software, such as the Flux GitOps engine, on AKS and
    Azure Arc-enabled Kubernetes clusters through Azure Resource Manager.
    The examples use $RG and $CLUSTER for the resource group and the cluster: set them first (bash:
    RG=my-rg CLUSTER=my-cluster; PowerShell: $RG='my-rg'; $CLUSTER='my-cluster').
"""

helps["k8s-extension create"] = """
type: command
short-summary: Install an extension on a cluster.
long-summary: >
    For microsoft.flux the command knows the service's rules and checks them before sending anything:
    the extension is cluster-scoped in the flux-system namespace; its settings are checked against the
    settings it documents (booleans are sent as true/false, log levels are debug, info or error, resources
    are Kubernetes quantities); unknown keys are reported with the closest known one; --version needs
    auto-upgrade off; --release-train is Stable or Preview. The install is refused, with the commands to
    run, while the cluster still has Flux v1 configurations (az k8s-configuration list).
    Multi-tenancy is on by default; opt out with --configuration-settings multiTenancy.enforce=false.
    The microsoft.flux settings it knows: (the settings microsoft.flux documents)
    Other extension types are passed through without Flux rules. The official command's spellings work
    too: --config-settings, --configuration-protected-settings, --configuration-settings-file and
    --configuration-protected-settings-file with a deprecation warning. Options are never abbreviated:
    give each one in full.
examples:
  - name: Install Flux on an AKS cluster
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --extension-type microsoft.flux
  - name: Install Flux on an Azure Arc-enabled cluster with multi-tenancy turned off
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t connectedClusters -n flux \\
          --extension-type microsoft.flux --configuration-settings multiTenancy.enforce=false
  - name: Install Flux with the image automation controllers and settings from a YAML file
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --extension-type microsoft.flux --config image-automation-controller.enabled=true \\
            image-reflector-controller.enabled=true --config-settings-file flux-settings.yaml
  - name: Pin a Flux version (minor-version auto-upgrade is switched off)
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --extension-type microsoft.flux --version 1.24.1
  - name: Pin a version and stay on it with the newer upgrade mode
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --extension-type microsoft.flux --version 1.24.1 --auto-upgrade-mode none
  - name: Buy and install an Azure Marketplace offer (AKS)
    text: |
        az k8s-extension create -g $RG -c $CLUSTER -t managedClusters -n my-offer \\
          --extension-type contoso.cache --plan-name standard --plan-product contoso-cache \\
          --plan-publisher contoso
"""


def add_flux_settings():
    from azext_k8s_flux.flux_model.extension_settings import settings_summary

    helps["k8s-extension create"] = helps["k8s-extension create"].replace(FLUX_SETTINGS, settings_summary())

helps["k8s-extension update"] = """
type: command
short-summary: Change an extension's settings, release train or version.
long-summary: >
    Sends a PATCH holding only what differs from the extension as it is now; when nothing differs, nothing
    is sent. Remove a setting with --remove-settings (the service removes a setting sent as null).
    Changing protected settings asks for confirmation, or pass --yes; without a terminal the command stops
    and asks for --yes instead of waiting. microsoft.flux settings are checked as for create.
examples:
  - name: Opt out of Flux multi-tenancy
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --config multiTenancy.enforce=false
  - name: Raise the kustomize-controller memory limit and log at debug level
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t connectedClusters -n flux \\
          --config kustomize-controller.resources.limits.memory=2Gi \\
            kustomize-controller.log-level=debug
  - name: Remove a setting so that the extension's default applies again
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --remove-settings multiTenancy.enforce
  - name: Follow the Preview release train with minor-version auto-upgrade
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --release-train preview --auto-upgrade-minor-version true
  - name: Take only patch releases of the installed minor version from now on
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t connectedClusters -n flux \\
          --auto-upgrade-mode patch
  - name: Replace protected settings from a file without a prompt
    text: |
        az k8s-extension update -g $RG -c $CLUSTER -t connectedClusters -n my-extension \\
          --config-protected-file protected.json --yes
"""

helps["k8s-extension delete"] = """
type: command
short-summary: Delete an extension from a cluster.
long-summary: >
    Asks for confirmation unless --yes, as the official command does for every extension type except
    microsoft.azuremonitor.containers and microsoft.azuremonitor.containers.metrics (never asked).
    microsoft.flux is not deleted while Flux configurations still exist
    on the cluster (they are listed with the commands to delete them) unless --force, which also asks Azure
    to remove the extension resource at once (forceDelete).
examples:
  - name: Delete the Flux extension without a prompt
    text: |
        az k8s-extension delete -g $RG -c $CLUSTER -t managedClusters -n flux --yes
  - name: Force the deletion even though Flux configurations remain
    text: |
        az k8s-extension delete -g $RG -c $CLUSTER -t connectedClusters -n flux --force --yes
"""

helps["k8s-extension show"] = """
type: command
short-summary: Show an extension. Protected setting values are never shown.
examples:
  - name: Show the Flux extension as a table
    text: |
        az k8s-extension show -g $RG -c $CLUSTER -t managedClusters -n flux -o table
  - name: Show the installed Flux version
    text: |
        az k8s-extension show -g $RG -c $CLUSTER -t managedClusters -n flux \\
          --query currentVersion
"""

helps["k8s-extension list"] = """
type: command
short-summary: List the extensions of a cluster.
examples:
  - name: List extensions as a table (name, type, version, state, release train, auto-upgrade)
    text: |
        az k8s-extension list -g $RG -c $CLUSTER -t connectedClusters -o table
"""
