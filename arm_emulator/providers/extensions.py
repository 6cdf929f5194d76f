"""Microsoft.KubernetesConfiguration/extensions, with the microsoft.flux service rules."""

from __future__ import annotations

import copy
from typing import Any

from ..core import lro
from ..core.addressing import Address
from ..core.context import TENANT_ID, Context
from ..core.errors import ArmError, validation_failed
from ..core.lro import Trigger
from ..core.mergepatch import merge_patch
from ..store import Operation, Resource
from .common import (
    Outcome,
    check_not_patchable,
    check_types,
    envelope,
    name_of,
    new_resource,
    principal_id,
    properties_of,
    protected_keys,
    require,
    system_data,
)
from .extension_catalogue import published_versions
from .versions import EXTENSIONS

TABLE = EXTENSIONS
HAS_OPERATIONS = True
TYPE = "Microsoft.KubernetesConfiguration/extensions"
KIND = "extension"
FLUX_TYPE = "microsoft.flux"
FLUX_NAMESPACE = "flux-system"
# Published microsoft.flux versions (stable train), oldest first; the last is what an unpinned install gets.
FLUX_VERSIONS = published_versions(FLUX_TYPE)
GENERIC_VERSION = "1.0.0"
PATCHABLE = ("autoUpgradeMode", "autoUpgradeMinorVersion", "releaseTrain", "version", "configurationSettings",
             "configurationProtectedSettings")
REQUEST_TYPES = {"extensionType": "string", "autoUpgradeMode": "string", "autoUpgradeMinorVersion": "boolean",
                 "releaseTrain": "string", "version": "string", "scope": "object", "configurationSettings": "map",
                 "configurationProtectedSettings": "map", "aksAssignedIdentity": "object"}
REQUEST_FIELDS = tuple(REQUEST_TYPES)
VERSION_ERROR = ("The extension operation failed with the following error: Failed to resolve the extension "
                 "version from the given values.")


def is_flux(props: dict[str, Any]) -> bool:
    return str(props.get("extensionType", "")).lower() == FLUX_TYPE


def flux_extension(ctx: Context, cluster_path: str) -> Resource | None:
    for ext in ctx.store.under(cluster_path, KIND):
        if is_flux(ext.body["properties"]):
            return ext
    return None


def v1_config_names(ctx: Context, cluster_path: str) -> list[str]:
    return [name_of(r) for r in ctx.store.under(cluster_path, "sourceControlConfiguration")]


def render(res: Resource, api_version: str, listed: bool = False) -> dict[str, Any]:
    """The extension as ``api_version`` shows it (see versions.EXTENSIONS)."""
    props = copy.deepcopy(res.body["properties"])
    props.update(_legacy_status(props, res.body.get("systemData") or {}, api_version))
    body = envelope(res, TYPE, props, identity=res.body.get("identity"), plan=res.body.get("plan"),
                    managedBy=res.body.get("managedBy"))
    return TABLE.shape(body, api_version, listed)


# installState, the status field before 2022-11-01, follows provisioningState as recorded traffic shows.
_INSTALL_STATES = {"Succeeded": "Installed", "Failed": "Failed"}


def _legacy_status(props: dict[str, Any], system_data: dict[str, Any], api_version: str) -> dict[str, Any]:
    state = props.get("provisioningState")
    if TABLE.synchronous(api_version):  # 2020-07-01-preview
        return {"installState": _INSTALL_STATES.get(state, "Pending"), "errorInfo": props.get("errorInfo") or {},
                "creationTime": system_data.get("createdAt"), "lastModifiedTime": system_data.get("lastModifiedAt"),
                "lastStatusTime": None}
    return {"installState": _INSTALL_STATES.get(state, "Unknown")}


def _resolve_version(props: dict[str, Any]) -> str | None:
    pinned = props.get("version")
    if not is_flux(props):
        return pinned or GENERIC_VERSION
    if pinned is None:
        return FLUX_VERSIONS[-1]
    return pinned if pinned in FLUX_VERSIONS else None


def _check_scope(props: dict[str, Any], name: str) -> None:
    scope = props.get("scope") or {"cluster": {}}
    check_types(scope, {"cluster": "object", "namespace": "object"}, "properties.scope")
    if ("cluster" in scope) == ("namespace" in scope):
        raise validation_failed("Extension scope must be either 'cluster' or 'namespace', but not both.")
    if is_flux(props):
        if "namespace" in scope:
            raise validation_failed("The extension type 'microsoft.flux' can only be installed at cluster scope; "
                                    "namespace scope is not supported.")
        release_ns = (scope["cluster"] or {}).get("releaseNamespace")
        if release_ns and release_ns != FLUX_NAMESPACE:
            raise validation_failed(f"The extension type 'microsoft.flux' must be installed in the "
                                    f"'{FLUX_NAMESPACE}' namespace, not '{release_ns}'.")
    if "cluster" in scope:
        cluster_scope = dict(scope["cluster"] or {})
        cluster_scope.setdefault("releaseNamespace", FLUX_NAMESPACE if is_flux(props) else name.lower())
        scope = {"cluster": cluster_scope}
    props["scope"] = scope


def check_flux_rules(ctx: Context, addr: Address, props: dict[str, Any]) -> None:
    """Service rules for microsoft.flux that answer synchronously with 400."""
    v1 = v1_config_names(ctx, addr.cluster_path)
    if v1:
        raise validation_failed(
            "The extension 'microsoft.flux' cannot be installed while Flux v1 sourceControlConfigurations exist "
            f"on this cluster: {', '.join(repr(n) for n in v1)}. Delete them first "
            "(az k8s-configuration delete), then install Flux v2.")
    other = flux_extension(ctx, addr.cluster_path)
    if other is not None and other.key != addr.item_path.lower():
        raise validation_failed(f"The extension type 'microsoft.flux' is already installed on this cluster as "
                                f"'{name_of(other)}'; only one instance is allowed.")


def build(ctx: Context, addr: Address, body: dict[str, Any], existing: Resource | None, now: float) -> Resource:
    # Properties the service does not know are dropped, never stored or echoed.
    props = {k: copy.deepcopy(v) for k, v in properties_of(body).items() if k in REQUEST_FIELDS}
    check_types(props, REQUEST_TYPES)
    ext_type = props.get("extensionType")
    if not isinstance(ext_type, str) or not ext_type:
        raise validation_failed("The property 'extensionType' is required.")
    if existing is not None and existing.body["properties"]["extensionType"].lower() != ext_type.lower():
        raise validation_failed("The property 'extensionType' cannot be changed on an existing extension.")
    _check_scope(props, addr.name)
    if is_flux(props):
        check_flux_rules(ctx, addr, props)
    settings = props.get("configurationSettings") or {}
    if not isinstance(settings, dict):
        raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                       "deserialized: 'configurationSettings must be a map of strings'.")
    props["configurationSettings"] = settings
    props["configurationProtectedSettings"] = protected_keys(props.get("configurationProtectedSettings"))
    props.setdefault("version", None)
    props.setdefault("autoUpgradeMinorVersion", props["version"] is None)
    props.setdefault("releaseTrain", "Stable")
    old = existing.body["properties"] if existing else {}
    props.update({
        "provisioningState": "Updating" if existing else "Creating",
        "currentVersion": old.get("currentVersion"), "statuses": [], "errorInfo": None,
        "customLocationSettings": None, "packageUri": None, "aksAssignedIdentity": None,
        "isSystemExtension": False,
    })
    stored: dict[str, Any] = {"properties": props, "systemData": system_data(existing, now)}
    identity = body.get("identity")
    if isinstance(identity, dict) and str(identity.get("type", "")).lower() == "systemassigned":
        stored["identity"] = {"type": "SystemAssigned", "principalId": principal_id(addr.item_path),
                              "tenantId": TENANT_ID}
    if body.get("plan"):
        stored["plan"] = body["plan"]
    return new_resource(addr, KIND, stored)


def start_install(ctx: Context, trigger: Trigger, res: Resource, action: str, delay: float = 0.0):
    """Persist the resource and its operation; an unresolvable version makes the operation fail."""
    props = res.body["properties"]
    error = None
    if _resolve_version(props) is None:
        error = {"code": "ExtensionOperationFailed", "message": VERSION_ERROR}
    ctx.store.put(res)
    return lro.start(ctx, trigger, res, action, error=error, delay=delay)


def _on_complete(ctx: Context, res: Resource, op: Operation, now: float) -> None:
    props = res.body["properties"]
    if op.error:
        props["errorInfo"] = op.error
        props["statuses"] = [{"code": "InstallationFailed", "displayStatus": None, "level": "Error",
                              "message": op.error["message"], "time": None}]
        return
    props["currentVersion"] = _resolve_version(props)
    props["extensionState"] = "Ready"


lro.on_complete(KIND, _on_complete)


def get(ctx: Context, addr: Address) -> Resource:
    return require(ctx.store.get(addr.item_path), f"Extension instance with name '{addr.name}' not found.")


def list_items(ctx: Context, addr: Address) -> list[Resource]:
    return ctx.store.children(addr.collection_path)


def put(ctx: Context, addr: Address, body: dict[str, Any], trigger: Trigger) -> Outcome:
    lro.complete_running(ctx, addr.item_path)
    existing = ctx.store.get(addr.item_path)
    with ctx.store.tx():
        res = build(ctx, addr, body, existing, ctx.now())
        op = start_install(ctx, trigger, res, "update" if existing else "create")
    return Outcome(200 if existing else 201, res, op)


def patch(ctx: Context, addr: Address, body: dict[str, Any], trigger: Trigger) -> Outcome:
    lro.complete_running(ctx, addr.item_path)
    existing = ctx.store.get(addr.item_path)
    changes = properties_of(body)
    check_types(changes, REQUEST_TYPES)
    check_not_patchable(changes, ("extensionType", "scope"), TYPE)
    existing = require(existing, f"Extension instance with name '{addr.name}' not found.")
    old = existing.body["properties"]
    new = copy.deepcopy(old)
    for key in PATCHABLE:
        if key not in changes:
            continue
        if key == "configurationSettings":
            new[key] = merge_patch(old.get(key) or {}, changes[key] or {}) if changes[key] is not None else {}
        elif key == "configurationProtectedSettings":
            new[key] = {k: "" for k in merge_patch(old.get(key) or {}, changes[key] or {})}
        else:
            new[key] = changes[key]
    if new == old and not changes.get("configurationProtectedSettings"):
        return Outcome(200, existing)
    new["provisioningState"] = "Updating"
    new["errorInfo"], new["statuses"] = None, []
    existing.body["properties"] = new
    existing.body["systemData"] = system_data(existing, ctx.now())
    with ctx.store.tx():
        op = start_install(ctx, trigger, existing, "update")
    return Outcome(202, existing, op)


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
    with ctx.store.tx():
        ctx.store.put(existing)
        op = lro.start(ctx, trigger, existing, "delete")
    return Outcome(202, existing, op)
