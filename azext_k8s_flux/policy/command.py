"""`az k8s-configuration flux policy generate`: from an existing configuration, two reads (the configuration, the
cluster's extensions); from a document (--file), none (or the extension list of the cluster given with -g -c -t).
The definitions are built offline; nothing is written to Azure."""

from azure.cli.core.azclierror import (
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
    ResourceNotFoundError,
)
from knack.log import get_logger

logger = get_logger(__name__)


def flux_policy_generate(cmd, client, resource_group_name=None, cluster_name=None, cluster_type=None, name=None,
                         file=None, extension_settings=None, cluster_resource_provider=None, parameters=None,
                         local_auth_ref=None, key_vault=None, key_vault_secret=None, output_dir=None,
                         definition_subscription=None):  # fmt: skip
    """Azure Policy definitions that put this Flux configuration and its extension on every cluster in scope."""
    from azext_k8s_flux._validators import check_dns1123_subdomain
    from azext_k8s_flux.policy import output
    from azext_k8s_flux.policy.definitions import generate
    from azext_k8s_flux.policy.secrets import parse_vault_secrets

    for value, option in ((output_dir, "--output-dir"), (definition_subscription, "--definition-subscription")):
        if value is not None and not value.strip():
            raise RequiredArgumentMissingError(f"{option} is empty: give a value or leave the option out.")
    if local_auth_ref is not None:
        check_dns1123_subdomain(local_auth_ref, "--local-auth-ref (a Kubernetes secret name)")
    vault_pairs = parse_vault_secrets(key_vault, key_vault_secret)
    cluster_args = (resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    if file is not None:
        configuration, extension = _from_document(cmd, file, name, cluster_args, extension_settings)
    else:
        configuration, extension = _from_cluster(cmd, client, name, cluster_args, extension_settings)
    generated = generate(configuration, extension, parameters, local_auth_ref, key_vault, vault_pairs)
    for warning in generated.warnings:
        logger.warning(warning)
    subscription = definition_subscription or _current_subscription(cmd.cli_ctx)
    if output_dir:
        return output.write(generated, subscription, output_dir)
    return output.as_json(generated, subscription)


def _from_cluster(cmd, client, name, cluster_args, extension_settings):
    """The configuration and the microsoft.flux extension as ARM returns them (two reads)."""
    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux.operations.flux import get_configuration_json

    resource_group_name, cluster_name, cluster_type, _ = cluster_args
    if not (resource_group_name and cluster_name and cluster_type and name):
        raise RequiredArgumentMissingError(
            "Give the configuration to generate from: -g, -c, -t and -n of an existing one, or --file with a "
            "document.")  # fmt: skip
    if extension_settings:
        raise MutuallyExclusiveArgumentError(
            "--extension-settings goes with --file: generated from a cluster, the definitions take the settings of "
            "its microsoft.flux.")  # fmt: skip
    cluster = cluster_ref(*cluster_args)
    return get_configuration_json(client, cluster, name), _installed_extension(cmd, cluster)


def _from_document(cmd, file, name, cluster_args, extension_settings):
    """The document's configuration, and microsoft.flux from -g -c -t (one read) or from --extension-settings."""
    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux.policy.from_document import configuration_from_document, extension_without_cluster

    configuration = configuration_from_document(file, name)
    if not cluster_args[1]:
        return configuration, extension_without_cluster(extension_settings)
    if extension_settings:
        raise MutuallyExclusiveArgumentError(
            "Give either a cluster (-g -c -t), whose microsoft.flux settings the definitions take, or "
            "--extension-settings, not both.")  # fmt: skip
    return configuration, _installed_extension(cmd, cluster_ref(*cluster_args))


def _installed_extension(cmd, cluster):
    from azext_k8s_flux import _sdk
    from azext_k8s_flux._client_factory import cf_extensions
    from azext_k8s_flux.operations.flux_extension import find_flux_extension

    extension = find_flux_extension(cf_extensions(cmd.cli_ctx), cluster)
    if extension is None:
        raise ResourceNotFoundError(f"microsoft.flux is not installed on {cluster.describe()}, so there are no "
                                    "extension settings to put in the definitions.",
                                    recommendation=f"az k8s-extension create {cluster.cli_args()} -n flux "
                                                   "--extension-type microsoft.flux")  # fmt: skip
    return _sdk.as_dict(extension)


def _current_subscription(cli_ctx):
    from azure.cli.core.commands.client_factory import get_subscription_id

    return get_subscription_id(cli_ctx)
