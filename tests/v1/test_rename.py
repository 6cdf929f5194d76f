"""`flux migrate --rename V1_NAME=V2_NAME`: the rules (pure) and the command against the emulator."""

import json
import re
from collections import Counter

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.migrate.plan import build_plan, entry_for, keyed_by_v1
from azext_k8s_flux.migrate.renames import (
    check_rename_sources,
    check_renamed_entries,
    check_saved_names,
    parse_renames,
)
from tests.v1.helpers import CLUSTER_CONFIG, SCC, TEAM_A, last_seq, requests_under, seed_v1
from tests.v1.test_plan import V1

FLUX = "fluxConfigurations"
CLUSTER = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1"
SECRETISH = "ghp_Zx9SecretTokenValue0123456789abcd"
FOREIGN = {"properties": {
    "scope": "cluster", "namespace": "other", "sourceKind": "GitRepository",
    "gitRepository": {"url": "https://github.com/other/repo", "repositoryRef": {"branch": "main"}},
    "kustomizations": {"k": {"path": "./"}}}}  # fmt: skip


def v1(name, url="https://github.com/contoso/r", params="--git-readonly --git-path=releases,infra"):
    return {"name": name, "properties": {"repositoryUrl": url, "operatorParams": params}}


def refused(function, *args):
    with pytest.raises(InvalidArgumentValueError) as raised:
        function(*args)
    return str(raised.value)


# --- the rules -------------------------------------------------------------------------------------------------

def test_pairs_add_up_and_are_stripped():
    assert parse_renames(["a=x", " b = y ", "c.d=z"]) == {"a": "x", "b": "y", "c.d": "z"}
    assert parse_renames(None) == {}


@pytest.mark.parametrize("item", ["cluster-config", "=x", "cluster-config=", " = ", SECRETISH, f"{SECRETISH}="])
def test_malformed_items_are_refused_without_repeating_them(item):
    message = refused(parse_renames, [item])
    assert "Invalid --rename value: use --rename V1_NAME=V2_NAME" in message
    assert "not repeated here" in message
    example = "--rename cluster-config=platform-config"
    assert example in message
    if item.strip(" ="):
        assert item.strip() not in message.replace(example, "")


@pytest.mark.parametrize(
    ("item", "fragment"),
    [
        ("a=Platform", "it has uppercase letters"),
        ("a=platform_config", "characters other than lowercase letters, digits and '-'"),
        ("a=-platform", "does not start and end with a letter or digit"),
        ("a=" + "p" * 64, "it has 64 characters, more than 63"),
        (f"a={SECRETISH}", "it has uppercase letters"),
    ],
)
def test_a_new_name_that_is_no_flux_name_is_refused_and_not_repeated(item, fragment):
    message = refused(parse_renames, [item])
    assert fragment in message and "the new name for 'a'" in message
    assert item.split("=", 1)[1] not in message


def test_a_secret_given_as_v1_name_is_not_repeated():
    message = refused(parse_renames, [f"{SECRETISH}=Bad"])
    assert SECRETISH not in message and "the new name given" in message


def test_one_name_per_configuration_and_one_configuration_per_name():
    assert "--rename names 'a' twice" in refused(parse_renames, ["a=x", "a=y"])
    assert "gives 'a' and 'b' the same new name 'x'" in refused(parse_renames, ["a=x", "b=x"])


def test_the_renamed_configuration_must_exist():
    check_rename_sources({"a": "x"}, {"a", "b"})
    message = refused(check_rename_sources, {"nope": "x"}, {"a", "b"})
    assert "--rename names 'nope', which is not a Flux v1 configuration" in message and "Known: a, b" in message
    assert SECRETISH not in refused(check_rename_sources, {SECRETISH: "x"}, {"a"})


def test_a_rename_keeps_the_kustomizations_and_drops_the_name_warning():
    entry = entry_for(v1("App_One"), "platform")
    assert entry["spec"]["name"] == "platform" and entry["spec"]["v1Name"] == "App_One"
    assert [k["name"] for k in entry["spec"]["kustomizations"]] == ["releases", "infra"]
    assert not any("not a legal Flux v2 name" in warning for warning in entry["warnings"])


def test_a_rename_onto_another_configurations_name_is_refused():
    entries = [entry_for(v1("a"), "b"), entry_for(v1("b"))]
    message = refused(check_renamed_entries, {"a": "b"}, entries)
    assert "'b' is already the Flux v2 name of the Flux v1 configuration 'b'" in message
    assert "--rename b=<new-name>" in message
    # Swapped names are fine: neither keeps its own.
    check_renamed_entries({"a": "b", "b": "a"}, [entry_for(v1("a"), "b"), entry_for(v1("b"), "a")])


def test_the_name_must_leave_room_for_each_kustomization_object():
    fits, too_long = "p" * 54, "p" * 55  # + "-releases" (9 characters) must fit in 63
    check_renamed_entries({"a": fits}, [entry_for(v1("a"), fits)])
    message = refused(check_renamed_entries, {"a": too_long}, [entry_for(v1("a"), too_long)])
    assert "too long for the kustomization 'releases' of 'a'" in message
    assert "would have 64 characters" in message and "at most 54 characters" in message


def test_a_continued_migration_keeps_its_names():
    saved = [entry_for(v1("a"), "x"), entry_for(v1("b"))]
    check_saved_names({"a": "x"}, saved, "/p.json")
    check_saved_names({}, saved, "/p.json")
    message = refused(check_saved_names, {"a": "y"}, saved, "/p.json")
    assert "--rename a=y differs from the interrupted migration saved in /p.json" in message
    assert "creates 'a' as Flux v2 configuration 'x'" in message and "(or with --rename a=x)" in message
    assert "--rename b=z differs" in refused(check_saved_names, {"b": "z"}, saved, "/p.json")


def test_credentials_key_on_the_v1_name_never_on_a_chosen_name():
    entries = [entry_for(v1("a"), "b"), entry_for(v1("b"), "a"), entry_for(v1("App_1"))]
    resolved, unknown = keyed_by_v1({"a": {"httpsUser": "ua"}, "b": {"httpsUser": "ub"}, "app-1": {"httpsKey": "k"}},
                                    entries)
    assert unknown == [] and resolved == {"a": {"httpsUser": "ua"}, "b": {"httpsUser": "ub"},
                                          "App_1": {"httpsKey": "k"}}  # a derived v2 name still works
    assert keyed_by_v1({"platform": {}}, [entry_for(v1("a"), "platform")])[1] == ["platform"]


def test_the_blocked_message_offers_rename():
    existing = [{"name": "cluster-config", "properties": {"gitRepository": {"url": "https://github.com/other/repo"}}}]
    plan = build_plan(CLUSTER, [entry_for(v1("cluster-config"))], existing, {})
    assert plan["createV2"][0]["action"] == "blocked"
    assert "or create this one under another name with --rename cluster-config=<new-name>." in (
        plan["blockers"][0]["problem"])
    renamed = build_plan(CLUSTER, [entry_for(v1("cluster-config"), "platform-config")], existing, {})
    assert renamed["blockers"] == [] and renamed["createV2"][0]["action"] == "create"


def test_renamed_plan_golden(golden):
    existing = [{"name": "cluster-config", "properties": {"gitRepository": {"url": "https://github.com/other/repo"}}}]
    plan = build_plan(CLUSTER, [entry_for(V1[0], "platform-config"), entry_for(V1[1])], existing, {})
    assert [(item["fromV1"], item["name"]) for item in plan["createV2"]] == [
        ("cluster-config", "platform-config"), ("team-a", "team-a")]
    assert plan["blockers"] == []
    golden("v1/plan-renamed", plan)


# --- the command -----------------------------------------------------------------------------------------------

@pytest.fixture
def clash(new_cluster):
    """cluster-config (v1) and a Flux v2 configuration cluster-config for another repository; team-a (v1)."""
    cluster = new_cluster("connectedClusters")
    status, body = cluster.put(FLUX, "cluster-config", FOREIGN)
    assert status in (200, 201), body
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    return cluster


def _rows(emulator, cluster, since, rename=("platform-config", "cluster-config")):
    """Request counts by (method, resource), a renamed configuration counted under its v1 name."""
    rows = Counter()
    for method, path, _ in requests_under(emulator, cluster, since):
        tail = path.rsplit("/providers/Microsoft.KubernetesConfiguration/", 1)[-1].split("?")[0]
        tail = re.sub(r"/operations/[^/]+$", "/operations/*", tail)
        rows[(method, tail.replace(*rename))] += 1
    return rows


def _writes(emulator, cluster, since):
    return [(method, path) for method, path, _ in requests_under(emulator, cluster, since) if method != "GET"]


def test_clash_resolved_with_rename_end_to_end(cli, clash, new_cluster, emulator, tmp_path):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {clash.args} --yes --plan-file {tmp_path / 'p.json'} "
                 "--rename cluster-config=platform-config").json
    renamed_rows = _rows(emulator, clash, since)
    assert result["status"] == "Completed"
    assert result["deletedV1"] == ["cluster-config", "team-a"]
    assert result["createdV2"] == ["platform-config", "team-a"]
    assert result["repositoryPublicKeys"]["platform-config"].startswith("ssh-ed25519 ")
    assert clash.list(SCC) == []
    status, created = clash.get(FLUX, "platform-config")
    props = created["properties"]
    assert props["gitRepository"]["url"] == "ssh://git@github.com/contoso/gitops"
    assert sorted(props["kustomizations"]) == ["infra", "releases"]
    status, foreign = clash.get(FLUX, "cluster-config")
    assert foreign["properties"]["gitRepository"]["url"] == "https://github.com/other/repo"
    assert foreign["properties"]["namespace"] == "other" and list(foreign["properties"]["kustomizations"]) == ["k"]
    assert sorted(item["name"] for item in clash.list(FLUX)) == ["cluster-config", "platform-config", "team-a"]
    assert not (tmp_path / "p.json").exists()
    # The same migration without --rename (the other v2 configuration under another name, so no clash) sends
    # exactly the same requests.
    plain = new_cluster("connectedClusters")
    status, body = plain.put(FLUX, "other-config", FOREIGN)
    assert status in (200, 201), body
    seed_v1(plain, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    since = last_seq(emulator)
    cli(f"k8s-configuration flux migrate {plain.args} --yes --plan-file {tmp_path / 'q.json'}")
    assert renamed_rows == _rows(emulator, plain, since)
    assert renamed_rows[("PUT", f"{FLUX}/cluster-config")] == 1


def test_dry_run_shows_the_mapping(cli, clash, emulator, monkeypatch, tmp_path):
    from azext_k8s_flux.migrate import command as migrate

    arguments = (f"k8s-configuration flux migrate {clash.args} --dry-run --plan-file {tmp_path / 'p.json'} "
                 "--rename cluster-config=platform-config")
    blocked = cli(arguments.replace("--rename cluster-config=platform-config", "")).json
    assert "--rename cluster-config=<new-name>" in blocked["blockers"][0]["problem"]
    since = last_seq(emulator)
    monkeypatch.setattr(migrate, "_on_terminal", lambda: True)
    result = cli(arguments)
    plan = result.json
    assert [(item["fromV1"], item["name"], item["action"]) for item in plan["createV2"]] == [
        ("cluster-config", "platform-config", "create"), ("team-a", "team-a", "create")]
    assert plan["blockers"] == []
    assert "cluster-config -> platform-config, renamed with --rename" in result.stderr
    assert "team-a -> team-a\n" in result.stderr
    assert [(method, path.rsplit("/", 1)[-1]) for method, path, _ in requests_under(emulator, clash, since)] == [
        ("GET", SCC), ("GET", FLUX)]  # as many as without --rename
    assert not (tmp_path / "p.json").exists()
    table = cli(arguments + " -o table").stdout
    row = next(line for line in table.splitlines() if line.startswith("cluster-config"))
    assert row.split()[:4] == ["cluster-config", "pending", "platform-config", "create"]


@pytest.mark.parametrize(
    ("rename", "fragment", "reads"),
    [
        ("cluster-config", "Invalid --rename value: use --rename V1_NAME=V2_NAME", 0),
        (f"cluster-config={SECRETISH}", "the new name for 'cluster-config' is not a valid Flux configuration", 0),
        ("cluster-config=a team-a=a", "gives 'cluster-config' and 'team-a' the same new name 'a'", 0),
        ("cluster-config=x --rename cluster-config=y", "--rename names 'cluster-config' twice", 0),
        ("nope=platform-config", "--rename names 'nope', which is not a Flux v1 configuration", 1),
        ("cluster-config=team-a", "'team-a' is already the Flux v2 name of the Flux v1 configuration 'team-a'", 1),
        ("cluster-config=" + "p" * 60, "too long for the kustomization 'releases' of 'cluster-config'", 1),
    ],
)
def test_refusals_send_no_write(cli, clash, emulator, tmp_path, rename, fragment, reads):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {clash.args} --yes --plan-file {tmp_path / 'p.json'} "
                 f"--rename {rename}", expect=1)
    assert fragment in result.stderr
    assert SECRETISH not in result.stderr + result.stdout
    # Syntax is checked before any request, the rest on the v1 list (not even the v2 list is read).
    assert [(method, path.rsplit("/", 1)[-1]) for method, path, _ in requests_under(emulator, clash, since)] == [
        ("GET", SCC)] * reads
    if not reads:
        assert [e for e in emulator.requests() if e["seq"] > since and e["kind"] != "admin"] == []  # none at all
    assert len(clash.list(SCC)) == 2 and not (tmp_path / "p.json").exists()


def test_credentials_for_a_renamed_configuration_take_the_v1_name(cli, clash, emulator, tmp_path):
    since = last_seq(emulator)
    result = cli(f"k8s-configuration flux migrate {clash.args} --dry-run --rename cluster-config=platform-config "
                 "--https-user platform-config=flux", expect=1)
    assert "Credentials were given for platform-config" in result.stderr
    assert "take the name of the Flux v1 configuration (also for a configuration given another v2 name" in (
        result.stderr)
    assert _writes(emulator, clash, since) == []


def test_a_resumed_migration_keeps_the_first_runs_names(cli, clash, faults, tmp_path):
    state = tmp_path / "plan.json"
    base = f"k8s-configuration flux migrate {clash.args} --yes --plan-file {state}"
    faults.set_fault("error", count=1, method="PUT", path=clash.path(FLUX, "team-b"), status=501)
    cli(f"{base} --rename cluster-config=platform-config team-a=team-b", expect=1)
    saved = json.loads(state.read_text())
    assert [(entry["v1"]["name"], entry["spec"]["name"]) for entry in saved["entries"]] == [
        ("cluster-config", "platform-config"), ("team-a", "team-b")]
    assert saved["created"] == ["platform-config"]
    since = last_seq(faults)
    refused_run = cli(f"{base} --rename team-a=team-c", expect=1)
    assert "--rename team-a=team-c differs from the interrupted migration saved in" in refused_run.stderr
    assert "creates 'team-a' as Flux v2 configuration 'team-b'" in refused_run.stderr
    assert _writes(faults, clash, since) == [] and state.exists()
    plan = cli(f"k8s-configuration flux migrate {clash.args} --dry-run --plan-file {state} "
               "--rename team-a=team-b").json  # the same --rename again is fine
    assert [(item["fromV1"], item["name"], item["action"]) for item in plan["createV2"]] == [
        ("cluster-config", "platform-config", "done"), ("team-a", "team-b", "create")]
    result = cli(base).json  # no --rename: the saved names are used
    assert result["resumed"] is True and result["createdV2"] == ["platform-config", "team-b"]
    assert sorted(item["name"] for item in clash.list(FLUX)) == ["cluster-config", "platform-config", "team-b"]
