"""Help for the fleet commands: `flux status`, `flux wait-rollout` and `k8s-extension status`."""

from knack.help_files import helps

_GRAPH = """
    Read through Azure Resource Graph: one query per 1,000 rows (and per 1,000 subscriptions), whatever the
    number of clusters. Resource Graph is eventually consistent with Azure Resource Manager: a change can take
    minutes (rarely hours) to show; """
_FRESHNESS = _GRAPH + "--verify-with-arm re-reads the rows that decide the outcome through ARM."
_EXTENSION_FRESHNESS = _GRAPH + "az k8s-extension show reads one cluster's extension through ARM."

helps["k8s-configuration flux status"] = f"""
type: command
short-summary: Compliance and synced commit of every Flux configuration in a subscription, management group or
    resource group.
long-summary: >
    One row per configuration (cluster, resource group, compliance state, synced commit, last sync time, the
    failing object's message) and, with -o table, counts by compliance state and commit on stderr. Scope: the
    current subscription unless --subscriptions or --management-groups; -g narrows it to resource groups.
    With --missing, the clusters that have no configuration of the given name instead (for example those an
    Azure Policy assignment has not reached yet).
{_FRESHNESS}

    Exit codes with --fail-on-noncompliant: 0 every configuration listed is Compliant; 4 any is not.
examples:
  - name: Every Flux configuration of the current subscription, with counts by compliance state and commit.
    text: az k8s-configuration flux status -o table
  - name: The configurations named cluster-config that are not compliant, in two subscriptions.
    text: |
        az k8s-configuration flux status -n cluster-config --compliance Non-Compliant \\
          --subscriptions $SUB1 $SUB2 -o table
  - name: Which configurations are not yet synced to a commit.
    text: az k8s-configuration flux status -g $RG --not-synced-to main/4f1bdad0 -o table
  - name: Clusters of a management group without the configuration cluster-config.
    text: |
        az k8s-configuration flux status --management-groups $MG -n cluster-config \\
          --missing -o table
  - name: In a pipeline, fail when anything is not compliant (ARM re-reads the flagged rows).
    text: az k8s-configuration flux status --fail-on-noncompliant --verify-with-arm -o none
"""

helps["k8s-configuration flux wait-rollout"] = f"""
type: command
short-summary: Wait until a commit has reached the Flux configurations of a scope.
long-summary: >
    Polls Azure Resource Graph (one paged query per poll, paced by --interval and by Resource Graph's
    Retry-After and quota headers) until --percentage of the configurations in scope are Compliant at the
    commit. The commit is <branch>/<sha> as Flux reports it, or a SHA (possibly abbreviated). On a terminal it
    shows progress (N of M at the commit, failures so far) on stderr; on a pipe it prints only the result.
{_FRESHNESS}

    Exit codes: 0 reached; 4 a configuration failed at the commit (named on stderr); 5 timed out; 3 no
    configuration in scope; 1 any other error.
examples:
  - name: Wait up to 30 minutes for commit main/4f1bdad0 to reach every cluster-config of the subscription.
    text: |
        az k8s-configuration flux wait-rollout --commit main/4f1bdad0 -n cluster-config \\
          -u https://github.com/contoso/fleet-infra --timeout 1800
  - name: Wait until 90% of the configurations in two resource groups are at a commit.
    text: |
        az k8s-configuration flux wait-rollout --commit 4f1bdad0 -g $RG1 $RG2 --percentage 90 \\
          -o table
"""

helps["k8s-extension status"] = f"""
type: command
short-summary: Versions and provisioning states of an extension across a subscription, management group or
    resource group; for microsoft.flux, which clusters are outside the supported window.
long-summary: >
    One row per installed extension and, with -o table, counts by version and provisioning state on stderr.
    For microsoft.flux (the default --extension-type) each row says whether its version is inside the supported
    window (the latest minor version and the two before it, as published in the extensionTypes catalogue of the
    cluster's region) and the upgrade path: clusters on 1.20.x or older pass through 1.21.x-1.22.x first,
    because 1.23.0 removed Flux's beta APIs.
{_EXTENSION_FRESHNESS}
examples:
  - name: microsoft.flux versions across the current subscription.
    text: az k8s-extension status -o table
  - name: Only the clusters of a management group whose microsoft.flux version is outside the supported window.
    text: az k8s-extension status --management-groups $MG --outside-window -o table
  - name: Failed installs of another extension type.
    text: |
        az k8s-extension status --extension-type microsoft.azuremonitor.containers \\
          --query "extensions[?provisioningState=='Failed']"
"""
