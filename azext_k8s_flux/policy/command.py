"""`az k8s-configuration flux policy generate`: two reads (the configuration, the cluster's extensions), then
definitions built offline; nothing is written to Azure."""

from azure.cli.core.azclierror import RequiredArgumentMissingError, ResourceNotFoundError
from knack.log import get_logger

logger = get_logger(__name__)


def flux_policy_generate(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                         cluster_resource_provider=None, parameters=None, local_auth_ref=None, key_vault=None,
                         key_vault_secret=None, output_dir=None, definition_subscription=None):  # fmt: skip
    """Azure Policy definitions that put this Flux configuration and its extension on every cluster in scope."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux._client_factory import cf_extensions
    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux._validators import check_dns1123_subdomain
    from azext_k8s_flux.operations.flux import get_configuration_json
    from azext_k8s_flux.operations.flux_extension import find_flux_extension
    from azext_k8s_flux.policy import output
    from azext_k8s_flux.policy.definitions import generate
    from azext_k8s_flux.policy.secrets import parse_vault_secrets

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    for value, option in ((output_dir, "--output-dir"), (definition_subscription, "--definition-subscription")):
        if value is not None and not value.strip():
            raise RequiredArgumentMissingError(f"{option} is empty: give a value or leave the option out.")
    if local_auth_ref is not None:
        check_dns1123_subdomain(local_auth_ref, "--local-auth-ref (a Kubernetes secret name)")
    vault_pairs = parse_vault_secrets(key_vault, key_vault_secret)
    configuration = get_configuration_json(client, cluster, name)
    extension = find_flux_extension(cf_extensions(cmd.cli_ctx), cluster)
    if extension is None:
        raise ResourceNotFoundError(f"microsoft.flux is not installed on {cluster.describe()}, so there are no "
                                    "extension settings to put in the definitions.",
                                    recommendation=f"az k8s-extension create {cluster.cli_args()} -n flux "
                                                   "--extension-type microsoft.flux")  # fmt: skip
    generated = generate(configuration, _sdk.as_dict(extension), parameters, local_auth_ref, key_vault, vault_pairs)
    for warning in generated.warnings:
        logger.warning(warning)
    subscription = definition_subscription or _current_subscription(cmd.cli_ctx)
    if output_dir:
        return output.write(generated, subscription, output_dir)
    return output.as_json(generated, subscription)


def _current_subscription(cli_ctx):
    from azure.cli.core.commands.client_factory import get_subscription_id

    return get_subscription_id(cli_ctx)
