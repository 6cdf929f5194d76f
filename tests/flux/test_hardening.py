"""Inputs and service answers found by trying the flux commands the way scripts and people do: each case is
reported clearly, with the right exit code, and nothing is written when the input is wrong."""

import pytest

from tests.v1.helpers import last_seq

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

REPO = "https://github.com/org/repo"


def requests_since(emulator, seq):
    return [(e["method"], e["path"]) for e in emulator.requests(kind="arm") if e["seq"] > seq]


@pytest.fixture
def cluster(new_cluster):
    return new_cluster("connectedClusters")


@pytest.fixture
def configuration(cli, cluster):
    cli(f"k8s-configuration flux create {cluster.args} -n cfg -u {REPO} --branch main "
        "-k name=infra path=./infrastructure prune=true -k name=apps path=./apps depends_on=infra -o none")  # fmt: skip
    return "cfg"


@pytest.mark.parametrize("command", [
    "flux show", "flux delete --yes", "flux update --branch dev", "flux wait --timeout 1",
    "flux kustomization list", "flux kustomization delete -k infra --yes", "flux kustomization show -k infra",
    "flux kustomization create -k web --path ./web", "flux kustomization update -k infra --prune false",
    "flux deployed-object list", "flux deployed-object show --object-name cfg",
])  # fmt: skip
def test_empty_configuration_name_is_refused_before_any_request(cli, cluster, configuration, emulator, command):
    # `-n "$CONFIG"` with the variable unset used to address the cluster's whole collection: show and list-like
    # commands printed an empty result with exit code 0, and delete/update sent their write to that URL.
    verb, _, rest = command.partition(" -")
    seq = last_seq(emulator)
    result = cli(f'k8s-configuration {verb} {cluster.args} -n "" {"-" + rest if rest else ""}', expect=1)
    assert "-n/--name is empty" in result.stderr
    assert requests_since(emulator, seq) == []


@pytest.mark.parametrize("options,option", [
    ('-g "" -c {c} -t connectedClusters', "-g/--resource-group"),
    ('-g {g} -c "" -t connectedClusters', "-c/--cluster-name"),
    ('-g {g} -c {c} -t connectedClusters --cluster-rp ""', "--cluster-rp"),
])  # fmt: skip
def test_empty_cluster_arguments_are_refused_before_any_request(cli, cluster, configuration, emulator, options,
                                                                option):  # fmt: skip
    where = options.format(g=cluster.resource_group, c=cluster.name)
    seq = last_seq(emulator)
    for command in ("flux delete -n cfg --yes", "flux list", "flux create -n other -u " + REPO + " --branch main"):
        result = cli(f"k8s-configuration {command} {where}", expect=1)
        assert f"{option}" in result.stderr and "is empty" in result.stderr
    assert requests_since(emulator, seq) == []
    assert [c["name"] for c in cluster.list("fluxConfigurations")] == ["cfg"]


def test_empty_secret_file_is_refused_on_update(cli, cluster, emulator, tmp_path):
    cli(f"k8s-configuration flux create {cluster.args} -n blob --kind azblob -u https://acct.blob.core.windows.net "
        "--container-name flux --mi-client-id 00000000-0000-0000-0000-000000000001 -o none")  # fmt: skip
    empty = tmp_path / "sas"
    empty.write_text("\n")
    seq = last_seq(emulator)
    result = cli(f"k8s-configuration flux update {cluster.args} -n blob --sas-token-file {empty}", expect=1)
    assert "--sas-token is empty" in result.stderr
    assert [method for method, _ in requests_since(emulator, seq)] == ["GET"]


def test_failure_after_azure_accepted_the_write_does_not_claim_nothing_changed(cli, cluster, emulator):
    # 501 is not retried by the SDK, so the status poll fails at once.
    emulator.set_fault("error", count=None, method="GET", path="fluxConfigurations/polled/operations", status=501)
    try:
        result = cli(f"k8s-configuration flux create {cluster.args} -n polled -u {REPO} --branch main", expect=1)
    finally:
        emulator.clear_faults()
    assert "Nothing was changed" not in result.stderr
    assert "Azure accepted the change to Flux configuration 'polled'" in result.stderr
    assert f"az k8s-configuration flux show {cluster.args} -n polled" in result.stderr
    assert [c["name"] for c in cluster.list("fluxConfigurations")] == ["polled"]  # it was created


def test_failed_delete_operation_points_at_the_state_left(cli, cluster, configuration, emulator):
    emulator.set_fault("lro-fail", method="DELETE", path="fluxConfigurations/cfg", code="DeleteFailed",
                       message="the cluster did not answer")  # fmt: skip
    try:
        result = cli(f"k8s-configuration flux delete {cluster.args} -n cfg --yes", expect=1)
    finally:
        emulator.clear_faults()
    assert "(DeleteFailed) the cluster did not answer" in result.stderr
    assert f"See its state with: az k8s-configuration flux show {cluster.args} -n cfg" in result.stderr


def test_wait_after_fixing_a_failed_kustomization_waits_for_the_new_report(cli, cluster):
    # Until Flux reports on the new revision, ARM still shows the old failure while the configuration is
    # Pending: --wait used to exit 4 at once on that stale failure. ("slow" makes the agent report 3 s late.)
    cli(f"k8s-configuration flux create {cluster.args} -n cfg -u {REPO} --branch main -k name=apps path=./apps-fail "
        "--wait --wait-interval 1 -o none", expect=4)  # fmt: skip
    fixed = cli(f"k8s-configuration flux kustomization update {cluster.args} -n cfg -k apps --path ./apps-slow "
                "--wait-for-compliance --wait-interval 1")  # fmt: skip
    assert fixed.json["complianceState"] == "Compliant"


def test_show_help_examples_print_what_they_promise(cli, cluster, configuration):
    import shlex

    import yaml

    from azext_k8s_flux import _help_flux

    for example in yaml.safe_load(_help_flux.helps["k8s-configuration flux show"])["examples"]:
        tokens = shlex.split(example["text"].replace("\\\n", " "))[1:]
        for option, value in (("-g", cluster.resource_group), ("-c", cluster.name), ("-t", cluster.type),
                              ("-n", configuration)):  # fmt: skip
            tokens[tokens.index(option) + 1] = value
        # The compliance example queried properties.complianceState, which is flattened in the output: it
        # printed nothing.
        assert cli(*tokens).stdout.strip(), example["name"]


def test_missing_configuration_reads_the_same_in_every_command(cli, cluster):
    messages = {cli(f"k8s-configuration {command} {cluster.args} -n missing {extra}", expect=3).stderr
                for command, extra in (("flux show", ""), ("flux wait", "--timeout 1"), ("flux delete", "--yes"),
                                       ("flux deployed-object list", ""), ("flux kustomization list", ""))}  # fmt: skip
    assert messages == {f"ERROR: Flux configuration 'missing' on connectedClusters '{cluster.name}' in resource group "
                        f"'{cluster.resource_group}' was not found.\n"}  # fmt: skip


def test_post_build_variables_are_replaced_not_merged(cli, cluster, emulator):
    # Merge-patch merges maps: sending only the new variables kept every old one forever.
    base = f"k8s-configuration flux {{}} {cluster.args} -n vars"
    cli(base.format("create") + f" -u {REPO} --branch main -k name=apps path=./apps "
        "post_build_substitute=A=1,B=2 post_build_substitute_from=ConfigMap:vars -o none")  # fmt: skip
    post_build = cli(base.format("kustomization update") + " -k apps --post-build-substitute C=3").json[
        "kustomizations"]["apps"]["postBuild"]  # fmt: skip
    assert post_build["substitute"] == {"C": "3"}
    assert [(s["kind"], s["name"]) for s in post_build["substituteFrom"]] == [("ConfigMap", "vars")]  # not given: kept
    merged = cli(base.format("update") + " -k name=apps post_build_substitute=D=4").json
    post_build = merged["kustomizations"]["apps"]["postBuild"]
    assert post_build["substitute"] == {"D": "4"} and post_build["substituteFrom"]  # -k: substituteFrom not given
    declared = base.format("update") + " --replace-kustomizations -k name=apps path=./apps post_build_substitute=D=4"
    post_build = cli(declared).json["kustomizations"]["apps"]["postBuild"]
    assert post_build["substitute"] == {"D": "4"} and not post_build.get("substituteFrom")  # it declares it all
    seq = last_seq(emulator)
    assert "nothing to change" in cli(declared).stderr
    assert [method for method, _ in requests_since(emulator, seq)] == ["GET"]



def test_substitute_from_echoed_with_null_fields_is_unchanged():
    from azext_k8s_flux.payloads.flux_changes import KUSTOMIZATION_DEFAULTS, kustomization_changes

    spec = {"name": "apps", "path": "./apps", "postBuild": {"substituteFrom": [{"kind": "ConfigMap", "name": "v"}]}}
    echoed = [{"kind": "ConfigMap", "name": "v", "optional": None}]
    stored = dict(KUSTOMIZATION_DEFAULTS, path="./apps", postBuild={"substitute": None, "substituteFrom": echoed})
    assert kustomization_changes(spec, stored, KUSTOMIZATION_DEFAULTS) == {}


def test_kustomization_delete_as_a_table_shows_the_configuration_row(cli, cluster, configuration):
    # The command returns the configuration, as the official one does; the row lists what is left.
    table = cli(f"k8s-configuration flux kustomization delete {cluster.args} -n cfg -k apps --yes -o table").stdout
    header, _, row = table.splitlines()
    assert header.split() == ["Name", "Namespace", "Scope", "SourceKind", "Url", "SourceRef", "ComplianceState",
                              "ProvisioningState", "Kustomizations"]  # fmt: skip
    assert row.split()[0] == "cfg" and row.split()[5] == "branch=main" and row.split()[-1] == "infra"


def test_default_kustomization_note_comes_only_with_a_created_configuration(cli, arm, cluster):
    missing = cli(f"k8s-configuration flux create -g {cluster.resource_group} -c no-such-cluster -t connectedClusters "
                  f"-n cfg -u {REPO} --branch main", expect=3).stderr  # fmt: skip
    assert missing.startswith("ERROR: Cluster connectedClusters 'no-such-cluster'")  # no note about -k before it
    created = cli(f"k8s-configuration flux create {cluster.args} -n cfg -u {REPO} --branch main -o none").stderr
    assert "No --kustomization given: created kustomization 'kustomization-1' with path './'." in created


def test_secret_bodies_stay_out_of_debug_when_the_request_is_retried(az, cluster, emulator, tmp_path):
    import base64

    from tests.flux import material as m

    token = tmp_path / "token"
    token.write_text(m.HTTPS_KEY)
    emulator.set_fault("throttle", count=1, method="PUT", path=f"{cluster.name}/providers/Microsoft."
                       "KubernetesConfiguration/fluxConfigurations/retried", retry_after=1)  # fmt: skip
    try:
        result = az(f"k8s-configuration flux create {cluster.args} -n retried -u {REPO} --branch main "
                    f"--https-user git --https-key-file {token} --debug -o none")  # fmt: skip
    finally:
        emulator.clear_faults()
    assert "429" in result.stderr  # the PUT was throttled, then sent again
    for secret in (m.HTTPS_KEY, base64.b64encode(m.HTTPS_KEY.encode()).decode()):
        assert secret not in result.output
