"""Microsoft.KubernetesConfiguration/fluxConfigurations."""

from __future__ import annotations

import copy
from typing import Any

from .. import agent
from ..core import lro
from ..core.addressing import Address
from ..core.context import TENANT_ID, Context
from ..core.errors import validation_failed
from ..core.lro import Trigger
from ..core.mergepatch import merge_patch
from ..store import Operation, Resource
from . import extensions, fluxview
from .common import (
    Outcome,
    check_not_patchable,
    envelope,
    new_resource,
    principal_id,
    properties_of,
    protected_keys,
    require,
    system_data,
)
from .fluxspec import REQUEST_FIELDS, SOURCE_FIELDS, normalize, public_key_for
from .versions import FLUX_CONFIGURATIONS

TABLE = FLUX_CONFIGURATIONS
HAS_OPERATIONS = True
TYPE = "Microsoft.KubernetesConfiguration/fluxConfigurations"
KIND = agent.KIND
STATUS_FIELDS = ("statuses", "repositoryPublicKey", "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt",
                 "complianceState", "provisioningState", "errorMessage")
PATCHABLE = ("sourceKind", "suspend", *SOURCE_FIELDS.values(), "kustomizations")
_SECRETS = "_secretKeys"


def render(res: Resource, api_version: str, listed: bool = False) -> dict[str, Any]:
    return TABLE.shape(envelope(res, TYPE, fluxview.properties_at(res.body["properties"], api_version)),
                       api_version, listed)


def spec_of(props: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in props.items() if k not in STATUS_FIELDS and k in REQUEST_FIELDS}


def _check_v1(ctx: Context, addr: Address) -> None:
    v1 = extensions.v1_config_names(ctx, addr.cluster_path)
    if v1:
        raise validation_failed(
            "Flux v2 configurations cannot be created while Flux v1 sourceControlConfigurations exist on this "
            f"cluster: {', '.join(repr(n) for n in v1)}. Delete them first (az k8s-configuration delete).")


def _ensure_flux_extension(ctx: Context, addr: Address, now: float) -> float:
    """Install microsoft.flux as 'flux' when absent, as the service does; returns extra delay for the config."""
    if extensions.flux_extension(ctx, addr.cluster_path) is not None:
        return 0.0
    ext_addr = Address("config", f"{addr.cluster_path}/providers/Microsoft.KubernetesConfiguration/extensions/flux",
                       config_type="extensions", name="flux")
    body: dict[str, Any] = {"properties": {"extensionType": extensions.FLUX_TYPE, "autoUpgradeMinorVersion": True,
                                           "releaseTrain": "Stable", "scope": {"cluster": {}}}}
    res = extensions.build(ctx, ext_addr, body, None, now)
    if "managedclusters" not in addr.cluster_path.lower():
        res.body["identity"] = {"type": "SystemAssigned", "principalId": principal_id(ext_addr.path),
                                "tenantId": TENANT_ID}
    extensions.start_install(ctx, None, res, "create")
    return 0.001  # finish just after the extension so the config never completes first


def _status_defaults(props: dict[str, Any], existing: Resource | None, secret_keys: list[str], addr: Address) -> None:
    old = existing.body["properties"] if existing else {}
    props.update({
        "statuses": old.get("statuses", []),
        "repositoryPublicKey": public_key_for(props, secret_keys, addr.item_path),
        "sourceSyncedCommitId": old.get("sourceSyncedCommitId"),
        "sourceUpdatedAt": old.get("sourceUpdatedAt"),
        "statusUpdatedAt": old.get("statusUpdatedAt"),
        "complianceState": old.get("complianceState", "Pending"),
        "provisioningState": "Updating" if existing else "Creating",
        "errorMessage": "",
    })


def _on_complete(ctx: Context, res: Resource, op: Operation, now: float) -> None:
    props = res.body["properties"]
    if op.error:
        props["errorMessage"] = op.error["message"]
        return
    agent.schedule(ctx, res, now)


lro.on_complete(KIND, _on_complete)


def get(ctx: Context, addr: Address) -> Resource:
    return require(ctx.store.get(addr.item_path), f"Flux configuration with name '{addr.name}' not found.")


def list_items(ctx: Context, addr: Address) -> list[Resource]:
    return ctx.store.children(addr.collection_path)


def put(ctx: Context, addr: Address, body: dict[str, Any], trigger: Trigger) -> Outcome:
    lro.complete_running(ctx, addr.item_path)
    existing = ctx.store.get(addr.item_path)
    res, op = apply_put(ctx, trigger, addr, existing, body)
    return Outcome(200 if existing else 201, res, op)


def apply_put(ctx: Context, trigger: Trigger, addr: Address, existing: Resource | None,
              body: dict[str, Any]) -> tuple[Resource, Operation]:
    """Validate and store a PUT, installing microsoft.flux first when the cluster lacks it."""
    spec = spec_of(properties_of(body))
    secret_keys = sorted(protected_keys(spec.pop("configurationProtectedSettings", None)))
    if existing is not None:
        old = existing.body["properties"]
        for field in ("scope", "namespace"):
            if field in spec and old.get(field) and spec[field] != old[field]:
                raise validation_failed(f"Property '{field}' cannot be changed on an existing flux configuration.")
    props = normalize(spec)
    _check_v1(ctx, addr)
    now = ctx.now()
    _status_defaults(props, existing, secret_keys, addr)
    res = new_resource(addr, KIND, {"properties": props, "systemData": system_data(existing, now),
                                    _SECRETS: secret_keys})
    with ctx.store.tx():
        delay = _ensure_flux_extension(ctx, addr, now)
        ctx.store.put(res)
        op = lro.start(ctx, trigger, res, "update" if existing else "create", delay=delay)
    return res, op


def patch(ctx: Context, addr: Address, body: dict[str, Any], trigger: Trigger) -> Outcome:
    lro.complete_running(ctx, addr.item_path)
    existing = ctx.store.get(addr.item_path)
    changes = properties_of(body)
    check_not_patchable(changes, ("scope", "namespace"), TYPE)
    existing = require(existing, f"Flux configuration with name '{addr.name}' not found.")
    old_props = existing.body["properties"]
    old_spec = spec_of(old_props)
    spec = copy.deepcopy(old_spec)
    for key in PATCHABLE:
        if key in changes:
            spec[key] = merge_patch(spec.get(key), changes[key]) if changes[key] is not None else None
            if spec[key] is None:
                spec.pop(key)
    old_keys = existing.body.get(_SECRETS, [])
    secret_patch = changes.get("configurationProtectedSettings")
    secret_keys = _patched_secret_keys(old_keys, changes)
    props = normalize(spec)
    if props == old_spec and not secret_patch and secret_keys == old_keys:
        return Outcome(200, existing)
    _status_defaults(props, existing, secret_keys, addr)
    existing.body.update({"properties": props, "systemData": system_data(existing, ctx.now()),
                          _SECRETS: secret_keys})
    with ctx.store.tx():
        ctx.store.put(existing)
        op = lro.start(ctx, trigger, existing, "update")
    return Outcome(202, existing, op)


def _patched_secret_keys(old_keys: list[str], patch: dict[str, Any]) -> list[str]:
    if "configurationProtectedSettings" not in patch:
        return old_keys
    value = patch["configurationProtectedSettings"]
    if value is None:
        return []
    protected_keys(value)  # validates the shape
    return sorted(merge_patch({k: "" for k in old_keys}, value))


def delete(ctx: Context, addr: Address, force: bool, trigger: Trigger) -> Outcome:
    lro.complete_running(ctx, addr.item_path)
    existing = ctx.store.get(addr.item_path)
    if existing is None:
        return Outcome(204)
    if force:
        with ctx.store.tx():
            ctx.store.delete_tree(existing.key)
        return Outcome(200)
    existing.body["properties"]["provisioningState"] = "Deleting"
    existing.agent_due = None
    with ctx.store.tx():
        ctx.store.put(existing)
        op = lro.start(ctx, trigger, existing, "delete")
    return Outcome(202, existing, op)
