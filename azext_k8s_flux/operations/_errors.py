"""Translate ARM failures into azure-cli errors that say what happened, never a traceback."""

from contextlib import contextmanager

from azure.cli.core.azclierror import (
    AzureConnectionError,
    AzureInternalError,
    AzureResponseError,
    BadRequestError,
    ForbiddenError,
    ResourceNotFoundError,
    UnauthorizedError,
)


def arm_error_code_and_message(error):
    """The ARM error code and message of an azure-core HttpResponseError, as plainly as we can get them."""
    odata = getattr(error, "error", None)
    code = getattr(odata, "code", None)
    message = getattr(odata, "message", None)
    if not message:
        message = getattr(error, "message", None) or str(error)
    return code, message


def _status(error):
    response = getattr(error, "response", None)
    return getattr(error, "status_code", None) or getattr(response, "status_code", None)


ACCEPTED_THEN_FAILED = (
    "Azure accepted the request, but the operation then failed, so the resource may have been left in a "
    "Failed state: check it with the matching show command before running this command again."
)


def translate_http_error(error, what, failed_note=None):
    """Return the azure-cli error for an SDK HttpResponseError raised while acting on `what`.

    A long-running operation that ends Failed is raised from a successful (2xx) status poll: the request
    was accepted and may have changed the resource, which `failed_note` (or a generic note) says.
    """
    code, message = arm_error_code_and_message(error)
    status = _status(error)
    detail = f"({code}) {message}" if code else message
    if status is not None and status < 400:
        return AzureResponseError(f"The operation on {what} failed: {detail}\n{failed_note or ACCEPTED_THEN_FAILED}")
    if status == 404:
        return ResourceNotFoundError(f"{what} was not found: {detail}")
    if status == 403:
        return ForbiddenError(
            f"Access to {what} was denied: {detail}\n"
            "Ask for a role that grants Microsoft.KubernetesConfiguration permissions on the cluster."
        )
    if status == 401:
        return UnauthorizedError(f"Not authenticated for {what}: {detail}\nRun 'az login' and try again.")
    if code == "MissingSubscriptionRegistration":
        # azure-mgmt-core registers providers by itself, but not for the streamed first request of the
        # SDKs' long-running operations: say how to do it once.
        namespace = message.rsplit("'", 2)[-2] if message.count("'") >= 2 else "Microsoft.KubernetesConfiguration"
        return BadRequestError(
            f"The subscription is not registered to use {namespace}: Azure refused the request for {what}.\n"
            f"Register it once with: az provider register --namespace {namespace} --wait\n"
            "Then run this command again."
        )
    if status == 429:  # the SDK has already retried, honouring Retry-After
        return AzureResponseError(
            f"Azure is throttling requests (HTTP 429) for {what}: {detail}\n"
            "Nothing was changed by this command's refused request; wait a minute and try again."
        )
    if status == 400 or status == 409:
        return BadRequestError(f"The request for {what} was refused: {detail}")
    if status is not None and status >= 500:
        return AzureInternalError(
            f"Azure failed while handling {what} (HTTP {status}): {detail}\nNothing was changed by this "
            "command's failed request; try again later."
        )
    return AzureResponseError(f"The operation on {what} failed: {detail}")


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
def arm_errors(what, cluster=None, not_found=None, failed_note=None):
    """Run SDK calls and turn any HttpResponseError into the matching azure-cli error.

    With `cluster`, a 404 about the cluster or its resource group says so (ARM answers 404 for a missing
    parent too, so the first request of every command doubles as the cluster-exists check); `not_found`
    replaces the message of any other 404; `failed_note` says what to do after an accepted operation failed.
    """
    from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError

    try:
        yield
    except HttpResponseError as error:
        translated = cluster_not_found(error, cluster) if cluster is not None else None
        if translated is None and not_found and is_not_found(error):
            translated = ResourceNotFoundError(not_found)
        raise (translated or translate_http_error(error, what, failed_note)) from None
    except ServiceRequestError as error:  # the request never reached Azure (the SDK already retried)
        raise AzureConnectionError(
            f"Could not connect to Azure Resource Manager for {what}: {error.message}\n"
            "Nothing was changed by the failed request. Check the network (and any proxy) and try again."
        ) from None
    except ServiceResponseError as error:  # sent, but the answer was lost: a write may have happened
        raise AzureConnectionError(
            f"The connection to Azure Resource Manager was lost while handling {what}: {error.message}\n"
            "If this command changes something, the change may have been made anyway: check with the matching "
            "show command before running it again."
        ) from None


def is_not_found(error):
    return _status(error) == 404
