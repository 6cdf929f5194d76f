"""In-memory log of every request the emulator answered (or dropped), for tests and benchmarks."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

MAX_ENTRIES = 20000


class RequestLog:
    def __init__(self, limit: int = MAX_ENTRIES) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=limit)
        self._seq = 0

    def add(self, method: str, path: str, query: str, status: int, kind: str, duration: float) -> None:
        self._seq += 1
        self._entries.append({
            "seq": self._seq, "time": time.time(), "method": method, "path": path, "query": query,
            "status": status, "kind": kind, "duration_ms": round(duration * 1000, 3),
        })

    def entries(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self._entries if kind is None or e["kind"] == kind]

    def clear(self) -> int:
        count = len(self._entries)
        self._entries.clear()
        return count
