"""``python -m arm_emulator stop``: end the emulator that serves a state directory.

The pid comes from ``endpoint.json`` and is signalled only after the server at that endpoint confirms
it is that process, so a stale file never kills an unrelated process that reused the pid.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from .adminclient import AdminClient, AdminError, read_endpoint
from .httpapi.server import ENDPOINT_FILE


class StopError(RuntimeError):
    pass


def stop_emulator(state_dir: Path, timeout: float = 10.0) -> int:
    """SIGTERM the emulator of ``state_dir`` and wait until it has shut down; returns its pid."""
    endpoint_file = state_dir / ENDPOINT_FILE
    endpoint = read_endpoint(state_dir)
    pid = int(endpoint["pid"])
    try:
        running_pid = AdminClient(endpoint["url"], endpoint["ca_bundle"], timeout=3).health()["pid"]
    except (AdminError, OSError):  # nothing listens there, or its CA file is gone
        running_pid = None
    if running_pid != pid:
        endpoint_file.unlink(missing_ok=True)
        raise StopError(f"no emulator answers at {endpoint['url']}; removed the stale {endpoint_file}")
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while endpoint_file.exists():  # the server removes it as the last step of a clean shutdown
        if time.monotonic() > deadline:
            raise StopError(f"emulator (pid {pid}) did not stop within {timeout:.0f}s")
        time.sleep(0.1)
    return pid
