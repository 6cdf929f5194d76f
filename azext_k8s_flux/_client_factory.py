"""The only place that builds SDK clients. Each factory returns the operations group a handler needs."""

from azext_k8s_flux import _sdk


def _mgmt_client(cli_ctx, client_class, api_version):
    from azure.cli.core.commands.client_factory import get_mgmt_service_client

    return get_mgmt_service_client(cli_ctx, client_class, api_version=api_version)


def cf_flux_configurations(cli_ctx, *_):
    client = _mgmt_client(cli_ctx, _sdk.flux_client_class(), _sdk.FLUX_CONFIGURATIONS_API_VERSION)
    return client.flux_configurations


def cf_extensions(cli_ctx, *_):
    client = _mgmt_client(cli_ctx, _sdk.extension_client_class(), _sdk.EXTENSIONS_API_VERSION)
    return client.extensions


def cf_source_control_configurations(cli_ctx, *_):
    client = _mgmt_client(
        cli_ctx, _sdk.source_control_client_class(), _sdk.SOURCE_CONTROL_CONFIGURATIONS_API_VERSION
    )
    return client.source_control_configurations
