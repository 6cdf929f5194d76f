"""Help for `az k8s-configuration` (Flux v1 sourceControlConfigurations)."""

from knack.help_files import helps

from azext_k8s_flux._help_flux import VARIABLES_NOTE, add_paragraph
from azext_k8s_flux.flux_model.official_spellings import FLUX_V1_CREATE, help_note

helps["k8s-configuration"] = """
type: group
short-summary: Manage GitOps configurations of a cluster.
long-summary: >
    `az k8s-configuration flux` manages Flux v2 configurations. The commands directly in this group
    list, show and delete retired Flux v1 configurations (sourceControlConfigurations), which must be
    removed before Flux v2 can be installed; `az k8s-configuration flux migrate` moves them to Flux v2.
"""

helps["k8s-configuration list"] = """
type: command
short-summary: List the Flux v1 configurations of a cluster.
long-summary: Flux v1 is retired; use this to find what must be moved to Flux v2 before microsoft.flux can be installed.
examples:
  - name: List the Flux v1 configurations of an Azure Arc-enabled cluster, as a table.
    text: az k8s-configuration list -g $RG -c $CLUSTER -t connectedClusters -o table
"""

helps["k8s-configuration show"] = """
type: command
short-summary: Show a Flux v1 configuration.
examples:
  - name: Show a Flux v1 configuration of an AKS cluster.
    text: az k8s-configuration show -g $RG -c $CLUSTER -t managedClusters -n cluster-config
"""

helps["k8s-configuration delete"] = """
type: command
short-summary: Delete a Flux v1 configuration.
long-summary: >
    Applications the configuration deployed keep running, but they stop syncing: changes in the repository
    are no longer applied and drift is no longer repaired. `az k8s-configuration flux migrate` deletes the
    Flux v1 configurations and recreates them as Flux v2 configurations in one guided step.
    Like the official command, delete does not prompt; it says afterwards what was left running.
examples:
  - name: Delete a Flux v1 configuration.
    text: |
        az k8s-configuration delete -g $RG -c $CLUSTER -t connectedClusters -n cluster-config
"""

helps["k8s-configuration create"] = """
type: command
short-summary: Retired. New Flux v1 configurations cannot be created.
long-summary: >
    Flux v1 is retired: new configurations cannot be created since 2024-01-01 and support ended on
    2025-05-24. This command only explains that and sends nothing to Azure. Create Flux v2 configurations
    with `az k8s-configuration flux create`, and move existing Flux v1 ones with
    `az k8s-configuration flux migrate`.
examples:
  - name: A Flux v1 command from an old script stops with this explanation (exit code 1) and changes nothing.
    text: |
        az k8s-configuration create -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --operator-instance-name cluster-config --operator-namespace cluster-config \\
          --scope cluster --repository-url https://github.com/Azure/arc-k8s-demo \\
          --operator-params='--git-readonly\'
  - name: Create a Flux v2 configuration instead (here for the Flux v2 multi-tenancy sample repository).
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --namespace cluster-config --scope cluster --branch main \\
          -u https://github.com/Azure/gitops-flux2-kustomize-helm-mt \\
          --kustomization name=infra path=./infrastructure prune=true
"""

helps["k8s-configuration flux migrate"] = """
type: command
short-summary: Move every Flux v1 configuration of a cluster to Flux v2.
long-summary: >
    Reads the cluster's Flux v1 configurations and maps each to a Flux v2 configuration: repository URL
    (git's scp-like `git@host:org/repo` becomes `ssh://git@host/org/repo`), branch, one kustomization per
    --git-path, poll and sync intervals, garbage collection (prune), scope, namespace and known hosts.
    It prints the plan first: each v2 configuration (secrets redacted), each v1 deletion, every setting
    that cannot be carried over and why (Helm operator releases, write-back to Git, manifest generation,
    unknown operator parameters), and the credentials each repository needs again.

    On confirmation it checks every v2 configuration, deletes the v1 configurations, installs
    microsoft.flux if the cluster does not have it, creates the v2 configurations, and reports how long
    the cluster was unmanaged. Flux v1 credentials cannot be read back from Azure: give them again with
    --ssh-private-key-file / --https-user / --https-key-file, or let Flux generate an SSH key and register
    the public key printed at the end as a deploy key.

    Each v2 configuration gets the name of its v1 configuration. When a Flux v2 configuration of that name
    already exists for another repository, the plan is blocked: delete or move that one aside, or give
    the v1 configuration another v2 name with --rename V1_NAME=V2_NAME (checked before anything is
    changed; only the configuration's name changes, its kustomizations keep theirs). The credential
    options always take the v1 name, also for a renamed configuration.

    The plan and progress are saved before anything is deleted (never secrets): if the run is
    interrupted, run the same command again and it continues where it stopped, never creating anything
    twice. A continued run keeps the v2 names of the first run: --rename may be left out or repeated as
    it was, and a different --rename is refused. A cluster with nothing to migrate is reported as such
    (exit code 0).
examples:
  - name: See the plan without changing anything.
    text: az k8s-configuration flux migrate -g $RG -c $CLUSTER -t connectedClusters --dry-run
  - name: Migrate without a prompt, reusing the SSH key of configuration cluster-config.
    text: |
        az k8s-configuration flux migrate -g $RG -c $CLUSTER -t connectedClusters --yes \\
          --ssh-private-key-file cluster-config=~/.ssh/flux_deploy_key
  - name: >-
      Migrate cluster-config as Flux v2 configuration platform-config, because a Flux v2 configuration named
      cluster-config already exists for another repository (credentials still take the v1 name).
    text: |
        az k8s-configuration flux migrate -g $RG -c $CLUSTER -t connectedClusters --yes \\
          --rename cluster-config=platform-config \\
          --ssh-private-key-file cluster-config=~/.ssh/flux_deploy_key
  - name: >-
      Migrate a private HTTPS repository after a confirmation, keeping the plan and progress in ./migration.json
      until the migration has finished (run the same command again to continue an interrupted run).
    text: |
        az k8s-configuration flux migrate -g $RG -c $CLUSTER -t managedClusters \\
          --https-user app-config=flux --https-key-file app-config=./token.txt \\
          --plan-file ./migration.json
"""

add_paragraph("k8s-configuration create", help_note(FLUX_V1_CREATE))
add_paragraph("k8s-configuration", VARIABLES_NOTE)
