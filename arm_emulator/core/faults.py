"""Fault injection: throttling, server errors, slow answers, dropped connections, failing or slow LROs.

A fault matches ARM requests by HTTP method and a case-insensitive path substring and fires on the
next ``count`` matching requests (``count: null`` = until cleared). Request-level kinds act in a
middleware; LRO kinds are consumed when a long-running operation starts.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field, fields
from typing import Any

REQUEST_KINDS = ("throttle", "error", "forbidden", "slow", "drop")
LRO_KINDS = ("lro-fail", "lro-slow")
KINDS = REQUEST_KINDS + LRO_KINDS
_ids = itertools.count(1)


class DropConnection(Exception):
    """Raised to close the client's connection without sending any response."""


@dataclass
class Fault:
    kind: str
    count: int | None = 1
    method: str | None = None
    path: str | None = None
    status: int = 500  # error
    retry_after: int = 1  # throttle
    delay: float = 2.0  # slow, lro-slow (seconds)
    code: str = "OperationFailed"  # lro-fail
    message: str = "The operation failed (injected fault)."  # lro-fail
    id: int = field(default_factory=lambda: next(_ids))

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if self.count is not None and int(self.count) < 1:
            raise ValueError("count must be a positive integer or null (until cleared)")
        if self.kind == "throttle" and int(self.retry_after) < 0:
            raise ValueError("retry_after must be >= 0")
        if self.kind == "error" and not 500 <= int(self.status) <= 599:
            raise ValueError("status of an 'error' fault must be a 5xx code")
        self.method = self.method.upper() if self.method else None

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method != method.upper():
            return False
        return not self.path or self.path.lower() in path.lower()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fault:
        known = {f.name for f in fields(cls)} - {"id"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
        return cls(**data)


def parse_spec(spec: str) -> Fault:
    """``kind[:key=value,...]``, e.g. ``throttle:count=2,method=PUT,path=fluxConfigurations``."""
    kind, _, rest = spec.partition(":")
    data: dict[str, Any] = {"kind": kind.strip()}
    for item in filter(None, (p.strip() for p in rest.split(","))):
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"fault option {item!r} is not key=value")
        key = key.strip().replace("-", "_")
        if key == "count":
            data[key] = None if value in ("all", "inf", "null") else int(value)
        elif key in ("status", "retry_after"):
            data[key] = int(value)
        elif key == "delay":
            data[key] = float(value)
        else:
            data[key] = value
    return Fault.from_dict(data)


class FaultBook:
    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        self._faults.append(fault)
        return fault

    def clear(self, fault_id: int | None = None) -> int:
        before = len(self._faults)
        self._faults = [f for f in self._faults if fault_id is not None and f.id != fault_id]
        return before - len(self._faults)

    def list(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in self._faults]

    def take(self, kinds: tuple[str, ...], method: str, path: str) -> Fault | None:
        """First matching fault of the given kinds, consuming one of its uses."""
        for fault in self._faults:
            if fault.kind in kinds and fault.matches(method, path):
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                return fault
        return None

