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


def cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None):
    """Build the reference for the cluster options; refuses empty names before any request is made."""
    from azext_k8s_flux._validators import (
        CLUSTER_NAME_MAX_LENGTH,
        OTHER_NAME_MAX_LENGTH,
        RESOURCE_GROUP_MAX_LENGTH,
        require_value,
    )

    require_value(resource_group_name, "-g/--resource-group", "cluster's resource group", RESOURCE_GROUP_MAX_LENGTH)
    require_value(cluster_name, "-c/--cluster-name", "cluster",
                  CLUSTER_NAME_MAX_LENGTH.get(cluster_type, OTHER_NAME_MAX_LENGTH))  # fmt: skip
    if cluster_resource_provider is not None:
        require_value(cluster_resource_provider, "--cluster-rp", "cluster's resource provider")
    return ClusterRef(
        resource_group=resource_group_name,
        resource_provider=cluster_resource_provider or CLUSTER_RESOURCE_PROVIDERS[cluster_type],
        cluster_type=cluster_type,
        name=cluster_name,
    )
