"""Command line: help, loopback-only binding, admin subcommands, connect/disconnect."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arm_emulator.testing import RESOURCE_GROUP, SUBSCRIPTION_ID, start_emulator

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, timeout: float = 20) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "arm_emulator", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


def test_help_lists_commands_and_serve_options():
    top = _cli("--help")
    assert top.returncode == 0
    for command in ("serve", "stop", "connect", "disconnect", "faults", "requests", "agent"):
        assert command in top.stdout
    serve = _cli("serve", "--help").stdout
    for option in ("--state-dir", "--port", "--seed", "--operation-delay", "--retry-after", "--agent-delay",
                   "--fault", "--log-file", "--allow-flux-v1-create", "--page-size"):
        assert option in serve


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com", "::"])
def test_refuses_non_loopback_hosts(tmp_path, host):
    result = _cli("serve", "--state-dir", str(tmp_path / "s"), "--port", "0", "--host", host)
    assert result.returncode == 2
    assert "loopback only" in result.stderr
    assert not (tmp_path / "s" / "endpoint.json").exists()


def test_invalid_option_values_are_rejected():
    assert _cli("serve", "--retry-after", "0").returncode == 2
    assert "must be an integer > 0" in _cli("serve", "--retry-after", "0").stderr
    assert "must be an integer > 0" in _cli("serve", "--page-size", "0").stderr
    bad_fault = _cli("serve", "--fault", "explode")
    assert bad_fault.returncode == 2 and "unknown fault kind" in bad_fault.stderr


def test_admin_subcommands_against_a_running_emulator(tmp_path):
    state = tmp_path / "s"
    with start_emulator(state) as emu:
        added = _cli("faults", "--state-dir", str(state), "add", "error:count=3,status=502,path=/nope")
        assert added.returncode == 0 and json.loads(added.stdout)["status"] == 502
        listed = json.loads(_cli("faults", "--state-dir", str(state), "list").stdout)
        assert [f["count"] for f in listed] == [3]
        assert json.loads(_cli("faults", "--state-dir", str(state), "clear").stdout) == {"cleared": 1}
        emu.admin.call("GET", f"/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{RESOURCE_GROUP}?api-version=1",
                       headers={"Authorization": "Bearer t"})
        printed = _cli("requests", "--state-dir", str(state), "--kind", "arm").stdout
        assert "200 GET    arm" in printed and RESOURCE_GROUP in printed
        entries = json.loads(_cli("requests", "--state-dir", str(state), "--json").stdout)
        assert {"method", "path", "query", "status", "kind", "duration_ms"} <= set(entries[0])
        assert json.loads(_cli("requests", "--state-dir", str(state), "--clear").stdout)["cleared"] >= 1
        failed = _cli("agent", "--state-dir", str(state), "fail", "--configuration", "cfg", "--target", "apps")
        assert json.loads(failed.stdout)["target"] == "apps"
        assert json.loads(_cli("agent", "--state-dir", str(state), "clear").stdout) == {"cleared": 1}
    gone = _cli("requests", "--state-dir", str(state))
    assert gone.returncode == 1 and "no running emulator" in gone.stderr


def test_busy_port_is_a_clear_error_with_its_own_exit_code(tmp_path):
    with start_emulator(tmp_path / "first") as emu:
        second = _cli("serve", "--state-dir", str(tmp_path / "second"), "--port", str(emu.port))
    assert second.returncode == 3
    assert f"port {emu.port} on 127.0.0.1 is already in use" in second.stderr
    assert "Traceback" not in second.stderr and "Errno" not in second.stderr


def test_stop_ends_a_background_emulator_and_says_when_none_runs(tmp_path):
    state = tmp_path / "s"
    emu = start_emulator(state)
    try:
        stopped = _cli("stop", "--state-dir", str(state))
        assert stopped.returncode == 0 and f"pid {emu.process.pid}" in stopped.stdout
        assert emu.process.wait(timeout=10) == 0
        assert not (state / "endpoint.json").exists()
    finally:
        emu.stop()
    again = _cli("stop", "--state-dir", str(state))
    assert again.returncode == 1 and "no running emulator" in again.stderr


def test_stop_with_a_stale_endpoint_file_removes_it_and_signals_nothing(tmp_path):
    state = tmp_path / "s"
    state.mkdir()
    stale = {"url": "https://127.0.0.1:9", "port": 9, "ca_bundle": str(state / "ca.pem"), "pid": os.getpid()}
    (state / "endpoint.json").write_text(json.dumps(stale))
    result = _cli("stop", "--state-dir", str(state))
    assert result.returncode == 1 and "stale" in result.stderr
    assert not (state / "endpoint.json").exists()


def test_disconnect_prints_unset_lines():
    out = _cli("disconnect").stdout.splitlines()
    assert "unset AZURE_CONFIG_DIR" in out and "unset REQUESTS_CA_BUNDLE" in out


@pytest.mark.az_login
def test_real_az_login_then_az_rest(tmp_path):
    """The path a user takes: az cloud register + az login through connect_az, then az rest."""
    from arm_emulator.connect import connect_az

    az = shutil.which("az", path=str(Path(sys.executable).parent)) or shutil.which("az")
    if az is None:
        pytest.skip("az is not installed")
    with start_emulator(tmp_path / "s") as emu:
        env_extra = connect_az(emu.state_dir, az=az)
        assert env_extra["AZURE_CONFIG_DIR"] == str(emu.state_dir / "azure-config")
        env = {**os.environ, **env_extra}
        url = f"{emu.url}/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{RESOURCE_GROUP}?api-version=2022-09-01"
        result = subprocess.run([az, "rest", "--method", "get", "--url", url], env=env, capture_output=True,
                                text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["name"] == RESOURCE_GROUP
        account = subprocess.run([az, "account", "show", "-o", "json"], env=env, capture_output=True, text=True,
                                 timeout=120, check=False)
        assert json.loads(account.stdout)["id"] == SUBSCRIPTION_ID
        kinds = {r["kind"] for r in emu.requests()}
        assert {"metadata", "aad", "arm"} <= kinds
        assert not (Path.home() / ".azure" / "ArmEmulator").exists()


def test_connect_without_an_az_says_so_without_a_traceback(tmp_path):
    with start_emulator(tmp_path / "s") as emu:
        result = _cli("connect", "--state-dir", str(emu.state_dir), "--az", str(tmp_path / "no-az-here"))
    assert result.returncode == 1
    assert "cannot run" in result.stderr and "--az PATH" in result.stderr
    assert "Traceback" not in result.stderr
