"""Start an emulator in a subprocess for tests, benchmarks and demos.

    with start_emulator(tmp_path / "state", operation_delay=0) as emu:
        client = SomeMgmtClient(credential, SUB, base_url=emu.url, connection_verify=emu.ca_bundle)

Only the standard library is used to talk to the admin API.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .adminclient import AdminClient
from .core.context import CLIENT_ID, RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID

__all__ = ["RunningEmulator", "start_emulator", "SUBSCRIPTION_ID", "TENANT_ID", "CLIENT_ID", "RESOURCE_GROUP"]
LISTENING = "ARM emulator listening on "
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)


class EmulatorStartError(RuntimeError):
    pass


class RunningEmulator:
    def __init__(self, state_dir: Path, args: list[str], startup_timeout: float):
        self.state_dir = state_dir
        self._args = args
        self._timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.port = 0
        self.ca_bundle = str(state_dir / "ca.pem")
        self._admin: AdminClient | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def _start(self, port: int) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = _PACKAGE_ROOT + os.pathsep + env.get("PYTHONPATH", "")
        self.state_dir.mkdir(parents=True, exist_ok=True)
        stderr = open(self.state_dir / "emulator.stderr", "ab")  # noqa: SIM115 - lives as long as the process
        cmd = [sys.executable, "-m", "arm_emulator", "serve", "--state-dir", str(self.state_dir),
               "--port", str(port), *self._args]
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=stderr, env=env)
        stderr.close()
        line = self._read_listening_line()
        self.url = line[len(LISTENING):].strip()
        self.port = int(self.url.rsplit(":", 1)[1])
        self._admin = AdminClient(self.url, self.ca_bundle)

    def _read_listening_line(self) -> str:
        assert self.process is not None and self.process.stdout is not None
        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(self.process.stdout.readline().decode()),
                                  daemon=True)
        reader.start()
        reader.join(self._timeout)
        if not result or not result[0].startswith(LISTENING):
            self.kill()
            log = (self.state_dir / "emulator.stderr").read_text(errors="replace")[-4000:]
            raise EmulatorStartError(f"emulator did not start within {self._timeout}s: {log}")
        return result[0]

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop (SIGTERM)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._close_pipe()

    def kill(self) -> None:
        """SIGKILL, for crash tests: no shutdown code runs."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close_pipe()

    def restart(self) -> None:
        """Stop if running, then start again on the same port with the same options and state."""
        port = self.port
        self.stop()
        deadline = time.monotonic() + 5
        while True:
            try:
                self._start(port)
                return
            except EmulatorStartError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def _close_pipe(self) -> None:
        if self.process and self.process.stdout:
            self.process.stdout.close()

    def __enter__(self) -> RunningEmulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- admin API ------------------------------------------------------------------------------
    @property
    def admin(self) -> AdminClient:
        assert self._admin is not None, "emulator not started"
        return self._admin

    def requests(self, clear: bool = False, kind: str | None = None) -> list[dict[str, Any]]:
        entries = self.admin.requests(kind)
        if clear:
            self.admin.clear_requests()
        return entries

    def clear_requests(self) -> int:
        return self.admin.clear_requests()

    def set_fault(self, kind: str, *, count: int | None = 1, method: str | None = None, path: str | None = None,
                  **options: Any) -> dict[str, Any]:
        """Add a fault (see docs/emulator.md); returns it with its id."""
        return self.admin.add_fault({"kind": kind, "count": count, "method": method, "path": path, **options})

    def clear_faults(self) -> int:
        return self.admin.clear_faults()

    def fail_agent(self, configuration: str, target: str = "*", message: str | None = None) -> dict[str, Any]:
        rule: dict[str, Any] = {"configuration": configuration, "target": target}
        if message:
            rule["message"] = message
        return self.admin.add_agent_failure(rule)

    def clear_agent_failures(self) -> int:
        return self.admin.clear_agent_failures()

    def push(self, url: str, branch: str = "main", commit: str | None = None, *, fail: int | list[str] = 0,
             message: str | None = None, max_delay: float | None = None) -> dict[str, Any]:
        """Push a commit to ``url``: configurations following it get it within ``max_delay`` seconds."""
        body = {"url": url, "branch": branch, "commit": commit, "fail": fail, "message": message,
                "maxDelay": max_delay}
        return self.admin.push({k: v for k, v in body.items() if v is not None})


def start_emulator(state_dir: str | Path, *, port: int = 0, seed: str | Path | None = None,
                   operation_delay: float = 0.0, retry_after: int = 1, agent_delay: float = 0.0,
                   page_size: int = 100, extra_args: tuple[str, ...] | list[str] = (),
                   startup_timeout: float = 30.0) -> RunningEmulator:
    """Run ``python -m arm_emulator serve`` and wait until it listens."""
    args = ["--operation-delay", str(operation_delay), "--retry-after", str(retry_after),
            "--agent-delay", str(agent_delay), "--page-size", str(page_size)]
    if seed is not None:
        args += ["--seed", str(seed)]
    emulator = RunningEmulator(Path(state_dir).resolve(), [*args, *extra_args], startup_timeout)
    emulator._start(port)
    return emulator
