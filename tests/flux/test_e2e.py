"""End to end against the local ARM emulator: the seed's flow, idempotent re-runs, kustomization lifecycle,
pre-checks, error reporting and request counts (from the emulator's request log)."""

import pytest

from tests.flux import material as m
from tests.v1.helpers import last_seq

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

REPO = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"
SEED_K = ("-k name=infra path=./infrastructure prune=true "
          "-k name=apps path=./apps/staging prune=true depends_on=infra")  # fmt: skip


def create_args(cluster, name="cluster-config"):
    return (f"k8s-configuration flux create {cluster.args} -n {name} --namespace cluster-config --scope cluster "
            f"-u {REPO} --branch main {SEED_K}")  # fmt: skip


class RequestCounter:
    """Requests about one cluster, from the emulator's log; LRO status polls and the pollers' final GETs
    of a written resource are counted apart."""

    def __init__(self, emulator, cluster):
        self.emulator, self.cluster = emulator, cluster
        self.start = last_seq(emulator)

    def entries(self):
        name = f"/{self.cluster.name}".lower()
        return [e for e in self.emulator.requests(kind="arm")
                if e["seq"] > self.start and name in e["path"].lower()]  # fmt: skip

    def requests(self):
        """(method, last path segments) of the requests the command chose to make."""
        made, written = [], set()
        for entry in self.entries():
            path = entry["path"].lower()
            if "/operations/" in path:
                continue
            if entry["method"] == "GET" and path in written:
                continue  # the poller's final GET of what it just wrote
            if entry["method"] in ("PUT", "PATCH"):
                written.add(path)
            made.append((entry["method"], "/".join(path.rsplit("/", 2)[-2:])))
        return made


@pytest.fixture
def cluster(new_cluster):
    return new_cluster("connectedClusters")


@pytest.fixture
def run(cli):
    """The in-process CLI (warnings and errors land in the result's stderr)."""
    return cli


def test_seed_flow(run, cluster, emulator):
    counter = RequestCounter(emulator, cluster)
    created = run(create_args(cluster))
    assert "microsoft.flux) is not installed" in created.stderr
    assert counter.requests() == [
        ("GET", "microsoft.kubernetesconfiguration/extensions"),
        ("GET", "microsoft.kubernetesconfiguration/sourcecontrolconfigurations"),
        ("PUT", "extensions/flux"),
        ("PUT", "fluxconfigurations/cluster-config"),
    ]
    extensions = cluster.list("extensions")
    assert [e["properties"]["extensionType"].lower() for e in extensions] == ["microsoft.flux"]
    assert extensions[0]["properties"]["scope"]["cluster"]["releaseNamespace"] == "flux-system"
    result = created.json
    assert result["provisioningState"] == "Succeeded"
    assert result["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    assert result["kustomizations"]["infra"]["prune"] is True

    counter = RequestCounter(emulator, cluster)
    shown = run(f"k8s-configuration flux show {cluster.args} -n cluster-config").json
    assert len(counter.requests()) == 1
    assert shown["sourceKind"] == "GitRepository" and shown["gitRepository"]["url"] == REPO

    names = [k["name"] for k in run(f"k8s-configuration flux kustomization list {cluster.args} -n cluster-config").json]
    assert sorted(names) == ["apps", "infra"]
    objects = run(f"k8s-configuration flux deployed-object list {cluster.args} -n cluster-config").json
    assert {"cluster-config-infra", "cluster-config-apps"} <= {o["name"] for o in objects}

    counter = RequestCounter(emulator, cluster)
    run(f"k8s-configuration flux delete {cluster.args} -n cluster-config --yes")
    assert [r[0] for r in counter.requests()] == ["GET", "DELETE"]
    assert run(f"k8s-configuration flux list {cluster.args}").json == []


def test_create_rerun_is_idempotent_and_cheap(run, cluster, emulator):
    first = run(create_args(cluster)).json
    counter = RequestCounter(emulator, cluster)
    second = run(create_args(cluster)).json
    assert counter.requests() == [("GET", "microsoft.kubernetesconfiguration/extensions"),
                                  ("PUT", "fluxconfigurations/cluster-config")]  # fmt: skip
    for key in ("gitRepository", "kustomizations", "scope", "namespace", "sourceKind", "suspend"):
        assert first[key] == second[key], key


def test_update_changes_only_what_is_given(run, cluster, emulator):
    run(create_args(cluster))
    counter = RequestCounter(emulator, cluster)
    updated = run(f"k8s-configuration flux update {cluster.args} -n cluster-config --tag v1.0.0").json
    assert [r[0] for r in counter.requests()] == ["GET", "PATCH"]
    assert updated["gitRepository"]["repositoryRef"]["tag"] == "v1.0.0"
    assert not updated["gitRepository"]["repositoryRef"].get("branch")
    assert updated["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    counter = RequestCounter(emulator, cluster)
    again = run(f"k8s-configuration flux update {cluster.args} -n cluster-config --tag v1.0.0")
    assert again.json["gitRepository"]["repositoryRef"]["tag"] == "v1.0.0" and "nothing to change" in again.stderr
    assert [r[0] for r in counter.requests()] == ["GET"]  # no change: no PATCH
    counter = RequestCounter(emulator, cluster)
    run(f"k8s-configuration flux update {cluster.args} -n cluster-config {SEED_K}")
    assert [r[0] for r in counter.requests()] == ["GET"]  # the same kustomizations as the service holds them
    counter = RequestCounter(emulator, cluster)
    changed = run(f"k8s-configuration flux update {cluster.args} -n cluster-config -k name=infra prune=false").json
    assert [r[0] for r in counter.requests()] == ["GET", "PATCH"]
    assert sorted(changed["kustomizations"]) == ["apps", "infra"]  # -k changes only what it names
    assert changed["kustomizations"]["infra"]["prune"] is False
    assert changed["kustomizations"]["infra"]["path"] == "./infrastructure"
    replaced = run(f"k8s-configuration flux update {cluster.args} -n cluster-config --replace-kustomizations "
                   "-k name=infra path=./infrastructure --yes").json  # fmt: skip
    assert list(replaced["kustomizations"]) == ["infra"]


def test_kustomization_lifecycle(run, cluster):
    run(create_args(cluster))
    base = f"k8s-configuration flux kustomization {{}} {cluster.args} -n cluster-config"
    run(base.format("create") + " -k web --path ./web --depends-on apps,infra --prune false --sync-interval 2m")
    web = run(base.format("show") + " -k web").json
    assert web["dependsOn"] == ["apps", "infra"] and web["prune"] is False and web["syncIntervalInSeconds"] == 120
    again = run(base.format("create") + " -k web --path ./web", expect=None)
    assert again.exit_code != 0 and "kustomization update" in again.stderr
    run(base.format("update") + " -k web --prune true")
    web = run(base.format("show") + " -k web").json
    assert web["prune"] is True and web["path"] == "./web" and web["dependsOn"] == ["apps", "infra"]
    cycle = run(base.format("update") + " -k infra --depends-on web", expect=None)
    assert cycle.exit_code != 0 and "dependsOn forms a cycle: infra -> web -> apps -> infra" in cycle.stderr
    run(base.format("delete") + " -k web --yes")
    missing = run(base.format("show") + " -k web", expect=3)
    assert "Kustomization 'web' was not found" in missing.stderr
    assert sorted(k["name"] for k in run(base.format("list")).json) == ["apps", "infra"]


def test_deployed_object_show(run, cluster):
    run(create_args(cluster))
    base = f"k8s-configuration flux deployed-object show {cluster.args} -n cluster-config"
    found = run(base + " --object-name cluster-config-apps --object-kind Kustomization").json
    assert found["kind"] == "Kustomization"
    missing = run(base + " --object-name nope --object-kind Kustomization", expect=3)
    assert "Object 'Kustomization/nope'" in missing.stderr


def test_missing_cluster_is_one_request_and_named(run, arm, emulator):
    from tests.harness.arm import Cluster

    ghost = Cluster(arm, "tests-rg", "Microsoft.Kubernetes", "connectedClusters", "ghostcluster")
    counter = RequestCounter(emulator, ghost)
    result = run(create_args(ghost), expect=3)
    assert "Cluster connectedClusters 'ghostcluster' in resource group 'tests-rg' was not found" in result.stderr
    assert counter.requests() == [("GET", "microsoft.kubernetesconfiguration/extensions")]


def test_flux_v1_configurations_block_the_first_create(run, cluster, emulator):
    status, body = cluster.put("sourceControlConfigurations", "legacy", {"properties": {
        "repositoryUrl": "https://github.com/Azure/arc-k8s-demo", "operatorType": "Flux"}})  # fmt: skip
    assert status in (200, 201), body
    counter = RequestCounter(emulator, cluster)
    result = run(create_args(cluster), expect=None)
    assert result.exit_code != 0
    assert f"az k8s-configuration delete {cluster.args} -n legacy --yes" in result.stderr
    assert all(method == "GET" for method, _ in counter.requests())


def test_delete_of_missing_configuration_is_not_found(run, cluster):
    result = run(f"k8s-configuration flux delete {cluster.args} -n nothing --yes", expect=3)
    assert "Flux configuration 'nothing'" in result.stderr and "was not found" in result.stderr


def test_tables_and_query(az, cluster):
    az(create_args(cluster) + " -o none")
    table = az(f"k8s-configuration flux list {cluster.args} -o table").stdout
    for column in ("Name", "Namespace", "Scope", "SourceKind", "Url", "ComplianceState", "ProvisioningState"):
        assert column in table
    assert "cluster-config" in table and REPO in table
    state = az(f"k8s-configuration flux show {cluster.args} -n cluster-config --query provisioningState -o tsv")
    assert state.stdout.strip() == "Succeeded"
    kustomizations = az(f"k8s-configuration flux kustomization list {cluster.args} -n cluster-config -o table").stdout
    assert "DependsOn" in kustomizations and "./apps/staging" in kustomizations
    objects = az(f"k8s-configuration flux deployed-object list {cluster.args} -n cluster-config -o table").stdout
    assert "Kustomization" in objects and "cluster-config-apps" in objects


def test_switching_source_kind_fails_fast_without_terminal(az, cluster):
    az(create_args(cluster) + " -o none")
    result = az(f"k8s-configuration flux update {cluster.args} -n cluster-config --kind oci "
                "-u oci://ghcr.io/org/manifests", expect=None)  # fmt: skip
    assert result.exit_code != 0 and "--yes" in result.stderr


def test_secrets_never_reach_output_or_debug(az, cluster, tmp_path):
    import base64

    key, token = tmp_path / "id_key", tmp_path / "token"
    key.write_text(m.SSH_KEY)
    token.write_text(m.HTTPS_KEY + "\n")
    hosts, account_key = tmp_path / "known_hosts", tmp_path / "account_key"
    hosts.write_text(m.KNOWN_HOSTS)
    account_key.write_text(m.ACCOUNT_KEY)
    secrets = [m.HTTPS_KEY, "TESTKEYTESTKEY", base64.b64encode(m.HTTPS_KEY.encode()).decode(),
               base64.b64encode(m.SSH_KEY.encode()).decode()[:60], m.ACCOUNT_KEY]  # fmt: skip
    outputs = [
        az(f"k8s-configuration flux create {cluster.args} -n ssh-config -u git@github.com:org/repo.git "
           f"--branch main --ssh-private-key-file {key} --known-hosts-file {hosts} --debug"),
        az(f"k8s-configuration flux create {cluster.args} -n https-config -u https://github.com/org/repo "
           f"--branch main --https-user git --https-key-file {token} --debug"),
        az(f"k8s-configuration flux update {cluster.args} -n https-config --https-key-file {token} --debug"),
        az(f"k8s-configuration flux show {cluster.args} -n https-config --debug"),
        az(f"k8s-configuration flux create {cluster.args} -n blob-config --kind azblob "
           f"-u https://acct.blob.core.windows.net --container-name flux --account-key-file {account_key} --debug"),
        az(f"k8s-configuration flux list {cluster.args} --debug"),
    ]
    assert "Request method: 'GET'" in outputs[3].stderr  # --debug really logs traffic
    for result in outputs:
        for secret in secrets:
            assert secret not in result.output
    shown = az(f"k8s-configuration flux show {cluster.args} -n ssh-config").json
    assert "configurationProtectedSettings" not in shown or not shown["configurationProtectedSettings"]


@pytest.mark.parametrize("options,fragment", [
    ("-u https://github.com/org/repo --branch main -k name=apps depends_on=infra", "which does not exist"),
    ("-u https://github.com/org/repo --branch main --sync-interval 10min", "Go duration such as 1h2m3s"),
    ("-u https://github.com/org/repo --branch main --ssh-private-key-file /nonexistent/key", "Cannot read"),
    ("--kind azblob -u https://a.blob.core.windows.net --container-name c", "needs one way to authenticate"),
])  # fmt: skip
def test_rejected_inputs_send_no_request(run, cluster, emulator, options, fragment):
    counter = RequestCounter(emulator, cluster)
    result = run(f"k8s-configuration flux create {cluster.args} -n bad {options}", expect=None)
    assert result.exit_code != 0 and fragment in result.stderr
    assert "Traceback" not in result.output
    assert counter.entries() == []


def test_switching_source_kind_with_yes_clears_the_old_source(run, cluster, tmp_path):
    run(create_args(cluster))
    secret = tmp_path / "bucket_secret"
    secret.write_text(m.BUCKET_SECRET)
    switched = run(f"k8s-configuration flux update {cluster.args} -n cluster-config --kind bucket "
                   f"-u https://s3.amazonaws.com --bucket-name manifests --bucket-access-key AKIAEXAMPLE "
                   f"--bucket-secret-key-file {secret} --yes").json  # fmt: skip
    assert switched["sourceKind"] == "Bucket" and switched["bucket"]["bucketName"] == "manifests"
    assert not switched.get("gitRepository")
    assert switched["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    assert m.BUCKET_SECRET not in str(switched)


def test_failed_install_stops_with_the_extension_error(run, cluster, emulator):
    emulator.set_fault("lro-fail", method="PUT", path=f"{cluster.name}/providers/Microsoft.KubernetesConfiguration/"
                       "extensions", code="ExtensionOperationFailed", message="Helm installation failed: timeout")
    try:
        counter = RequestCounter(emulator, cluster)
        result = run(create_args(cluster), expect=None)
    finally:
        emulator.clear_faults()
    assert result.exit_code != 0
    assert "Helm installation failed: timeout" in result.stderr and "No Flux configuration was created" in result.stderr
    assert not [r for r in counter.requests() if "fluxconfigurations" in r[1]]
    assert cluster.list("fluxConfigurations") == []


def test_delete_reports_a_service_error_as_such(run, cluster, emulator):
    run(create_args(cluster))
    emulator.set_fault("error", count=None, method="GET", path="fluxConfigurations/cluster-config", status=503)
    try:
        result = run(f"k8s-configuration flux delete {cluster.args} -n cluster-config --yes", expect=None)
    finally:
        emulator.clear_faults()
    assert result.exit_code != 0 and "HTTP 503" in result.stderr and "was not found" not in result.stderr
    assert cluster.list("fluxConfigurations") != []  # nothing was deleted
