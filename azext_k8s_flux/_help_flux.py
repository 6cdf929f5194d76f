"""Help for `az k8s-configuration flux` and its subgroups."""

from knack.help_files import helps

VARIABLES_NOTE = (
    "The examples use $RG and $CLUSTER for the resource group and the cluster: set them first (bash: "
    "RG=my-rg CLUSTER=my-cluster; PowerShell: $RG='my-rg'; $CLUSTER='my-cluster')."
)

helps["k8s-configuration flux"] = """
type: group
short-summary: Manage Flux v2 configurations (GitOps) on a cluster.
long-summary: >
    A Flux configuration connects a cluster to one source (a Git repository, a Bucket, an Azure Blob
    container or an OCI repository) and one or more kustomizations that apply what it holds.
    The Flux extension (microsoft.flux) is installed on first use.
"""

helps["k8s-configuration flux create"] = """
type: command
short-summary: Create a Flux configuration (installs the Flux extension on first use).
long-summary: >
    Before writing anything the command checks the arguments, then lists the cluster's extensions (which
    also proves the cluster exists). When microsoft.flux is missing it is installed first and waited for;
    Flux v1 configurations on the cluster block that installation and are listed with their removal commands.

    Sources: --kind git (default), bucket, azblob or oci, each with its own options; secrets go only into
    protected settings or the API's secret fields and are never printed. Every secret option has a
    --<option>-file form (or use azure-cli's @file syntax): prefer it, because command lines show up in
    shell history and in --debug output.

    Kustomizations: -k name=NAME path=PATH [depends_on=a,b] [prune=true] [timeout=10m]
    [sync_interval=1h2m3s] [retry_interval=1m] [force=false] [wait=true] [disable_health_check=false]
    [post_build_substitute=VAR=value,...] [post_build_substitute_from=ConfigMap:NAME,Secret:NAME:optional].
    dependsOn, depends-on, sync-interval... are accepted too. Durations are Go durations (1h2m3s, 10m, 45s).
    Without -k, one kustomization named kustomization-1 with path ./ is created.

    Quoting: comma lists need no quotes in bash and zsh (depends_on=infra,apps). PowerShell splits unquoted
    commas into separate arguments: quote the item ('depends_on=infra,apps'); an unquoted
    depends_on=infra,apps is still understood. JSON lists are accepted too; quote the whole item:
    bash and zsh 'depends_on=["infra"]' (zsh treats unquoted [ ] as a glob pattern); PowerShell
    'depends_on=[infra]' (PowerShell drops inner double quotes; [infra] is accepted). A whole item quoted as
    one word, or held in one variable (-k "$ITEM"), is split at its keys.

    Re-running create with the same arguments is safe: the same PUT is an update with no change. Secrets
    are part of that PUT, so give them again (from files), or use `flux update` which keeps stored secrets.
    With --wait the command returns once Flux has applied the configuration (compliant), and fails fast
    when Flux reports a failure: exit code 4 not compliant, 5 timed out (see `flux wait -h`).

    Document (--file): YAML or JSON in the shape `flux show -o json` prints, writable keys only: name,
    scope, namespace, sourceKind, suspend, waitForReconciliation, reconciliationWaitDuration (PT10M), one
    source block (gitRepository, bucket, azureBlob or ociRepository: the one sourceKind names, with the API's
    field names such as url, repositoryRef.branch, syncIntervalInSeconds), kustomizations (a map of name to
    path, dependsOn, prune, timeoutInSeconds, ...) and configurationProtectedSettings (httpsKey,
    sshPrivateKey, bucketSecretKey). A secret is never written in the document: give it as {file: PATH}
    (relative to the document's folder) or {env: VARIABLE}, e.g. `httpsKey: {file: ./token.txt}`.
    Read-only keys (id, statuses, complianceState, ...) are ignored with a note, so the output of
    `flux show -o json` is a valid document; unknown keys are refused. Options given as well override
    single fields (--branch, --namespace, -k name=apps prune=false for one kustomization); -n may come from
    the document's name. With --file the configuration is read first: nothing is written when it already
    matches (the secrets the document references are sent again: the service does not return them), a
    new one is created, a different one is replaced.

    --what-if prints what would change and sends no write: {configuration, cluster, write (PUT, PATCH or
    none), changes: [{path, change (added, changed, removed, or "set (value not compared)" for a secret),
    before, after}]}. Use --query changes, or -o table for one row per change.
examples:
  - name: Apply a configuration document (run it again after editing the file; only a change is written).
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters \\
          --file ./cluster-config.yaml
  - name: See what applying the document with another branch would change, as a table; nothing is written.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters \\
          --file ./cluster-config.yaml --branch release --what-if -o table
  - name: Apply what `flux show -o json > shown.json` printed, under another name (secrets given again).
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters \\
          --file shown.json -n copy --https-key-file ./token.txt
  - name: Follow a public Git repository with two kustomizations; apps waits for infra, both prune.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --namespace cluster-config --scope cluster --branch main \\
          -u https://github.com/Azure/gitops-flux2-kustomize-helm-mt \\
          -k name=infra path=./infrastructure prune=true \\
          -k name=apps path=./apps/staging prune=true depends_on=infra
  - name: In a pipeline, create and wait until Flux has applied everything (at most 10 minutes).
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t managedClusters -n cluster-config \\
          --namespace cluster-config --scope cluster --branch main \\
          -u https://github.com/Azure/gitops-flux2-kustomize-helm-mt \\
          -k name=infra path=./infrastructure prune=true \\
          -k name=apps path=./apps/staging prune=true depends_on=infra --wait --wait-timeout 600
  - name: Private repository over SSH, key and known hosts read from files.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t managedClusters -n apps \\
          -u ssh://git@github.com/org/fleet.git --branch main \\
          --ssh-private-key-file ~/.ssh/flux_id_ed25519 --known-hosts-file ./known_hosts \\
          -k name=apps path=./apps prune=true sync_interval=5m
  - name: Private repository over HTTPS with a token from a file.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters -n apps \\
          -u https://github.com/org/fleet --tag v1.2.0 --https-user git --https-key-file ./token.txt
  - name: S3-compatible bucket.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t connectedClusters -n bucket-config \\
          --kind bucket -u https://s3.amazonaws.com --bucket-name manifests \\
          --bucket-access-key AKIAEXAMPLE --bucket-secret-key-file ./bucket-secret.txt
  - name: Azure Blob container read with the cluster's managed identity.
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t managedClusters -n blob-config \\
          --kind azblob -u https://myaccount.blob.core.windows.net --container-name flux \\
          --mi-client-id 00000000-0000-0000-0000-000000000000
  - name: >-
      OCI artifact read with workload identity, with variable substitution (the Flux extension needs
      --config workloadIdentity.enable=true workloadIdentity.azureClientId=<client id> for it).
    text: |
        az k8s-configuration flux create -g $RG -c $CLUSTER -t managedClusters -n oci-config \\
          --kind oci -u oci://myregistry.azurecr.io/manifests --tag latest --use-workload-identity \\
          -k name=apps path=./ post_build_substitute=CLUSTER=prod,REGION=eastus
"""

helps["k8s-configuration flux update"] = """
type: command
short-summary: Change a Flux configuration; only what changed is sent and stored secrets are kept.
long-summary: >
    Reads the configuration, then PATCHes only the options you give whose values differ. Secrets you do
    not give again stay as they are. A new ref (--branch/--tag/--semver/--commit) replaces the old one.
    -k changes only the keys it gives of the kustomizations it names, as the official command does: other
    keys keep their stored values, kustomizations not named stay as they are, and a new name is added.
    With --replace-kustomizations, -k is the complete set instead: keys left out return to their defaults
    and kustomizations not named are removed, after a confirmation (or --yes) that names them and says
    which have prune. Changing --kind asks for confirmation (or --yes) and removes the old source and its
    stored credentials.

    --file: a document as `flux create --file` takes it (see `flux create -h`); what differs from the
    configuration is PATCHed, and its kustomizations are the complete set (one the document leaves out is
    removed, after a confirmation or with --yes). scope, namespace and the server-side wait cannot change
    on update. --what-if prints the changes (as `flux create -h` describes) and sends no write; it works
    with or without --file.
examples:
  - name: Apply the edited document of an existing configuration, after looking at what it changes.
    text: |
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters \\
          --file ./cluster-config.yaml --what-if --query changes
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters \\
          --file ./cluster-config.yaml

  - name: Follow a tag instead of a branch.
    text: |
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --tag v1.3.0
  - name: Rotate the HTTPS token, read from a file.
    text: |
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters -n apps \\
          --https-key-file ./new-token.txt
  - name: Suspend syncing.
    text: |
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --suspend
  - name: Switch to an OCI source without a prompt (scripts).
    text: |
        az k8s-configuration flux update -g $RG -c $CLUSTER -t connectedClusters -n apps \\
          --kind oci -u oci://ghcr.io/org/manifests --tag latest --yes
"""

helps["k8s-configuration flux delete"] = """
type: command
short-summary: Delete a Flux configuration.
long-summary: >
    Asks for confirmation unless --yes is given; when a kustomization has prune, the workloads it deployed
    are removed from the cluster, and the prompt says so. --force removes the resource from Azure even when
    the cluster cannot clean up. A missing configuration, a denied access and a service failure are each
    reported as such.
examples:
  - name: Delete without a prompt.
    text: |
        az k8s-configuration flux delete -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --yes
"""

helps["k8s-configuration flux show"] = """
type: command
short-summary: Show a Flux configuration, with its compliance state.
examples:
  - name: Show the source and compliance as a table.
    text: |
        az k8s-configuration flux show -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          -o table
  - name: Only the compliance state.
    text: |
        az k8s-configuration flux show -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --query complianceState -o tsv
"""

helps["k8s-configuration flux list"] = """
type: command
short-summary: List the Flux configurations of a cluster.
examples:
  - name: List as a table.
    text: az k8s-configuration flux list -g $RG -c $CLUSTER -t connectedClusters -o table
"""


def add_paragraph(command, text):
    """Append a paragraph to the folded long-summary of a command's help (one is started if it has none)."""
    head, examples, tail = helps[command].partition("\nexamples:")
    if "\nlong-summary: >" in head:
        head = f"{head.rstrip()}\n\n    {text}\n"
    else:
        head = f"{head.rstrip()}\nlong-summary: >\n    {text}\n"
    helps[command] = head + examples + tail
