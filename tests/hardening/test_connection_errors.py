"""A connection that fails or drops is reported as a connection problem that names what was being done,
never as the transport's bare tuple text."""

import pytest
from azure.cli.core.azclierror import AzureConnectionError
from azure.core.exceptions import ServiceRequestError, ServiceResponseError

from azext_k8s_flux.operations import extension, source_control
from tests.harness.fake_cmd import fake_cmd

CLUSTER = {"resource_group_name": "rg", "cluster_name": "c1", "cluster_type": "connectedClusters"}


class DroppingClient:
    def __init__(self, error):
        self.error = error

    def __getattr__(self, name):
        def call(*args, **kwargs):
            raise self.error

        return call


def test_a_request_that_never_left_says_nothing_was_changed():
    client = DroppingClient(ServiceRequestError("Failed to establish a new connection: [Errno 111] Connection refused"))
    with pytest.raises(AzureConnectionError) as raised:
        extension.extension_show(None, client, name="flux", **CLUSTER)
    message = str(raised.value)
    assert message.startswith("The connection to Azure failed while handling extension 'flux' on connectedClusters")
    assert "Connection refused" in message and "Nothing was changed" in message
    assert "try again" in raised.value.recommendations[0]


def test_a_dropped_answer_warns_that_the_change_may_have_been_made():
    client = DroppingClient(ServiceResponseError("('Connection aborted.', RemoteDisconnected('closed'))"))
    with pytest.raises(AzureConnectionError) as raised:
        source_control.source_control_delete(fake_cmd(), client, name="cfg", yes=True, **CLUSTER)
    message = str(raised.value)
    assert "The connection to Azure failed while handling Flux v1 configuration 'cfg'" in message
    assert "Whether Azure applied the request is unknown." in message
    assert raised.value.recommendations == ["Check before running the command again."]


def test_throttling_that_outlasts_the_retries_says_so():
    """(The emulator's throttle fault shows the same end to end, after the SDK's retries: about 5 s.)"""
    from azext_k8s_flux.operations._errors import translate_http_error
    from tests.unit.test_errors import _error

    error = _error(429, "TooManyRequests", "The request is being throttled.")
    translated = translate_http_error(error, "the extension list of connectedClusters 'c1'")
    message = str(translated)
    assert message.startswith("Azure is throttling requests (HTTP 429) for the extension list of connectedClusters")
    assert "(TooManyRequests)" in message
    assert "Nothing was changed by this command's refused request." in message
    assert translated.recommendations == ["Wait a minute and try again."]
