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
        (401, "InvalidAuthenticationToken", UnauthorizedError, "az login"),
        (400, "ValidationFailed", BadRequestError, "(ValidationFailed) boom"),
        (503, "ServiceUnavailable", AzureInternalError, "HTTP 503"),
    ],
)
def test_status_codes_map_to_error_types(status, code, error_type, fragment):
    translated = translate_http_error(_error(status, code, "boom"), "Flux configuration 'x'")
    assert isinstance(translated, error_type)
    assert fragment in str(translated)


def test_unregistered_provider_names_the_registration_command():
    message = (
        "The subscription is not registered to use namespace 'Microsoft.KubernetesConfiguration'. "
        "See https://aka.ms/rps-not-found for how to register subscriptions."
    )
    translated = translate_http_error(_error(409, "MissingSubscriptionRegistration", message), "extension 'flux'")
    assert isinstance(translated, BadRequestError)
    assert "az provider register --namespace Microsoft.KubernetesConfiguration --wait" in str(translated)


def test_arm_errors_context_translates_and_hides_the_sdk_traceback():
    with pytest.raises(ForbiddenError) as raised, arm_errors("extension 'flux'"):
        raise _error(403, "AuthorizationFailed", "denied")
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__

