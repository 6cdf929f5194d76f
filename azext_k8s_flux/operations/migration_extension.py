"""Install microsoft.flux when a cluster does not have it (the Flux v2 engine, always cluster-scoped)."""

from azext_k8s_flux import _sdk
from azext_k8s_flux.operations._errors import arm_errors

FLUX_EXTENSION_TYPE = "microsoft.flux"
FLUX_EXTENSION_NAME = "flux"
FLUX_NAMESPACE = "flux-system"
INSTALL_POLL_SECONDS = 5


def build_flux_extension(cluster_type):
    """The extension body the service expects: cluster scope in flux-system, minor upgrades on, and a
    system-assigned identity except on AKS (where the cluster's own identity is used)."""
    models = _sdk.extension_models()
    extension = models.Extension(
        properties=models.ExtensionProperties(
            extension_type=FLUX_EXTENSION_TYPE,
            auto_upgrade_minor_version=True,
            scope=models.Scope(cluster=models.ScopeCluster(release_namespace=FLUX_NAMESPACE)),
        )
    )
    if cluster_type != "managedClusters":
        extension.identity = models.Identity(type="SystemAssigned")
    return extension


def find_flux_extension(extensions):
    for extension in extensions:
        if (getattr(extension.properties, "extension_type", "") or "").lower() == FLUX_EXTENSION_TYPE:
            return extension
    return None


def ensure_flux_extension(client, cluster):
    """Install microsoft.flux unless the cluster has it; True when this call installed it."""
    with arm_errors(f"the extensions of {cluster.describe()}", cluster):
        if find_flux_extension(client.list(*cluster.sdk_args())) is not None:
            return False
    with arm_errors(f"the installation of {FLUX_EXTENSION_TYPE} on {cluster.describe()}", cluster):
        body = build_flux_extension(cluster.cluster_type)
        # The install is inside the migration's unmanaged window: poll more often than the SDK's 30 s default
        # (a Retry-After from the service still wins).
        poller = client.begin_create(
            *cluster.sdk_args(), FLUX_EXTENSION_NAME, body, polling_interval=INSTALL_POLL_SECONDS
        )
        poller.result()
    return True
