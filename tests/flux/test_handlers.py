"""delete, show, list, kustomization and deployed-object handlers against fake clients."""

import pytest
from azure.cli.core.azclierror import (
    AzureInternalError,
    ForbiddenError,
    InvalidArgumentValueError,
    NoTTYError,
    ResourceNotFoundError,
    ValidationError,
)

from azext_k8s_flux.operations import deployed_object as objects
from azext_k8s_flux.operations import kustomization as kust
from azext_k8s_flux.operations.flux import flux_delete, flux_list, flux_show
from tests.flux.cases import CLUSTER, arguments
from tests.flux.existing import git_configuration
from tests.flux.fakes import FakeFluxClient, http_error, wire


def verbs(client):
    return [call[0] for call in client.calls]


def test_show_is_one_get(cmd):
    client = FakeFluxClient(git_configuration())
    assert flux_show(cmd, client, **arguments())["name"] == "cfg"
    assert verbs(client) == ["GET"]


def test_list(cmd):
    client = FakeFluxClient(git_configuration())
    assert [item["name"] for item in flux_list(cmd, client, **CLUSTER)] == ["cfg"]


def test_delete_with_yes(cmd):
    client = FakeFluxClient(git_configuration())
    flux_delete(cmd, client, **arguments(yes=True))
    assert verbs(client) == ["GET", "DELETE"]
    assert client.calls[1][2]["force_delete"] is None


def test_delete_force_sends_force_delete(cmd):
    client = FakeFluxClient(git_configuration())
    flux_delete(cmd, client, **arguments(yes=True, force=True))
    assert client.calls[1][2]["force_delete"] is True


def test_delete_prompt_warns_about_pruned_workloads(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(NoTTYError) as raised:
        flux_delete(cmd, client, **arguments())
    assert "prune (apps, infra): the workloads they deployed will be removed from the cluster" in str(raised.value)
    assert "--yes" in raised.value.recommendations[0]
    assert client.writes() == []


def test_delete_prompt_without_prune(cmd):
    configuration = git_configuration()
    for value in configuration["properties"]["kustomizations"].values():
        value["prune"] = False
    with pytest.raises(NoTTYError) as raised:
        flux_delete(cmd, FakeFluxClient(configuration), **arguments())
    assert "workloads" not in str(raised.value)


@pytest.mark.parametrize("error,expected,fragment", [
    (http_error(404, "ResourceNotFound", "Flux configuration with name 'cfg' not found."), ResourceNotFoundError,
     "Flux configuration 'cfg' on connectedClusters 'cluster1' in resource group 'rg1' was not found"),
    (http_error(404, "ResourceNotFound", "The Resource 'Microsoft.Kubernetes/connectedClusters/cluster1' under "
                "resource group 'rg1' was not found."), ResourceNotFoundError,
     "Cluster connectedClusters 'cluster1' in resource group 'rg1' was not found"),
    (http_error(404, "ResourceGroupNotFound", "Resource group 'rg1' could not be found."), ResourceNotFoundError,
     "Resource group 'rg1' was not found"),
    (http_error(403, "AuthorizationFailed", "The client 'x' does not have authorization"), ForbiddenError,
     "Access to Flux configuration 'cfg'"),
    (http_error(503, "ServiceUnavailable", "try later"), AzureInternalError, "HTTP 503"),
])  # fmt: skip
def test_delete_errors_are_reported_as_what_they_are(cmd, clients, error, expected, fragment):
    client = FakeFluxClient(git_configuration(), error=error)
    with pytest.raises(expected) as raised:
        flux_delete(cmd, client, **arguments(yes=True))
    assert fragment in str(raised.value)
    assert client.writes() == []


def _kust(handler, client, cmd, **options):
    return handler(cmd, client, **arguments(**options))


def test_kustomization_create_patches_only_its_key(cmd, golden):
    client = FakeFluxClient(git_configuration())
    _kust(kust.kustomization_create, client, cmd, kustomization_name="web", path="./web", depends_on=["apps,infra"],
          prune=False, sync_interval="2m", post_build_substitute="ENV=prod")
    (verb, args, kwargs), = client.writes()
    assert verb == "PATCH" and "logging_enable" not in kwargs
    golden("flux/kustomization-create", wire(args[-1]))


def test_kustomization_create_on_existing_name(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(ValidationError, match="already exists.*kustomization update"):
        _kust(kust.kustomization_create, client, cmd, kustomization_name="apps", path="./x")
    assert client.writes() == []


def test_kustomization_create_unknown_dependency(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(InvalidArgumentValueError, match="depends on 'db', which does not exist"):
        _kust(kust.kustomization_create, client, cmd, kustomization_name="web", depends_on=["db"])
    assert client.writes() == []


def test_kustomization_update_cycle(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(InvalidArgumentValueError, match="cycle: infra -> apps -> infra"):
        _kust(kust.kustomization_update, client, cmd, kustomization_name="infra", depends_on=["apps"])
    assert client.writes() == []


def test_kustomization_update_sends_only_changes(cmd):
    client = FakeFluxClient(git_configuration())
    _kust(kust.kustomization_update, client, cmd, kustomization_name="apps", path="./apps/staging", prune=False)
    (verb, args, kwargs), = client.writes()
    assert wire(args[-1]) == {"properties": {"kustomizations": {"apps": {"prune": False}}}}


def test_kustomization_update_missing(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(ResourceNotFoundError, match="Kustomization 'web' was not found in Flux configuration 'cfg'"):
        _kust(kust.kustomization_update, client, cmd, kustomization_name="web", prune=True)


def test_kustomization_delete(cmd):
    client = FakeFluxClient(git_configuration())
    _kust(kust.kustomization_delete, client, cmd, kustomization_name="apps", yes=True)
    (verb, args, kwargs), = client.writes()
    assert wire(args[-1]) == {"properties": {"kustomizations": {"apps": None}}}


def test_kustomization_delete_refuses_when_others_depend_on_it(cmd):
    client = FakeFluxClient(git_configuration())
    with pytest.raises(ValidationError, match="Kustomization apps depends on 'infra'"):
        _kust(kust.kustomization_delete, client, cmd, kustomization_name="infra", yes=True)
    assert client.writes() == []


def test_kustomization_delete_prompt_mentions_prune(cmd):
    with pytest.raises(NoTTYError, match="workloads it deployed will be removed"):
        _kust(kust.kustomization_delete, FakeFluxClient(git_configuration()), cmd, kustomization_name="apps")


def test_kustomization_show_and_list(cmd):
    client = FakeFluxClient(git_configuration())
    assert _kust(kust.kustomization_show, client, cmd, kustomization_name="apps")["dependsOn"] == ["infra"]
    assert [k["name"] for k in _kust(kust.kustomization_list, client, cmd)] == ["infra", "apps"]
    with pytest.raises(ResourceNotFoundError, match="Kustomization 'nope' was not found.*infra"):
        _kust(kust.kustomization_show, client, cmd, kustomization_name="nope")


def test_deployed_objects(cmd):
    client = FakeFluxClient(git_configuration())
    kinds = [o["kind"] for o in _kust(objects.deployed_object_list, client, cmd)]
    assert {"GitRepository", "Kustomization", "OCIRepository", "AzureBlob"} <= set(kinds)
    found = _kust(objects.deployed_object_show, client, cmd, object_name="podinfo", object_kind="ocirepository")
    assert found["namespace"] == "apps"
    with pytest.raises(InvalidArgumentValueError, match="Several objects are named 'cfg'"):
        _kust(objects.deployed_object_show, client, cmd, object_name="cfg")
    blob = _kust(objects.deployed_object_show, client, cmd, object_name="cfg", object_kind="AzureBlob",
                 object_namespace="blob-ns")  # fmt: skip
    assert blob["kind"] == "AzureBlob"
    with pytest.raises(ResourceNotFoundError, match="Object 'Kustomization/cfg-web' .*was not deployed"):
        _kust(objects.deployed_object_show, client, cmd, object_name="cfg-web", object_kind="Kustomization")


def test_deployed_object_table_shows_failing_message(cmd):
    from azext_k8s_flux._format import deployed_object_list_table

    rows = deployed_object_list_table(_kust(objects.deployed_object_list, FakeFluxClient(git_configuration()), cmd))
    failing = [row for row in rows if row["Name"] == "cfg-apps"][0]
    assert failing["Message"] == "dependency not ready" and failing["ComplianceState"] == "Non-Compliant"


def test_unregistered_provider_says_how_to_fix(cmd):
    from azure.cli.core.azclierror import BadRequestError

    error = http_error(409, "MissingSubscriptionRegistration", "The subscription is not registered to use namespace "
                       "'Microsoft.KubernetesConfiguration'.")  # fmt: skip
    with pytest.raises(BadRequestError, match="not registered to use Microsoft.KubernetesConfiguration") as raised:
        flux_show(cmd, FakeFluxClient(git_configuration(), error=error), **arguments())
    assert "az provider register --namespace Microsoft.KubernetesConfiguration" in raised.value.recommendations[0]


def test_kustomization_update_without_fields_sends_nothing(cmd):
    from azure.cli.core.azclierror import RequiredArgumentMissingError

    from tests.flux.fakes import NoRequests

    with pytest.raises(RequiredArgumentMissingError, match="Nothing to update"):
        _kust(kust.kustomization_update, NoRequests(), cmd, kustomization_name="apps")
