"""Pre-checks before a Flux configuration is written: the Flux extension, and the Flux v1 configurations
that block its installation.

The LIST of extensions is the first request of `flux create`: it also proves that the cluster exists.
Only when microsoft.flux is missing do we read the Flux v1 configurations and install the extension.
"""

from azure.cli.core.azclierror import AzCLIError, ValidationError
from knack.log import get_logger

from azext_k8s_flux.operations._errors import arm_errors

logger = get_logger(__name__)

FLUX_EXTENSION_TYPE = "microsoft.flux"
FLUX_EXTENSION_NAME = "flux"
FLUX_RELEASE_NAMESPACE = "flux-system"
_IN_PROGRESS = ("creating", "updating", "accepted", "running")


def ensure_flux_extension(cmd, cluster):
    """Return the microsoft.flux extension (dict), installing it first when the cluster has none."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux._client_factory import cf_extensions

    client = cf_extensions(cmd.cli_ctx)
    with arm_errors(f"the extensions of {cluster.describe()}", cluster):
        extensions = [_sdk.as_dict(item) for item in client.list(*cluster.sdk_args())]
    for extension in extensions:
        properties = extension.get("properties") or {}
        if str(properties.get("extensionType", "")).lower() == FLUX_EXTENSION_TYPE:
            check_flux_extension_state(extension, cluster)
            return extension
    refuse_flux_v1(cmd, cluster)
    return install_flux_extension(client, cluster)


def _extension_error(properties):
    error = properties.get("errorInfo") or {}
    messages = [error.get("message")] + [s.get("message") for s in properties.get("statuses") or []]
    return "; ".join(m for m in messages if m) or "no error message was given"


def check_flux_extension_state(extension, cluster):
    properties = extension.get("properties") or {}
    state = str(properties.get("provisioningState") or "Succeeded")
    name = extension.get("name")
    if state.lower() == "succeeded":
        return
    if state.lower() in _IN_PROGRESS:
        raise ValidationError(
            f"The Flux extension '{name}' on {cluster.describe()} is still {state}. Wait until it has finished "
            f"(az k8s-extension show {cluster.cli_args()} -n {name}) and run this command again."
        )
    raise ValidationError(
        f"The Flux extension '{name}' on {cluster.describe()} is in state {state}: {_extension_error(properties)}\n"
        f"Fix or remove it (az k8s-extension delete {cluster.cli_args()} -n {name} --yes) and run this command again."
    )


def refuse_flux_v1(cmd, cluster):
    """Flux v1 configurations block the installation of microsoft.flux: name them and how to remove them."""
    from azext_k8s_flux._client_factory import cf_source_control_configurations

    client = cf_source_control_configurations(cmd.cli_ctx)
    with arm_errors(f"the Flux v1 configurations of {cluster.describe()}", cluster):
        names = [item.name for item in client.list(*cluster.sdk_args())]
    if names:
        commands = "\n".join(f"  az k8s-configuration delete {cluster.cli_args()} -n {name} --yes" for name in names)
        raise ValidationError(
            f"{cluster.describe()} still has Flux v1 configurations ({', '.join(names)}), and the Flux v2 extension "
            f"cannot be installed next to them. Remove them first:\n{commands}"
        )


def install_flux_extension(client, cluster):
    from azext_k8s_flux import _sdk

    models = _sdk.extension_models()
    extension = models.Extension(
        properties=models.ExtensionProperties(
            extension_type=FLUX_EXTENSION_TYPE,
            auto_upgrade_minor_version=True,
            scope=models.Scope(cluster=models.ScopeCluster(release_namespace=FLUX_RELEASE_NAMESPACE)),
        )
    )
    if cluster.cluster_type != "managedClusters":
        extension.identity = models.Identity(type="SystemAssigned")
    logger.warning(
        "The Flux extension (microsoft.flux) is not installed on %s: installing it as '%s' first. "
        "This can take a few minutes.",
        cluster.describe(),
        FLUX_EXTENSION_NAME,
    )
    what = f"the installation of the Flux extension on {cluster.describe()}"
    try:
        with arm_errors(what, cluster):
            result = client.begin_create(*cluster.sdk_args(), FLUX_EXTENSION_NAME, extension).result()
    except AzCLIError as error:
        raise type(error)(f"{error.error_msg}\nNo Flux configuration was created.") from None
    return _sdk.as_dict(result)
