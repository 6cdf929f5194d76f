"""A thin rewrite of ARG query text into what the KQL engine runs.

Each rule covers something ARG accepts that duckdb-kql does not (yet); its comment says why it exists.
"""

from __future__ import annotations

import re

_RULES: list[tuple[re.Pattern[str], str]] = [
    # ARG's old operator spelling `mvexpand`; the engine knows only `mv-expand`.
    (re.compile(r"\|\s*mvexpand\b", re.IGNORECASE), "| mv-expand"),
]


def prepare(kql: str) -> str:
    for pattern, replacement in _RULES:
        kql = pattern.sub(replacement, kql)
    return kql
