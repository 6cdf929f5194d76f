"""Settings and shared state handed to every handler through the aiohttp app."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..httpapi.requestlog import RequestLog
    from ..store import Store
    from .faults import FaultBook

# Fixed identities so scripts and docs can name them.
TENANT_ID = "72f988bf-0000-4000-8000-00000000e0a1"
CLIENT_ID = "0f6d7e2a-0000-4000-8000-00000000c11e"
SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000001"
SUBSCRIPTION_NAME = "ARM emulator subscription"
RESOURCE_GROUP = "rg-gitops"
LOCATION = "eastus"


@dataclass
class Settings:
    operation_delay: float = 1.0
    retry_after: int = 1
    agent_delay: float = 2.0
    allow_flux_v1_create: bool = False
    page_size: int = 100
    arg_quota: tuple[int, float] = (1000, 5.0)  # Resource Graph queries per window of seconds
    arg_lag: float = 0.0  # Resource Graph answers from a snapshot at most this many seconds old
    policy_evaluation_delay: float = 5.0  # Azure Policy evaluates every assignment again this often


@dataclass
class Context:
    store: Store
    settings: Settings
    faults: FaultBook
    log: RequestLog
    clock: object = field(default=time.time)

    def now(self) -> float:
        return self.clock()
