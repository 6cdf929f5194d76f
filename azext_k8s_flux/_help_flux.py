"""Help for `az k8s-configuration flux` and its subgroups."""

from knack.help_files import helps

helps["k8s-configuration flux"] = """
type: group
short-summary: Manage Flux v2 configurations (GitOps) on a cluster.
long-summary: |
    A Flux configuration connects a cluster to one source (a Git repository, a Bucket, an Azure Blob
    container or an OCI repository) and one or more kustomizations that apply what it holds.
    The Flux extension (microsoft.flux) is installed on first use.
"""

helps["k8s-configuration flux kustomization"] = """
type: group
short-summary: Manage the kustomizations of a Flux configuration.
"""

helps["k8s-configuration flux deployed-object"] = """
type: group
short-summary: See the Flux objects a configuration has deployed in the cluster, and their state.
"""
