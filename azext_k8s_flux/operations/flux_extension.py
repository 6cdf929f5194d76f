"""Reusable pre-checks around the microsoft.flux extension, shared by `az k8s-extension` and
`az k8s-configuration flux` (which installs the extension on first use).

- find_flux_extension(extensions_client, cluster) -> the cluster's microsoft.flux extension or None (one LIST);
- list_flux_v1_configurations(cli_ctx, cluster) -> the cluster's Flux v1 sourceControlConfigurations (one LIST);
- check_no_flux_v1(cli_ctx, cluster) raises flux_v1_refusal(...) when any exist;
- check_no_flux_configurations(cli_ctx, cluster, extension_name) refuses to remove Flux while configurations use it.
The install body itself is payloads.extension.build_flux_extension_install(cluster).
"""

from azure.cli.core.azclierror import ValidationError

from azext_k8s_flux.operations._errors import arm_errors
from azext_k8s_flux.validators.extension_rules import is_flux


def find_flux_extension(extensions_client, cluster):
    """The microsoft.flux extension installed on the cluster (whatever its name), or None."""
    with arm_errors(f"the extension list of {cluster.describe()}", cluster):
        for extension in extensions_client.list(*cluster.sdk_args()):
            properties = getattr(extension, "properties", None)
            if is_flux(getattr(properties, "extension_type", None)):
                return extension
    return None


def list_flux_v1_configurations(cli_ctx, cluster):
    """The Flux v1 sourceControlConfigurations still on the cluster (SDK models)."""
    from azext_k8s_flux._client_factory import cf_source_control_configurations

    client = cf_source_control_configurations(cli_ctx)
    with arm_errors(f"the Flux v1 configuration list of {cluster.describe()}", cluster):
        return list(client.list(*cluster.sdk_args()))


def flux_v1_refusal(cluster, names):
    """The error that stops a Flux v2 install while Flux v1 configurations exist (names and exact commands)."""
    commands = "\n".join(f"  az k8s-configuration delete {cluster.cli_args()} -n {name} --yes" for name in names)
    return ValidationError(
        f"Flux v1 configurations still exist on {cluster.describe()}: {', '.join(names)}.\n"
        "The Flux v2 extension (microsoft.flux) will not install while they exist, and Flux v1 is retired. "
        f"Delete them, then run this command again:\n{commands}"
    )


def check_no_flux_v1(cli_ctx, cluster):
    names = [config.name for config in list_flux_v1_configurations(cli_ctx, cluster)]
    if names:
        raise flux_v1_refusal(cluster, names)


def check_no_flux_configurations(cli_ctx, cluster, extension_name):
    """Refuse to delete microsoft.flux while Flux configurations on the cluster still depend on it."""
    from azext_k8s_flux._client_factory import cf_flux_configurations

    client = cf_flux_configurations(cli_ctx)
    with arm_errors(f"the Flux configuration list of {cluster.describe()}", cluster):
        names = [config.name for config in client.list(*cluster.sdk_args())]
    if not names:
        return
    commands = "\n".join(
        f"  az k8s-configuration flux delete {cluster.cli_args()} -n {name} --yes" for name in names
    )
    raise ValidationError(
        f"Flux configurations still use extension '{extension_name}' on {cluster.describe()}: "
        f"{', '.join(names)}.\nDelete them first:\n{commands}\n"
        "or pass --force to delete the extension anyway (their Flux objects are then no longer reconciled)."
    )

