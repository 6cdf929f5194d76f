"""The command sequences of the official k8s-configuration Pester suites (testing/test/configurations/
Flux.Tests.ps1, Flux.CrossKind.Tests.ps1, FluxKustomization.Wait.Tests.ps1), with our own names and values,
against the emulator. Their CI runs with core.disable_confirm_prompt=true, so these tests do too."""

import pytest

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

REPO = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"


@pytest.fixture
def cluster(new_cluster, monkeypatch):
    monkeypatch.setenv("AZURE_CORE_DISABLE_CONFIRM_PROMPT", "true")
    return new_cluster("connectedClusters")


def flux(cli, cluster, verb, rest, expect=0):
    return cli(f"k8s-configuration flux {verb} {cluster.args} {rest}", expect=expect)


def kustomization(cli, cluster, name, which):
    return flux(cli, cluster, "show", f"-n {name}").json["kustomizations"][which]


def test_basic_lifecycle(cli, cluster):
    name = "team-basics"
    flux(cli, cluster, "create", f"-u https://github.com/Azure/arc-k8s-demo -n {name} --scope cluster "
         f"--namespace {name} --branch main --no-wait")  # fmt: skip
    assert flux(cli, cluster, "show", f"-n {name}").json["provisioningState"] == "Succeeded"
    # A re-PUT with the scheme in capitals is accepted, as the service accepts it.
    flux(cli, cluster, "create", f"-u HTTPS://github.com/Azure/arc-k8s-demo -n {name} --scope cluster "
         f"--namespace {name} --branch main --no-wait")  # fmt: skip
    assert [item["name"] for item in flux(cli, cluster, "list", "").json] == [name]
    flux(cli, cluster, "delete", f"-n {name} --force")
    cli(f"k8s-configuration show {cluster.args} -n {name}", expect=3)
    assert flux(cli, cluster, "list", "").json == []


def test_switching_a_bucket_source_to_git(cli, cluster):
    name = "kinds"
    flux(cli, cluster, "create", f"--kind bucket -u http://minio.example.test --bucket-name flux -n {name} "
         f"--scope cluster --namespace {name} --bucket-access-key reader --bucket-secret-key not-a-real-secret "
         "--no-wait -o none")  # fmt: skip
    flux(cli, cluster, "update", f"-n {name} --kind git -u https://github.com/Azure/arc-k8s-demo --branch main "
         "--no-wait")  # fmt: skip
    switched = flux(cli, cluster, "show", f"-n {name}").json
    assert switched["sourceKind"] == "GitRepository" and not switched.get("bucket")
    assert switched["gitRepository"]["repositoryRef"]["branch"] == "main"
    flux(cli, cluster, "delete", f"-n {name} --force")
    assert flux(cli, cluster, "list", "").json == []


def test_health_check_sequence_keeps_prune(cli, cluster):
    name = "health"
    flux(cli, cluster, "create", f"-u {REPO} -n {name} --scope cluster --namespace {name} --branch main "
         "--kustomization name=infra path=./infrastructure prune=true --no-wait")  # fmt: skip
    assert kustomization(cli, cluster, name, "infra")["wait"] is True
    # update -k with the health check off: prune is not given and must survive.
    flux(cli, cluster, "update", f"-u {REPO} -n {name} --kustomization name=infra path=./infrastructure "
         "disable-health-check=true --no-wait")  # fmt: skip
    infra = kustomization(cli, cluster, name, "infra")
    assert (infra["wait"], infra["prune"], infra["path"]) == (False, True, "./infrastructure")
    flux(cli, cluster, "kustomization create", f"-n {name} --kustomization-name apps --path ./apps/staging "
         "--prune --no-wait")  # fmt: skip
    apps = kustomization(cli, cluster, name, "apps")
    assert (apps["wait"], apps["prune"]) == (True, True)
    flux(cli, cluster, "kustomization update", f"-n {name} --kustomization-name apps --path ./apps/staging "
         "--prune --disable-health-check --no-wait")  # fmt: skip
    apps = kustomization(cli, cluster, name, "apps")
    assert (apps["wait"], apps["prune"]) == (False, True)
    assert kustomization(cli, cluster, name, "infra")["wait"] is False  # untouched by the kustomization update
    flux(cli, cluster, "delete", f"-n {name} --force")
    cli(f"k8s-configuration show {cluster.args} -n {name}", expect=3)


def test_created_with_health_check_disabled(cli, cluster):
    name = "health-off"
    flux(cli, cluster, "create", f"-u {REPO} -n {name} --scope cluster --namespace {name} --branch main "
         "--kustomization name=infra path=./infrastructure prune=true disable-health-check=true --no-wait")  # fmt: skip
    assert kustomization(cli, cluster, name, "infra")["wait"] is False
    flux(cli, cluster, "kustomization create", f"-n {name} --kustomization-name apps --path ./apps/staging "
         "--prune --disable-health-check --no-wait")  # fmt: skip
    assert kustomization(cli, cluster, name, "apps")["wait"] is False
    flux(cli, cluster, "delete", f"-n {name} --force")


def test_update_k_merges_and_kustomization_delete_removes(cli, cluster):
    # The issue's own lines: one key of infra, then a new path for apps; then removal is explicit.
    name = "merge"
    flux(cli, cluster, "create", f"-u {REPO} -n {name} --branch main -k name=infra path=./infrastructure "
         "prune=true -k name=apps path=./apps/staging prune=true depends_on=infra -o none")  # fmt: skip
    flux(cli, cluster, "update", f"-n {name} -k name=infra sync_interval=3m -o none")
    infra = kustomization(cli, cluster, name, "infra")
    assert (infra["syncIntervalInSeconds"], infra["path"], infra["prune"]) == (180, "./infrastructure", True)
    updated = flux(cli, cluster, "update", f"-n {name} -k name=apps path=./apps/production").json
    assert sorted(updated["kustomizations"]) == ["apps", "infra"]
    assert updated["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    flux(cli, cluster, "kustomization delete", f"-n {name} -k apps")
    assert list(flux(cli, cluster, "show", f"-n {name}").json["kustomizations"]) == ["infra"]
    objects = flux(cli, cluster, "deployed-object list", f"-n {name}").json
    names = {item["name"] for item in objects}
    assert "merge-infra" in names and "merge-apps" not in names
    shown = flux(cli, cluster, "deployed-object show", f"-n {name} --object-name merge-infra "
                 "--object-kind Kustomization").json  # fmt: skip
    assert shown["kind"] == "Kustomization"
    flux(cli, cluster, "deployed-object show", f"-n {name} --object-name merge-apps --object-kind Kustomization",
         expect=3)  # fmt: skip
    flux(cli, cluster, "delete", f"-n {name} --force")
    assert flux(cli, cluster, "list", "").json == []
