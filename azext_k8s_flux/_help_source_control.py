"""Help for `az k8s-configuration` (Flux v1 sourceControlConfigurations)."""

from knack.help_files import helps

helps["k8s-configuration"] = """
type: group
short-summary: Manage GitOps configurations of a cluster.
long-summary: |
    `az k8s-configuration flux` manages Flux v2 configurations. The commands directly in this group
    list, show and delete retired Flux v1 configurations (sourceControlConfigurations), which must be
    removed before Flux v2 can be installed; `az k8s-configuration flux migrate` moves them to Flux v2.
"""
