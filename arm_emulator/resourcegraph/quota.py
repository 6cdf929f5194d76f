"""ARG's per-user quota: N queries per window, told in ``x-ms-user-quota-remaining`` and
``x-ms-user-quota-resets-after`` (hh:mm:ss); a query over quota gets 429 with Retry-After.

ARG's documented example is 15 queries per 5 seconds; the emulator's default is generous so that only
tests that ask for throttling see it (``serve --arg-quota 15/5``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.errors import ArmError

DEFAULT_LIMIT = 1000
DEFAULT_WINDOW = 5.0


@dataclass
class Quota:
    limit: int = DEFAULT_LIMIT
    window: float = DEFAULT_WINDOW
    _started: float = 0.0
    _used: int = 0

    def take(self, now: float) -> dict[str, str]:
        """Count one query; its quota headers, or ArmError 429 when the window's quota is spent."""
        if now - self._started >= self.window:
            self._started, self._used = now, 0
        resets = max(0.0, self._started + self.window - now)
        if self._used >= self.limit:
            wait = max(1, math.ceil(resets))
            raise ArmError(429, "RateLimiting", "Please provide below info when asking for support: the number of "
                           f"Resource Graph queries exceeded the quota of {self.limit} per {self.window:g} seconds. "
                           f"Retry after {wait} seconds.",
                           headers={**_headers(0, resets), "Retry-After": str(wait)})
        self._used += 1
        return _headers(self.limit - self._used, resets)


def parse_spec(spec: str) -> tuple[int, float]:
    """'15/5' -> (15 queries, 5 seconds)."""
    count, _, seconds = spec.partition("/")
    limit, window = int(count), float(seconds or DEFAULT_WINDOW)
    if limit < 1 or window <= 0:
        raise ValueError("quota must be N/S with N >= 1 and S > 0")
    return limit, window


def _headers(remaining: int, resets: float) -> dict[str, str]:
    whole = int(resets)
    stamp = f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return {"x-ms-user-quota-remaining": str(remaining), "x-ms-user-quota-resets-after": stamp}
