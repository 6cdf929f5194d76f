"""Point an ``az`` installation at a running emulator, under a private AZURE_CONFIG_DIR.

Never touches ``~/.azure``; never uses ``az login --identity`` (it can reach beyond loopback).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .adminclient import read_endpoint
from .core.context import CLIENT_ID, TENANT_ID

CLOUD_NAME = "ArmEmulator"
CLIENT_SECRET = "emulator-secret"  # the emulator accepts any secret
# az and the SDK reach TLS through requests, so REQUESTS_CA_BUNDLE is enough; SSL_CERT_FILE is left alone
# because it would also change what every other TLS client in the user's shell trusts.
ENV_NAMES = ("AZURE_CONFIG_DIR", "REQUESTS_CA_BUNDLE", "AZURE_CORE_INSTANCE_DISCOVERY", "AZURE_CORE_COLLECT_TELEMETRY")


class ConnectError(RuntimeError):
    pass


def az_environment(state_dir: str | Path) -> dict[str, str]:
    """Environment variables that make ``az`` (and the Python SDK) use this emulator's state dir and CA."""
    state = Path(state_dir).resolve()
    endpoint = read_endpoint(state)
    return {
        "AZURE_CONFIG_DIR": str(state / "azure-config"),
        "REQUESTS_CA_BUNDLE": endpoint["ca_bundle"],
        "AZURE_CORE_INSTANCE_DISCOVERY": "false",
        "AZURE_CORE_COLLECT_TELEMETRY": "no",
    }


def default_az() -> str:
    """The az of this Python environment (a virtualenv's bin/az), else the one on PATH."""
    beside = Path(sys.executable).with_name("az")
    return str(beside) if beside.exists() else "az"


def az_working_dir() -> str:
    """Where to run ``az`` from: outside any checkout of this project, because ``python -m azure.cli`` puts the
    working directory first on sys.path and a checkout's azext_k8s_flux/ would shadow the installed extension."""
    return tempfile.gettempdir()


def _run(az: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([az, *args], env=env, capture_output=True, text=True, timeout=300, check=False,
                              cwd=az_working_dir())
    except FileNotFoundError:
        raise ConnectError(f"cannot run '{az}': install azure-cli or pass --az PATH") from None


def connect_az(state_dir: str | Path, az: str | None = None, env: dict[str, str] | None = None) -> dict[str, str]:
    """Register the emulator as a cloud, select it and log in; return the env vars for later ``az`` calls."""
    az = az or default_az()
    endpoint = read_endpoint(state_dir)
    extra = az_environment(state_dir)
    Path(extra["AZURE_CONFIG_DIR"]).mkdir(parents=True, exist_ok=True)
    full_env = {**(os.environ if env is None else env), **extra}
    arm = endpoint["url"].rstrip("/") + "/"
    registered = _run(az, ["cloud", "show", "-n", CLOUD_NAME], full_env).returncode == 0
    verb = "update" if registered else "register"
    steps = [
        ["cloud", verb, "-n", CLOUD_NAME, "--endpoint-resource-manager", arm],
        ["cloud", "set", "-n", CLOUD_NAME],
        ["login", "--service-principal", "-u", CLIENT_ID, "-p", CLIENT_SECRET, "--tenant", TENANT_ID,
         "--output", "none"],
    ]
    for args in steps:
        result = _run(az, args, full_env)
        if result.returncode != 0:
            raise ConnectError(f"'az {' '.join(args[:2])}' failed ({result.returncode}): "
                               f"{result.stderr.strip() or result.stdout.strip()}")
    return extra


def export_lines(env: dict[str, str]) -> str:
    from shlex import quote

    return "\n".join(f"export {name}={quote(value)}" for name, value in env.items())


def unset_lines() -> str:
    return "\n".join(f"unset {name}" for name in ENV_NAMES)
