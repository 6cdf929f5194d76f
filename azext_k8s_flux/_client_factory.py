"""The only place that builds SDK clients. Each factory returns the operations group a handler needs."""

from azext_k8s_flux import _sdk


def _keep_logging_choice_on_retries(request):
    """A request sent with logging_enable=False (its body holds a secret) must stay unlogged when it is retried.

    azure-cli's logging policy pops `logging_enable` from the call's options on the first attempt, and the retry
    policy (after a 429 or a 5xx) resends the same request with the option gone: `--debug` then printed the body.
    This hook runs before the logging policy on every attempt and puts the first attempt's choice back.
    """
    choice = request.context.get("logging_enable")
    if choice is not None and "logging_enable" not in request.context.options:
        request.context.options["logging_enable"] = choice


def _mgmt_client(cli_ctx, client_class, api_version):
    from azure.cli.core.commands.client_factory import get_mgmt_service_client

    return get_mgmt_service_client(cli_ctx, client_class, api_version=api_version,
                                   raw_request_hook=_keep_logging_choice_on_retries)  # fmt: skip


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


def cf_extension_types(cli_ctx, *_):
    client = _mgmt_client(cli_ctx, _sdk.extension_types_client_class(), _sdk.EXTENSION_TYPES_API_VERSION)
    return client.extension_types


def cf_resource_graph(cli_ctx, *_):
    """Resource Graph is tenant-scoped (no subscription in its path). The fleet commands honour ARG's throttling
    headers themselves, and count every request they make: the SDK's own retries are off."""
    from azure.cli.core.commands.client_factory import get_mgmt_service_client

    client = get_mgmt_service_client(cli_ctx, _sdk.resource_graph_client_class(), subscription_bound=False,
                                     raw_request_hook=_keep_logging_choice_on_retries, retry_total=0)  # fmt: skip
    # QueryResponse.data is typed `object`, which the SDK's deserializer copies value by value: about half the time
    # of a 10,000-row status. The rows are plain JSON already (dicts, lists, strings, numbers), so keep them as read.
    client._deserialize.deserialize_type["object"] = _json_as_read  # noqa: SLF001
    return client


def _json_as_read(data, *_):
    return data


def cf_flux_configurations_in(cli_ctx, subscription_id):
    """Flux configurations in a given subscription (the fleet's ARM re-reads cross subscriptions)."""
    from azure.cli.core.commands.client_factory import get_mgmt_service_client

    client = get_mgmt_service_client(cli_ctx, _sdk.flux_client_class(), subscription_id=subscription_id,
                                     api_version=_sdk.FLUX_CONFIGURATIONS_API_VERSION)  # fmt: skip
    return client.flux_configurations
