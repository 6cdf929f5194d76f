"""The parent cluster of every resource this extension manages: kinds, resource providers, ARM ids."""

from dataclasses import dataclass

# --cluster-type value (canonical casing) -> the resource provider that owns that kind of cluster.
CLUSTER_RESOURCE_PROVIDERS = {
    "managedClusters": "Microsoft.ContainerService",
    "connectedClusters": "Microsoft.Kubernetes",
    "provisionedClusters": "Microsoft.HybridContainerService",
    "appliances": "Microsoft.ResourceConnector",
}
CLUSTER_TYPES = tuple(CLUSTER_RESOURCE_PROVIDERS)


@dataclass(frozen=True)
class ClusterRef:
    """Everything the SDK needs to address a cluster, in the SDK's positional order."""

    resource_group: str
    resource_provider: str
    cluster_type: str
    name: str

    def sdk_args(self):
        return (self.resource_group, self.resource_provider, self.cluster_type, self.name)

    def describe(self):
        return f"{self.cluster_type} '{self.name}' in resource group '{self.resource_group}'"

    def cli_args(self):
        """The options that address this cluster, for commands printed as advice."""
        args = f"-g {self.resource_group} -c {self.name} -t {self.cluster_type}"
        if self.resource_provider != CLUSTER_RESOURCE_PROVIDERS.get(self.cluster_type):
            args += f" --cluster-rp {self.resource_provider}"
        return args


def _check_given(value, option):
    # An empty value (an unset variable in a script) would address the parent collection instead:
    # ARM then answers for another resource, or a write goes to the wrong URL.
    if not str(value or "").strip():
        from azure.cli.core.azclierror import RequiredArgumentMissingError

        raise RequiredArgumentMissingError(f"{option} is empty: give a value.")


def cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None):
    """Build the reference from the parsed cluster arguments; an empty name is refused before any request."""
    _check_given(resource_group_name, "-g/--resource-group")
    _check_given(cluster_name, "-c/--cluster-name")
    if cluster_resource_provider is not None:
        _check_given(cluster_resource_provider, "--cluster-rp/--cluster-resource-provider")
    return ClusterRef(
        resource_group=resource_group_name,
        resource_provider=cluster_resource_provider or CLUSTER_RESOURCE_PROVIDERS[cluster_type],
        cluster_type=cluster_type,
        name=cluster_name,
    )
