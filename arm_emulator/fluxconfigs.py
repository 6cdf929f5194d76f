"""Microsoft.KubernetesConfiguration/fluxConfigurations."""

from __future__ import annotations

import copy
from typing import Any

from aiohttp import web

from . import agent, extensions, lro
from .addressing import Address
from .common import (
    check_not_patchable,
    envelope,
    get_response,
    list_response,
    lro_response,
    new_resource,
    principal_id,
    protected_keys,
    system_data,
)
from .context import TENANT_ID, Context
from .errors import method_not_allowed, not_found, validation_failed
from .fluxspec import SOURCE_FIELDS, normalize, public_key_for
from .httpio import empty_response, json_response, properties_of, query, read_json
from .mergepatch import merge_patch
from .store import Operation, Resource

API_VERSIONS = ("2025-04-01", "2024-11-01")
HAS_OPERATIONS = True
TYPE = "Microsoft.KubernetesConfiguration/fluxConfigurations"
KIND = agent.KIND
STATUS_FIELDS = ("statuses", "repositoryPublicKey", "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt",
                 "complianceState", "provisioningState", "errorMessage")
PATCHABLE = ("sourceKind", "suspend", *SOURCE_FIELDS.values(), "kustomizations")
_SECRETS = "_secretKeys"


def render(res: Resource) -> dict[str, Any]:
    return envelope(res, TYPE, copy.deepcopy(res.body["properties"]))


def spec_of(props: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in props.items() if k not in STATUS_FIELDS}


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


async def handle(ctx: Context, request: web.Request, addr: Address, api_version: str) -> web.Response:
    store = ctx.store
    if addr.level == "configs":
        return list_response(ctx, request, addr, render)
    method = request.method
    if method in ("PUT", "PATCH", "DELETE"):
        lro.complete_running(ctx, addr.item_path)
    existing = store.get(addr.item_path)
    if method == "GET":
        return get_response(existing, render, f"Flux configuration with name '{addr.name}' not found.")
    if method == "PUT":
        return await _put(ctx, request, addr, existing, api_version)
    if method == "PATCH":
        return await _patch(ctx, request, addr, existing, api_version)
    if method == "DELETE":
        return _delete(ctx, request, existing, api_version)
    raise method_not_allowed(method, addr.path)


async def _put(ctx: Context, request: web.Request, addr: Address, existing: Resource | None,
               api_version: str) -> web.Response:
    body = await read_json(request)
    res, op = apply_put(ctx, request, addr, existing, body)
    return lro_response(ctx, request, op, render(res), 200 if existing else 201, api_version)


def apply_put(ctx: Context, request: web.Request | None, addr: Address, existing: Resource | None,
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
        op = lro.start(ctx, request, res, "update" if existing else "create", delay=delay)
    return res, op


async def _patch(ctx: Context, request: web.Request, addr: Address, existing: Resource | None,
                 api_version: str) -> web.Response:
    body = await read_json(request)
    patch = properties_of(body)
    check_not_patchable(patch, ("scope", "namespace"), TYPE)
    if existing is None:
        raise not_found(f"Flux configuration with name '{addr.name}' not found.")
    old_props = existing.body["properties"]
    old_spec = spec_of(old_props)
    spec = copy.deepcopy(old_spec)
    for key in PATCHABLE:
        if key in patch:
            spec[key] = merge_patch(spec.get(key), patch[key]) if patch[key] is not None else None
            if spec[key] is None:
                spec.pop(key)
    old_keys = existing.body.get(_SECRETS, [])
    secret_patch = patch.get("configurationProtectedSettings")
    secret_keys = _patched_secret_keys(old_keys, patch)
    props = normalize(spec)
    if props == old_spec and not secret_patch and secret_keys == old_keys:
        return json_response(render(existing))
    _status_defaults(props, existing, secret_keys, addr)
    existing.body.update({"properties": props, "systemData": system_data(existing, ctx.now()),
                          _SECRETS: secret_keys})
    with ctx.store.tx():
        ctx.store.put(existing)
        op = lro.start(ctx, request, existing, "update")
    return lro_response(ctx, request, op, render(existing), 202, api_version)


def _patched_secret_keys(old_keys: list[str], patch: dict[str, Any]) -> list[str]:
    if "configurationProtectedSettings" not in patch:
        return old_keys
    value = patch["configurationProtectedSettings"]
    if value is None:
        return []
    protected_keys(value)  # validates the shape
    return sorted(merge_patch({k: "" for k in old_keys}, value))


def _delete(ctx: Context, request: web.Request, existing: Resource | None, api_version: str) -> web.Response:
    if existing is None:
        return empty_response(204)
    if (query(request, "forceDelete") or "").lower() == "true":
        with ctx.store.tx():
            ctx.store.delete_tree(existing.key)
        return empty_response(200)
    existing.body["properties"]["provisioningState"] = "Deleting"
    existing.agent_due = None
    with ctx.store.tx():
        ctx.store.put(existing)
        op = lro.start(ctx, request, existing, "delete")
    return lro_response(ctx, request, op, None, 202, api_version)

