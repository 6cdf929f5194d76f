"""ARM errors of the flux commands, told apart: missing cluster or resource group vs. missing configuration."""

from contextlib import contextmanager

from azure.cli.core.azclierror import ResourceNotFoundError

from azext_k8s_flux.operations._errors import arm_error_code_and_message, is_not_found, translate_http_error


def cluster_not_found(error, cluster):
    """The clear error for a 404 that is about the parent cluster or its resource group, else None."""
    if not is_not_found(error):
        return None
    code, message = arm_error_code_and_message(error)
    text = (message or "").lower()
    if code == "ResourceGroupNotFound":
        return ResourceNotFoundError(
            f"Resource group '{cluster.resource_group}' was not found. Check -g/--resource-group."
        )
    if f"/{cluster.cluster_type}/{cluster.name}'".lower() in text:
        return ResourceNotFoundError(
            f"Cluster {cluster.describe()} was not found. Check -g, -c and -t "
            f"(provider {cluster.resource_provider}; use --cluster-rp when the cluster lives under another one)."
        )
    return None


@contextmanager
def flux_errors(cluster, what, not_found=None):
    """Translate SDK errors raised while acting on `what`; `not_found` replaces the message of a plain 404."""
    from azure.core.exceptions import HttpResponseError

    try:
        yield
    except HttpResponseError as error:
        translated = cluster_not_found(error, cluster)
        if translated is None and not_found and is_not_found(error):
            translated = ResourceNotFoundError(not_found)
        raise (translated or translate_http_error(error, what)) from None
