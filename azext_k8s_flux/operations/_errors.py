"""Translate ARM failures into azure-cli errors that say what happened, never a traceback.

Our own rather than azure-cli's default handling of HttpResponseError: that one prints ARM's message alone; ours
names the resource, says whether anything changed (before or after Azure accepted a write) and what to do.
"""

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


def _sentence(text):
    """`text` ending in one full stop, so a fact can follow it (ARM's messages end in one or not)."""
    text = str(text).rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _status(error):
    response = getattr(error, "response", None)
    return getattr(error, "status_code", None) or getattr(response, "status_code", None)


ACCEPTED_THEN_FAILED = (
    "Azure accepted the request, but the operation then failed, so the resource may have been left in a "
    "Failed state."
)
CHECK_BEFORE_RETRYING = "Check the resource with the matching show command before running this command again."


def translate_http_error(error, what):
    """Return the azure-cli error for an SDK HttpResponseError raised while acting on `what`.

    A long-running operation that ends Failed is raised from a successful (2xx) status poll: the request
    was accepted and may have changed the resource (`arm_errors(accepted=...)` says how to check it).
    """
    code, message = arm_error_code_and_message(error)
    status = _status(error)
    detail = f"({code}) {message}" if code else message
    if status is not None and status < 400:
        return AzureResponseError(f"The operation on {what} failed: {_sentence(detail)} {ACCEPTED_THEN_FAILED}",
                                  CHECK_BEFORE_RETRYING)
    if status == 404:
        return ResourceNotFoundError(f"{what} was not found: {detail}")
    if status == 403:
        return ForbiddenError(
            f"Access to {what} was denied: {detail}",
            "Ask for a role that grants Microsoft.KubernetesConfiguration permissions on the cluster.",
        )
    if status == 401:
        return UnauthorizedError(f"Not authenticated for {what}: {detail}", "Run 'az login' and try again.")
    if code == "MissingSubscriptionRegistration":
        # azure-mgmt-core registers providers by itself, but not for the streamed first request of the
        # SDKs' long-running operations: say how to do it once.
        namespace = message.rsplit("'", 2)[-2] if message.count("'") >= 2 else "Microsoft.KubernetesConfiguration"
        return BadRequestError(
            f"The subscription is not registered to use {namespace}: Azure refused the request for {what}.",
            [f"Register it once with: az provider register --namespace {namespace} --wait",
             "Then run this command again."],
        )
    if status == 429:  # the SDK has already retried, honouring Retry-After
        return AzureResponseError(
            f"Azure is throttling requests (HTTP 429) for {what}: {_sentence(detail)} Nothing was changed by this "
            "command's refused request.",
            "Wait a minute and try again.",
        )
    if status == 400 or status == 409:
        return BadRequestError(f"The request for {what} was refused: {detail}")
    if status is not None and status >= 500:
        return AzureInternalError(
            f"Azure failed while handling {what} (HTTP {status}): {_sentence(detail)} Nothing was changed by this "
            "command's failed request.",
            "Try again later.",
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


def accepted_failure(error, what, check):
    """The error for a failure after Azure accepted a write: the change was made, or may still be made.

    `check` says how to see the resource's state. A status below 400 means the operation itself ended
    Failed or Canceled (its status resource said so); an HTTP error means following it failed.
    """
    code, message = arm_error_code_and_message(error)
    status = _status(error)
    detail = f"({code}) {message}" if code else message
    if status is None or status < 400:
        # The resource exists now, or was changed: say so, whatever `check` says about seeing it.
        made = "" if "may " in check else " Azure accepted the change: it may have been made, or left the resource " \
            "in a Failed state."  # fmt: skip
        return AzureResponseError(f"The operation on {what} failed: {_sentence(detail)}{made}", check)
    error_type = AzureInternalError if status >= 500 else AzureResponseError
    return error_type(
        f"Azure accepted the change to {what}, but following its progress failed (HTTP {status}): "
        f"{_sentence(detail)} The change may still be applied.",
        f"Check before running the command again. {check}",
    )


def connection_failure(error, what, accepted):
    """A dropped connection: the request may have been applied (unless it could not be sent at all)."""
    from azure.core.exceptions import ServiceRequestError

    reason = getattr(error, "message", None) or str(error)
    request = getattr(getattr(error, "inner_exception", None), "request", None)  # requests' PreparedRequest
    reading = str(getattr(request, "method", "")).upper() in ("GET", "HEAD")
    if (isinstance(error, ServiceRequestError) or reading) and not accepted:
        outcome, advice = "Nothing was changed.", "Check the network (proxy, firewall, DNS) and try again."
    else:
        outcome = "Whether Azure applied the request is unknown."
        advice = "Check before running the command again." + (f" {accepted}" if accepted else "")
    return AzureConnectionError(
        f"The connection to Azure failed while handling {what}: {_sentence(reason)} {outcome}", advice
    )


@contextmanager
def arm_errors(what, cluster=None, not_found=None, accepted=None):
    """Run SDK calls and turn any HttpResponseError into the matching azure-cli error.

    With `cluster`, a 404 about the cluster or its resource group says so (ARM answers 404 for a missing
    parent too, so the first request of every command doubles as the cluster-exists check); `not_found`
    replaces the message of any other 404. `accepted` is given around the wait for a write that Azure
    has accepted: a failure then must not read as "nothing changed", and the text (how to see the
    resource's state) is added to the error. Dropped connections are reported too (TLS errors are left
    to azure-cli, which knows how to advise on proxies).
    """
    from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError

    try:
        yield
    except HttpResponseError as error:
        if accepted is not None:
            raise accepted_failure(error, what, accepted) from None
        translated = cluster_not_found(error, cluster) if cluster is not None else None
        if translated is None and not_found and is_not_found(error):
            translated = ResourceNotFoundError(not_found)
        raise (translated or translate_http_error(error, what)) from None
    except (ServiceRequestError, ServiceResponseError) as error:
        if _is_tls_error(error):
            raise
        raise connection_failure(error, what, accepted) from None


def _is_tls_error(error):
    import ssl

    inner = getattr(error, "inner_exception", None)
    for _ in range(10):  # the few exceptions requests and urllib3 chain
        if inner is None:
            return False
        if isinstance(inner, ssl.SSLError) or type(inner).__name__ == "SSLError":
            return True
        inner = inner.__cause__ or inner.__context__
    return False


def is_not_found(error):
    return _status(error) == 404
