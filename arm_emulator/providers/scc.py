"""Microsoft.KubernetesConfiguration/sourceControlConfigurations (Flux v1, retired).

Synchronous: PUT answers 201/200 with provisioningState Succeeded and DELETE 200/204 (a 202 would
break SDK 3.1.0). Creating new ones has been refused by the real service since 2024-01-01; the
emulator does the same unless started with ``--allow-flux-v1-create`` (seed files bypass the rule).
"""

from __future__ import annotations

from typing import Any

from ..core.addressing import Address
from ..core.context import Context
from ..core.errors import ArmError
from ..core.lro import Trigger
from ..store import Resource
from .common import Outcome, check_types, envelope, new_resource, properties_of, protected_keys, require, system_data
from .fluxspec import generated_public_key
from .versions import SOURCE_CONTROL_CONFIGURATIONS

TABLE = SOURCE_CONTROL_CONFIGURATIONS
HAS_OPERATIONS = False
TYPE = "Microsoft.KubernetesConfiguration/sourceControlConfigurations"
KIND = "sourceControlConfiguration"
RETIRED_MESSAGE = ("Flux v1 is retired: new sourceControlConfigurations can no longer be created (since "
                   "2024-01-01). Use Flux v2 instead: az k8s-configuration flux create.")
_INPUT_TYPES = {"repositoryUrl": "string", "operatorNamespace": "string", "operatorInstanceName": "string",
                "operatorType": "string", "operatorParams": "string", "operatorScope": "string",
                "sshKnownHostsContents": "string", "enableHelmOperator": "boolean", "helmOperatorProperties": "object",
                "configurationProtectedSettings": "map"}
_INPUT_FIELDS = tuple(k for k in _INPUT_TYPES if k != "configurationProtectedSettings")


def build(addr: Address, body: dict[str, Any], existing: Resource | None, now: float) -> Resource:
    given = properties_of(body)
    check_types(given, _INPUT_TYPES)
    props: dict[str, Any] = {k: given.get(k) for k in _INPUT_FIELDS}
    if not props["repositoryUrl"]:
        raise ArmError(400, "ValidationFailed", "The property 'repositoryUrl' is required.")
    props["operatorNamespace"] = props["operatorNamespace"] or "default"
    props["operatorInstanceName"] = props["operatorInstanceName"] or addr.name
    props["operatorType"] = "Flux"
    props["operatorScope"] = props["operatorScope"] or "cluster"
    props["operatorParams"] = (props["operatorParams"] or "").strip()
    props["enableHelmOperator"] = bool(props["enableHelmOperator"])
    secret_keys = protected_keys(given.get("configurationProtectedSettings"))  # values are never kept
    own_key = "sshPrivateKey" in secret_keys
    props.update({
        "configurationProtectedSettings": {},
        "repositoryPublicKey": "" if own_key else generated_public_key(props["repositoryUrl"], addr.item_path),
        "provisioningState": "Succeeded",
        "complianceStatus": {"complianceState": "Pending", "lastConfigApplied": "0001-01-01T00:00:00+00:00",
                             "message": '{"OperatorMessage":null,"ClusterState":null}',
                             "messageLevel": "Information"},
    })
    return new_resource(addr, KIND, {"properties": props, "systemData": system_data(existing, now)})


def render(res: Resource, api_version: str, listed: bool = False) -> dict[str, Any]:
    return TABLE.shape(envelope(res, TYPE, dict(res.body["properties"])), api_version, listed)


def get(ctx: Context, addr: Address) -> Resource:
    return require(ctx.store.get(addr.item_path), f"SourceControlConfiguration with name '{addr.name}' not found.")


def list_items(ctx: Context, addr: Address) -> list[Resource]:
    return ctx.store.children(addr.collection_path)


def put(ctx: Context, addr: Address, body: dict[str, Any], trigger: Trigger) -> Outcome:
    """Synchronous: Flux v1 has no long-running operations."""
    existing = ctx.store.get(addr.item_path)
    if existing is None and not ctx.settings.allow_flux_v1_create:
        raise ArmError(400, "FluxV1Retired", RETIRED_MESSAGE)
    res = build(addr, body, existing, ctx.now())
    with ctx.store.tx():
        ctx.store.put(res)
    return Outcome(200 if existing else 201, res)


def delete(ctx: Context, addr: Address, force: bool, trigger: Trigger) -> Outcome:
    existing = ctx.store.get(addr.item_path)
    if existing is None:
        return Outcome(204)
    with ctx.store.tx():
        ctx.store.delete_tree(existing.key)
    return Outcome(200)
