"""Flux v1 is retired: list/show say so on stderr and name `flux migrate`; `flux show|delete` of a name that
exists only as a Flux v1 configuration say what it is instead of a bare "not found"."""

import json
from types import SimpleNamespace

import pytest
from azure.cli.core.azclierror import ResourceNotFoundError

from azext_k8s_flux import _client_factory
from azext_k8s_flux.operations.flux import flux_show
from tests.flux.cases import arguments
from tests.flux.fakes import FakeFluxClient, http_error
from tests.harness.fake_cmd import fake_cmd
from tests.v1.helpers import SCC, TEAM_A, last_seq, requests_under, seed_v1

NOTICE = "Flux v1 is retired"
FLUX = "/providers/Microsoft.KubernetesConfiguration/fluxConfigurations"


def test_list_with_v1_configurations_says_once_that_flux_v1_is_retired(cli, arc):
    result = cli(f"k8s-configuration list {arc.args}")
    assert result.stderr.count(NOTICE) == 1
    assert f"az k8s-configuration flux migrate {arc.args}" in result.stderr
    assert [item["name"] for item in json.loads(result.stdout)] == ["cluster-config", "team-a"]  # stdout: JSON only


def test_list_of_a_cluster_without_v1_configurations_says_nothing(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    result = cli(f"k8s-configuration list {cluster.args}")
    assert result.json == [] and result.stderr == ""


def test_show_says_it_too(cli, arc):
    result = cli(f"k8s-configuration show {arc.args} -n team-a")
    assert result.json["name"] == "team-a"
    assert result.stderr.count(NOTICE) == 1 and "flux migrate" in result.stderr


def test_the_notice_with_real_az_keeps_stdout_json(az, arc):
    result = az(f"k8s-configuration list {arc.args} --query [].name")
    assert json.loads(result.stdout) == ["cluster-config", "team-a"]
    assert result.stderr.startswith("WARNING: Flux v1 is retired") and result.stderr.count(NOTICE) == 1


def test_flux_show_of_a_v1_name_says_it_is_flux_v1(cli, arc, emulator):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux show {arc.args} -n team-a", expect=3)
    assert "'team-a' is a Flux v1 configuration (sourceControlConfigurations)" in result.stderr
    assert f"az k8s-configuration show {arc.args} -n team-a" in result.stderr
    assert f"az k8s-configuration flux migrate {arc.args}" in result.stderr
    assert [(method, path) for method, path, _ in requests_under(emulator, arc, since)] == [
        ("GET", f"{FLUX}/team-a"), ("GET", f"/providers/Microsoft.KubernetesConfiguration/{SCC}/team-a")]


def test_flux_delete_of_a_v1_name_deletes_nothing_and_points_to_the_v1_delete(cli, arc, emulator):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux delete {arc.args} -n cluster-config --yes", expect=3)
    assert "'cluster-config' is a Flux v1 configuration" in result.stderr
    assert f"az k8s-configuration delete {arc.args} -n cluster-config" in result.stderr
    assert "flux migrate" in result.stderr
    assert [method for method, _, _ in requests_under(emulator, arc, since)] == ["GET", "GET"]
    assert len(arc.list(SCC)) == 2


def test_flux_show_that_succeeds_asks_nothing_about_flux_v1(cli, new_cluster, emulator):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-configuration flux create {cluster.args} -n apps -u https://github.com/org/repo --branch main -o none")
    seed_v1(cluster, **{"team-a": TEAM_A})
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux show {cluster.args} -n apps")
    assert result.json["name"] == "apps" and result.stderr == ""
    assert [(method, path) for method, path, _ in requests_under(emulator, cluster, since)] == [
        ("GET", f"{FLUX}/apps")]


def test_flux_show_of_a_name_that_is_neither_stays_a_plain_not_found(cli, arc):
    result = cli(f"k8s-configuration flux show {arc.args} -n nothing-here", expect=3)
    assert result.stderr == (f"ERROR: Flux configuration 'nothing-here' on connectedClusters '{arc.name}' in resource "
                             f"group '{arc.resource_group}' was not found.\n")  # fmt: skip


def test_when_flux_v1_cannot_be_asked_the_plain_not_found_stands(monkeypatch):
    def denied(*_):
        raise http_error(403, "AuthorizationFailed", "no read access to sourceControlConfigurations")

    monkeypatch.setattr(_client_factory, "cf_source_control_configurations", lambda *_: SimpleNamespace(get=denied))
    with pytest.raises(ResourceNotFoundError) as raised:
        flux_show(fake_cmd(), FakeFluxClient(None), **arguments())
    assert str(raised.value) == ("Flux configuration 'cfg' on connectedClusters 'cluster1' in resource group 'rg1' "
                                 "was not found.")  # fmt: skip
