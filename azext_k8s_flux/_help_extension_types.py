"""Help for `az k8s-extension extension-types`."""

from knack.help_files import helps

helps["k8s-extension extension-types"] = """
type: group
short-summary: Discover the extension types that can be installed, and their published versions.
long-summary: >
    The by-cluster commands answer for one cluster (its kind and region); the by-location commands answer
    for a region. Versions are listed newest first on the stable release train unless --release-train says
    otherwise. microsoft.flux is supported in its latest version and the two before it (N-2).
"""

helps["k8s-extension extension-types list-by-cluster"] = """
type: command
short-summary: List the extension types a cluster can install.
examples:
  - name: The extension types an Azure Arc-enabled cluster can install, as a table
    text: |
        az k8s-extension extension-types list-by-cluster -g $RG -c $CLUSTER \\
          -t connectedClusters -o table
"""

helps["k8s-extension extension-types list-by-location"] = """
type: command
short-summary: List the extension types offered in a region.
examples:
  - name: The extension types offered in West Europe for AKS clusters
    text: |
        az k8s-extension extension-types list-by-location -l westeurope \\
          --cluster-type managedClusters -o table
"""

helps["k8s-extension extension-types show-by-cluster"] = """
type: command
short-summary: Show an extension type as a cluster can install it (scope, release namespace, cluster kinds).
examples:
  - name: How Open Service Mesh installs on an Azure Arc-enabled cluster
    text: |
        az k8s-extension extension-types show-by-cluster -g $RG -c $CLUSTER \\
          -t connectedClusters --extension-type microsoft.openservicemesh
"""

helps["k8s-extension extension-types show-by-location"] = """
type: command
short-summary: Show an extension type as a region offers it.
examples:
  - name: The Azure Machine Learning extension type in East US
    text: |
        az k8s-extension extension-types show-by-location -l eastus \\
          --extension-type microsoft.azureml.kubernetes
"""

helps["k8s-extension extension-types list-versions-by-cluster"] = """
type: command
short-summary: List the versions of an extension type a cluster can install, newest first.
examples:
  - name: The microsoft.flux versions an AKS cluster can install, as a table
    text: |
        az k8s-extension extension-types list-versions-by-cluster -g $RG -c $CLUSTER \\
          -t managedClusters --extension-type microsoft.flux -o table
  - name: Only the newest stable Dapr version
    text: |
        az k8s-extension extension-types list-versions-by-cluster -g $RG -c $CLUSTER \\
          -t managedClusters --extension-type microsoft.dapr --release-train stable \\
          --show-latest
"""

helps["k8s-extension extension-types list-versions-by-location"] = """
type: command
short-summary: List the versions of an extension type offered in a region, newest first.
examples:
  - name: The newest microsoft.flux version in East US, for a pipeline variable
    text: |
        az k8s-extension extension-types list-versions-by-location -l eastus \\
          --extension-type microsoft.flux --show-latest --query "[0].properties.version" \\
          -o tsv
  - name: The microsoft.flux versions with major version 1
    text: |
        az k8s-extension extension-types list-versions-by-location -l eastus \\
          --extension-type microsoft.flux --major-version 1 -o table
"""

helps["k8s-extension extension-types show-version-by-cluster"] = """
type: command
short-summary: Show one version of an extension type, for a cluster.
examples:
  - name: Check that microsoft.flux 1.23.0 can be installed on an Azure Arc-enabled cluster
    text: |
        az k8s-extension extension-types show-version-by-cluster -g $RG -c $CLUSTER \\
          -t connectedClusters --extension-type microsoft.flux --version 1.23.0
"""

helps["k8s-extension extension-types show-version-by-location"] = """
type: command
short-summary: Show one version of an extension type, in a region.
examples:
  - name: Open Service Mesh 1.0.0 in East US
    text: |
        az k8s-extension extension-types show-version-by-location -l eastus \\
          --extension-type microsoft.openservicemesh --version 1.0.0
"""
