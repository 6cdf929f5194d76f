"""A commit pushed to a repository URL: every configuration following that URL and branch picks it up.

Each configuration's simulated agent reconciles after its own random delay in [0, max_delay] seconds
(deterministic for a given push), then reports ``sourceSyncedCommitId = <branch>/<sha>``, fresh statuses and
its compliance. Configurations told to fail report their last Kustomization failed at that commit.
"""

from __future__ import annotations

import hashlib
import random
import re
from typing import Any

from .. import agent
from ..core.context import Context
from . import repos

_SHA = re.compile(r"^[0-9a-f]{7,40}$")
DEFAULT_FAIL_MESSAGE = "kustomize build failed: admission webhook denied the request (simulated failure)"


def push(ctx: Context, url: str, branch: str = "main", commit: str | None = None, *,
         fail: int | list[str] = 0, message: str | None = None, max_delay: float | None = None) -> dict[str, Any]:
    """Move the branch head to ``commit``; ``fail`` = how many, or which clusters (names), fail to apply it."""
    if not url or not branch:
        raise ValueError("a repository 'url' and a 'branch' are required")
    commit = (commit or _next_commit(ctx, url, branch)).lower()
    if not _SHA.match(commit):
        raise ValueError(f"commit {commit!r} is not a Git SHA (7 to 40 hexadecimal characters)")
    max_delay = ctx.settings.agent_delay if max_delay is None else max_delay
    if max_delay < 0:
        raise ValueError("max_delay must be >= 0")
    wanted = repos.repo_key(url, branch)
    followers = [r for r in ctx.store.under("/subscriptions", agent.KIND) if _follows(r.body["properties"], wanted)]
    rng = random.Random(f"{wanted}|{commit}")
    failing = _failing(followers, fail, rng)
    now = ctx.now()
    with ctx.store.tx():
        repos.set_head(ctx, url, branch, commit)
        for res in followers:
            repos.set_failure(ctx, res.key, (message or DEFAULT_FAIL_MESSAGE) if res.key in failing else None)
            res.agent_due = now + rng.uniform(0, max_delay)
            ctx.store.put(res)
    return {"url": url, "branch": branch, "commit": commit, "revision": f"{branch}/{commit}",
            "configurations": len(followers), "failing": sorted(r.id for r in followers if r.key in failing),
            "maxDelay": max_delay}


def _follows(props: dict[str, Any], wanted: str) -> bool:
    if props.get("sourceKind") != "GitRepository" or props.get("suspend"):
        return False
    if props.get("provisioningState") != "Succeeded":
        return False
    source = props.get("gitRepository") or {}
    branch = repos.source_branch(source)
    return branch is not None and repos.repo_key(str(source.get("url") or ""), branch) == wanted


def _failing(followers: list, fail: int | list[str], rng: random.Random) -> set[str]:
    if isinstance(fail, list):
        names = {str(n).lower() for n in fail}
        chosen = {r.key for r in followers if r.id.split("/")[8].lower() in names}
        missing = names - {r.id.split("/")[8].lower() for r in followers}
        if missing:
            raise ValueError(f"no configuration following this repository on cluster(s): {', '.join(sorted(missing))}")
        return chosen
    if isinstance(fail, bool) or not isinstance(fail, int) or fail < 0:
        raise ValueError("'fail' must be a count >= 0 or a list of cluster names")
    keys = sorted(r.key for r in followers)
    return set(rng.sample(keys, min(fail, len(keys))))


def _next_commit(ctx: Context, url: str, branch: str) -> str:
    previous = repos.head(ctx, url, branch) or ""
    return hashlib.sha1(f"{repos.repo_key(url, branch)}|{previous}".encode()).hexdigest()
