"""ARM failures become azure-cli errors that say what happened."""

import pytest
from azure.cli.core.azclierror import (
    AzureInternalError,
    BadRequestError,
    ForbiddenError,
    ResourceNotFoundError,
    UnauthorizedError,
)
from azure.core.exceptions import HttpResponseError

from azext_k8s_flux.operations._errors import arm_errors, translate_http_error


class _Response:
    def __init__(self, status, body):
        import json

        self.status_code = status
        self.reason = "reason"
        self.headers = {"content-type": "application/json"}
        self._body = json.dumps(body).encode()
        self.content_type = "application/json"

    def text(self, encoding=None):
        return self._body.decode()

    def body(self):
        return self._body


def _error(status, code, message):
    return HttpResponseError(response=_Response(status, {"error": {"code": code, "message": message}}))


@pytest.mark.parametrize(
    ("status", "code", "error_type", "fragment"),
    [
        (404, "ResourceNotFound", ResourceNotFoundError, "Flux configuration 'x' was not found"),
        (403, "AuthorizationFailed", ForbiddenError, "Access to Flux configuration 'x' was denied"),
        (401, "InvalidAuthenticationToken", UnauthorizedError, "Not authenticated for Flux configuration 'x'"),
        (400, "ValidationFailed", BadRequestError, "(ValidationFailed) boom"),
        (503, "ServiceUnavailable", AzureInternalError, "HTTP 503"),
    ],
)
def test_status_codes_map_to_error_types(status, code, error_type, fragment):
    translated = translate_http_error(_error(status, code, "boom"), "Flux configuration 'x'")
    assert isinstance(translated, error_type)
    assert fragment in str(translated)


@pytest.mark.parametrize(("status", "code", "advice"), [(401, "InvalidAuthenticationToken", "az login"),
                                                        (403, "AuthorizationFailed", "Ask for a role")])  # fmt: skip
def test_advice_is_a_recommendation_not_part_of_the_message(status, code, advice):
    translated = translate_http_error(_error(status, code, "boom"), "Flux configuration 'x'")
    assert advice not in str(translated)
    assert any(advice in line for line in translated.recommendations)


def test_unregistered_provider_names_the_registration_command():
    message = (
        "The subscription is not registered to use namespace 'Microsoft.KubernetesConfiguration'. "
        "See https://aka.ms/rps-not-found for how to register subscriptions."
    )
    translated = translate_http_error(_error(409, "MissingSubscriptionRegistration", message), "extension 'flux'")
    assert isinstance(translated, BadRequestError)
    assert "az provider register --namespace Microsoft.KubernetesConfiguration --wait" in translated.recommendations[0]


def test_arm_errors_context_translates_and_hides_the_sdk_traceback():
    with pytest.raises(ForbiddenError) as raised, arm_errors("extension 'flux'"):
        raise _error(403, "AuthorizationFailed", "denied")
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__



def _dropped(method):
    import requests
    from azure.core.exceptions import ServiceResponseError

    inner = requests.exceptions.ConnectionError("Connection aborted.")
    inner.request = requests.Request(method, "https://management.azure.com/x").prepare()
    return ServiceResponseError("('Connection aborted.', RemoteDisconnected())", error=inner)


@pytest.mark.parametrize(("method", "accepted", "fragment", "advice"), [
    ("GET", None, "Nothing was changed", "Check the network (proxy, firewall, DNS) and try again."),
    ("PATCH", None, "Whether Azure applied the request is unknown", "Check before running the command again."),
    ("GET", "See its state with: az show", "Whether Azure applied the request is unknown",
     "Check before running the command again. See its state with: az show"),
])  # fmt: skip
def test_dropped_connections_say_what_may_have_happened(method, accepted, fragment, advice):
    from azure.cli.core.azclierror import AzureConnectionError

    with pytest.raises(AzureConnectionError) as raised, arm_errors("Flux configuration 'x'", accepted=accepted):
        raise _dropped(method)
    assert "The connection to Azure failed while handling Flux configuration 'x'" in str(raised.value)
    assert fragment in str(raised.value) and "\n" not in str(raised.value)
    assert raised.value.recommendations == [advice]


def test_unsent_request_says_nothing_changed():
    from azure.cli.core.azclierror import AzureConnectionError
    from azure.core.exceptions import ServiceRequestError

    with pytest.raises(AzureConnectionError, match="Nothing was changed"), arm_errors("Flux configuration 'x'"):
        raise ServiceRequestError("Failed to establish a new connection: Connection refused")


def test_tls_errors_are_left_to_azure_cli():
    import requests
    from azure.core.exceptions import ServiceRequestError

    error = ServiceRequestError("certificate verify failed", error=requests.exceptions.SSLError("bad cert"))
    with pytest.raises(ServiceRequestError), arm_errors("Flux configuration 'x'"):
        raise error


@pytest.mark.parametrize(("status", "error_type", "fragment", "advice"), [
    (200, "AzureResponseError", "The operation on Flux configuration 'x' failed: (Failed) boom. Azure accepted the "
                                "change: it may have been made, or left the resource in a Failed state.",
     "See its state with: az show"),
    (500, "AzureInternalError", "Azure accepted the change to Flux configuration 'x', but following its progress "
                                "failed (HTTP 500): (Failed) boom. The change may still be applied.",
     "Check before running the command again. See its state with: az show"),
])  # fmt: skip
def test_failures_after_acceptance_never_claim_nothing_changed(status, error_type, fragment, advice):
    accepted = "See its state with: az show"
    with pytest.raises(Exception) as raised, arm_errors("Flux configuration 'x'", accepted=accepted):
        raise _error(status, "Failed", "boom")
    assert type(raised.value).__name__ == error_type
    assert fragment in str(raised.value) and "Nothing was changed" not in str(raised.value)
    assert raised.value.recommendations == [advice]
