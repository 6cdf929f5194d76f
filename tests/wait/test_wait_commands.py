"""`flux wait` and `--wait`: outcomes, exit codes, progress and request pacing against the emulator."""

import json
import os
import pty
import subprocess
import uuid

import pytest

from arm_emulator.connect import az_working_dir
from tests.harness.runner import az_executable

REPOSITORY = "https://github.com/fluxcd/flux2-kustomize-helm-example"


def _name():
    return f"cfg-{uuid.uuid4().hex[:8]}"


def _create(cli, cluster, name, *extra, expect=0):
    return cli(f"k8s-configuration flux create {cluster.args} -n {name} -u {REPOSITORY} --branch main "
               + " ".join(extra), expect=expect)  # fmt: skip


def test_create_with_wait_returns_the_compliant_configuration(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    result = _create(cli, cluster, name, "-k name=infra path=./infrastructure",
                     "-k name=apps path=./apps depends_on=infra prune=true --wait")  # fmt: skip
    assert result.json["complianceState"] == "Compliant"
    kinds = sorted(status["kind"] for status in result.json["statuses"])
    assert kinds == ["GitRepository", "Kustomization", "Kustomization"]


def test_failing_kustomization_fails_fast_with_exit_code_4_and_prints_the_state(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    result = _create(cli, cluster, name, "-k name=infra path=./infrastructure-fail",
                     "-k name=apps path=./apps depends_on=infra --wait --wait-interval 1", expect=4)  # fmt: skip
    assert result.json["complianceState"] == "Non-Compliant"  # the final state is still printed
    assert f"Kustomization {name}-infra failed" in result.stderr
    apps = next(s for s in result.json["statuses"] if s["name"] == f"{name}-apps")
    assert apps["statusConditions"][0]["reason"] == "DependencyNotReady"


def test_suspended_configuration_is_reported_not_waited_for(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name, "--suspend true")
    result = cli(f"k8s-configuration flux wait {cluster.args} -n {name} --timeout 30", expect=4)
    assert "is suspended" in result.stderr


def test_wait_times_out_with_exit_code_5_and_polls_at_most_once_per_second(cli, new_cluster, faults):
    cluster, name = new_cluster(), _name()
    faults.set_fault("lro-slow", method="PUT", path=f"fluxConfigurations/{name}", delay=30)
    _create(cli, cluster, name, "--no-wait")
    faults.clear_requests()
    result = cli(f"k8s-configuration flux wait {cluster.args} -n {name} --timeout 3 --interval 1", expect=5)
    assert "Timed out after 3s" in result.stderr
    assert result.json["provisioningState"] == "Creating"
    gets = [r for r in faults.requests(kind="arm") if r["method"] == "GET" and name in r["path"]]
    assert 2 <= len(gets) <= 4, gets  # 3 s at one read per second, plus the first read


def test_compliant_configuration_costs_one_request(cli, new_cluster, emulator):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name)
    emulator.clear_requests()
    cli(f"k8s-configuration flux wait {cluster.args} -n {name}")
    assert [(r["method"], r["status"]) for r in emulator.requests(kind="arm")] == [("GET", 200)]


def test_missing_configuration_exits_3(cli, new_cluster):
    result = cli(f"k8s-configuration flux wait {new_cluster().args} -n missing", expect=3)
    assert "was not found" in result.stderr


def test_wait_and_no_wait_together_are_refused_before_any_request(cli, new_cluster, emulator):
    cluster = new_cluster()
    emulator.clear_requests()
    result = _create(cli, cluster, _name(), "--wait --no-wait", expect=1)
    assert "use one of --no-wait and --wait" in result.stderr
    assert emulator.requests(kind="arm") == []


def test_kustomization_create_can_wait_for_compliance(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name, "-k name=infra path=./infrastructure")
    result = cli(f"k8s-configuration flux kustomization create {cluster.args} -n {name} -k apps --path ./apps "
                 "--depends-on infra --wait-for-compliance")  # fmt: skip
    assert result.json["complianceState"] == "Compliant"
    assert {s["name"] for s in result.json["statuses"]} >= {f"{name}-infra", f"{name}-apps"}


def test_server_side_wait_options_reach_the_payload(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name, "--wait-for-reconciliation true --reconciliation-wait-duration 1h30m")
    stored = cluster.get("fluxConfigurations", name)[1]["properties"]
    assert stored["waitForReconciliation"] is True
    assert stored["reconciliationWaitDuration"] == "PT1H30M"


def test_reconciliation_duration_without_the_server_wait_is_refused(cli, new_cluster):
    result = _create(cli, new_cluster(), _name(), "--wait-for-reconciliation false --reconciliation-wait-duration 5m",
                     expect=1)  # fmt: skip
    assert "needs --wait-for-reconciliation true" in result.stderr


def _run_on_terminal(env, args):
    """Run az with stderr on a pseudo-terminal (as a person would see it); stdout stays a pipe."""
    main, secondary = pty.openpty()
    try:
        completed = subprocess.run([az_executable(), *args], env=env, stdout=subprocess.PIPE, stderr=secondary,
                                   stdin=subprocess.DEVNULL, timeout=120, cwd=az_working_dir())  # fmt: skip
        os.close(secondary)
        secondary = None
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return completed.returncode, completed.stdout.decode(), b"".join(chunks).decode(errors="replace")
    finally:
        os.close(main)
        if secondary is not None:
            os.close(secondary)


def test_progress_is_shown_on_a_terminal_and_only_json_on_a_pipe(az, az_env, cli, new_cluster):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name, "-k name=infra path=./infrastructure", "-k name=apps path=./apps depends_on=infra")
    args = ["k8s-configuration", "flux", "wait", *cluster.args.split(), "-n", name]

    code, stdout, terminal = _run_on_terminal(az_env, args)
    assert code == 0
    assert "source synced at commit main/" in terminal
    assert f"Kustomization {name}-apps: Ready" in terminal
    assert json.loads(stdout)["complianceState"] == "Compliant"

    piped = az(*args)
    assert json.loads(piped.stdout)["complianceState"] == "Compliant"
    assert "source synced" not in piped.stderr


def test_flux_extension_update_waits_for_every_configuration_of_the_cluster(cli, new_cluster):
    cluster = new_cluster()
    _create(cli, cluster, _name(), "-k name=infra path=./infrastructure")
    extension = cli(f"k8s-extension update {cluster.args} -n flux --configuration-settings "
                    "multiTenancy.enforce=false --wait")  # fmt: skip
    assert extension.json["configurationSettings"]["multiTenancy.enforce"] == "false"

    failing = _name()
    _create(cli, cluster, failing, "-k name=apps path=./apps-fail")
    result = cli(f"k8s-extension update {cluster.args} -n flux --configuration-settings "
                 "multiTenancy.enforce=true --wait --wait-interval 1", expect=4)  # fmt: skip
    assert result.json["name"] == "flux"  # the extension is still printed
    assert f"Kustomization {failing}-apps failed" in result.stderr


def test_extension_wait_applies_to_flux_only(cli, new_cluster, emulator):
    cluster = new_cluster()
    emulator.clear_requests()
    result = cli(f"k8s-extension create {cluster.args} -n monitor --extension-type microsoft.azuremonitor.containers "
                 "--wait", expect=1)  # fmt: skip
    assert "it applies to microsoft.flux, not microsoft.azuremonitor.containers" in result.stderr
    assert emulator.requests(kind="arm") == []


def test_create_with_wait_as_a_table_shows_the_configuration_row(cli, new_cluster):
    cluster, name = new_cluster(), _name()
    table = _create(cli, cluster, name, "--wait -o table").stdout.splitlines()
    assert table[0].split() == ["Name", "Namespace", "Scope", "SourceKind", "Url", "SourceRef", "ComplianceState",
                                "ProvisioningState"]  # fmt: skip
    assert table[2].split() == [name, "default", "cluster", "GitRepository", REPOSITORY, "branch=main", "Compliant",
                                "Succeeded"]  # fmt: skip


def test_slow_reconciliation_is_waited_through_with_reads_at_the_interval(cli, new_cluster, emulator):
    cluster, name = new_cluster(), _name()
    _create(cli, cluster, name, "-k name=infra path=./infrastructure-slow", "-k name=apps path=./apps depends_on=infra")
    emulator.clear_requests()
    result = cli(f"k8s-configuration flux wait {cluster.args} -n {name} --interval 1")
    assert result.json["complianceState"] == "Compliant"
    reads = [r for r in emulator.requests(kind="arm") if r["method"] == "GET"]
    assert 2 <= len(reads) <= 5  # Pending for about 3 s, read once a second, then Compliant


@pytest.mark.parametrize("options, message", [
    ("--timeout 0", "argument --timeout: 0 is too small: use at least 1 second."),
    ("--interval 0.5", "argument --interval: 0.5 is too small: use at least 1 second."),
    ("--timeout soon", "argument --timeout: 'soon' is not a number of seconds."),
])  # fmt: skip
def test_bad_wait_durations_name_their_option(cli, new_cluster, emulator, options, message):
    cluster = new_cluster()
    emulator.clear_requests()
    result = cli(f"k8s-configuration flux wait {cluster.args} -n cfg {options}", expect=2)
    assert message in result.stderr
    assert emulator.requests(kind="arm") == []


def test_bad_wait_timeout_on_create_names_its_option(cli, new_cluster):
    result = cli(f"k8s-configuration flux create {new_cluster().args} -n cfg -u https://github.com/fluxcd/flux2 "
                 "--branch main --wait --wait-timeout 0", expect=2)  # fmt: skip
    assert "argument --wait-timeout: 0 is too small: use at least 1 second." in result.stderr


def _option_help(cli, capsys, command, option):
    """The help paragraph of `option` in `az <command> -h` (its lines up to the next option)."""
    capsys.readouterr()
    cli(f"{command} -h")
    lines = capsys.readouterr().out.splitlines()  # knack prints help to the process's stdout
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(option))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("--")), len(lines))
    return " ".join(line.strip() for line in lines[start:end])


def test_wait_help_says_what_each_command_waits_for(cli, capsys):
    for command in ("k8s-configuration flux create", "k8s-configuration flux update"):
        text = _option_help(cli, capsys, command, "--wait --wait-for-compliance")
        assert "applied the configuration" in text and "flux wait -h" in text
        assert "k8s-extension" not in text and "every Flux configuration" not in text, command
    for command in ("k8s-configuration flux kustomization create", "k8s-configuration flux kustomization update"):
        assert "applied the configuration" in _option_help(cli, capsys, command, "--wait-for-compliance")
    for command in ("k8s-extension create", "k8s-extension update"):
        text = _option_help(cli, capsys, command, "--wait --wait-for-compliance")
        assert text.split(": ", 1)[1].startswith("For microsoft.flux:") and "every Flux configuration" in text
