"""Help for `az k8s-extension`."""

from knack.help_files import helps

helps["k8s-extension"] = """
type: group
short-summary: Manage Kubernetes cluster extensions, with built-in rules for the Flux extension (microsoft.flux).
long-summary: |
    Cluster extensions install and manage software, such as the Flux GitOps engine, on AKS and
    Azure Arc-enabled Kubernetes clusters through Azure Resource Manager.
"""
