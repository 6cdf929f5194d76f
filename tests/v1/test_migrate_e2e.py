"""`az k8s-configuration flux migrate` against the emulator: plan, full run, interruption and resume."""

import json

from tests.v1.helpers import CLUSTER_CONFIG, SCC, TEAM_A, last_seq, requests_under, seed_v1

FLUX = "fluxConfigurations"
SECRET = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAmigration-test-secret\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


def _methods(rows):
    return [(method, path.rsplit("/providers/Microsoft.KubernetesConfiguration/", 1)[-1]) for method, path, _ in rows]


def test_nothing_to_migrate(cli, new_cluster, tmp_path):
    cluster = new_cluster("managedClusters")
    result = cli(f"k8s-configuration flux migrate {cluster.args} --plan-file {tmp_path / 'plan.json'}").json
    assert result["status"] == "NothingToMigrate"
    assert "has no Flux v1 configurations" in result["message"]


def test_dry_run_prints_the_plan_and_changes_nothing(cli, arc, emulator, golden, tmp_path):
    since = last_seq(emulator)
    plan = cli(f"k8s-configuration flux migrate {arc.args} --dry-run --plan-file {tmp_path / 'plan.json'}").json
    assert _methods(requests_under(emulator, arc, since)) == [("GET", SCC), ("GET", FLUX)]
    assert not (tmp_path / "plan.json").exists()
    text = json.dumps(plan).replace(arc.path(), "<cluster>")
    golden("v1/dry-run-plan", json.loads(text))


def test_full_migration(cli, arc, emulator, tmp_path):
    state = tmp_path / "plan.json"
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state}").json
    rows = _methods(requests_under(emulator, arc, since))
    assert result["status"] == "Completed" and result["resumed"] is False
    assert result["deletedV1"] == ["cluster-config", "team-a"]
    assert result["createdV2"] == ["cluster-config", "team-a"]
    assert result["fluxExtensionInstalled"] is True
    assert isinstance(result["unmanagedWindowSeconds"], float) and result["unmanagedWindowSeconds"] >= 0
    assert result["repositoryPublicKeys"]["cluster-config"].startswith("ssh-ed25519 ")
    assert {item["setting"] for item in result["unmapped"]} >= {"enableHelmOperator", "--manifest-generation"}
    assert not state.exists()
    # Deletions come before the extension, which comes before the v2 configurations; each is sent once.
    assert rows[:4] == [("GET", SCC), ("GET", FLUX), ("DELETE", f"{SCC}/cluster-config"), ("DELETE", f"{SCC}/team-a")]
    assert rows.count(("PUT", f"{FLUX}/cluster-config")) == 1 and rows.count(("PUT", f"{FLUX}/team-a")) == 1
    assert rows.index(("PUT", "extensions/flux")) < rows.index(("PUT", f"{FLUX}/cluster-config"))
    assert arc.list(SCC) == []
    status, extension = arc.get("extensions", "flux")
    assert status == 200
    assert extension["properties"]["extensionType"] == "microsoft.flux"
    assert extension["properties"]["scope"] == {"cluster": {"releaseNamespace": "flux-system"}}
    assert extension["properties"]["autoUpgradeMinorVersion"] is True
    assert extension["identity"]["type"] == "SystemAssigned"
    status, config = arc.get(FLUX, "cluster-config")
    props = config["properties"]
    assert props["gitRepository"]["url"] == "ssh://git@github.com/contoso/gitops"
    assert props["gitRepository"]["repositoryRef"]["branch"] == "main"
    assert props["gitRepository"]["syncIntervalInSeconds"] == 180
    assert {name: (k["path"], k["prune"]) for name, k in props["kustomizations"].items()} == {
        "releases": ("./releases", True),
        "infra": ("./infra", True),
    }
    status, team = arc.get(FLUX, "team-a")
    assert (team["properties"]["scope"], team["properties"]["namespace"]) == ("namespace", "team-a")
    assert "nothing to migrate" in cli(f"k8s-configuration flux migrate {arc.args} --plan-file {state}").json[
        "message"
    ].lower()


def test_aks_extension_has_no_identity(cli, new_cluster, tmp_path):
    cluster = new_cluster("managedClusters")
    seed_v1(cluster, **{"team-a": TEAM_A})
    cli(f"k8s-configuration flux migrate {cluster.args} --yes --plan-file {tmp_path / 'p.json'}")
    status, extension = cluster.get("extensions", "flux")
    assert status == 200 and not extension.get("identity")


def test_interrupted_by_a_failed_create_then_resumed(cli, arc, faults, tmp_path):
    emulator = faults
    state = tmp_path / "plan.json"
    emulator.set_fault("error", count=1, method="PUT", path=arc.path(FLUX, "team-a"), status=501)
    failed = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state}", expect=1)
    assert "HTTP 501" in failed.stderr and "run the same command again to continue" in failed.stderr
    saved = json.loads(state.read_text())
    assert saved["deleted"] == ["cluster-config", "team-a"] and saved["created"] == ["cluster-config"]
    # v1 is gone and one v2 is missing: the saved plan still knows what to do.
    plan = cli(f"k8s-configuration flux migrate {arc.args} --dry-run --plan-file {state}").json
    assert plan["resumed"] is True
    assert [item["status"] for item in plan["deleteV1"]] == ["deleted", "deleted"]
    assert [item["action"] for item in plan["createV2"]] == ["done", "create"]
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state}").json
    rows = _methods(requests_under(emulator, arc, since))
    assert result["status"] == "Completed" and result["resumed"] is True
    assert result["createdV2"] == ["cluster-config", "team-a"]
    assert ("PUT", f"{FLUX}/cluster-config") not in rows and rows.count(("PUT", f"{FLUX}/team-a")) == 1
    assert not any(method == "DELETE" for method, _ in rows)
    assert sorted(item["name"] for item in arc.list(FLUX)) == ["cluster-config", "team-a"]
    assert not state.exists()


def test_interrupted_between_steps_then_resumed(cli, arc, monkeypatch):
    """Stopped after the deletions (as by Ctrl+C): the default state file carries the plan to the next run."""
    from azext_k8s_flux.migrate import steps as migration_steps

    def stop(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(migration_steps, "install_extension", stop)
    cli(f"k8s-configuration flux migrate {arc.args} --yes", expect=None)
    monkeypatch.undo()
    assert arc.list(SCC) == [] and arc.list(FLUX) == []
    result = cli(f"k8s-configuration flux migrate {arc.args} --yes").json
    assert result["resumed"] is True and result["createdV2"] == ["cluster-config", "team-a"]
    assert sorted(item["name"] for item in arc.list(FLUX)) == ["cluster-config", "team-a"]


def test_confirmation_without_terminal_fails_fast_and_changes_nothing(cli, arc, emulator, tmp_path):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {arc.args} --plan-file {tmp_path / 'p.json'}", expect=1)
    assert "Pass --yes" in result.stderr and "running applications keep running" in result.stderr
    assert _methods(requests_under(emulator, arc, since)) == [("GET", SCC), ("GET", FLUX)]
    assert not (tmp_path / "p.json").exists()


def test_blockers_stop_before_any_change(cli, new_cluster, emulator, tmp_path):
    arc = new_cluster("connectedClusters")
    status, body = arc.put(FLUX, "cluster-config", {"properties": {
        "scope": "cluster", "namespace": "other", "sourceKind": "GitRepository",
        "gitRepository": {"url": "https://github.com/other/repo", "repositoryRef": {"branch": "main"}},
        "kustomizations": {"k": {"path": "./"}}}})
    assert status in (200, 201), body
    seed_v1(arc, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {tmp_path / 'p.json'}", expect=1)
    assert "already exists for another source (https://github.com/other/repo)" in result.stderr
    assert all(method == "GET" for method, _ in _methods(requests_under(emulator, arc, since)))
    assert len(arc.list(SCC)) == 2


def test_unknown_credential_name_is_refused(cli, arc, tmp_path):
    key = tmp_path / "key"
    key.write_text(SECRET)
    result = cli(f"k8s-configuration flux migrate {arc.args} --dry-run --ssh-private-key-file nope={key}", expect=1)
    assert "Credentials were given for nope" in result.stderr


def test_given_key_never_reaches_debug_output(az, arc, tmp_path):
    key = tmp_path / "key"
    key.write_text(SECRET)
    result = az(
        f"k8s-configuration flux migrate {arc.args} --yes --plan-file {tmp_path / 'p.json'} "
        f"--ssh-private-key-file cluster-config={key} --debug"
    )
    assert result.json["createdV2"] == ["cluster-config", "team-a"]
    assert "cluster-config" not in result.json["repositoryPublicKeys"]
    assert "migration-test-secret" not in result.output
    import base64

    assert base64.b64encode(SECRET.encode()).decode()[:40] not in result.output
    assert "credentials: ssh-private-key given" in result.stderr  # the plan says a key is sent, never which


def test_resume_asks_for_given_credentials_again_and_never_saves_them(cli, arc, faults, tmp_path):
    state, key = tmp_path / "plan.json", tmp_path / "key"
    key.write_text(SECRET)
    faults.set_fault("error", count=1, method="PUT", path=arc.path(FLUX, "cluster-config"), status=501)
    cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state} --ssh-private-key-file "
        f"cluster-config={key}", expect=1)
    saved = state.read_text()
    assert "migration-test-secret" not in saved and "LS0tLS1CRUdJTi" not in saved
    assert json.loads(saved)["credentialKeys"] == {"cluster-config": ["sshPrivateKey"]}
    refused = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state}", expect=1)
    assert "pass --ssh-private-key-file cluster-config=... again" in refused.stderr
    result = cli(f"k8s-configuration flux migrate {arc.args} --yes --plan-file {state} --ssh-private-key-file "
                 f"cluster-config={key}").json
    assert result["createdV2"] == ["cluster-config", "team-a"]
    assert "cluster-config" not in result["repositoryPublicKeys"]


def test_dry_run_on_a_terminal_also_explains_the_plan(cli, arc, monkeypatch):
    from azext_k8s_flux.migrate import command as migrate

    monkeypatch.setattr(migrate, "_on_terminal", lambda: True)
    result = cli(f"k8s-configuration flux migrate {arc.args} --dry-run")
    assert result.json["deleteV1"][0]["name"] == "cluster-config"
    assert "1. Delete the Flux v1 configurations" in result.stderr
    assert "Not carried over:" in result.stderr and "enableHelmOperator" in result.stderr


def test_migrating_a_missing_cluster_is_not_found(cli, arm, tmp_path):
    result = cli(f"k8s-configuration flux migrate -g tests-rg -c gone -t managedClusters --plan-file {tmp_path / 'p'}",
                 expect=3)
    assert "managedClusters 'gone' in resource group 'tests-rg' was not found" in result.stderr


def test_a_token_in_the_v1_url_blocks_the_migration_and_is_never_repeated(cli, new_cluster, emulator, tmp_path):
    token = "ghp_MigrationUrlToken0123456789"
    cluster = new_cluster("connectedClusters")
    with_token = {"properties": {**CLUSTER_CONFIG["properties"],
                                 "repositoryUrl": f"https://git:{token}@github.com/contoso/gitops"}}  # fmt: skip
    seed_v1(cluster, **{"cluster-config": with_token})
    state = tmp_path / "plan.json"
    plan = cli(f"k8s-configuration flux migrate {cluster.args} --dry-run --plan-file {state}")
    problems = [item["problem"] for item in plan.json["blockers"]]
    assert any("carries a password or token" in problem for problem in problems), problems
    assert plan.json["deleteV1"][0]["repositoryUrl"] == "https://***@github.com/contoso/gitops"
    since = last_seq(emulator)
    refused = cli(f"k8s-configuration flux migrate {cluster.args} --yes --plan-file {state}", expect=None)
    assert refused.exit_code != 0
    assert not any(method in ("PUT", "DELETE") for method, _, _ in requests_under(emulator, cluster, since))
    for text in (plan.output, refused.output, state.read_text() if state.exists() else ""):
        assert token not in text
