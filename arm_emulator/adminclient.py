"""Standard-library client for a running emulator's admin API (used by the CLI and testing.py)."""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .httpapi.server import ENDPOINT_FILE


class AdminError(RuntimeError):
    pass


def read_endpoint(state_dir: str | Path) -> dict[str, Any]:
    path = Path(state_dir) / ENDPOINT_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AdminError(f"no running emulator: {path} does not exist (start one with "
                         f"'python -m arm_emulator serve --state-dir {state_dir}')") from None


class AdminClient:
    def __init__(self, url: str, ca_bundle: str | Path, timeout: float = 10.0):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self._ssl = ssl.create_default_context(cafile=str(ca_bundle))

    @classmethod
    def for_state_dir(cls, state_dir: str | Path) -> AdminClient:
        endpoint = read_endpoint(state_dir)
        return cls(endpoint["url"], endpoint["ca_bundle"])

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=dict(headers or {}))
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, context=self._ssl, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise AdminError(f"{method} {path} -> {exc.code}: {exc.read().decode(errors='replace')}") from None
        except urllib.error.URLError as exc:
            raise AdminError(f"cannot reach the emulator at {self.url}: {exc.reason}") from None
        return json.loads(raw) if raw else None

    def requests(self, kind: str | None = None) -> list[dict[str, Any]]:
        return self.call("GET", "/_emulator/requests" + (f"?kind={kind}" if kind else ""))["value"]

    def clear_requests(self) -> int:
        return self.call("DELETE", "/_emulator/requests")["cleared"]

    def faults(self) -> list[dict[str, Any]]:
        return self.call("GET", "/_emulator/faults")["value"]

    def add_fault(self, fault: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", "/_emulator/faults", fault)

    def clear_faults(self, fault_id: int | None = None) -> int:
        return self.call("DELETE", "/_emulator/faults" + (f"/{fault_id}" if fault_id else ""))["cleared"]

    def agent_failures(self) -> list[dict[str, Any]]:
        return self.call("GET", "/_emulator/agent/failures")["value"]

    def add_agent_failure(self, rule: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", "/_emulator/agent/failures", rule)

    def clear_agent_failures(self) -> int:
        return self.call("DELETE", "/_emulator/agent/failures")["cleared"]

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.call("POST", "/_emulator/push", body)

    def health(self) -> dict[str, Any]:
        return self.call("GET", "/_emulator/health")
