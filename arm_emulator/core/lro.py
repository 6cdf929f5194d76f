"""Long-running operations: operation-status resources that finish at a stored due time.

State is lazy and time-based: each operation stores when it is due, and ``settle`` (run before every
ARM request and by a background ticker) completes whatever is due. Nothing depends on a timer
surviving, so a restarted emulator picks up exactly where it stopped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from ..store import Operation, Resource
from .context import Context
from .faults import LRO_KINDS

# kind -> hook(ctx, resource, operation, now) run when a create/update operation completes.
# (method, path) of the request that started a change; None for seeding.
Trigger = tuple[str, str] | None
CompletionHook = Callable[[Context, Resource, Operation, float], None]
_HOOKS: dict[str, CompletionHook] = {}
_IN_PROGRESS = {"create": "Creating", "update": "Updating", "delete": "Deleting"}


def on_complete(kind: str, hook: CompletionHook) -> None:
    _HOOKS[kind] = hook


def start(ctx: Context, trigger: Trigger, resource: Resource, action: str, *,
          error: dict[str, Any] | None = None, delay: float = 0.0) -> Operation:
    """Record a new operation for ``resource``; ``error`` makes it end as Failed.

    ``trigger`` is the (method, path) of the request that started it (None when seeding): LRO faults match on it.
    """
    now = ctx.now()
    due = now + ctx.settings.operation_delay + delay
    if trigger is not None:
        fault = ctx.faults.take(LRO_KINDS, *trigger)
        if fault is not None and fault.kind == "lro-slow":
            due += fault.delay
        elif fault is not None:
            error = {"code": fault.code, "message": fault.message}
    op_uuid = str(uuid.uuid4())
    op_id = f"{resource.id}/operations/{op_uuid}"
    op = Operation(op_id, op_id, resource.key, action, _IN_PROGRESS[action], now, due, None, error)
    ctx.store.put_operation(op)
    return op


def settle(ctx: Context, now: float | None = None) -> int:
    """Complete every operation that is due; returns how many were completed."""
    now = ctx.now() if now is None else now
    due = ctx.store.due_operations(now)
    if not due:
        return 0
    with ctx.store.tx():
        for op in due:
            _complete(ctx, op)
    return len(due)


def complete_running(ctx: Context, resource_key: str) -> None:
    """A new write supersedes earlier ones: treat their operations as done now."""
    with ctx.store.tx():
        for op in ctx.store.running_operations(resource_key):
            _complete(ctx, op)


def _complete(ctx: Context, op: Operation) -> None:
    store = ctx.store
    res = store.get(op.resource_key)
    op.ended = max(op.due, op.started)
    if res is None:
        # The resource vanished meanwhile (forced delete): a delete is done, anything else canceled.
        if op.action == "delete":
            op.status = "Succeeded"
        else:
            op.status = "Canceled"
            op.error = {"code": "Canceled", "message": "The operation was canceled: the resource was deleted."}
        store.put_operation(op)
        return
    op.status = "Failed" if op.error else "Succeeded"
    if op.action == "delete" and not op.error:
        store.delete_tree(res.key)
    else:
        res.body.setdefault("properties", {})["provisioningState"] = op.status
        hook = _HOOKS.get(res.kind)
        if hook:
            hook(ctx, res, op, op.ended)
        store.put(res)
    store.put_operation(op)


def status_body(op: Operation, path: str) -> dict[str, Any]:
    """As the service answers: id (the URL's casing), name, status, and error once Failed or Canceled."""
    body: dict[str, Any] = {"id": path, "name": op.id.rsplit("/", 1)[-1], "status": op.status}
    if op.error:
        body["error"] = op.error
    return body
