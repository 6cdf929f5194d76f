"""Help for `az k8s-configuration flux kustomization` and `flux deployed-object`."""

from knack.help_files import helps

from azext_k8s_flux._help_flux import VARIABLES_NOTE, add_paragraph
from azext_k8s_flux.flux_model.official_spellings import FLUX_SOURCE, KUSTOMIZATION, help_note

helps["k8s-configuration flux kustomization"] = """
type: group
short-summary: Manage the kustomizations of a Flux configuration.
"""

helps["k8s-configuration flux deployed-object"] = """
type: group
short-summary: See the Flux objects a configuration has deployed in the cluster, and their state.
"""

helps["k8s-configuration flux kustomization create"] = """
type: command
short-summary: Add a kustomization to a Flux configuration.
long-summary: >
    Fails when the name exists (use `update`). --depends-on must name kustomizations of the configuration
    and must not form a cycle. Lists are shell-safe as a,b or as separate words.
examples:
  - name: Add a kustomization that waits for infra.
    text: |
        az k8s-configuration flux kustomization create -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -k monitoring --path ./monitoring --depends-on infra --prune true \\
          --sync-interval 10m
"""

helps["k8s-configuration flux kustomization update"] = """
type: command
short-summary: Change some fields of a kustomization; the others keep their values.
examples:
  - name: Turn prune off.
    text: |
        az k8s-configuration flux kustomization update -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -k apps --prune false
"""

helps["k8s-configuration flux kustomization delete"] = """
type: command
short-summary: Remove a kustomization from a Flux configuration.
long-summary: Refused while other kustomizations depend on it. With prune, its workloads are removed.
examples:
  - name: Delete without a prompt.
    text: |
        az k8s-configuration flux kustomization delete -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -k monitoring --yes
"""

helps["k8s-configuration flux kustomization show"] = """
type: command
short-summary: Show one kustomization of a Flux configuration.
examples:
  - name: Show a kustomization.
    text: |
        az k8s-configuration flux kustomization show -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -k apps
"""

helps["k8s-configuration flux kustomization list"] = """
type: command
short-summary: List the kustomizations of a Flux configuration.
examples:
  - name: List as a table.
    text: |
        az k8s-configuration flux kustomization list -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -o table
"""

helps["k8s-configuration flux deployed-object list"] = """
type: command
short-summary: List the Flux objects a configuration deployed, with compliance and the failing message.
examples:
  - name: List as a table.
    text: |
        az k8s-configuration flux deployed-object list -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config -o table
"""

helps["k8s-configuration flux deployed-object show"] = """
type: command
short-summary: Show one object a Flux configuration deployed.
examples:
  - name: Show the apps Kustomization object.
    text: |
        az k8s-configuration flux deployed-object show -g $RG -c $CLUSTER -t connectedClusters \\
          -n cluster-config --object-name cluster-config-apps \\
          --object-namespace cluster-config --object-kind Kustomization
"""


# The official spellings, added to every flux and kustomization entry once all of them are registered.
for _command, _table in (("create", FLUX_SOURCE), ("update", FLUX_SOURCE), ("kustomization create", KUSTOMIZATION),
                         ("kustomization update", KUSTOMIZATION)):  # fmt: skip
    add_paragraph(f"k8s-configuration flux {_command}", help_note(_table))
add_paragraph("k8s-configuration flux", VARIABLES_NOTE)
