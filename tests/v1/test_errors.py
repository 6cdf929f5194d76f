"""Each ARM failure reported as what it is (fake clients: the emulator cannot answer 403)."""

import pytest
from azure.cli.core.azclierror import (
    AzureInternalError,
    ForbiddenError,
    ResourceNotFoundError,
    ValidationError,
)
from azure.core.exceptions import HttpResponseError

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations import source_control
from azext_k8s_flux.operations.flux_extension import install_flux_extension
from azext_k8s_flux.payloads.extension import build_flux_extension_install
from tests.harness.fake_cmd import fake_cmd

CLUSTER = {"resource_group_name": "rg", "cluster_name": "c1", "cluster_type": "connectedClusters"}


class FakeResponse:
    def __init__(self, status_code):
        self.status_code = status_code
        self.reason = "fake"
        self.headers = {}

    def text(self):
        return ""


class FailingClient:
    """Every call fails with the given HTTP status; records what was attempted."""

    def __init__(self, status):
        self.status = status
        self.calls = []

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.calls.append(name)
            message = f"Operation returned status {self.status}"
            raise HttpResponseError(message=message, response=FakeResponse(self.status))

        return call


@pytest.mark.parametrize(
    ("status", "error_type", "fragment"),
    [
        (403, ForbiddenError, "Access to Flux v1 configuration 'cfg'"),
        (404, ResourceNotFoundError, "Flux v1 configuration 'cfg' of connectedClusters 'c1'"),
        (500, AzureInternalError, "(HTTP 500)"),
        (503, AzureInternalError, "(HTTP 503)"),
    ],
)
def test_show_reports_each_failure_as_what_it_is(status, error_type, fragment):
    with pytest.raises(error_type) as raised:
        source_control.source_control_show(FailingClient(status), name="cfg", **CLUSTER)
    assert fragment in str(raised.value)


@pytest.mark.parametrize(("status", "error_type"), [(403, ForbiddenError), (500, AzureInternalError)])
def test_list_and_delete_report_failures(status, error_type):
    with pytest.raises(error_type):
        source_control.source_control_list(FailingClient(status), **CLUSTER)
    with pytest.raises(error_type):
        source_control.source_control_delete(fake_cmd(), FailingClient(status), name="cfg", yes=True, **CLUSTER)


def test_a_403_on_delete_is_never_reported_as_nothing_to_delete():
    with pytest.raises(ForbiddenError) as raised:
        source_control.source_control_delete(fake_cmd(), FailingClient(403), name="cfg", yes=True, **CLUSTER)
    assert "was not found" not in str(raised.value)


def test_create_is_refused_without_a_client():
    with pytest.raises(ValidationError) as raised:
        source_control.source_control_create(name="x", repository_url="git@github.com:a/b", operator_params="-x")
    message = str(raised.value)
    assert "cannot be created" in message
    assert "az k8s-configuration flux create" in message and "az k8s-configuration flux migrate" in message


def test_extension_install_reports_403():
    cluster = cluster_ref("rg", "c1", "connectedClusters")
    with pytest.raises(ForbiddenError) as raised:
        install_flux_extension(FailingClient(403), cluster)
    assert "the installation of the Flux extension on connectedClusters 'c1'" in str(raised.value)


def test_flux_extension_body(golden):
    from azext_k8s_flux._sdk import as_dict

    connected = build_flux_extension_install(cluster_ref("rg", "c", "connectedClusters"))
    golden("v1/flux-extension-connected", as_dict(connected))
    assert "identity" not in as_dict(build_flux_extension_install(cluster_ref("rg", "c", "managedClusters")))
