"""The microsoft.flux install that `flux create` makes first: after Azure accepted it, a failure never reads
"Nothing was changed"; what exists is named, and running the same command again finishes the job.
Concurrent first creates on one cluster wait for the install instead of failing or installing twice."""

import concurrent.futures
from types import SimpleNamespace

import pytest

from tests.v1.helpers import last_seq

FLUX = "k8s-configuration flux"
REPO = "https://github.com/contoso/fleet"
EXTENSION_PUT = "/providers/Microsoft.KubernetesConfiguration/extensions/flux"


def _create(cluster, name="cfg"):
    return f"{FLUX} create {cluster.args} -n {name} --namespace {name} -u {REPO} --branch main -k name=a path=./a"


def _writes(emulator, since, cluster):
    return [(e["method"], e["path"].split(cluster.name)[-1], e["status"]) for e in emulator.requests(kind="arm")
            if e["seq"] > since and e["method"] != "GET" and cluster.name in e["path"]]  # fmt: skip


@pytest.mark.parametrize("fault", [dict(kind="error", status=503), dict(kind="drop")])
def test_install_accepted_then_unfollowable_says_it_may_be_installed(cli, faults, new_cluster, fault):
    cluster = new_cluster("connectedClusters")
    faults.set_fault(fault["kind"], count=None, method="GET", path=f"{cluster.name}{EXTENSION_PUT}/operations",
                     **{k: v for k, v in fault.items() if k != "kind"})  # fmt: skip
    result = cli(_create(cluster), expect=1)
    assert "Nothing was changed" not in result.stderr
    assert "The Flux extension 'flux' may be installed, or still installing" in result.stderr
    assert f"az k8s-extension show {cluster.args} -n flux" in result.stderr
    assert "No Flux configuration was created." in result.stderr
    status, body = cluster.get("extensions", "flux")
    assert status == 200 and body["properties"]["provisioningState"] == "Succeeded"
    assert cluster.list("fluxConfigurations") == []

    faults.clear_faults()
    since = last_seq(faults)
    cli(_create(cluster) + " -o none")
    assert _writes(faults, since, cluster) == [
        ("PUT", "/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/cfg", 201)]


def test_a_failed_create_after_the_install_names_the_extension_and_a_rerun_finishes(cli, faults, new_cluster):
    cluster = new_cluster("connectedClusters")
    faults.set_fault("error", count=1, method="PUT", path=f"{cluster.name}/providers/Microsoft.KubernetesConfiguration"
                     "/fluxConfigurations/cfg", status=501)  # fmt: skip
    result = cli(_create(cluster), expect=1)
    assert (f"This command installed the Flux extension 'flux' on connectedClusters '{cluster.name}' in resource "
            "group 'tests-rg'; it stays installed. Run the same command again to finish.") in result.stderr
    assert cluster.get("extensions", "flux")[1]["properties"]["provisioningState"] == "Succeeded"

    since = last_seq(faults)
    cli(_create(cluster) + " -o none")
    assert _writes(faults, since, cluster) == [
        ("PUT", "/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/cfg", 201)]
    assert [c["name"] for c in cluster.list("fluxConfigurations")] == ["cfg"]


def test_concurrent_first_creates_all_succeed_with_one_install(az, faults, new_cluster):
    cluster = new_cluster("connectedClusters")
    # The install stays Creating for a while, so that the racers really meet it.
    faults.set_fault("lro-slow", count=1, method="PUT", path=f"{cluster.name}{EXTENSION_PUT}", delay=3)
    since = last_seq(faults)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        runs = list(pool.map(lambda n: az(*_create(cluster, f"racer-{n}").split(), "-o", "none", expect=None),
                             range(8)))  # fmt: skip
    assert [run.exit_code for run in runs] == [0] * 8, [run for run in runs if run.exit_code]
    puts = [w for w in _writes(faults, since, cluster) if w[0] == "PUT"]
    assert [w for w in puts if w[1].endswith("/extensions/flux")] == [
        ("PUT", "/providers/Microsoft.KubernetesConfiguration/extensions/flux", 201)]
    assert sorted(c["name"] for c in cluster.list("fluxConfigurations")) == [f"racer-{n}" for n in range(8)]


class _InstallingClient:
    """An extensions client whose extension is Creating for `polls` GETs, with a Retry-After."""

    def __init__(self, polls, retry_after="7"):
        self.polls, self.retry_after, self.gets = polls, retry_after, 0

    def get(self, *args, cls=None):
        from azure.mgmt.kubernetesconfiguration.extensions import models

        self.gets += 1
        state = "Creating" if self.gets <= self.polls else "Succeeded"
        extension = models.Extension(provisioning_state=state)
        extension.name = "flux"
        response = SimpleNamespace(http_response=SimpleNamespace(headers={"Retry-After": self.retry_after}))
        return cls(response, extension, {})


def _extension(state):
    from azure.mgmt.kubernetesconfiguration.extensions import models

    extension = models.Extension()
    extension.name = "flux"
    extension.provisioning_state = state
    return extension


def test_an_install_in_progress_is_waited_for_honouring_retry_after(monkeypatch):
    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux.operations import flux_extension

    sleeps = []
    monkeypatch.setattr("time.sleep", sleeps.append)
    client = _InstallingClient(polls=2)
    cluster = cluster_ref("rg", "c1", "connectedClusters")
    done = flux_extension.wait_while_installing(client, cluster, _extension("Creating"), polling_interval=5)
    assert flux_extension._state(done) == "Succeeded"
    assert client.gets == 3 and sleeps == [7.0, 7.0]


def test_an_install_that_outlasts_the_wait_is_reported_not_reinstalled(monkeypatch):
    from azure.cli.core.azclierror import ValidationError

    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux.operations import flux_extension

    clock = [0.0]
    monkeypatch.setattr("time.monotonic", lambda: clock[0])
    monkeypatch.setattr("time.sleep", lambda seconds: clock.__setitem__(0, clock[0] + seconds))
    client = _InstallingClient(polls=10**6, retry_after="nan")
    cluster = cluster_ref("rg", "c1", "connectedClusters")
    last = flux_extension.wait_while_installing(client, cluster, _extension("Creating"), polling_interval=30)
    assert client.gets == flux_extension.INSTALL_WAIT_SECONDS // 30
    with pytest.raises(ValidationError, match="is still Creating"):
        flux_extension.check_flux_extension_ready(last, cluster)


def test_migrate_says_an_accepted_configuration_may_exist_when_following_it_fails(cli, faults, new_cluster, tmp_path):
    from tests.v1.helpers import TEAM_A, seed_v1

    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"team-a": TEAM_A})
    faults.set_fault("error", count=None, method="GET", status=503,
                     path=f"{cluster.name}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/team-a/")
    result = cli(f"k8s-configuration flux migrate {cluster.args} --yes --plan-file {tmp_path / 'plan.json'}",
                 expect=None)  # fmt: skip
    assert result.exit_code == 1, result
    assert "Nothing was changed" not in result.stderr
    assert (f"The configuration may have been created: see it with az k8s-configuration flux show {cluster.args} "
            "-n team-a. Running the migration again continues it.") in result.stderr
    assert [c["name"] for c in cluster.list("fluxConfigurations")] == ["team-a"]
