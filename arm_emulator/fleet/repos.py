"""Simulated Git repositories: the head commit of each (URL, branch), and which configurations fail at it.

The simulated fluxconfig-agent asks ``revision_for`` which revision a GitRepository source is at, and
calls ``after_reconcile`` so a configuration told to fail at the pushed commit reports a failed
Kustomization. Both are kept in the state database's meta table, one row per key, so a lookup stays
cheap with thousands of configurations.
"""

from __future__ import annotations

from typing import Any

from ..core.context import Context
from ..store import Resource

_HEAD = "repo_head:"
_FAIL = "push_fail:"


def repo_key(url: str, branch: str) -> str:
    """URLs compare without case, a trailing slash or '.git', as Git hosts treat them."""
    url = url.strip().lower().rstrip("/")
    return f"{url[:-4] if url.endswith('.git') else url}|{branch}"


def source_branch(source: dict[str, Any]) -> str | None:
    """The branch a GitRepository source follows; None when it is pinned to a commit, tag or semver."""
    ref = source.get("repositoryRef") or {}
    if ref.get("commit") or ref.get("tag") or ref.get("semver"):
        return None
    return ref.get("branch") or "main"


def head(ctx: Context, url: str, branch: str) -> str | None:
    return ctx.store.meta_get(_HEAD + repo_key(url, branch))


def set_head(ctx: Context, url: str, branch: str, sha: str) -> None:
    ctx.store.meta_set(_HEAD + repo_key(url, branch), sha)


def set_failure(ctx: Context, config_key: str, message: str | None) -> None:
    ctx.store.meta_set(_FAIL + config_key.lower(), message)


def revision_for(ctx: Context, kind: str, source: dict[str, Any]) -> str | None:
    """'<branch>/<sha>' once a commit was pushed to the branch this source follows, else None."""
    branch = source_branch(source) if kind == "GitRepository" else None
    if branch is None or not source.get("url"):
        return None
    sha = head(ctx, source["url"], branch)
    return f"{branch}/{sha}" if sha else None


def after_reconcile(ctx: Context, res: Resource) -> None:
    """A configuration told to fail at this commit: its last Kustomization fails to apply it."""
    message = ctx.store.meta_get(_FAIL + res.key)
    props = res.body["properties"]
    kustomizations = [s for s in props.get("statuses") or [] if s.get("kind") == "Kustomization"]
    if not message or not kustomizations or not props.get("sourceSyncedCommitId"):
        return
    failed = kustomizations[-1]
    failed["complianceState"] = "Non-Compliant"
    for condition in failed.get("statusConditions") or []:
        condition.update({"status": "False", "reason": "ReconciliationFailed",
                          "message": f"{message} (revision {props['sourceSyncedCommitId']})"})
    props["complianceState"] = "Non-Compliant"
